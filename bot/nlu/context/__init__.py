"""The role of each finding in its sentence: stated, stated absent, named as an option, or only supposed.

    negated       "no MET amp", "G1202R not detected", "denies headaches", "lorlatinib-naive"
    candidate     a TKI named as an option ("should we give lorlatinib?", "considering brigatinib")
    hypothetical  inside a question, a what-if or an uncertain clause ("is lorlatinib safe with statins?",
                  "what would you give if there were a G1202R?", "to rule out SCLC transformation")

Every kind of finding can be negated except a measured value (ECOG, PD-L1) and the reader's reports (unknown drug,
unreadable variant). A cue (a negation, a hedge, a plan, what to watch for) reaches a finding only through a list:
list words, other findings and items it does not know ("negative for ALK, MET or other bypass", "no headache,
photophobia or seizures"), never across a clause break nor into or out of brackets (except a plan's). A TKI in a
statement about the drugs ("brigatinib after alectinib has a modest response rate") or after "before" in a plan
("switch to gabapentin before lorlatinib") is a candidate, not one received. Also here: which TKI was stopped for
toxicity (also when replaced by the next one for a toxicity: "Xalkori -> Alecensa for transaminitis"), a stop denied
to be for toxicity (intolerance "none": "stopped for progression, not toxicity"), and the treatment sequence of the
TKIs named ("brigatinib after crizotinib" was crizotinib first; "before lorlatinib she had brigatinib" was
brigatinib first).
"""

from __future__ import annotations

from bot.nlu.context.core import Context
from bot.nlu.context.order import _line, _Order
from bot.nlu.context.patterns import _WHOLE, ListWords, ToxicStops, _cue, _frame, _opening, _words, sentences

__all__ = [
    "_WHOLE",
    "Context",
    "ListWords",
    "ToxicStops",
    "_Order",
    "_cue",
    "_frame",
    "_line",
    "_opening",
    "_words",
    "sentences",
]
