"""Where the findings are in a text: names, phrases, mutations and ECOG/PD-L1 values, as character spans.

Plain regular expressions over the vocabulary table (vocabulary.py), over the raw text: no tokenizer and no model
stack, so the command line answers at once and the work per message grows linearly with its length. In the Rasa
server the spaCy pipeline's `clinical_reader` component (pipeline.py) runs this reader over `doc.text`. Overlapping
readings are resolved longest-first, names before phrases; facts stated inside another finding's phrase ("2 small
asymptomatic brain mets", "never received chemo or immunotherapy") are overlays that compete only with their own kind.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot import knowledge
from bot.nlu import compiled
from bot.nlu.entity import NEGATED
from bot.nlu.key_value import CHANGE_VERB as _CHANGE_VERB
from bot.nlu.key_value import EARLIER_AFTER as _ECOG_EARLIER
from bot.nlu.key_value import EARLIER_ALONE as _ECOG_EARLIER_ALONE
from bot.nlu.key_value import EARLIER_AT as _EARLIER_AT
from bot.nlu.key_value import EARLIER_LABEL as _EARLIER_LABEL
from bot.nlu.key_value import EARLIER_WHEN as _EARLIER_WHEN
from bot.nlu.key_value import (
    LATER_ARROW,
    KeyValues,
    Reading,
    earlier_dated,
    later_number,
    later_told,
    later_value,
    timeline_latest,
)
from bot.nlu.key_value import NOW_LABEL as _NOW_LABEL
from bot.nlu.statements import _statement_start
from bot.nlu.vocabulary import AMINO, define
from bot.nlu.when import DATE_TEXT

OVERLAYS = frozenset(
    {"symptomatic", "brain_metastases", "prior_chemotherapy", "prior_immunotherapy", "goals_of_care", "tki"}
)  # a drug named inside a phrase ("progressing on alectinib in the liver and bones") is still named
OVERLAY_VALUES = frozenset(  # "new brain mets" is progression beside the lesions' count; "known brain mets" beside them
    {"cns_progressing", "cns_known"}
)
# a comma between two sites' progressions read as one (Reader._progressions_apart), and what may open the second
_APART = compiled.kept(r",\s*")
_APART_LEAD = compiled.kept(r"(?:(?:and|but|however|while|whereas|plus)\s+)?", re.IGNORECASE)
_OR = compiled.kept(r"\bor\b", re.IGNORECASE)  # sites joined as alternatives (Reader._sites)
SITES = "sites:"  # value prefix of progression at named extracranial sites, an overlay of its own ("sites:bone+liver")
# (prog3) a lesion said new or growing, no site group read: an overlay of its own, taking no other finding's words
GROWING = "lesion_growing"
_DXADV = define("DXADV")  # "initially", "originally": the phrase file's adverbs of the diagnosis's time
_NUMBER_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "for": "4"}
# "for" as speech recognition writes "four", only where a score ends its clause ("ECOG for.", "ecog for, lives alone";
# never "ECOG for the last month", "ECOG for?")
_ECOG_VALUE = r"([0-4]|zero|one|two|three|four|for(?=\s*(?:$|[.,;!\n])))"


# the writer's own judgement of a score, as said on a ward round ("I'd call 2", "we would put her at 1"): after the
# score's name (_lead_in: "ECOG today I'd call 2") or, as another source, after a source's score (_OWN_VIEW)
_SAID_AS = r"(?:i'?d|i would|we'?d|we would) (?:call|say|put|score|grade)(?: (?:it|her|him|them))?(?: at| as)?"


def _lead_in(earlier: str) -> str:
    """The words between a performance score's label and its value ("of", "is", "declined from 1 to"), with an
    earlier value before the latest ("ECOG 1->3", "KPS 90 at diagnosis, now 60"): the latest is the one read."""
    return (
        # an arrow from each earlier value, each perhaps dated in brackets ("PS: 0 (2021) -> 2 (now)", "ECOG 0→1→2")
        # (paraphrase) also after the verb of the change ("ECOG improved 2 -> 1", "PS dropped from 1 → 3")
        # (plans) also after "is" ("Her ECOG is 1 (dx) -> 2")
        rf"(?:(?:was |were |is |has been |from |{_CHANGE_VERB} (?:from )?)?"
        rf"(?:{earlier}{LATER_ARROW})+|"
        # the earlier value under its time's label, then the current one's label ("ECOG baseline 1, current 2",
        # "PS at diagnosis 0; now 2", "ECOG: dx 0 | now 2")
        rf"{_EARLIER_LABEL}\s*[:=]?\s*{earlier}\s*[,;|/]?\s*(?:and |but )?{_NOW_LABEL}\s*[:=]?\s*|"
        # (recall15) the earlier value's time said in words before it ("ECOG one year ago 1, now 2", "PS last month 1;
        # today 3", "ECOG in June 0, currently 2")
        rf"{_EARLIER_WHEN}\s*[:=]?\s*{earlier}\s*[,;|/]?\s*(?:and |but )?{_NOW_LABEL}\s*[:=]?\s*|"
        rf"(?:(?:was |were )?{earlier} (?:{_EARLIER_AT}|{_DXADV}|previously|before(?: that)?)"
        r"[,;]?\s*(?:and |but )?(?:is )?now(?: (?:it|she|he|they)(?:'s| is| are))?|"
        # (ther18) the score said to hold as before ("ECOG is still 1", "ECOG unchanged at 1", "the ECOG is really 0")
        r"(?:is |remains |stays )?(?:still|really|truly|unchanged(?: at)?|stable at|the same at)|"
        r"of|is|was|were|would be|be|became|becomes|is now|now|score|currently|(?:at|on) (?:the )?(?:discharge|alta)|"
        # as said on a ward round: "ECOG today I'd call 2", "PS I would say 1"
        rf"(?:today |now |currently )?{_SAID_AS}|"
        rf"remains|at|{_CHANGE_VERB}(?: from {earlier})? to|to)\s*)?[:=]?\s*"
    )


_ECOG = compiled.kept(
    r"(?<![\w-])(?:(?:ecog|zubrod|eastern cooperative oncology group)"
    r"(?:[\s-]*(?:ps|performance[\s-]+(?:status|score)))?|"
    r"(?:who|oms)[\s-]*(?:ps|performance[\s-]+status)|(?-i:WHO|OMS)(?=\s*[0-4])|ps|perf(?:ormance|\.)?[\s-]+status)(?:\s*\((?:ecog|who)?[\s-]*(?:ps)?\))?"
    r"(?:[\s:=-]*(?:ecog|who|zubrod)(?![\w]))?"  # the scale named after a label: "PS: WHO 1"
    r"(?:[\s-]+(?:status|score|grade))?"
    # (lead14) the date the score is told for, between the label and the score, bare or in a bracket ("ECOG 03/2025:
    # 1", "PS (11/2025) 2", "ECOG Nov 2025: 2"): the statement's date, which orders two scores (Timing._latest_told)
    rf"(?:[\s,]*(?:\(\s*)?(?:(?:in|on|at|from)\s+)?(?<![\w/.-]){DATE_TEXT}(?![\w/])(?:\s*\))?)?"
    r"[\s:=-]*"
    + _lead_in("(?:[0-4]|zero|one|two|three|four)")
    + r"(?:(?:about|around|roughly|approximately|approx\.?|~)\s*)?"  # a clinician's estimate: "PS is about 1"
    + rf"{_ECOG_VALUE}(?:\s*(?:-|–|to|/|or)\s*{_ECOG_VALUE})?"
    r"(?!\.\d|[\w%]|\s*(?:mm|cm|%|months?|mo\b|years?|weeks?|cycles?))",
    re.IGNORECASE,
)
# a later score given bare right after a score, in its clause ("ECOG was 3, now 1", "ECOG: 3 (last year), now 1", "PS 2
# but today 1"), also past the earlier one's time (s10rest: "WHO PS 1 pre-admission, now 3", "ECOG 1 before admission,
# now 3", "ECOG 0 last year, 2 today") or told with a verb (ecog2: "ECOG 1, deteriorated to 3", "PS 3 improving to 1"):
# the score now, which the earlier one is not
_LATER_NOT_A_SCORE = (
    r"(?!\.\d|[\w%]|\s*(?:mm|cm|%|mg|months?|mo\b|years?|weeks?|days?|cycles?|lines?|lesions?|mets|doses?|tab|caps|"
    r"times|x\b))"
)
# ... a later Karnofsky score ("KPS 90, dropped to 60", "KPS 60 last month, now 90")
_KARNOFSKY_NOW = compiled.kept(
    later_value(r"(\d{2,3})\s*%?", r"\d{2,3}") + r"(?!\.\d|\w|\s*(?:mg|mm|cm|months?|years?|weeks?|days?))",
    re.IGNORECASE,
)
# (safe12) who gave a score ("per GP", "according to the referral letter", "(our assessment)"), and a second score
# given by another source right after the first ("ECOG 2 per GP, 1 per us", "PS 1 (oncologist) vs 2 (physio)", "ECOG 2
# per the referral, but on our assessment 1"): two sources disagreeing, both read (fields.py names the clash; no pick)
_WHO = define("SCORESOURCE")  # the phrase file's sources of a score ("GP", "referral letter", "our assessment")
_SOURCE = (
    rf"(?:(?:per|by|according\s+to|from|on|(?:as\s+)?(?:assessed|scored|documented|reported|rated|recorded)\s+by)\s+"
    rf"(?:the\s+|a\s+)?{_WHO}|\(\s*(?:per\s+)?(?:the\s+)?{_WHO}\s*\))"
)
# (lead) also past the first score's source ("ECOG 2 per GP, now 1", "PS 2 (referral letter), today 1": it read 2)
_ECOG_NOW = compiled.kept(rf"(?:\s*{_SOURCE})?" + later_value(r"([0-4])", r"[0-4]") + _LATER_NOT_A_SCORE, re.IGNORECASE)
# (lead11) the writer's own view after a source's score ("ECOG 1 per the GP, but I'd say 2", "PS 2 per the referral;
# we would call it 1"): another source, the two left to clash as above
_OWN_VIEW = _SAID_AS + r"\s*[:=,]?\s*"
_ECOG_OTHER_SOURCE = compiled.kept(
    rf"\s*{_SOURCE}\s*(?:[,;/]|\s[-–—]\s|\s+(?:vs\.?|versus))\s*(?:(?:but|and|whereas|while)\s+)?"
    rf"(?:(?:{_SOURCE})\s*[:=,]?\s*(?:(?:ecog|ps|who)\s*[:=]?\s*)?([0-4])|(?:(?:ecog|ps|who)\s*[:=]?\s*)?([0-4])\s*{_SOURCE}|"
    rf"{_OWN_VIEW}(?:(?:ecog|ps|who)\s*[:=]?\s*)?([0-4]))" + r"(?!\.\d|[\w%])",
    re.IGNORECASE,
)
# (lead14) ... also after a score whose source is named before it ("GP says ECOG 1; I'd say 2", "According to the
# referral letter, PS 1 - we would call it 2"): the source in the score's statement, its verb or its mark after it
_SOURCE_BEFORE = compiled.kept(
    rf"(?:{_SOURCE}|(?<![\w-])according\s+to\s+(?:the\s+|a\s+)?{_WHO}|(?<![\w-])(?:the\s+|a\s+|her\s+|his\s+)?{_WHO}"
    r"(?:'s)?\s*(?:says|said|reports?|reported|scores?|scored|documents|documented|records|recorded|rates|rated|"
    r"thinks|thought|puts|put|gives|gave|calls|called|estimates|estimated|has|had|assessment|letter|note|[:=]))",
    re.IGNORECASE,
)
# (lead15) the writer's view ending its clause: a score, not a number of something else ("I'd say 2 weeks ago")
_OWN_VIEW_CLOSED = compiled.kept(r"[ \t]*(?:[.;,!)\n]|$)")
_OWN_VIEW_NEXT = compiled.kept(
    r"\s*(?:[,;/]|\s[-–—]\s|\.(?=\s))\s*(?:(?:but|and|whereas|while|however|though)\s*,?\s*)?"
    rf"{_OWN_VIEW}(?:(?:ecog|ps|who)\s*[:=]?\s*)?([0-4])" + r"(?!\.\d|[\w%])",
    re.IGNORECASE,
)
# ... or whose label says so ("Baseline ECOG 1", "initial PS 0", "ECOG at diagnosis: 1")
_EARLIER_BEFORE = compiled.kept(
    r"(?<![\w-])(?:baseline|initial|original|prior|previous|pre-?treatment|diagnostic|pre-?morbid|"
    # (s15) an adverb of the past right before it ("Previously ECOG 1, now hard to assess"), or a time before an event
    # and the patient's past copula ("before the fracture he was ECOG 1", "until the admission she was PS 0")
    r"previously|formerly|(?:before|prior to|until)\s+(?:(?:the|this|his|her|its)\s+)?[\w-]+(?:\s+[\w-]+)?\s*,?\s*"
    r"(?:he|she|they|the patient|patient|pt)\s+(?:was|were|had been)|"
    # (safe22) or the start of a past treatment ("On starting alectinib in 2019 she was ECOG 0", "when she started
    # alectinib she was ECOG 0": they read the score now)
    r"(?:when|on|at)\s+(?:(?:he|she|they|the patient|pt)\s+)?(?:started|starting|commenc(?:ed|ing)|began|beginning)\s+"
    rf"[\w-]+(?:\s+(?:in\s+)?{DATE_TEXT})?\s*,?\s*(?:he|she|they|the patient|patient|pt)\s+(?:was|were|had been)|"
    # (s14) its time in a bracket after the label ("Baseline (dx) ECOG 2"); (safe22) or its date ("At diagnosis in
    # 2019 ECOG 0")
    rf"{_EARLIER_AT})(?:\s*\([^()\n]{{0,15}}\)|\s*,?\s*(?:in\s+)?{DATE_TEXT}(?![\w/])\s*,?)?[\s:-]*$",
    re.IGNORECASE,
)
# a later value's word inside a score's own words ("ECOG was 0, now 2", "ECOG 1 -> 2"): the score read is the later one
_ECOG_NOW_LABEL_IN = compiled.kept(rf"(?<![\w-]){_NOW_LABEL}(?![\w-])|->|→|=>|\bto\b", re.IGNORECASE)
# A Karnofsky score ("KPS 80", "Karnofsky 60%", "Karnofsky performance status (KPS) of 40", "KPS 70-80"): read as the
# ECOG grade the knowledge base's published conversions agree on (meta.yml karnofsky_to_ecog), or not at all.
# "KPs" (keratic precipitates) is not the abbreviation; a dose or a duration after the number is not a score.
_KPS_VALUE = r"(\d{2,3})(?:\s*%)?"  # a space only before a per cent sign: a span never ends on a space
_KARNOFSKY = compiled.kept(
    r"(?<![\w-])(?:(?-i:KPS|kps|Kps)|karnofsky(?:[\s-]+(?:performance[\s-]+(?:status|score|scale)|performance|index|"
    r"score|scale|status|ps))?)(?:\s*\((?-i:KPS)\))?(?:[\s-]+(?:status|score))?[\s:=-]*"
    + _lead_in(_KPS_VALUE.replace("(", "(?:", 1))
    + rf"{_KPS_VALUE}(?:\s*(?:-|–|to|/|or)\s*{_KPS_VALUE})?"
    r"(?!\.\d|\w|\s*(?:mg|mcg|g\b|kg|ml|mm|cm|months?|mo\b|years?|y\b|weeks?|wks?|days?|cycles?))",
    re.IGNORECASE,
)
# "SP263 PD-L1 staining in 30% of tumour cells": the proportion of tumour cells is the TPS
_PDL1_CELLS = compiled.kept(
    r"\bpd-?l1\b[^.;\n%]{0,40}?(\d{1,3})\s*%\s*(?:of\s+)?(?:viable\s+)?(?:tumou?r|neoplastic|malignant)\s+cells",
    re.IGNORECASE,
)
_PDL1_BELOW_1 = compiled.kept(
    r"\b(?:pd-?l1|tps|tumou?r proportion score)\b[^.;\n]{0,30}?(?:<|less than|under|below|lower than)\s?1\s?%",
    re.IGNORECASE,
)
_PDL1_NAME = (
    r"\b(?:pd[\s-]?l1(?:\s*(?:tps|tc|\(tps\)|\(tc\)|expression|\(22c3\)|22c3|\(sp263\)|sp263|\(sp142\)|sp142|ihc|"
    r"tumou?r proportion score|score))*|tps|tumou?r proportion score)"
)
# the specimen it was read on may stand between the name and the score ("the PD-L1 on the diagnostic EBUS was 90%",
# "PD-L1 from the original core biopsy: 40%")
_PDL1_SPECIMEN = (
    r"(?:\s+(?:on|in|from|of)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:biops(?:y|ies)|specimens?|samples?|"
    r"ebus(?:-tbna)?|tissue|cores?|blocks?|resection|bx|fna|cytology|cell\s+block))"
)
_PDL1 = compiled.kept(
    rf"{_PDL1_NAME}(?:\s+(?:on|in|of)\s+(?:the\s+)?(?:tumou?r|neoplastic|malignant)\s+cells|{_PDL1_SPECIMEN})?"
    rf"[\s:=(]*(?:(?:of|is|was|at|high|low|positive|negative|expressed in)[\s:=(]*)*(\d{{1,3}})\s*%",
    re.IGNORECASE,
)
# the score written without its % sign in a summary or an answer ("pdl1 30", "PDL1 0", "pdl1 high 90"): only a bare
# number right after the name, no count of something else ("PD-L1 2 biopsies ago", "PD-L1 22C3")
_PDL1_BARE = compiled.kept(
    rf"{_PDL1_NAME}[\s:=]*(?:(?:is|was|of|high|low)[\s:=]+)?(\d{{1,3}})(?![\w%]|[.,/-]\d|\s*%)"
    r"(?!\s*(?:mm|cm|mg|months?|mo\b|yrs?\b|years?|weeks?|wks?|days?|cycles?|lines?|x\b|times|biops\w*|samples?|"
    r"brain|mets?\b|metastas\w*|lesions?|sites?|nodes?|nodules?))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity: str
    value: str
    priority: int = 2
    negated_only: bool = False
    refused_only: bool = False  # read only where refused (the phrase file's `refused_only`)
    # the role the reader's own words set, not the words around the span: a phrase that says its finding absent
    # ("MET CN 2.1 (not amplified)": negated); a key-value line's reading (key_value.py, `decided`: None is stated)
    role: str | None = None
    decided: bool = False


def _alternation(patterns: Iterable[str]) -> str:
    """One group: the boundaries written around it apply to every alternative."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.lower())


