"""How clinicians type in a hurry, as general forms: one slip in a long vocabulary word, numbers dictated or spaced
out, a value corrected inside the message, and text-speak for findings; with the near words and near forms that
must not be read. Written from how chat and dictation go wrong (dropped, doubled, swapped and neighbouring letters;
speech-to-text number words), not from the independent sets."""
from __future__ import annotations

import pytest

from bot import knowledge
from bot.nlu import extractor, typist, vocabulary
from tests.nlu import work
from tests.nlu.reads import assert_reads, assert_reads_other_than

read = extractor.extract_case


def _slips(word: str) -> list[str]:
    """One slip of each kind in ``word``, away from its first letter: a letter dropped, doubled, swapped with its
    neighbour, replaced by a keyboard neighbour."""
    mid = len(word) // 2
    neighbour = {"a": "s", "e": "r", "i": "o", "o": "i", "t": "r", "n": "m", "r": "t", "l": "k", "s": "a", "u": "y"}
    swapped = word[: mid] + word[mid + 1] + word[mid] + word[mid + 2 :]
    replaced = word[: mid] + neighbour.get(word[mid], "x") + word[mid + 1 :]
    return [word[:mid] + word[mid + 1 :], word[:mid] + word[mid] + word[mid:], swapped, replaced]


# ---- 1. slips in vocabulary words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("generic", ["alectinib", "brigatinib", "ceritinib", "crizotinib", "lorlatinib", "ensartinib"])
def test_one_slip_in_an_alk_inhibitor_is_read_as_it(generic):
    for typed in _slips(generic):
        if typed == generic:
            continue
        assert read(f"progressed on {typed} after 2 yrs") == {"prior_tkis": [generic]}, typed


@pytest.mark.parametrize("typed, generic", [("alektinib", "alectinib"), ("loratinib", "lorlatinib"),
                                            ("brigatinb", "brigatinib"), ("Alecensaa", "alectinib"),
                                            ("ALUNBRIGG", "brigatinib"), ("lorlatinbi", "lorlatinib"),
                                            ("crizotiinb", "crizotinib")])
def test_slips_in_names_and_brands_whatever_the_case(typed, generic):
    assert read(f"on {typed} since 2021")["prior_tkis"] == [generic]


def test_two_slips_only_in_long_drug_names():
    assert read("on lorlatnb now")["prior_tkis"] == ["lorlatinib"]  # 10 letters: two edits
    assert read("on alctnib now").get("prior_tkis") is None  # 9 letters: one edit only


@pytest.mark.parametrize("text, field, value", [
    ("alk pos sqamous ca", "histology", "squamous"),
    ("histology: squamos", "histology", "squamous"),
    ("small cell transformaton on the rebx", "transformation", "small_cell"),
    ("progressin at mutliple sites", "progression", "systemic"),
    ("widespread progresison in liver and bones", "progression", "systemic"),
    ("ALK fusion positve", "alk_positive", True),
    ("also on itraconzole for aspergillus", "strong_cyp3a_inhibitor", True),
    ("taking rifampcin for TB", "strong_cyp3a_inducer", True),
    ("carbamazepin for epilepsy", "strong_cyp3a_inducer", True),
    ("had 4 cycles of carbopaltin and pemetrexd", "prior_chemotherapy", True),
    ("leptomeningal disease on MRI", "leptomeningeal", True),
    ("on lorlatinib now, befor that alectinib", "prior_tkis", ["alectinib", "lorlatinib"]),
])
def test_slips_in_finding_and_drug_words(text, field, value):
    assert_reads(text, {field: value})


# near drugs and words: never turned into a vocabulary term, and a known word never into another
NEAR_WORDS = ["lorazepam", "loratadine", "certolizumab", "alendronate", "ceftriaxone", "crizanlizumab", "brigade",
              "alert", "positron", "erlotinib", "afatinib", "osimertinib", "lapatinib", "entrectinib", "repotrectinib",
              "gefitinib", "dacomitinib", "neratinib", "imatinib", "capmatinib", "tepotinib", "larotrectinib",
              "selpercatinib", "rifabutin", "rifapentine", "fluconazole", "isavuconazole", "oxcarbazepine",
              "fosphenytoin", "profession", "procession", "processed", "prevent", "plural", "lessons", "modules",
              "staple", "dejected", "multiply", "multiplex", "positives", "negatives", "tissues", "systematic",
              "progressively", "compounds", "metastasis", "metastases", "transformer", "daratumumab", "ipilimumab",
              "tremelimumab", "trastuzumab", "avelumab", "amivantamab", "prednisolone", "dexamethasone"]


