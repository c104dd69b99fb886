"""brain18: the brain, its lesions and the pattern of progression in letters translated from another language (by a
machine or a second-language writer) or with the language's words left in, phrasings of our own
(bot/nlu/typist.py `translated`, clinical_phrases.yml `translated_terms`).

1. A brain scan's name in the language or word for word ("RM encefalo", "IRM cérébrale", "RMN de cráneo", "MRT
   Schädel", "cMRT", "Cerebrum MRI", "Beyin MR") with its result in the language ("negativa", "sin metástasis",
   "absence de métastase", "nessuna lesione") is the brain scan told clear: no brain metastases.
2. The brain's metastases named in the language or with the adjective after its noun ("metástasis cerebrales",
   "métastases cérébrales", "metastasi encefaliche", "Hirnmetastasen", "przerzuty do mózgu", "metastases cerebral",
   "lesions intracranial"), and a count told "new" after it or before its number ("3 lesioni nuove", "new 2
   metastases"): brain metastases, the count read as in English.
3. The brain said to progress with the adjective after ("progression cerebral exclusive", "progressione cerebrale",
   "PD encefalica", "progression limited to the SNC"): a brain progression, CNS-only where it is the only one.
4. The language's denials come first: "no presenta metástasis cerebrales, ni afectación leptomeníngea", "non
   presenta lesioni", "ne présente pas de métastase", "kein Hinweis auf Hirnmetastasen", "metastaz yok" deny.
5. Symptoms in the language ("cefalea", "crisi epilettica", "Kopfschmerzen"; "asintomatico", "bez objawów", "baş
   agrisi yok") as the symptom field reads them in English.
6. A brain scan showing only its treatment's changes with no active lesion ("stable post-radiation changes, no active
   metastasis", "esiti stabili, nessuna lesione attiva") is none now; "no new lesions" alone says nothing.
Controls: the same words of another organ, a plan, a question, another person's, an adjective after a noun that is
no lesion ("cerebral oedema"), the English phrasings unchanged.
"""

from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads


# 1. a brain scan in the language, told clear
@pytest.mark.parametrize(
    "text,fields",
    [
        ("RM encefalo 10/2025: negativa.", {"brain_metastases": False}),
        ("RMN de cráneo: sin metástasis.", {"brain_metastases": False}),
        ("IRM cérébrale du 12/11: absence de métastase.", {"brain_metastases": False}),
        ("RM crânio sem metástases", {"brain_metastases": False}),
        ("MRT Schädel: keine Metastasen", {"brain_metastases": False}),
        ("cMRT 11/2025: kein Hinweis auf Metastasen", {"brain_metastases": False}),
        ("Cerebrum MRI 11/2025 without signs of metastasation.", {"brain_metastases": False}),
        ("Cranial MRI: no lesion.", {"brain_metastases": False}),
        ("RM encefalo: nessuna lesione.", {"brain_metastases": False}),
        ("Beyin MR: metastaz yok", {"brain_metastases": False}),
        ("RM cerebral: sin lesiones.", {"brain_metastases": False}),
        # controls: another organ's scan, a scan planned, a result of another kind, the English unchanged
        ("TC torace: negativa. RM encefalo da programmare.", {"brain_metastases": None}),
        ("RM encefalo: 2 lesioni nuove.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Brain MRI: negative.", {"brain_metastases": False}),
        ("RM encefalo richiesta, risultato atteso.", {"brain_metastases": None}),
    ],
)
def test_a_brain_scan_in_the_language_told_clear(text, fields):
    assert_reads(text, fields)


# 2. brain metastases in the language, or the adjective after its noun
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Presenta metástasis cerebrales múltiples.", {"brain_metastases": True}),
        ("Découverte de métastases cérébrales à l'IRM.", {"brain_metastases": True}),
        ("Comparsa di metastasi encefaliche.", {"brain_metastases": True}),
        ("Bekannte Hirnmetastasen, SRS 2023.", {"brain_metastases": True}),
        ("Stwierdzono przerzuty do mózgu.", {"brain_metastases": True}),
        ("On the MRI there are metastases cerebral in both hemispheres.", {"brain_metastases": True}),
        ("Appearance of lesions intracranial, the biggest of 7 mm.", {"brain_metastases": True}),
        ("Metástasis única cerebelosa de 9 mm.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Brain MRI: new 2 metastases, the biggest 6 mm.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("RM encefalo: 3 lesioni nuove, la maggiore di 5 mm.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Head MR: brain multiple metastases with oedema.", {"brain_metastases": True}),
        # controls: another organ in the language, the swelling after its noun, a relative, a question
        ("metástasis hepáticas múltiples", {"brain_metastases": None}),
        ("métastases osseuses et hépatiques", {"brain_metastases": None}),
        ("Her mother had metastases cerebral from breast cancer.", {"brain_metastases": None}),
        ("¿Tiene metástasis cerebrales?", {"brain_metastases": None}),
        ("new 2 cm liver lesion", {"brain_metastases": None}),
    ],
)
def test_brain_metastases_in_the_language(text, fields):
    assert_reads(text, fields)


