"""Classes found on set 22's tuning half (restaging notes, interval histories, oncologic-history auto-text, real-world
data abstraction with coded lines of therapy, tele-oncology requests, sign-out lines), second pass, each with near-miss
controls:

1. The progressing disease's symptoms in other words: pain put down to the cancer or in crisis ("Cancer-related pain -
   oxycodone started", "in for pain crisis"), the liver's place told as discomfort ("3 weeks of right upper quadrant
   discomfort"), a complaint a scan was done for ("MRI for dizziness: ~20 punctate brain mets"), the patient said
   confused ("ECOG 3, confused (hypercalcaemia)"). Not denied, asked, another person's, the writer's confusion
   ("I'm confused about the dates"), abdominal discomfort on a TKI (its toxicity), nor a scan for a complaint that
   found nothing.
2. A brain scan's count of ten or more right after its name, with or without its date ("MRI brain 12 new mets",
   "MRI head 11/2026 15 new lesions"): extensive (it read no extent). Not a size ("MRI brain 12 mm lesion"), nor
   another organ's count. Counts of six to nine are left unread (README, Limitations).
3. The ALK fusion kept on this progression's tissue: the test with its clone in brackets said retained ("ALK IHC
   (D5F3) retained"), and an EBUS or FNA sample read ALK+ beside its mutation result ("EBUS of the node: adeno, ALK+,
   NGS: no ALK mutation"). Not asked ("Was ALK IHC (D5F3) retained?"), not retained, an EBUS at diagnosis, nor a
   relative's.
4. A coded line's stop told past a semicolon, its dates a month or a quarter, its reason after a dash
   ("LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - toxicity (GI, grade 3)"): intolerant. Not a reason of
   progression or cost, a toxicity denied or suspected, a stop asked about.
5. The order of the TKIs from "<TKI> before," in a bracket ("on ceritinib since 2022 (crizotinib before, 2020-2022)")
   and from the TKI the patient is said to be on ("sorry, correction, she's on BRIGATINIB since 2023 (alectinib was
   stopped ...)"): the other one first.
6. A progression told before a later coded line ("LoT1 alectinib 2020-2025 PD; ...; LoT3 brigatinib now", "2L:
   lorlatinib", "- 2025-now: lorlatinib") is that earlier line's: the restaging after it reads ("Restaging:
   stable." is no progression). Not a progression told after the later line, nor a later line only planned, nor a
   restaging asked about.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# ---- 1. the progressing disease's symptoms in other words ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Sign-out: Bed 14 - 66M ALK+ NSCLC, PD on brigatinib (liver + bone + nodes), in for pain crisis. PCA hydromorphone.", {"symptomatic": True}),
        ("A&P:\n1. PD on alectinib, liver and bones.\n2. Cancer-related pain - oxycodone started.", {"symptomatic": True}),
        ("Tumour-related pain in the right flank, on morphine. PD on lorlatinib.", {"symptomatic": True}),
        ("Reports 3 weeks of right upper quadrant discomfort. CT: multiple new liver lesions.", {"symptomatic": True}),
        ("RUQ discomfort since the liver mets grew; PD on brigatinib.", {"symptomatic": True}),
        ("I-PASS P: 68F, alectinib x 6y, MRI for dizziness: ~20 punctate brain mets, no LMD.", {"symptomatic": True}),
        ("CT head because of new confusion: 3 new brain mets. Body stable.", {"symptomatic": True}),
        ("PD in pleura, liver and bone; ECOG 3, confused (hypercalcaemia Ca 3.4).", {"symptomatic": True}),
        ("Pt acutely confused since yesterday, CT head pending.", {"symptomatic": True}),
        # controls
        ("No cancer-related pain. PD in the liver on alectinib.", {"symptomatic": False}),
        ("no RUQ discomfort, no pain.", {"symptomatic": False}),
        ("MRI brain for dizziness showed no metastases.", {"symptomatic": None}),
        ("MRI for dizziness: no metastases, CT body stable.", {"symptomatic": None}),
        ("I'm confused about the dates - was alectinib started in 2021?", {"symptomatic": None}),
        ("Sorry, I was confused by the report: PD is in the liver only.", {"symptomatic": None}),
        ("Her husband is confused and needs help at home. She has PD on alectinib.", {"symptomatic": None}),
        ("Is she confused?", {"symptomatic": None}),
        ("Mild abdominal discomfort on ceritinib.", {"symptomatic": None}),
        ("Could the MRI for dizziness show brain mets?", {"symptomatic": None}),
    ],
)
def test_symptoms_in_other_words(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 2. a brain scan's count of ten or more right after its name ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ONC HX\n• 2022 brigatinib - ongoing.\n• 11/2026: MRI brain 12 new mets, headache; CT body stable.", {"cns_lesions": "extensive"}),
        ("MRI head 11/2026 15 new lesions. Body stable.", {"cns_lesions": "extensive"}),
        ("Restaging: MRI brain 2026-11-20 11 new enhancing lesions; CT stable.", {"cns_lesions": "extensive"}),
        ("Brain MRI 20 new metastases, WBRT planned.", {"cns_lesions": "extensive"}),
        # controls: a size, another organ's count, a question, a count of six to nine (left unread), at diagnosis
        ("MRI brain 12 mm lesion in the left frontal lobe.", {"cns_lesions": "limited"}),
        ("MRI brain 12/2026 stable; CT 12 new liver mets.", {"cns_lesions": None}),
        ("Any chance MRI brain 12 new mets is wrong?", {"cns_lesions": None}),
        ("A/P: PD on alectinib; MRI brain 7 new mets, no body PD.", {"cns_lesions": None}),
        ("At diagnosis MRI brain 11 mets, treated with WBRT.", {"cns_lesions": None}),
    ],
)
def test_brain_scan_count(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 3. the ALK fusion kept on this progression's tissue -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("A/P: alectinib for 4 years. Liver core biopsy 11/2026: small cell carcinoma, synaptophysin positive, ALK IHC (D5F3) retained; no adenocarcinoma component seen.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("Rebiopsy: ALK IHC (D5F3) retained.", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("PD on lorlatinib. Adrenal rebiopsy: ALK (Ventana) IHC preserved, ALK G1202R.", {"alk_fusion_at_progression": True}),
        ("Restaging summary: brigatinib, PET shows new hilar node + new liver lesion. EBUS of the node: adeno, ALK+, NGS: no ALK mutation.",
         {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        ("PD on lorlatinib. FNA of the liver lesion: adenocarcinoma, ALK positive, ALK G1202R.", {"alk_fusion_at_progression": True, "alk_fusion_specimen": "tissue"}),
        # controls: asked, not retained, at diagnosis, a relative's
        ("Was ALK IHC (D5F3) retained on the liver core?", {"alk_fusion_at_progression": None}),
        ("Was ALK IHC (D5F3) retained?", {"alk_fusion_at_progression": None}),
        ("ALK IHC (D5F3) not retained on the liver core.", {"alk_fusion_at_progression": None}),
        ("Initial biopsy at diagnosis: ALK IHC (D5F3) retained in the adenocarcinoma component.", {"alk_fusion_at_progression": None}),
        ("EBUS at diagnosis 2021: adeno, ALK+, no ALK mutation. Now PD on alectinib.", {"alk_fusion_at_progression": None}),
        ("Her sister's EBUS: adeno, ALK+, no ALK mutation.", {"alk_fusion_at_progression": None}),
    ],
)
def test_fusion_kept_on_tissue(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 4. a coded line's stop past a semicolon, its reason after a dash ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Patient-level summary\n- LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - toxicity (GI, grade 3)\n- LoT2: brigatinib 2021 Q1 - 2026 Q4; discontinued - progression",
         {"intolerant_tkis": ["ceritinib"]}),
        ("LoT1: ceritinib 2020-05 to 2020-11; discontinued for toxicity (GI, grade 3)", {"intolerant_tkis": ["ceritinib"]}),
        ("Crizotinib 2019-03 to 2020-01; stopped - hepatotoxicity grade 3", {"intolerant_tkis": ["crizotinib"]}),
        ("alectinib 2021-2023; stopped - rash", {"intolerant_tkis": ["alectinib"]}),
        # controls
        ("LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - progression", {"intolerant_tkis": None}),
        ("LoT1: ceritinib 2020-05 to 2020-11; discontinued - PD (no toxicity)", {"intolerant_tkis": None}),
        ("LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - cost", {"intolerant_tkis": None}),
        ("LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - suspected pneumonitis", {"intolerant_tkis": None}),
        ("LoT1: ceritinib 2020 Q2 - 2020 Q4; discontinued - toxicity; resumed at reduced dose 2021 Q1", {"intolerant_tkis": None}),
        ("Would ceritinib be discontinued - toxicity?", {"intolerant_tkis": None}),
    ],
)
def test_coded_line_stop(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 5. the TKIs' order from "<TKI> before," and from the one the patient is on ----------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Teleconsult request: ALK positive NSCLC, on ceritinib since 2022 (crizotinib before, 2020-2022, PD). Now progressive disease.",
         {"prior_tkis": ["crizotinib", "ceritinib"]}),
        ("On lorlatinib now; brigatinib before, and crizotinib first.", {"prior_tkis": ["crizotinib", "brigatinib", "lorlatinib"]}),
        ("Sign-out: ALK+ NSCLC, on alectinib - sorry, correction, she's on BRIGATINIB since 2023 (alectinib was stopped for rash in 2023). PD liver only.",
         {"prior_tkis": ["alectinib", "brigatinib"]}),
        # controls: one given before another, in turn
        ("Crizotinib before alectinib, then lorlatinib.", {"prior_tkis": ["crizotinib", "alectinib", "lorlatinib"]}),
        ("He's on brigatinib since 2022, after alectinib.", {"prior_tkis": ["alectinib", "brigatinib"]}),
        ("alectinib since 2021. Crizotinib before that.", {"prior_tkis": ["crizotinib", "alectinib"]}),
    ],
)
def test_order(text: str, expect: dict) -> None:
    assert_reads(text, expect)


# ---- 6. a progression told before a later coded line is that earlier line's ---------------------------------------
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("From the RWD abstract: LoT1 alectinib 2020-2025 PD; LoT2 lorlatinib 2025-2026 stopped for toxicity (oedema, neuropathy G3); LoT3 brigatinib now. Restaging: stable.",
         {"progression": "none"}),
        ("LoT1 alectinib 2020-2025 PD. LoT2 brigatinib 2025-ongoing. Restaging CT: PR.", {"progression": "none"}),
        ("- 2021-2025: alectinib (PD liver 2025).\n- 2025-now: lorlatinib. Restaging CT: PR.", {"progression": "none"}),
        ("Lines: 1L alectinib 2021-2024 (PD). 2L: lorlatinib since 2024. Latest scan: everything stable.", {"progression": "none"}),
        # controls: a progression after the later line, a later line only planned, the restaging asked
        ("LoT1 alectinib 2020-2025 PD. LoT2 lorlatinib 2025-now: PD 11/2026 in liver and bone.", {"progression": "systemic"}),
        ("LoT1 alectinib 2020-2025 PD. LoT2 brigatinib planned. Restaging: stable.", {"progression": None}),
        ("LoT1 alectinib 2020-2025 PD. LoT2 brigatinib now. Restaging: stable?", {"progression": None}),
    ],
)
def test_progression_before_later_line(text: str, expect: dict) -> None:
    assert_reads(text, expect)