@pytest.mark.parametrize("word", NEAR_WORDS)
def test_near_words_stay_themselves(word):
    rewrite = extractor.load().rewrite
    assert rewrite(f"pt on {word} now").text == f"pt on {word} now"
    assert rewrite(word.upper()).text == word.upper()


def test_other_kinase_inhibitors_stay_unread_or_unknown():
    for word in ("erlotinib", "osimertinib", "entrectinib", "repotrectinib", "lapatinib", "afatinib"):
        assert "prior_tkis" not in read(f"progressed on {word}")
        kinds = {e.entity for e in extractor.load().entities(f"progressed on {word}")}
        assert "tki" not in kinds


def test_every_term_of_the_vocabulary_is_a_word_the_reader_reads():
    """The typo-tolerant list is vocabulary, not a list of misspellings: each word occurs in the phrase files or
    the knowledge base's names, and is no known misspelling."""
    table = vocabulary.table()
    spec = table["typo_tolerance"]
    known = set(spec["known"])
    misspelt = {m.lower() for d in knowledge.default().drugs.values() for m in d.misspellings}
    for term in spec["drugs"] + spec["words"]:
        assert term.lower() in known or term.lower() in table["drug_spellings"], term
        assert term.lower() not in misspelt, term


def test_no_two_terms_are_within_reach_of_each_other():
    """A word within reach of two terms would depend on the tie; a term within reach of another would be taken
    for it when mistyped toward it."""
    spec = vocabulary.table()["typo_tolerance"]
    terms = sorted({t.lower() for t in spec["drugs"] + spec["words"] if len(t) >= 6})
    one_drug = {s.lower(): g for g, d in knowledge.default().drugs.items() for s in (g, *d.brands)}
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            if a[0] == b[0] and not (a in one_drug and one_drug.get(b) == one_drug[a]):
                reach = 1 + (len(a) >= 10 and a in spec["drugs"]) + (len(b) >= 10 and b in spec["drugs"])
                forms_of_one_word = a.rstrip("s") == b.rstrip("s") or a[:-2] == b[:-2]  # metastases, metastasis
                assert typist.distance(a, b, reach) > min(reach, 2) or {a, b} <= {"rifampin", "rifampicin"} or (
                    forms_of_one_word), (a, b)


def test_the_read_back_shows_the_words_as_typed():
    found = [e for e in extractor.load().entities("pd on alektinib at mutliple sites") if e.entity == "tki"]
    assert [(e.value, e.text) for e in found] == [("alectinib", "alektinib")]
    for text in ("pd on alektinib at mutliple sites", "E cog one, G twelve oh two R, PD L1 twenty percent; sqaumous",
                 "ALK G 1202 R and alektinib->loratinib", "Alecensaa. Progresion at mutliple sites!"):
        found = extractor.load().entities(text)
        assert len(found) >= 2, text
        for e in found:
            assert text[e.start : e.end] == e.text


def _distinct_long_words(n: int) -> str:
    return " ".join(f"lor{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)}atinibx" for i in range(n))


def test_typo_tolerance_looks_words_up_instead_of_scanning_the_vocabulary(monkeypatch):
    """An unknown word is looked up by its deletions (a few index keys), never compared with the whole vocabulary:
    the edit distances computed stay the same when the vocabulary grows a hundredfold with unrelated words."""
    import random

    counted = []
    real = typist.distance
    monkeypatch.setattr(typist, "distance", lambda *args: counted.append(1) or real(*args))
    drugs = ["alectinib", "brigatinib", "ceritinib", "crizotinib", "lorlatinib", "ensartinib"]
    rng = random.Random(7)
    unrelated = ["".join(rng.choice("bcdfghjkmnpqvwxz") for _ in range(9)) for _ in range(600)]
    words = _distinct_long_words(300).split()
    found = []
    for vocabulary in (drugs, drugs + unrelated):
        counted.clear()
        checker = typist.Typos(vocabulary, [], [], [])
        found.append([checker.term(w) for w in words])
        found.append(len(counted))
    small_terms, small_count, large_terms, large_count = found
    assert small_terms == large_terms and 0 < small_count == large_count