def _name_pattern(name: str) -> str:
    """A name as written, with any run of spaces or hyphens matching any other ("small-cell", "small cell")."""
    return r"[\s\-]*".join(re.escape(part) for part in re.split(r"[\s\-]+", name))


class Reader:
    def __init__(self, table: dict[str, Any]):
        self.names = {_key(n["pattern"]): (n["label"], n["id"]) for n in table["names"]}
        spellings = sorted((n["pattern"] for n in table["names"]), key=len, reverse=True)
        self.name_re = compiled.kept(
            rf"(?<![\w]){_alternation(_name_pattern(s) for s in spellings)}(?![\w])", re.IGNORECASE
        )
        # the phrase file's thousand patterns, from the programs kept between runs (bot/nlu/compiled.py)
        kept = compiled.shared()
        patterns = [rf"(?<![\w+]){r['pattern']}(?![\w])" for r in table["regexes"]]
        self.regexes = [(kept.compile(p, re.IGNORECASE), r) for p, r in zip(patterns, table["regexes"], strict=True)]
        # the words one of which each pattern's every match has (compiled.necessary): a text without them is not
        # searched (_searched); the patterns that need each word, and those that need none
        self.needs = [kept.needs(p, re.IGNORECASE) for p in patterns]
        self.needing: dict[str, list[int]] = {}
        for k, words in enumerate(self.needs):
            for word in words or ():
                self.needing.setdefault(word, []).append(k)
        self.needing_none = [k for k, words in enumerate(self.needs) if words is None]
        # the other words each pattern needs, one of each group (compiled.every_necessary): a text with one of its
        # needed words but lacking some group's is not searched either; each group numbered once, as many patterns
        # need the same ones (a drug's names)
        numbers: dict[tuple[str, ...], int] = {}
        self.also_needs: list[tuple[int, ...]] = []
        for p, words in zip(patterns, self.needs, strict=True):
            others = [g for g in kept.needs_every(p, re.IGNORECASE) if g != words]
            self.also_needs.append(tuple(numbers.setdefault(g, len(numbers)) for g in others))
        self.groups_with: dict[str, list[int]] = {}  # the groups each word is in
        for words, g in numbers.items():
            for word in words:
                self.groups_with.setdefault(word, []).append(g)
        # every needed word by its first three characters, the shorter ones under "": only those whose start a text
        # has are looked for in it
        self.words_from: dict[str, set[str]] = {}
        for word in {*self.needing, *self.groups_with}:
            self.words_from.setdefault(word[:3] if len(word) >= 3 else "", set()).add(word)
        self.mutation = compiled.kept(rf"(?<![\w.]){_alternation(table['mutations'])}(?![\w*])", re.IGNORECASE)
        self.variant = compiled.kept(rf"(?<![\w.]){_alternation(table['variant_shapes'])}(?![\w*>])")
        # (safe16) named ALK mutations right before a class word, joined by a list's words ("G1202R ", "G1202R or
        # L1196M "): the class word is theirs (Reader._named_before)
        named = _alternation(table["mutations"])
        self.named_mutations_before = compiled.kept(
            rf"(?<![\w.]){named}(?:\s*(?:[,/&]|\b(?:or|and|nor)\b)\s*{named})*[\s-]*$", re.IGNORECASE
        )
        # "BRAF V600E", "EGFR: p.T790M", "BRAF V600E (p.Val600Glu)", "DNMT3A R882H" (a symbol written in capitals with
        # a digit): another gene's change, not ALK's; also past the coding change and a table's cell borders ("BRAF
        # c.1799T>A p.V600E", "BRAF | c.1799T>A | p.V600E")
        self.other_gene = compiled.kept(
            rf"\b(?:{table['other_genes']}|{table['gene_symbol']})\s*(?:[|:\-]\s*)?(?:(?:NM_\d+(?:\.\d+)?:?\s*)?c\.[\w>*+\-_]+\s*[|:;,]?\s*)?"
            # (mol18) also past the gene's word of a change ("TP53 mutated (R273H)", "KEAP1 mutation: G333C")
            rf"(?:p\.|c\.)?\s*[:\-]?\s*(?:[\w.>*]+\s*\(\s*|(?:mutated|mutant|mutations?|muts?|variants?)\s*[:(\-]?\s*)?$",
            re.IGNORECASE,
        )
        self.other_gene_after = compiled.kept(
            # not one asked about ("G2032R (ROS1 residue?)"): the change stays ALK's, for the knowledge base to check
            rf"\s*(?:\(\s*|(?:in|of)\s+(?:the\s+)?)(?:{table['other_genes']})(?![\w-])(?![^)\n.;?]{{0,24}}\?)",
            re.IGNORECASE,
        )
        self.site_groups = [
            (group, compiled.kept(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE))
            for group, pattern in table["site_groups"].items()
        ]
        self.drug_shape = compiled.kept(table["drug_shape"], re.IGNORECASE)
        self.word = compiled.kept(r"\b[a-z]{5,}\b", re.IGNORECASE)
        # shorthands that are also a name ("Alec"): Capitalised, read only in a drug context (clinical_phrases.yml)
        name_like = table["name_like_shorthand"]
        self.name_like = frozenset(name_like["spellings"])
        self.word_like = frozenset(name_like.get("word_like", ()))  # in a drug context however written ("cert")
        self.drug_before = compiled.kept(
            rf"(?:(?<![\w-])|(?=[^\w\s]))(?:{'|'.join(name_like['before'])})\s*$", re.IGNORECASE
        )
        self.drug_after = compiled.kept(
            rf"^\s*(?:{'|'.join(name_like['after'])})(?:(?<![a-z])|(?![a-z]))", re.IGNORECASE
        )
        self.drugs = frozenset(table["drug_spellings"])
        self.other_brands = frozenset(table.get("other_brands", ()))
        self.karnofsky = {int(score): int(grade) for score, grade in table.get("karnofsky_ecog", {}).items()}
        self.drug_prefixes = frozenset(d[:5] for d in self.drugs if len(d) >= 7)
        self.drug_starts = frozenset(d[:3] for d in self.drugs if len(d) >= 4)
        self.key_values = KeyValues(table)
        # the bypass alterations of each gene, by any of its names ("erbb2" and "her2": HER2_activation)
        aliases = table.get("gene_aliases", {})
        self.gene_alterations: dict[str, list[str]] = {}
        for alteration, genes in sorted(table.get("alteration_genes", {}).items()):
            for gene in genes:
                self.gene_alterations.setdefault(gene, []).append(alteration)
        for alias, gene in aliases.items():
            self.gene_alterations[alias] = self.gene_alterations.get(gene, [])

    def _alterations_of(self, gene: str) -> list[str]:
        """The bypass alterations of ``gene`` as written ("ERBB2": HER2_activation; "MET": its amplification, gain,
        fusion and overexpression)."""
        return self.gene_alterations.get(gene.lower(), [])

    def spans(self, text: str) -> list[Span]:
        """Every finding in ``text``, in reading order, with no two competing spans overlapping."""
        found: list[Span] = []
        for m in self.name_re.finditer(text):
            label, value = self.names[_key(m.group())]
            if not self._a_name(text, m.start(), m.end()):
                found.append(Span(m.start(), m.end(), label, value, 0))
        for m in self.mutation.finditer(text):
            if not self._other_gene(text, m.start(), m.end()):
                value = alk_variant(m.group())
                found.append(
                    Span(m.start(), m.end(), "alk_mutation", value, 1)
                    if value
                    else Span(m.start(), m.end(), "unreadable_variant", m.group(), 1)
                )
        for m in self.variant.finditer(text):
            if not self._other_gene(text, m.start()) and not alk_variant(m.group()):
                found.append(Span(m.start(), m.end(), "unreadable_variant", m.group(), 4))
        scores = list(_ECOG.finditer(text))
        for k, m in enumerate(scores):  # a range ("ECOG 2-3", "PS 1/2") is read as its worse (higher) value
            if now := _ECOG_NOW.match(text, m.end()):
                found.append(Span(m.start(), now.end(), "ecog", now.group(1), 1))
                continue  # "ECOG was 3, now 1": the score now
            if latest := timeline_latest(text, m.end(), 4):
                # (misc) "WHO PS 0 (2023), 1 (2024), 2 (2025)": the latest of a timeline is the score now
                found.append(Span(m.start(), latest.end(1), "ecog", latest.group(1), 1))
                continue
            if later_told(text, m.end()):
                continue  # "ECOG 1 (2023) -> 7": a later value no score has; none read (the score is asked)
            if _earlier_score(text, m, alone=k + 1 == len(scores)):
                continue  # "ECOG 0 at diagnosis (and ECOG 2 today)": an earlier score, not the current one
            found.append(Span(m.start(), m.end(), "ecog", str(max(ecog_values(m))), 1))
            if other := _ECOG_OTHER_SOURCE.match(text, m.end()):
                # (safe12) "ECOG 2 per GP, 1 per us": the other source's score too, the two left to clash
                group = next(g for g in (1, 2, 3) if other.group(g))
                found.append(Span(other.start(group), other.end(group), "ecog", other.group(group), 1))
            elif (own := _OWN_VIEW_NEXT.match(text, m.end())) and (
                _source_before(text, m.start()) or _OWN_VIEW_CLOSED.match(text, own.end())
            ):
                # (lead14) "GP says ECOG 1; I'd say 2": the writer's own score after a source's, the two left to clash;
                # (lead15) also after a score with no source named, the view closing its clause ("ECOG 1; I'd say 2")
                found.append(Span(own.start(1), own.end(1), "ecog", own.group(1), 1))
        for m in _KARNOFSKY.finditer(text):  # a Karnofsky score (or range) only where every table gives one grade
            if later := _KARNOFSKY_NOW.match(text, m.end()):  # "KPS 90, dropped to 60": the score now
                if (grade := self.karnofsky.get(int(later.group(1)))) is not None:
                    found.append(Span(*trim(text, m.start(), later.end()), "ecog", str(grade), 1))
                continue
            if later_told(text, m.end()):
                continue  # "KPS 80 -> 150": a later value no score has
            if _earlier_score(text, m):
                continue  # "KPS 90 at diagnosis": as an ECOG said of an earlier time
            grades = {self.karnofsky.get(score) for score in karnofsky_scores(m)}
            if len(grades) == 1 and None not in grades:
                # (s14) not the space a score's "%?" takes in ("A&P: KPS 80 / ECOG 1"): a span ends on a word
                found.append(Span(*trim(text, m.start(), m.end()), "ecog", str(grades.pop()), 1))
        for m in (*_PDL1.finditer(text), *_PDL1_CELLS.finditer(text), *_PDL1_BARE.finditer(text)):
            if int(m.group(1)) <= 100:
                # a later score right after it ("PD-L1 50% -> 80%", "TPS 50%, now 80%"): the current one, as a key's
                # value is read (ecog2)
                later = later_number(text, m.end(1), 100)
                end, value = (later.end(1), later.group(1)) if later else (m.end(), m.group(1))
                found.append(Span(m.start(), max(end, m.end()), "pdl1_tps", str(int(value)), 1))
        for m in _PDL1_BELOW_1.finditer(text):  # "PD-L1 negative (TPS <1%)": below 1% is read as 0
            found.append(Span(m.start(), m.end(), "pdl1_tps", "0", 1))
        found = _pdl1_later(text, found)
        for regex, row in self._searched(text):
            for m in regex.finditer(text):
                in_context = "at" in regex.groupindex  # read in its context: decides over a plain reading
                start, end = trim(text, *(m.span("at") if in_context else m.span()))
                value = self._sites(m.group("at") if in_context else m.group()) if row["sites"] else row["value"]
                if (
                    end > start
                    and value
                    and not (row.get("not_other_genes") and self._another_genes(text, start, end))
                    and not (row.get("not_other_genes") and self._named_before(text, start, end))
                ):
                    priority = 1 if in_context else 2
                    role = NEGATED if row.get("stated_absent", False) else None
                    # a gene denied on its own ("ERBB2 negative"): each of its alterations, one reading of its words
                    values = self._alterations_of(m.group("gene")) if row.get("gene_denial") else [value]
                    found += [
                        Span(
                            start,
                            end,
                            row["entity"],
                            v,
                            priority,
                            negated_only=row["negated_only"],
                            refused_only=row.get("refused_only", False),
                            role=role,
                        )
                        for v in values
                    ]
        for m in self.word.finditer(text):
            word = m.group().lower()
            if word in self.other_brands or (
                word not in self.drugs and (self.drug_shape.fullmatch(word) or word[:5] in self.drug_prefixes)
            ):
                found.append(Span(m.start(), m.end(), "unknown_drug", m.group(), 3))
        found += self._unknown_in_sequence(text, found)
        found = _yielded(found)
        # "Key: value" lines: the key names the field, the value says it; the key's own words and the value's words
        # it read are not read again (an overlay, a drug named in the key's brackets, only for the reading's field)
        readings = self.key_values.readings(text)
        # an earlier dated score, a later one told on its own line (key_value.earlier_dated): neither read
        stale = earlier_dated(text, readings, "ecog")
        found = [
            s
            for s in found
            if not any(_superseded(r, s) for r in readings)
            and not any(r.start <= s.start < r.end and s.entity == r.entity for r in stale)
        ]
        readings = [r for r in readings if r not in stale]
        found += [
            Span(*trim(text, r.start, r.end), r.entity, r.value, 1, decided=True, role=r.role)
            for r in readings
            if not any(_says(r, s) for s in found)
        ]
        return _sites_in_brain_words(text, _bare_within(self._progressions_apart(text, _resolve(found))))

    def _searched(self, text: str) -> list[tuple[re.Pattern[str], dict[str, Any]]]:
        """The phrase patterns that may match in ``text``, in the table's order: those one of whose needed words
        (compiled.necessary) it has, and one word of each other group they need (compiled.every_necessary); the others
        find nothing there."""
        folded = compiled.folded(text)
        starts = {""} | {folded[at : at + 3] for at in range(len(folded) - 2)}  # "": the shorter words
        has = {word for start in starts & self.words_from.keys() for word in self.words_from[start] if word in folded}
        searched = set(self.needing_none)
        having: set[int] = set()  # the groups the text has a word of
        for word in has:
            searched.update(self.needing.get(word, ()))
            having.update(self.groups_with.get(word, ()))
        return [self.regexes[k] for k in sorted(searched) if having.issuperset(self.also_needs[k])]

    def _progressions_apart(self, text: str, found: list[Span]) -> list[Span]:
        """A progression read over two sites joined by a comma, the second with words that read a progression of its
        own ("progression in the liver, new bone mets", "new liver lesions, new bone mets"), is read as two clauses,
        as with a semicolon between them: a denial of the first ("no progression in the liver, new bone mets") then
        takes the first alone (Context: a denial reaches past a comma only inside a list), and the second reads as
        it does alone ("new bone mets"). Two sites progressing read alike either way (fields.py: sites of two groups
        are systemic); a list the second item of which reads nothing alone ("no progression in liver, bone or
        adrenal") stays one finding."""
        cuts = [
            m.start()
            for s in found
            if s.entity == "progression_pattern" and (s.value.startswith(SITES) or s.value == "systemic")
            for m in _APART.finditer(text, s.start, s.end)
            if any(
                r.entity == "progression_pattern"
                and r.value.startswith(SITES)
                and r.end == s.end - m.end()
                and _APART_LEAD.fullmatch(text, m.end(), m.end() + r.start)
                for r in self.spans(text[m.end() : s.end])
            )
        ]
        if not cuts:
            return found
        parted = list(text)
        for at in set(cuts):
            parted[at] = ";"
        again = [s for s in self.spans("".join(parted)) if s.entity == "progression_pattern"]
        kept = [s for s in found if s.entity != "progression_pattern"]
        return sorted(kept + again, key=lambda s: (s.start, s.end))

    def _unknown_in_sequence(self, text: str, found: list[Span]) -> list[Span]:
        """A short word the reader does not know, standing in a sequence of TKIs (an arrow or "then" between it and a
        TKI: "criz -> cert -> lorla") and starting as a TKI's name does ("cert": ceritinib? Certican is everolimus):
        an unknown drug, reported, never guessed, so the sequence is not read as complete without a word."""
        tkis = [s for s in found if s.entity == "tki"]
        if len(tkis) < 1:
            return []
        out = []
        for m in _SEQUENCE_WORD.finditer(text):
            word = m.group().lower()
            if word in self.drugs or word[:3] not in self.drug_starts:
                continue
            if any(s.start < m.end() and m.start() < s.end for s in found):
                continue
            if any(
                _SEQUENCE_JOIN.fullmatch(text, t.end, m.start()) or _SEQUENCE_JOIN.fullmatch(text, m.end(), t.start)
                for t in tkis
            ):
                out.append(Span(m.start(), m.end(), "unknown_drug", m.group(), 3))
        return out

    def _a_name(self, text: str, start: int, end: int) -> bool:
        """A shorthand that is also a given name, written as a name is ("Alec"), with no drug context around it."""
        word = text[start:end]
        if word.lower() not in self.word_like and (word.lower() not in self.name_like or not word.istitle()):
            return False
        return not (
            self.drug_before.search(text[max(0, start - 40) : start]) or self.drug_after.match(text[end : end + 30])
        )

    def _sites(self, text: str) -> str | None:
        """The site groups a progression phrase names ("new hepatic and osseous lesions": sites:bone+liver)."""
        groups = {group for group, pattern in self.site_groups if pattern.search(text)}
        if any(g.startswith("nodes_") for g in groups):  # "mediastinal nodes": the region, not two sites
            groups.discard("nodes")
        if len(groups) > 1 and _OR.search(text):
            return None  # (safe11) "New liver or bone lesions: yes": one of them, not which, nor that both grew
        return SITES + "+".join(sorted(groups)) if groups else None

    def _another_genes(self, text: str, start: int, end: int) -> bool:
        """A class (a phrase flagged `not_other_genes`: "mutations") that is another gene's ("no TP53 or KRAS
        mutations", "no mutations in KRAS, EGFR or BRAF"): not ALK's, unless ALK is named in its clause before it or
        in it ("no ALK or KRAS mutations")."""
        if not self._other_gene(text, start, end):
            return False
        clause = re.split(r"[.;:\n]", text[max(0, start - 40) : end])[-1]
        return not re.search(r"\balk\b", clause, re.IGNORECASE)

    def _named_before(self, text: str, start: int, end: int) -> bool:
        """(safe16) A class word (a phrase flagged `not_other_genes`: "mutation") right after the ALK mutations it
        qualifies ("no G1202R mutation", "does not have a G1202R or L1196M mutation"): those mutations denied, not the
        whole class ("tested, none found" is `alk_mutations` []); not when it names ALK or another of the class ("no
        G1202R or other ALK mutation", "no G1202R or other mutations")."""
        if re.search(r"\balk\b", text[start:end], re.IGNORECASE):
            return False
        return bool(self.named_mutations_before.search(text[max(0, start - 60) : start]))

    def _other_gene(self, text: str, start: int, end: int | None = None) -> bool:
        """Another gene named right before the change ("ROS1 G2032R") or, given its ``end``, right after it as the gene
        it is in ("G1202R in ROS1", "G1202R (EGFR)")."""
        return bool(self.other_gene.search(text[max(0, start - 50) : start])) or (
            end is not None and bool(self.other_gene_after.match(text, end))
        )