# 3. the brain said to progress, the adjective after
@pytest.mark.parametrize(
    "text,fields",
    [
        (
            "Patient in progression cerebral exclusive (2 new lesions), the extracranial disease in response.",
            {"brain_metastases": True, "cns_lesions": "limited", "progression": "cns_only"},
        ),
        ("Progress only cerebral with 3 new lesions.", {"brain_metastases": True, "progression": "cns_only"}),
        ("Progressione cerebrale isolata, 2 nuove lesioni.", {"brain_metastases": True, "progression": "cns_only"}),
        ("Progresión limitada al SNC: 2 nuevas lesiones.", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Progresja ograniczona do OUN, 1 nowe ognisko.", {"brain_metastases": True}),
        ("alectinib 2020-2022: PD encefalica", {"brain_metastases": True}),
        # controls: a progression of another organ in the language, one to come, denied
        ("progressione epatica e ossea", {"progression": "systemic", "brain_metastases": None}),
        ("in caso di progressione cerebrale, radiochirurgia", {"progression": None, "brain_metastases": None}),
        ("no progression cerebral on the last MRI", {"progression": None}),
    ],
)
def test_the_brain_said_to_progress_adjective_after(text, fields):
    assert_reads(text, fields)


# 4. the language's denials before the finding
@pytest.mark.parametrize(
    "text,fields",
    [
        (
            "La paciente no presenta metástasis cerebrales ni afectación leptomeníngea.",
            {"brain_metastases": False, "leptomeningeal": False},
        ),
        ("Il paziente non presenta metastasi cerebrali.", {"brain_metastases": False}),
        ("L'IRM ne montre pas de métastase cérébrale.", {"brain_metastases": False}),
        ("MRT: kein Hinweis auf Hirnmetastasen.", {"brain_metastases": False}),
        ("RM encefalo: non lesioni espansive endocraniche.", {"brain_metastases": False}),
        ("Beyin MR: lezyon yok.", {"brain_metastases": False}),
        ("No se observan metástasis cerebrales.", {"brain_metastases": False}),
        # controls: the denial of another organ before the brain's finding, a finding after a denial closed
        ("No presenta metástasis hepáticas; sí metástasis cerebrales.", {"brain_metastases": True}),
        ("Sin derrame pleural. Metástasis cerebrales múltiples.", {"brain_metastases": True}),
    ],
)
def test_the_languages_denials(text, fields):
    assert_reads(text, fields)


# 5. symptoms in the language
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Paciente con cefalea y metástasis cerebrales.", {"symptomatic": True}),
        ("Ha avuto una crisi epilettica la settimana scorsa.", {"symptomatic": True}),
        ("Seit 2 Wochen Kopfschmerzen.", {"symptomatic": True}),
        ("Metastasi cerebrali, paziente asintomatico.", {"symptomatic": False}),
        ("2 nowe przerzuty do mózgu, bez objawów.", {"symptomatic": False}),
        ("Beyin MR: 2 yeni lezyon. Baş ağrısı yok, nörolojik defisit yok.", {"symptomatic": False}),  # noqa: RUF001
        # controls: a denial in English, a symptom of a relative
        ("no headache, no seizures", {"symptomatic": False}),
        ("Her daughter has Kopfschmerzen.", {"symptomatic": None}),
    ],
)
def test_symptoms_in_the_language(text, fields):
    assert_reads(text, fields)


# 6. a brain scan's treatment changes, none active
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Brain MRI 11/2025: stable post-radiation changes, no active metastasis.", {"brain_metastases": False}),
        ("MRI brain: post-treatment changes only, no active lesions.", {"brain_metastases": False}),
        ("RM encefalo: esiti stabili, nessuna lesione attiva.", {"brain_metastases": False}),
        ("Head MRI - radiation-induced changes, and no viable tumour.", {"brain_metastases": False}),
        # controls: no new lesion alone, an active one beside the changes
        ("Brain MRI: post-radiation changes, no new lesions.", {"brain_metastases": None}),
        ("Brain MRI: post-radiation changes. New 6 mm lesion in the left frontal lobe.", {"brain_metastases": True}),
    ],
)
def test_treatment_changes_none_active(text, fields):
    assert_reads(text, fields)