def test_typo_tolerance_keeps_the_read_linear():
    """Distinct long words, each read by a fresh reader (no cache help), cost work in proportion to their number
    (counted in calls, tests/nlu/work.py)."""
    table = vocabulary.table()
    short, long = (work.calls(typist.load(table), _distinct_long_words(n)) for n in (300, 600))
    assert long / short < 2.2


# ---- 2. dictated numbers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, mutation", [
    ("G twelve oh two R", "G1202R"), ("gee twelve oh two are on tissue", "G1202R"), ("ALK G 1202 R", "G1202R"),
    ("L eleven ninety six M detected", "L1196M"), ("ell eleven ninety six em", "L1196M"),
    ("I eleven seventy one N", "I1171N"), ("G one two zero two R", "G1202R"), ("rebx: alk G-1202-R", "G1202R"),
    ("ALK G1202 R on plasma", "G1202R"), ("L 1196M", "L1196M"),
])
def test_dictated_and_spaced_mutation_names(text, mutation):
    assert_reads(text, {"alk_mutations": [mutation]})


@pytest.mark.parametrize("text", ["we are twelve oh two", "G twelve R", "room G 12 R", "since 2021 A", "C 2020 A",
                                  "I 1999 N",
                                  "see you at twelve oh two are you free"])
def test_number_words_that_are_no_mutation(text):
    assert_reads(text, {"alk_mutations": None})


@pytest.mark.parametrize("text, ecog", [("E cog one", 1), ("e-cog two today", 2), ("E.cog 0", 0), ("E C O G 2", 2),
                                        ("e.c.o.g. 1", 1),
                                        ("ECOG of three", 3), ("PS one", 1)])
def test_dictated_ecog(text, ecog):
    assert_reads(text, {"ecog": ecog})


@pytest.mark.parametrize("text", ["one new lesion", "two lines of therapy", "three brain mets",
                                  "on alectinib for one year", "score one for the team"])
def test_number_words_outside_ecog_context_are_no_ecog(text):
    assert_reads(text, {"ecog": None})


@pytest.mark.parametrize("text, tps", [("P D L one eighty percent", 80), ("PD L1 twenty percent", 20),
                                       ("pdl one fifty five per cent", 55), ("PD-L1 30 percent", 30),
                                       ("PD L1: ninety percent", 90), ("p.d.l.1 five percent", 5)])
def test_dictated_pdl1(text, tps):
    assert_reads(text, {"pdl1_tps": tps})


def test_a_percentage_in_words_is_no_pdl1_without_pdl1():
    assert_reads("VAF of twenty percent for G1202R", {"pdl1_tps": None})
    assert_reads("VAF of twenty percent for G1202R", {"alk_mutations": ["G1202R"]})


# ---- 3. corrections inside one message ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, field, value", [
    ("on alec, sorry i mean brig, since 2022", "prior_tkis", ["brigatinib"]),
    ("currently crizotinib - sorry, ceritinib", "prior_tkis", ["ceritinib"]),
    ("had alectinib then brig, no wait, lorla", "prior_tkis", ["alectinib", "lorlatinib"]),
    ("TKIs so far: alec, brig. correction: no brig, it was ceritinib", "prior_tkis", ["alectinib", "ceritinib"]),
    ("adeno, no, squamous cell ca", "histology", "squamous"),
    ("histology squamous, my bad, adenosquamous", "histology", "other_nsclc"),
    ("ECOG 3, actually 2 since the dex", "ecog", 2),
    ("PS 1.. no, 0", "ecog", 0),
    ("PD-L1 50%, sorry 5%", "pdl1_tps", 5),
    ("treated in Spain, sorry, Portugal", "region", "PT"),
    ("plasma only - actually tissue too", "biopsy", "tissue_and_plasma"),
    ("tissue only, scratch that, plasma", "biopsy", "plasma"),
    ("no brain mets. correction: brain mets present, 2 small", "brain_metastases", True),
    ("lepto yes - sorry no lepto, that was another patient", "leptomeningeal", False),
])
def test_a_corrected_value_replaces_the_one_it_corrects(text, field, value):
    assert_reads(text, {field: value})
    assert field not in extractor.conflicts(extractor.load().entities(text))