# a word of a sequence of TKIs, and what joins it to a TKI before or after it (_unknown_in_sequence)
_SEQUENCE_WORD = compiled.kept(r"(?<![\w-])[A-Za-z]{3,10}(?![\w-])")
_SEQUENCE_JOIN = compiled.kept(r"\s*(?:->|-->|→|=>|>|,?\s*then)\s*", re.IGNORECASE)


def _superseded(reading: Reading, span: Span) -> bool:
    """A plain reading of the words the key-value reading covers, of any kind but an overlay of another field; not
    the specimen its value names for another field ("Transformation: the rebiopsy shows squamous cell carcinoma": the
    rebiopsy was done, where the transformation was found)."""
    return (
        reading.start <= span.start
        and span.end <= max(reading.end, reading.key_end)
        and (not _kind(span) or span.entity == reading.entity)
        and not _says(reading, span)
        and not (span.entity == "biopsy_type" != reading.entity and span.start >= reading.key_end)
    )


def _says(reading: Reading, span: Span) -> bool:
    """A plain reading inside the key-value reading's words says the same ("Rebiopsy: L1196M"): it stands instead."""
    return (
        reading.role is None
        and (span.entity, span.value) == (reading.entity, reading.value)
        and reading.start <= span.start
        and span.end <= max(reading.end, reading.key_end)
    )