# 7. (set 18, chat) the brain as a word or key with its treated lesions counted, a bare count told new after the
# brain's key, and a denial of the brain's metastases with no article ("no mets in brain")
@pytest.mark.parametrize(
    "text,fields",
    [
        ("brain: 1 treated met, stable", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Brain - 3 stable treated mets", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("on lorla, brain stable 2 irradiated lesions, body PD", {"brain_metastases": True, "cns_lesions": "limited"}),
        (
            "Stable brain, one small treated lesion; liver growing.",
            {"brain_metastases": True, "cns_lesions": "limited"},
        ),
        ("brain: 2 new, tiny, asymptomatic", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("Brain: 4 new (MRI last week)", {"brain_metastases": True, "cns_lesions": "limited"}),
        ("brain: 15 new, headaches", {"brain_metastases": True, "cns_lesions": "extensive"}),
        ("scan shows no mets in brain, liver PD", {"brain_metastases": False}),
        ("no metastatic spread to brain", {"brain_metastases": False}),
        # controls: the lesions another organ's, no brain, a size or a time after the count, a question
        ("no brain, 2 treated lesions in the liver", {"cns_lesions": None}),
        ("brain: 2 cm new lesion? not sure", {"cns_lesions": None}),
        ("brain: 2 new cycles of chemo planned", {"cns_lesions": None}),
        ("any mets in brain?", {"brain_metastases": None}),
        ("brain: SRS x2 in 2023", {"cns_lesions": None}),
    ],
)
def test_the_brain_key_and_treated_lesions_counted(text, fields):
    assert_reads(text, fields)


# 8. (set 18, chat) the rest said unchanged in chat words after a growth: oligoprogression, as "rest stable" is
@pytest.mark.parametrize(
    "text,fields",
    [
        ("on brig, 1 new adrenal met, everything else ok", {"progression": "oligoprogression"}),
        ("lorla since 2023 - new bone met at T10, all else fine", {"progression": "oligoprogression"}),
        ("CT: two new lung nodules, no other change", {"progression": "oligoprogression"}),
        ("New liver lesion; no other sites of progression.", {"progression": "oligoprogression"}),
        ("MRI head: one new 4 mm frontal met; no other new lesions.", {"progression": None}),
        ("The adrenal has grown. Nothing else is growing.", {"progression": "oligoprogression"}),
        ("Progressing in the nodes, the other organs look stable.", {"progression": "oligoprogression"}),
        # controls: no growth told, an amended report's words, a question, the patient's own state, the brain
        ("CT: no other change.", {"progression": None}),
        ("Amended report: G1202R corrected to G1202del. No other changes.", {"progression": None}),
        ("is everything else ok?", {"progression": None}),
        ("ECOG 1, otherwise fine", {"progression": None}),
        ("no new lesions, nothing else has grown", {"progression": None}),
    ],
)
def test_the_rest_unchanged_in_chat_words(text, fields):
    assert_reads(text, fields)


# 9. the pattern's words in the language ("progressione sistemica", "progresión lenta"), and the brain with no article
# after a progression ("progression only in brain")
@pytest.mark.parametrize(
    "text,fields",
    [
        ("Paziente in progressione sistemica dopo alectinib.", {"progression": "systemic"}),
        ("Progresión sistémica bajo brigatinib.", {"progression": "systemic"}),
        ("Progression systémique sous lorlatinib.", {"progression": "systemic"}),
        ("progressione lenta di un linfonodo (+2 mm in 6 mesi)", {"progression": "indolent"}),
        ("Progresión lenta de un nódulo pulmonar, asintomático.", {"progression": "indolent", "symptomatic": False}),
        ("PD only in brain, 2 new mets", {"brain_metastases": True, "progression": "cns_only"}),
        ("progressed in brain after 2 years of alectinib", {"brain_metastases": True}),
        # controls: a denial, a question, a condition, the brain's progression in English unchanged
        ("no progression in brain", {"brain_metastases": None, "progression": None}),
        ("progression in brain?", {"brain_metastases": None}),
        ("if progression in brain, SRS", {"brain_metastases": None}),
        ("progression in the brain only", {"brain_metastases": True, "progression": "cns_only"}),
    ],
)
def test_the_patterns_words_in_the_language(text, fields):
    assert_reads(text, fields)