@pytest.mark.parametrize("text, expected", [
    ("alk+ adeno, actually responding well to alectinib", {"prior_tkis": ["alectinib"], "alk_positive": True}),
    ("on brigatinib and actually doing well, ECOG 1", {"prior_tkis": ["brigatinib"], "ecog": 1}),
    ("sorry to bother you, pt on alectinib, ECOG 2", {"prior_tkis": ["alectinib"], "ecog": 2}),
    ("crizotinib then alectinib, sorry for the typos", {"prior_tkis": ["crizotinib", "alectinib"]}),
    ("lorlatinib rather than brigatinib was given", {"prior_tkis": ["lorlatinib"]}),
    ("ECOG 1, actually 2 cm lesion in the liver", {"ecog": 1}),
    ("on alectinib, no, I mean he is still on it", {"prior_tkis": ["alectinib"]}),
    ("pd in liver and bone, actually the brain too", {"progression": "systemic"}),
])
def test_cues_that_correct_nothing_drop_nothing(text, expected):
    got = read(text)
    for field, value in expected.items():
        assert got[field] == value, text


# ---- 4. text-speak -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("bm +ve", {"brain_metastases": True}),
    ("bms on mri", {"brain_metastases": True}),
    ("no bm", {"brain_metastases": False}),
    ("no bms, no lepto", {"brain_metastases": False, "leptomeningeal": False}),
    ("lepto neg", {"leptomeningeal": False}),
    ("lepto +", {"leptomeningeal": True}),
    ("alk +ve adeno", {"alk_positive": True, "histology": "adenocarcinoma"}),
    ("alk -ve", {"alk_positive": False}),
    ("oligoprog on lorla", {"progression": "oligoprogression", "prior_tkis": ["lorlatinib"]}),
    ("oligo-prog", {"progression": "oligoprogression"}),
    ("alk tki naive", {"prior_tkis": []}),
    ("TKI-naive, ALK+", {"prior_tkis": [], "alk_positive": True}),
    ("no prior TKI", {"prior_tkis": []}),
    ("alec then lorla (never got brig)", {"prior_tkis": ["alectinib", "lorlatinib"]}),
    ("he never took ceritinib; on alectinib", {"prior_tkis": ["alectinib"]}),
])
def test_text_speak_for_findings(text, expected):
    got = read(text)
    for field, value in expected.items():
        assert got[field] == value, text


@pytest.mark.parametrize("text, absent", [
    ("BM biopsy normal", "brain_metastases"),
    ("bm aspirate pending", "brain_metastases"),
    ("no TKI intolerance so far", "prior_tkis"),
    ("no TKI holiday planned, on alectinib", "intolerant_tkis"),
    ("no tki related toxicity", "prior_tkis"),
    ("no TKI was ever discontinued for toxicity", "prior_tkis"),
    ("no tki ever held for side effects", "prior_tkis"),
])
def test_text_speak_near_misses(text, absent):
    assert_reads(text, {absent: None})


# ---- findings typed as shorthand in a chat ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "wants to cont tx",
    "pt still wants tx",
    "keen for more lines",
    "wants more lines of treatment",
    "pt wants more",
    "she wants to try something else",
    "family and patient want to keep fighting",
    "declines chemo but would accept a TKI",
    "willing to try lorlatinib",
    "happy to have a trial",
])
def test_a_wish_for_more_treatment_in_shorthand_is_disease_directed(text):
    assert_reads(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text", [
    "wants more info on lorla",
    "wants a tx break",
    "wants more time at home",
    "does not want more tx",
    "would not accept chemo",
    "we will consider lorlatinib if PD confirmed",
    "would you consider a trial?",
    "wants to stop tx",
])
def test_near_misses_of_a_wish_for_treatment(text):
    assert_reads_other_than(text, {"goals_of_care": "disease_directed"})