def _earlier_score(text: str, m: re.Match[str], alone: bool = True) -> bool:
    """The performance score ``m`` is said to be of an earlier time, after it ("ECOG 1 at diagnosis", "PS 0 (dx)") or
    in its label ("Baseline ECOG 1"), and its own words give no later value ("ECOG baseline 1, current 2" does);
    ``alone``: no other score follows it (an adverb after it must then end its clause: EARLIER_ALONE)."""
    if _ECOG_NOW_LABEL_IN.search(m.group()):
        return False
    after = (_ECOG_EARLIER_ALONE if alone else _ECOG_EARLIER).match(text, m.end())
    return bool(after or _EARLIER_BEFORE.search(text[max(0, m.start() - 70) : m.start()]))


# (molecular) a PD-L1 score's statement placed at the diagnosis ("Diagnostic core (2022): ..., PD-L1 TPS 80%", "PD-L1
# TPS (2021, dx): 10%"), from the opening of its sentence, line or cell to the score
_PDL1_STATEMENT = compiled.kept(r"[^.;|\n]*$")
_PDL1_AT_DIAGNOSIS = compiled.kept(
    r"(?<![\w-])(?:dx|diagnos\w*|baseline|initial|original|pre-?treatment)(?![\w-])", re.I
)


def _pdl1_later(text: str, found: list[Span]) -> list[Span]:
    """(molecular) PD-L1 scored twice with two values, one of them in a statement of the diagnosis or said to be its
    ("Diagnostic core (2022): PD-L1 TPS 80%. Progression core (2025): PD-L1 TPS 10%", "PD-L1 50% at diagnosis ...
    PD-L1 5% on the rebiopsy"): the other, the later, is read. One score alone is read wherever it was told."""
    scores = [s for s in found if s.entity == "pdl1_tps"]
    if len({s.value for s in scores}) < 2:
        return found

    def earlier(s: Span) -> bool:
        head = _PDL1_STATEMENT.search(text, 0, s.start)
        told = (head.group() if head else "") + text[s.start : s.end]
        return bool(_PDL1_AT_DIAGNOSIS.search(told) or _ECOG_EARLIER_ALONE.match(text, s.end))

    early = {id(s) for s in scores if earlier(s)}
    if not early or len(early) == len(scores):
        return found
    return [s for s in found if id(s) not in early]


