"""(mends) Refactors that read nothing new, each a list or a pattern's shape written in one place: the chemotherapy
agents of the prior and current chemotherapy rows are clinical_phrases.yml's CHEMOAGENT (with the platinum class,
CHEMOWORD), and the immunotherapies of the current immunotherapy rows its IOAGENT; the cues that open a text are
built by one helper (context/patterns.py _opening, in context/cues.py and therapies.py); a value's time in a bracket
and the arrow to a later value are key_value.py's TIME_BRACKET and LATER_ARROW, in key_value.py's values and
reader.py's running text. Each was shown to read the same as before on the reading snapshot
(scripts/reading_snapshot.py: 0 texts read differently). The readings below are of our own phrasings, with controls
that must stay unread."""
from __future__ import annotations

import re

import pytest
import yaml

from bot.nlu import key_value, reader, vocabulary
from bot.nlu.context.patterns import _ALONE, _ALONE_ASKED, _WHOLE, _opening
from tests.nlu.reads import assert_reads, assert_reads_exactly


@pytest.mark.parametrize(
    ("name", "agents"), [("CHEMOAGENT", "carboplatin|cisplatin|pemetrexed"), ("IOAGENT", "pembro")]
)
def test_the_chemotherapy_and_immunotherapy_agents_are_written_once(name, agents):
    text = vocabulary.PHRASES_FILE.read_text(encoding="utf-8")
    listed = yaml.safe_load(text)["defines"][name]
    assert agents in listed and text.count(listed) == 1
    agent, word = vocabulary.define("CHEMOAGENT"), vocabulary.define("CHEMOWORD")
    assert agent in word and "platinum" in word and "platinum" not in agent


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # the history's rows ({CHEMOWORD}): an agent or the platinum class
        ("Platinum doublet x4 cycles in 2022, then alectinib.", {"prior_chemotherapy": True, "current_therapy": None}),
        ("Line 2: gemcitabine (best response PD)", {"prior_chemotherapy": True}),
        # the current therapy's key ({CHEMOWORD}) and the rows of chemotherapy given now ({CHEMOAGENT})
        ("Current therapy: platinum doublet", {"current_therapy": "chemotherapy"}),
        ("Currently on vinorelbine, cycle 3.", {"prior_chemotherapy": True, "current_therapy": "chemotherapy"}),
        ("Was on gemcitabine in 2019, now on lorlatinib.", {"prior_chemotherapy": True, "current_therapy": None}),
        # the rows of immunotherapy given now ({IOAGENT})
        ("pt on carbo/pem/pembro, cycle 3", {"prior_immunotherapy": True, "current_therapy": "chemo_immunotherapy"}),
    ],
)
def test_the_chemotherapy_rows_read_their_agents(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text",
    [
        "Her sister had carboplatin and paclitaxel.",  # a relative's
        "Her husband is on pembrolizumab.",
        "Could carbo/pem be given after lorlatinib?",  # a question
        "Docetaxel, 4 cycles planned.",  # a plan
        "If she progresses we would go to docetaxel, cycle 1 in two weeks.",  # a what-if
    ],
)
def test_chemotherapy_not_given_is_not_read(text):
    assert_reads_exactly(text, {})


def test_an_opening_cue_is_a_whole_word_or_the_whole_text():
    assert _opening(["if"], _WHOLE).match("  (If the brain progresses")
    assert not _opening(["if"], _WHOLE).match("Iffy scan")
    assert _opening(["ok"], _ALONE).match("- ok.")
    assert not _opening(["ok"], _ALONE).match("ok?")
    assert _opening(["ok"], _ALONE_ASKED).match("ok?")
    assert not _opening(["ok"], _ALONE_ASKED).match("ok, then lorlatinib")
    assert _opening(["case"]).flags & re.IGNORECASE and _opening(["case"]).match("CASE 2")


def test_the_later_value_and_its_time_are_one_pattern():
    for pattern in (key_value._ARROW.pattern, reader._lead_in("1")):
        assert key_value.LATER_ARROW in pattern
    for pattern in (key_value._NOW_SCORE.pattern, key_value.later_value("(1)", "1"), key_value.LATER_ARROW):
        assert key_value.TIME_BRACKET in pattern


@pytest.mark.parametrize(
    ("text", "ecog"),
    [
        # the later value past an arrow, the earlier dated (a key's value, running text)
        ("PS: 0 (01/2024) -> 2 (11/2025)", 2),
        ("pt ECOG 1 (last clinic) → 2", 2),
        ("ECOG 0 (2023) -> 1", 1),
        # one line a score, each dated: the latest date stands, whatever the order of the lines
        ("ECOG: 3 (09/2025)\nECOG: 1 (05/2024)", 3),
        # controls: one line undated, two scores stated both ways (asked), not the later line by position
        ("ECOG: 0 (02/2025)\nECOG: 2", None),
    ],
)
def test_the_latest_timed_score_is_read(text, ecog):
    assert_reads(text, {"ecog": ecog})