@pytest.mark.parametrize("text,fields", [
    ("tegretol for epilepsy", {"strong_cyp3a_inducer": True}),
    ("on dilantin since the craniotomy", {"strong_cyp3a_inducer": True}),
    ("rifampicin for TB - cannot stop", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("carbamazepine, neuro says cant switch", {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("phenytoin, unable to stop it (refractory seizures)",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": False}),
    ("tegretol, neurology ok to swap to levetiracetam",
     {"strong_cyp3a_inducer": True, "cyp3a_inducer_stoppable": True}),
    ("not on any CYP3A inducer or inhibitor", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
    ("no strong CYP3A4 inducers/inhibitors", {"strong_cyp3a_inducer": False, "strong_cyp3a_inhibitor": False}),
])
def test_cyp3a_drugs_in_brand_names_and_shorthand(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text", [
    "is tegretol a strong inducer?",
    "on a CYP3A inducer or inhibitor?",
    "tegretol was switched to levetiracetam last year",
])
def test_cyp3a_near_misses(text):
    assert read(text).get("strong_cyp3a_inducer") is not True and "strong_cyp3a_inhibitor" not in read(text), text


@pytest.mark.parametrize("text", [
    "alk+, alectinib, stable, ecog 1",
    "brig stable 2 yrs, ps 0",
    "alectinib x 3 yrs, CR, no brain mets",
    "on lorla, stable",
    "ensartinib since 2022. stable. ECOG 1",
    "pt on brigatinib, scans good, ecog 0",
])
def test_stable_or_cr_as_an_item_of_a_typed_list_is_no_progression(text):
    assert_reads(text, {"progression": "none"})


@pytest.mark.parametrize("text", [
    "stable?",
    "is it stable?",
    "ECOG stable",
    "new liver mets, bone stable",
    "brain MRI clear",
])
def test_stable_said_of_something_else_or_asked_is_no_pattern(text):
    assert_reads_other_than(text, {"progression": "none"})


@pytest.mark.parametrize("text,fields", [
    ("io never", {"prior_immunotherapy": False}),
    ("chemo: never", {"prior_chemotherapy": False}),
    ("IO never given, chemo x4", {"prior_immunotherapy": False}),
    ("then alk found on NGS, alectinib since", {"alk_positive": True}),
    ("relapsed 2021, ALK was found, started alectinib", {"alk_positive": True}),
    ("durva after CRT for stage III", {"prior_chemotherapy": True, "prior_immunotherapy": True}),
    ("definitive CRT 2019 then PACIFIC durvalumab", {"prior_chemotherapy": True}),
    ("pd on chemo now multi sites", {"progression": "systemic"}),
])
def test_history_and_status_in_shorthand(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,field", [
    ("CRT-D in situ", "prior_chemotherapy"),
    ("CRT for heart failure", "prior_chemotherapy"),
    ("no alk found", "alk_positive"),
    ("was alk found on the rebx?", "alk_positive"),
    ("io never?", "prior_immunotherapy"),
])
def test_shorthand_near_misses(text, field):
    assert read(text).get(field) is not True and (field != "prior_immunotherapy" or field not in read(text)), text


def test_many_brain_metastasis_in_the_singular_is_extensive():
    assert_reads("he has many brain metastasis", {"cns_lesions": "extensive"})


@pytest.mark.parametrize("text,progression", [
    ("pd at 1 brain lesion, stable body", "cns_only"),
    ("progression in two cerebral mets, body stable", "cns_only"),
    ("PD on lorla in a single brain met + stable extracranial disease", "cns_only"),
    ("brain only pd, stable body, asx", "cns_only"),
    ("alec pd 2 sites, no brain mets", "oligoprogression"),
    ("progression at 3 sites, rest stable", "oligoprogression"),
])
def test_progression_counted_in_chat(text, progression):
    assert_reads(text, {"progression": progression})


@pytest.mark.parametrize("text", ["pd at 2 sites in the brain", "any pd at 1 brain lesion?", "no pd at 2 sites",
                                  "pd at 2 sites?"])
def test_progression_counted_near_misses(text):
    assert_reads_other_than(text, {"progression": "oligoprogression"})
    if text.endswith("?"):
        assert_reads(text, {"progression": None})


@pytest.mark.parametrize("text,fields", [
    ("comfort", {"goals_of_care": "comfort"}),
    ("liquid only, EGFR del19", {"biopsy": "plasma", "bypass_alterations": ["EGFR_mutation"]}),
    ("alk+, alec 3y, stable, no brain", {"brain_metastases": False, "progression": "none"}),
])
def test_one_word_answers_and_list_items(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize("text,field", [("comfort?", "goals_of_care"), ("comfort care vs more tki?", "goals_of_care"),
                                        ("brain?", "brain_metastases"), ("liquid only?", "biopsy")])
def test_one_word_questions_are_not_answers(text, field):
    assert_reads(text, {field: None})