def _source_before(text: str, at: int) -> bool:
    """(lead14) A score's source is named before the score starting at ``at``, in its statement ("GP says ECOG 1",
    "Per the referral letter, PS 1", "GP: ECOG 1")."""
    start = _statement_start(text, at, max(0, at - 80), semicolons=True)
    return any(m.end() <= at for m in _SOURCE_BEFORE.finditer(text, start, at))


def ecog_values(m: re.Match[str]) -> list[int]:
    """The one or two values an ECOG statement gives ("ECOG 1" → [1]; "ECOG 2-3" → [2, 3])."""
    return [int(_NUMBER_WORDS.get(g.lower(), g)) for g in m.group(1, 2) if g]


def ecog_range(text: str) -> tuple[int, int] | None:
    """The range an ECOG statement writes ("PS 1-2" → (1, 2)), None when it gives one value: the reader takes the
    worse (higher) value of a range, and the dialogue says so."""
    m = _ECOG.search(text)
    values = ecog_values(m) if m else []
    return (min(values), max(values)) if len(set(values)) == 2 else None


def karnofsky_scores(m: re.Match[str]) -> tuple[int, ...]:
    """The one or two scores a Karnofsky statement gives ("KPS 80" → (80,); "KPS 70-80" → (70, 80))."""
    return tuple(int(g) for g in m.group(1, 2) if g)


def earlier_scores(text: str) -> list[str]:
    """The performance scores ``text`` says are of an earlier time, with no later value in their own words ("ECOG 1 at
    diagnosis", "Baseline ECOG 1", "KPS 90 at diagnosis"): not read as the current score (Reader.spans), named back."""
    out = []
    for m in [*_ECOG.finditer(text), *_KARNOFSKY.finditer(text)]:
        if _earlier_score(text, m) and not (_ECOG_NOW if m.re is _ECOG else _KARNOFSKY_NOW).match(text, m.end()):
            after = _ECOG_EARLIER_ALONE.match(text, m.end())
            before = _EARLIER_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            start = m.start() - (len(before.group()) if before and not after else 0)
            out.append(text[start : after.end() if after else m.end()].strip())
    return out


def karnofsky_statements(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """Where ``text`` states a Karnofsky score, and the scores: (start, end, scores); a later score told right after
    the first is the one given ("KPS 90, dropped to 60": (60,))."""
    out = []
    for m in _KARNOFSKY.finditer(text):
        later = _KARNOFSKY_NOW.match(text, m.end())
        out.append(
            (m.start(), later.end(), (int(later.group(1)),)) if later else (m.start(), m.end(), karnofsky_scores(m))
        )
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces a phrase may end on ("the brain only "): findings start and end on words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _yielded(found: list[Span]) -> list[Span]:
    """Without the spans read only where refused that overlap another of their entity: a regimen's agents yield to
    what tells them given ("s/p cisplatin-pemetrexed", "06/2023-now carboplatin/pemetrexed")."""
    refused = [s for s in found if s.refused_only]
    if not refused:
        return found
    others = [s for s in found if not s.refused_only]
    dropped = {
        id(s) for s in refused if any(o.entity == s.entity and o.start < s.end and s.start < o.end for o in others)
    }
    return [s for s in found if id(s) not in dropped]


def _resolve(found: list[Span]) -> list[Span]:
    """Longest first, then by priority: a span is kept unless it overlaps one already kept of its kind."""
    kept: dict[str, list[Span]] = {}  # by kind, sorted by start, never overlapping but for alternatives
    for item in sorted(found, key=lambda s: (-(s.end - s.start), s.priority, s.start)):
        same = kept.setdefault(_kind(item), [])
        i = bisect.bisect_left([c.start for c in same], item.start)
        near = same[max(0, i - 1) : i + 1] + [c for c in same[i + 1 :] if c.start < item.end]
        if all(
            item.end <= c.start
            or item.start >= c.end
            or _alternative(c, item)
            or _counted(c, item)
            or _counted(item, c)
            for c in near
        ):
            same.insert(i, item)
    return sorted((s for spans in kept.values() for s in spans), key=lambda s: (s.start, s.end))


def _bare_within(found: list[Span]) -> list[Span]:
    """Without a bare progression (`progressing`) read inside the words of another progression finding ("no
    intracranial progression", "progression in the liver"): those words are that finding's, whose role and pattern
    they take."""
    spans = [s for s in found if s.entity == "progression_pattern" and s.value not in ("progressing", GROWING)]
    return [
        s
        for s in found
        if (s.entity, s.value) != ("progression_pattern", "progressing")
        or not any(o.start <= s.start and s.end <= o.end for o in spans)
    ]


# (safe17) the brain named as an item of a list beside the sites, after them or before them ("new liver mets and brain
# mets", "new liver and brain mets", "new brain mets (x2) and liver mets")
_BRAIN_WORD = r"(?:brain|cerebral|cerebellar|intracranial|cns|lepto\w*)(?![\w-])"
_LIST_JOIN = r"\s*(?:,|/|&|\+|\band\b|\bas well as\b)\s*(?:the\s+|new\s+)?"
_JOINED_BRAIN_AFTER = compiled.kept(_LIST_JOIN + _BRAIN_WORD, re.IGNORECASE)
_JOINED_BRAIN_BEFORE = compiled.kept(
    r"(?<![\w-])" + _BRAIN_WORD + r"(?:\s+(?:mets|metastases|lesions?))?(?:\s*\([^()\n]{0,30}\))?" + _LIST_JOIN + r"$",
    re.IGNORECASE,
)


def _sites_in_brain_words(text: str, found: list[Span]) -> list[Span]:
    """(lead) Without a site outside the brain read on words a brain progression is read on, inside them or ending on
    them ("two new parenchymal lesions" after "Intracranial-only progression": the brain's parenchyma, which the site
    groups read as the lung's): the words are the brain's (beside a CNS-only progression the site made the pattern a
    conflict). A site is an overlay of its own (_kind): the brain's reading does not compete with it in _resolve.
    (safe17) Not a site that is an item of a list the brain is another item of ("new liver mets and brain mets", "new
    liver and brain mets"): the liver's and the brain's both."""
    brain = [(s.start, s.end) for s in found if (s.entity, s.value) == ("progression_pattern", "cns_progressing")]
    if not brain:
        return found

    def listed(s: Span, a: int, b: int) -> bool:
        return bool(
            _JOINED_BRAIN_AFTER.search(text, s.start, max(s.end, b))
            or _JOINED_BRAIN_BEFORE.search(text, min(a, s.start), s.start)
        )

    return [
        s
        for s in found
        if not (
            s.entity == "progression_pattern"
            and s.value.startswith(SITES)
            and any(
                ((a <= s.start and s.end <= b) or (s.start < b and s.end == b)) and not listed(s, a, b)
                for a, b in brain
            )
        )
    ]


def _kind(span: Span) -> str:
    """Spans of one kind compete for the text: an overlay only with overlays of its entity, the rest together."""
    if span.value.startswith(SITES):
        return SITES
    if span.value == GROWING:
        return GROWING
    if span.decided:  # a key-value line's reading stands beside the others of its line ("Interacting meds: none")
        return f"key_value:{span.entity}"
    return span.entity if span.entity in OVERLAYS or span.value in OVERLAY_VALUES else ""


def _counted(a: Span, b: Span) -> bool:
    """(cns10) A count of brain lesions inside the words of a response of the brain ("MRI brain: the 4 treated
    metastases are smaller", "both irradiated lesions have shrunk"): the count stands beside the response, as it does
    beside new ("2 new brain mets") or known ones (OVERLAY_VALUES)."""
    return (
        b.entity == "cns_lesions"
        and (a.entity, a.value) == ("progression_pattern", "cns_controlled")
        and a.start <= b.start
        and b.end <= a.end
    )


def _alternative(a: Span, b: Span) -> bool:
    """Two values read from one span alike (one phrase of two values): both stand, and the field logic sees the
    disagreement. A reading in context decides over a plain one of the same words ("Guardant360: EML4-ALK fusion" is
    the fusion at progression, not the diagnosis)."""
    return (a.entity, a.start, a.end, a.priority) == (b.entity, b.start, b.end, b.priority) and a.value != b.value


_RESIDUE = r"(?:[A-Z][a-z]{2}|[A-Z])"
_HGVS_INSERTION = compiled.kept(rf"(?:p\.)?{_RESIDUE}(\d{{4}})_{_RESIDUE}(\d{{4}})ins((?:{_RESIDUE})+)")


@lru_cache(maxsize=4096)
def alk_variant(text: str) -> str | None:
    """The one-letter name of an ALK protein change as written, or None when the notation cannot be read as one (it
    does not normalise, names a letter that is no amino acid, or is a frameshift or a stop). A readable change at a
    residue ALK does not have is kept as written: the decision module names it as impossible."""
    kb = knowledge.default()
    text = text.replace("(", "").replace(")", "")  # "(p.G1202R)" split by a report's brackets
    if m := _HGVS_INSERTION.fullmatch(text):  # p.T1151_L1152insT: T inserted after 1151, written 1151Tins
        inserted = "".join(
            knowledge.THREE_TO_ONE.get(a.capitalize(), a.upper())
            for a in re.findall(r"[A-Z][a-z]{2}|[A-Z]", m.group(3))
        )
        text = f"{m.group(1)}{inserted}ins"
    known = kb.canonical_mutation(text)
    if known:
        return known
    name = knowledge.normalise_mutation(text)
    parsed = knowledge.parse_mutation(name) if name and name.isascii() else None
    if not parsed:
        return None
    ref, _, change = parsed
    alt = change[:-3] if change.endswith("ins") else change
    amino_acids = (ref is None or ref in AMINO) and (change in ("del", "dup") or (len(alt) == 1 and alt in AMINO))
    return name if amino_acids else None
