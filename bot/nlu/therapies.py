"""The therapies a free text names, and the role each has in it: chosen, rejected, already given or a fallback.

    chosen        "lorlatinib", "I'd go with lorlatinib", "switch to lorlatinib", "lorlatinib is the answer"
    rejected      "I'd avoid brigatinib and ceritinib", "no chemo", "brigatinib would be wrong", "not crizotinib"
    prior         "after alectinib", "progressed on Alecensa", "alectinib-refractory", "crizotinib for 14 months"
    conditional   "chemo if it progresses", "keep chemo for later", "carbo/pem as a fallback"
    intolerant    "alectinib held for hepatotoxicity", "intolerant of brigatinib", "on alectinib; dose held for CK
                  rise": given, and stopped, held or interrupted for a toxicity (the case reader's cues, ToxicStops)

The same drug name can be the answer, something to avoid, a treatment already given or a fallback, and only the
words around it tell which. The therapies are the table of bot/nlu/therapy_phrases.yml plus the extractor's TKI
names (the knowledge base's generic names, brands and misspellings, and the phrase file's ward shorthand); the role
cues are the extractor's (bot/nlu/clinical_phrases.yml: negation, tki_negation, rejected, candidate, preferred,
hypothetical.conditional and conditional_plan, prior, fallback, therapy_clause), and so are the list words
(list_words, compiled by context.ListWords for both readers). The question reader (questions.py) and the practice
grader both read with this table; nothing here knows a practice case or an answer.

Reading order for a group of therapies joined by 'and', 'or', '/' or commas: words right after the group
(`after` cues) win; then a prior cue right before it; then the last cue earlier in its clause (from the previous
therapy or comma on: in "no chemo, lorlatinib" the 'no' is spent on chemo). A therapy with no cue is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from bot import knowledge
from bot.nlu import compiled, models, vocabulary
from bot.nlu.context import _WHOLE, ListWords, ToxicStops, _cue, _frame, _line, _opening, _Order, _words, sentences
from bot.nlu.statements import _clause_end

THERAPY_PHRASES_FILE = Path(__file__).resolve().parent / "therapy_phrases.yml"
CHOSEN, REJECTED, PRIOR, CONDITIONAL = "chosen", "rejected", "prior", "conditional"
CONTINUE = "continue_current_therapy"
INTOLERANT = "intolerant"  # given and not tolerated: stopped, held or interrupted for a toxicity
THERAPY_ROLES = (CHOSEN, REJECTED, PRIOR, CONDITIONAL, INTOLERANT)
REQUEST_INFORMATION = "request_information"  # asking for what is missing instead of naming a therapy
NOT_IN_KB = "not_in_knowledge_base"  # a therapy named in a question that no regimen of the knowledge base is
_PRIOR_GAP = r"(?:\s+|\s*-\s*)(?:[\w'-]+\s+){0,2}$"  # at most two words between a prior cue and the therapy
_NOT_TOGETHER = compiled.kept(r"[.;!?\n]|(?<!/)\bor\b|\bnot\b|\bvs\b|\bversus\b", re.IGNORECASE)  # two choices, not one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# What a therapy phrase may carry after its name: a dose, a schedule, a site, "alone" ("lorlatinib 100 mg daily",
# "SRS to the three lesions", "pembrolizumab 200 mg q3w", "osimertinib alone")
_THERAPY_TAIL = (
    r"(?:\s+(?:\d+(?:\.\d+)?\s*(?:mg(?:/m2|/kg)?|mcg|g|gy|cgy)\b(?:\s*(?:in|x|/)\s*\d+\s*(?:fractions?|fx|#))?|"
    r"(?:once|twice|three times)\s+(?:a\s+)?(?:day|daily|weekly)|daily|weekly|od|bd|bid|qd|tds|po|orally|iv|"
    r"q\s?[1-4]\s?w(?:ee)?ks?|every\s+\d+\s+(?:days|weeks)|(?:for|x)\s+\d+\s+cycles|with(?:out)?\s+food|"
    r"to\s+(?:the\s+|both\s+|all\s+|each\s+|any\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?[\w-]+|alone|"
    r"(?:as\s+)?monotherapy|(?:at\s+)?(?:the\s+)?(?:full|standard|usual)\s+dose)\b)*"
)
# After a rejected therapy phrase, an alternative is rejected with it ("don't rechallenge alectinib or try brigatinib",
# "avoid osimertinib 80 mg daily or an EGFR TKI")
_REJECTED_ALTERNATIVE = compiled.kept(rf"{_THERAPY_TAIL}\s*,?\s*n?or\b", re.IGNORECASE)
_LEADING_TAIL = compiled.kept(rf"^{_THERAPY_TAIL}", re.IGNORECASE)
# The therapy a switch starts from, the next therapy the one it goes to: "change alectinib to lorlatinib", "replace
# alectinib with lorlatinib", "switch her from Alecensa to Lorbrena", "swap alectinib for lorlatinib", "move her from
# alectinib to lorlatinib"
_SWITCHED_FROM = compiled.kept(
    r"(?<!\w)(?:switch|chang|swap|replac|substitut|convert|mov)\w*\s+(?:(?:him|her|them|the\s+patient|over)\s+)?"
    r"(?:(?:from|off)\s+)?(?:(?:the|his|her|their)\s+)?$",
    re.IGNORECASE,
)
_SWITCHED_TO = compiled.kept(rf"^{_THERAPY_TAIL}\s+(?:to|for|with|by|into)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
# one therapy after another, the first already given when the patient had it: "alectinib -> lorlatinib"
_ARROW_TO = compiled.kept(rf"^{_THERAPY_TAIL}\s*(?:->|=>|→|>)\s*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
# a finding that arose on a therapy, which was given: "G1202R on alectinib", "new liver mets on brigatinib"
_FOUND_ON = compiled.kept(
    r"(?<!\w)(?:[a-z]\d{3,4}[a-z](?:/[a-z]\d{3,4}[a-z])*|mutations?|resistance|pd|growth|mets|metastas[ie]s|lesions?)"
    r"\s+(?:(?:emerg|develop|aris|appear|found|detect)\w*\s+)?on\s+(?:(?:the|her|his|their)\s+)?$",
    re.IGNORECASE,
)
_CHAIN_ARROW = compiled.kept(r"\s*(?:->|-->|=>|→|>)\s*\??\s*")  # between two TKIs of a chain, the next maybe marked "?"
# the TKI whose continuing is denied: "do not continue treatment with alectinib", "no point staying on therapy with X"
_CONTINUED_OBJECT = compiled.kept(r"^\s*(?:with|on)\s+(?:(?:the|her|his|their)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class TherapyMention:
    """One therapy named in the text: what it stands for (a therapy id of regimens.yml, a family or
    request_information), where it is, and its role (one of THERAPY_ROLES)."""

    value: str
    start: int
    end: int
    role: str
    text: str
    aside: str | None = None  # the kind of aside it is named in (therapy_phrases.yml asides: reason, later, ...)
    offered: bool = True  # chosen as a choice, not only talked about (TherapyReader._offered)


@dataclass(frozen=True)
class TherapyChoice:
    """The therapy (or family, or request_information) a text chooses, and every therapy mention read.
    ``also_chosen``: the other therapies it chooses outright beside that one ("lorlatinib or brigatinib",
    "lorlatinib? no, brigatinib"), outside asides, each once; a family is left out when a member is named."""

    therapy: str | None
    mentions: tuple[TherapyMention, ...]
    also_chosen: tuple[str, ...] = ()

    def with_role(self, role: str) -> list[str]:
        """The therapies named in ``role``, each once, in text order."""
        return list(dict.fromkeys(m.value for m in self.mentions if m.role == role))

    def rejected(self) -> list[str]:
        return self.with_role(REJECTED)

    def prior(self) -> list[str]:
        return self.with_role(PRIOR)

    def intolerant(self) -> list[str]:
        return self.with_role(INTOLERANT)


def phrase_regex(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A phrase matched as whole words: 'EP' is not inside 'step', 'alectinib' is inside 'post-alectinib'."""
    return compiled.kept(rf"(?<!\w)(?:{phrase})(?!\w)", 0 if case_sensitive else re.IGNORECASE)


def _leading(cues: Iterable[str]) -> re.Pattern[str]:
    """Any of the cues at the start of a text (after spaces or a hyphen: 'alectinib-refractory')."""
    return compiled.kept(rf"^[\s-]*(?:{_words(cues)})(?!\w)", re.IGNORECASE)


def _fail(entry: str, message: str) -> None:
    raise ValueError(f"bot/nlu/{THERAPY_PHRASES_FILE.name}: {entry}: {message}")


class RoleCues:
    """The extractor's cue lists that give a therapy its role, compiled."""

    def __init__(self, table: Mapping[str, Any]):
        def union(*sections: tuple[str, str]) -> list[str]:
            return list(dict.fromkeys(c for section, key in sections for c in table[section].get(key, ())))

        negation = union(
            ("negation", "before"), ("negation", "refused_before"), ("tki_negation", "before"), ("rejected", "before")
        )
        self.breaks = compiled.kept(_words(table["therapy_clause"]["breaks"]), re.IGNORECASE)
        # the list words (clinical_phrases.yml list_words): what may stand between two therapies of one group
        # ("brigatinib, ceritinib and/or alectinib"), a conjunction among them, an alternative word
        self.lists = ListWords(table)
        # between a therapy phrase and the next therapy: offered as its alternative ("the molecular tumour board or
        # an EGFR TKI", "lorlatinib 100 mg daily or brigatinib", "SRS to the lesions, or WBRT", "lorlatinib versus
        # brigatinib")
        self.alternative = _frame(
            rf"^{_THERAPY_TAIL}"
            r"\s*,?\s*(?:{alternatives}\s+)(?:(?:else|alternatively|perhaps|maybe)\s+)?(?:(?:the|a|an)\s+)?$",
            self.lists.words,
        )
        self.masks = _cue(table["therapy_clause"]["masks"])
        self.before = [
            (_cue(negation), REJECTED),
            (_cue(union(("candidate", "before"), ("candidate", "criterion_rule"), ("preferred", "before"))), CHOSEN),
            (_cue(union(("hypothetical", "conditional"), ("fallback", "before"))), CONDITIONAL),
        ]
        # a sentence that opens with a condition supposes what it names ("if the brain progresses, SRS")
        self.condition_first = _opening(table["hypothetical"]["conditional"], _WHOLE)
        # a rejection right after a therapy, as in a note ("brigatinib: no", "brigatinib/ceritinib ineffective")
        self.rejected_next = compiled.kept(rf"^[\s:\u2013\u2014-]*(?:{_words(negation)})(?!\w)", re.IGNORECASE)
        self.negated_verb = compiled.kept(rf"(?<!\w)(?:{_words(negation)})\W+(?:[\w'-]+\W+){{0,1}}$", re.IGNORECASE)
        # the partner of an interaction to avoid (rejected.partner_before, partner_things): after a denial, its object
        # then the partner word ("avoid carbamazepine with ", "should not be co-administered with "), or the partner
        # word alone after a subject that names the other drug ("carbamazepine is contraindicated with ")
        rejected = table["rejected"]
        partner, things = _words(rejected["partner_before"]), _words(rejected["partner_things"])
        self.partner_object = compiled.kept(
            rf"(?<![\w-])(?:{things})(?![\w-])[^,;]{{0,40}}?(?<!\w)(?:{partner})\s+(?:(?:the|her|his|their)\s+)?$",
            re.IGNORECASE,
        )
        self.partner_alone = compiled.kept(rf"^\s*(?:{partner})\s+(?:(?:the|her|his|their)\s+)?$", re.IGNORECASE)
        self.partner_thing = compiled.kept(rf"(?<![\w-])(?:{things})(?![\w-])", re.IGNORECASE)
        # after a therapy denied: given with one of partner_things ("avoid lorlatinib with strong CYP3A inducers")
        self.partner_after = compiled.kept(
            rf"^[^,;]{{0,40}}?(?<!\w)(?:{partner})\s+(?:(?:any|other|the|all)\s+)?(?:{things})(?![\w-])",
            re.IGNORECASE,
        )
        self.prior = compiled.kept(rf"(?<!\w)(?:{_words(table['prior']['before'])}){_PRIOR_GAP}", re.IGNORECASE)
        # given and not tolerated: the case reader's cues of a stop for a toxicity ("alectinib held for
        # hepatotoxicity", "on alectinib; dose held for CK rise", "intolerant of alectinib")
        self.toxic = ToxicStops(table)
        # the lines of therapy written beside the TKIs ("1L alectinib", "2) lorlatinib": the case reader's), and a
        # line's number with nothing after it, a line left open ("3. ?", "third-line: ?")
        self.order = _Order(table["treatment_order"], self.lists)
        self.line_number = _frame(
            r"(?:^|(?<=[\s;,(]))(?:[(#]?(?P<n1>[1-9])\s*[.)]|(?P<n2>[1-5])\s*L\b|(?P<n3>[1-5])(?:st|nd|rd|th)\b|"
            r"(?P<w>{line_ordinals})\b|line\s*(?P<n4>[1-5])\b)",
            table["treatment_order"],
        )
        self.ordinals = {w.lower(): n for n, w in enumerate(table["treatment_order"]["line_ordinals"], start=1)}
        received = union(("prior", "before"), ("prior", "in_question"))
        self.received_in_question = compiled.kept(rf"(?<!\w)(?:{_words(received)}){_PRIOR_GAP}", re.IGNORECASE)
        # a choice retracted for the next one ("brigatinib, I mean lorlatinib", "maybe brigatinib? no - lorlatinib"):
        # a correction cue (the phrase file's `correction`) and a few words, nothing that adds or orders therapies
        fix = table["correction"]
        self.retracts = compiled.kept(
            rf"^\W*(?:[\w']+\W+){{0,3}}?(?:{_words(fix['cues'] + fix['choice_cues'])})(?![\w])\W*(?:[\w']+\W+){{0,4}}$",
            re.IGNORECASE,
        )
        self.retract_adds = compiled.kept(rf"(?<![\w])(?:{_words(fix['choice_adds'])})(?![\w])", re.IGNORECASE)
        self.after = [
            (_leading(table["preferred"]["after"]), CHOSEN),
            (
                _leading(
                    union(
                        ("negation", "after"),
                        ("tki_negation", "after"),
                        ("tki_negation", "refused_after"),
                        ("rejected", "after"),
                    )
                ),
                REJECTED,
            ),
            (_leading(table["prior"]["after"]), PRIOR),
            (_leading(table["fallback"]["after"]), CONDITIONAL),
            (_leading(table["hypothetical"]["conditional_plan"]), CONDITIONAL),  # "chemo if it progresses"
        ]


class TherapyReader:
    """Finds the therapies of the phrase table in a text and reads each one's role."""

    def __init__(self, raw: Mapping[str, Any], kb: knowledge.KnowledgeBase, table: Mapping[str, Any]):
        self.kb = kb
        self.cues = RoleCues(table)
        tki_regimens = {r.drug: rid for rid, r in kb.regimens.items() if r.kind == "alk_tki" and r.drug is not None}
        tki_names = [n for n in table["names"] if n["label"] == "tki"]
        any_tki = "|".join(re.escape(n["pattern"]) for n in tki_names)
        self.families = self._families(raw.get("families") or {})
        self.lesser_forms = self._lesser_forms(raw.get("lesser_forms") or {})
        known = set(kb.regimens) | set(self.families) | set(self.lesser_forms) | {REQUEST_INFORMATION}
        phrases: list[tuple[re.Pattern[str], str]] = []
        for value, entries in (raw.get("therapies") or {}).items():
            if value not in known:
                _fail(f"therapies.{value}", "not a therapy id of regimens.yml, a family, or request_information")
            phrases += [(phrase_regex(p.replace("{TKI}", f"(?:{any_tki})")), value) for p in entries]
        for value, brands in (raw.get("brands") or {}).items():
            if value not in known:
                _fail(f"brands.{value}", "not a therapy id of regimens.yml or a family")
            phrases += [(phrase_regex(re.escape(b)), value) for b in brands]
        for value, entries in (raw.get("acronyms") or {}).items():
            if value not in known:
                _fail(f"acronyms.{value}", "not a therapy id of regimens.yml or a family")
            phrases += [(phrase_regex(re.escape(a), case_sensitive=True), value) for a in entries]
        phrases += [
            (phrase_regex(re.escape(n["pattern"])), tki_regimens[n["id"]]) for n in tki_names if n["id"] in tki_regimens
        ]
        phrases += [(phrase_regex(p), NOT_IN_KB) for p in raw.get("not_in_knowledge_base") or []]
        self.phrases = phrases
        self.merges = self._merges(raw.get("merges") or [], known)
        self.asides = [
            (compiled.kept(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE), kind)
            for kind, words in (raw.get("asides") or {}).items()
            if words
        ]
        self.combinations: dict[str, tuple[str, ...]] = {}  # a therapy or family -> combined regimens containing it
        for combined, parts in (raw.get("combinations") or {}).items():
            for part in (combined, *parts):
                if part not in known:
                    _fail(f"combinations.{combined}", f"'{part}' is not a therapy id of regimens.yml or a family")
            for part in parts:
                self.combinations[part] = (*self.combinations.get(part, ()), combined)

    def _families(self, raw: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
        out = {}
        for name, members in raw.items():
            if name == "second_generation_tki":
                members = [
                    rid
                    for rid, r in self.kb.regimens.items()
                    if r.kind == "alk_tki" and r.drug is not None and self.kb.drugs[r.drug].generation == "2G"
                ]
            for member in members:
                if member not in self.kb.regimens:
                    _fail(f"families.{name}", f"'{member}' is not a therapy id of regimens.yml")
            out[name] = tuple(members)
        return out

    def _lesser_forms(self, raw: Mapping[str, Mapping[str, str]]) -> dict[str, models.LesserForm]:
        out = {}
        for name, entry in raw.items():
            form = models.LesserForm(**entry)
            if form.regimen not in self.kb.regimens:
                _fail(f"lesser_forms.{name}", f"'{form.regimen}' is not a therapy id of regimens.yml")
            if form.caveat not in self.kb.caveats:
                _fail(f"lesser_forms.{name}", f"'{form.caveat}' is not a caveat id of caveats.yml")
            out[name] = form
        return out

    @staticmethod
    def _merges(raw: list[Mapping[str, Any]], known: set[str]) -> list[tuple[tuple[str, ...], str]]:
        out: list[tuple[tuple[str, ...], str]] = []
        for i, merge in enumerate(raw):
            parts, becomes = tuple(merge.get("when_all") or ()), merge.get("becomes")
            for part in (*parts, becomes):
                if not (
                    part in known
                    or (isinstance(part, str) and part.startswith("kind:") and part[5:] in knowledge.REGIMEN_KINDS)
                ):
                    _fail(f"merges[{i}]", f"'{part}' is not a therapy id, family or kind:<regimen kind>")
            assert isinstance(becomes, str)  # _fail raised otherwise
            out.append((parts, becomes))
        return out

    # ---- where the therapies are -----------------------------------------------------------------------------

    def normalise(self, text: str) -> str:
        """Same length as ``text`` (offsets stay valid): typographic apostrophes unified, mask phrases blanked."""
        text = text.translate(_APOSTROPHES)
        return self.cues.masks.sub(lambda m: " " * len(m.group()), text)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, value), the longest match winning, in text order."""
        found = [
            (m.start(), m.end(), value, i)
            for i, (pattern, value) in enumerate(self.phrases)
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda f: (f[0] - f[1], f[0], f[3]))
        taken: list[tuple[int, int, str]] = []
        for start, end, value, _ in found:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, value))
        return sorted(taken)

    def named(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """Each therapy named (as written) with the therapy ids it stands for (a family: its members; then the
        combined regimens that contain it, for a question about a part; none for a therapy the knowledge base has
        no regimen for), in text order; asking for information is not a therapy."""
        return [(text[start:end], self._stands_for(value)) for start, end, value in self._therapy_spans(text)]

    def lesser_forms_named(self, text: str) -> list[models.LesserForm]:
        """The lesser forms of a regimen named in ``text`` ("WBRT" of local therapy), in text order."""
        return [self.lesser_forms[value] for _, _, value in self._therapy_spans(text) if value in self.lesser_forms]

    def _therapy_spans(self, text: str) -> list[tuple[int, int, str]]:
        """The spans of ``text`` that name a therapy (asking for information is not one)."""
        return [s for s in self.spans(text.translate(_APOSTROPHES)) if s[2] != REQUEST_INFORMATION]

    def _stands_for(self, value: str) -> tuple[str, ...]:
        if value == NOT_IN_KB:
            return ()
        if value in self.lesser_forms:  # 'what about WBRT?' is answered for the regimen it is a form of
            value = self.lesser_forms[value].regimen
        return tuple(dict.fromkeys((*self.families.get(value, (value,)), *self.combinations.get(value, ()))))

    # ---- roles -----------------------------------------------------------------------------------------------

    def mentions(self, text: str, given: Collection[str] = ()) -> list[TherapyMention]:
        """Every therapy named in ``text`` with its role, in text order; ``given``: the TKIs the patient is known to
        have had (a numbered list that starts with them tells the lines of therapy, see _lines)."""
        clean = self.normalise(text)
        spans = [s for s in self.spans(clean) if s[2] != NOT_IN_KB]
        cuts = sorted({0, len(clean)} | {p for m in self.cues.breaks.finditer(clean) for p in (m.start(), m.end())})
        supposed = [(a, b) for a, b in sentences(clean) if self.cues.condition_first.match(clean[a:b])]
        blanked = "".join(" " * (b - a) if v else clean[a:b] for a, b, v in _pieces(clean, spans))
        asides = self._asides(text.translate(_APOSTROPHES), cuts)  # unmasked: 'if not tolerated, ...' opens one
        out: list[TherapyMention] = []
        previous_end = 0
        groups = self._groups(clean, spans, cuts)
        for g, (group, clause) in enumerate(groups):
            role = self._role(clean, group, clause, previous_end)
            following = clean[group[-1][1] : groups[g + 1][0][0][0]] if g + 1 < len(groups) else None
            if (
                role == CHOSEN
                and following is not None
                and self._left_for_next(clean, group, previous_end, following, given)
            ):
                role = PRIOR  # "change alectinib to lorlatinib", "alectinib -> lorlatinib" (had alectinib)
            if (
                role == CHOSEN
                and out
                and out[-1].role == REJECTED
                and out[-1].value == CONTINUE
                and _CONTINUED_OBJECT.match(clean[previous_end : group[0][0]])
            ):
                role = REJECTED  # "do not continue treatment with alectinib": continuing alectinib is denied
            if role == CHOSEN and out and out[-1].role == REJECTED and self._switch_target(clean, g, groups):
                role = REJECTED  # "don't switch alectinib to brigatinib": the switch denied, brigatinib with it
            if role in (CHOSEN, PRIOR) and self._intolerant(clean, group, spans):
                role = INTOLERANT
            if role == CHOSEN and any(a <= group[0][0] < b for a, b in supposed):
                role = CONDITIONAL
            aside = next((kind for a, b, kind in asides if a <= group[0][0] < b), None)
            if role == CHOSEN and aside == "fallback":  # "lorlatinib; if not tolerated, brigatinib"
                role = CONDITIONAL
            if role == CHOSEN and out and out[-1].role == REJECTED and _REJECTED_ALTERNATIVE.match(clean, previous_end):
                role = REJECTED  # "don't rechallenge alectinib or try brigatinib"
            # an alternative to an offered therapy phrase is offered too ("the molecular tumour board or an EGFR TKI")
            alternative = (
                bool(out) and out[-1].offered and bool(self.cues.alternative.match(clean[previous_end : group[0][0]]))
            )
            offered = role == CHOSEN and (alternative or self._offered(clean, group, clause, previous_end, blanked))
            out.extend(
                TherapyMention(value, start, end, role, text[start:end], aside, offered) for start, end, value in group
            )
            previous_end = group[-1][1]
        return self._lines(clean, self._open_chain(clean, self._retracted(clean, out)), given)

    def _retracted(self, text: str, out: list[TherapyMention]) -> list[TherapyMention]:
        """A choice the answer retracts for the next one ("brigatinib, I mean lorlatinib", "maybe brigatinib? no -
        lorlatinib", "lorlatinib? No, brigatinib"): the chosen therapies right before the correction (one group:
        "brigatinib or ceritinib? no, lorlatinib") are rejected, the one after it stays the choice; nothing that adds
        or orders therapies in the gap ("lorlatinib. Actually, add SRS"), nor one told as added after it."""
        out = list(out)
        for k in range(1, len(out)):
            b, a = out[k], out[k - 1]
            gap = text[a.end : b.start]
            if b.role != CHOSEN or a.role != CHOSEN or not self.cues.retracts.match(gap):
                continue
            if self.cues.retract_adds.search(gap) or self.cues.retract_adds.match(
                text[b.end : b.end + 12].lstrip(" ,")
            ):
                continue
            first = k - 1
            while (
                first
                and out[first - 1].role == CHOSEN
                and self.cues.lists.therapy_filler.match(text[out[first - 1].end : out[first].start])
            ):
                first -= 1
            out[first:k] = [replace(m, role=REJECTED) for m in out[first:k]]
        return out

    def _open_chain(self, text: str, out: list[TherapyMention]) -> list[TherapyMention]:
        """A chain of TKIs by arrows whose last is marked open with a question mark ("crizotinib -> alectinib ->
        ?lorlatinib", "criz -> alec -> lorla?"): the sequence given, the marked one the choice; the TKIs before it
        were had."""
        out = list(out)
        k = 0
        while k < len(out):
            end = k
            while (
                end + 1 < len(out)
                and all(self._is_tki(m.value) and m.role in (CHOSEN, PRIOR) for m in (out[end], out[end + 1]))
                and _CHAIN_ARROW.fullmatch(text, out[end].end, out[end + 1].start)
            ):
                end += 1
            last = out[end]
            marked = text[: last.start].rstrip().endswith("?") or text[last.end :].lstrip().startswith("?")
            if end > k and marked and last.role == CHOSEN:
                out[k:end] = [replace(m, role=PRIOR) for m in out[k:end]]
            k = end + 1
        return out

    def _lines(self, text: str, out: list[TherapyMention], given: Collection[str] = ()) -> list[TherapyMention]:
        """TKIs in numbered lines of therapy, each with its own number, in any order ("1L alectinib, 2L brigatinib",
        "2L brigatinib, 1L alectinib", "1. crizotinib 2. alectinib 3. ?", "first crizotinib, second alectinib"):
        those of the earlier lines were given; the last line's stays the choice, unless a line after it is left open
        ("3. ?") or a TKI is chosen in a statement after them ("...; now lorlatinib"). Only when the last line's TKI
        reads chosen: a plan ("1. lorlatinib 2. chemo at next progression") is no sequence of lines. A list numbered
        only ("1. lorlatinib 2. brigatinib", "first X, second Y": no line written) may be a ranking as well: it is a
        sequence when a line is left open or chosen after it, or when every earlier item is a TKI the patient is
        known to have had (``given``, the case's prior TKIs); else it stays a ranking, the first the choice."""
        numbered = [
            (n, i)
            for i, m in enumerate(out)
            if self._is_tki(m.value) and (n := _line(text, m.start, m.end, self.cues.order)) is not None
        ]
        numbers = [n for n, _ in numbered]
        if len(numbered) < 2 or len(set(numbers)) != len(numbers):
            return out
        last_n, last_i = max(numbered)
        if out[last_i].role != CHOSEN:
            return out
        end = max(out[i].end for _, i in numbered)
        later = [m for m in out if m.start >= end]
        open_line = not later and any(self._number(m) > last_n for m in self.cues.line_number.finditer(text, end))
        chosen_after = any(
            m.role == CHOSEN and self._is_tki(m.value) and re.search(r"[.;\n]", text[end : m.start]) for m in later
        )
        written = all(
            _line(text, out[i].start, out[i].end, self.cues.order, bare=False) is not None for _, i in numbered
        )
        had = all(out[i].value in given for n, i in numbered if n < last_n)
        if not (written or open_line or chosen_after or had):
            return out  # a ranking: "1. lorlatinib 2. brigatinib"
        earlier = {i for n, i in numbered if n < last_n or open_line or chosen_after}
        return [replace(m, role=PRIOR) if i in earlier and m.role == CHOSEN else m for i, m in enumerate(out)]

    def _left_for_next(
        self, text: str, group: list[tuple[int, int, str]], previous_end: int, following: str, given: Collection[str]
    ) -> bool:
        """The group is what the patient is switched from, the next therapy what to: the object of a switch verb
        with the next therapy after 'to', 'for' or 'with' ("change alectinib to lorlatinib", "switch her from
        Alecensa to Lorbrena"), or a TKI the patient had with an arrow to the next ("alectinib -> lorlatinib")."""
        if self._switched(text, group, group[-1][1] + len(following), previous_end):
            return True
        return all(v in given for _, _, v in group) and bool(_ARROW_TO.match(following))

    def _switch_target(
        self, text: str, g: int, groups: list[tuple[list[tuple[int, int, str]], tuple[int, int]]]
    ) -> bool:
        """Group ``g`` is what the group before it is switched to ("switch alectinib to brigatinib")."""
        return g > 0 and self._switched(text, groups[g - 1][0], groups[g][0][0][0])

    @staticmethod
    def _switched(text: str, group: list[tuple[int, int, str]], next_start: int, floor: int = 0) -> bool:
        """The group is the object of a switch verb, the therapy at ``next_start`` what it is switched to."""
        lead = text[max(floor, group[0][0] - 40) : group[0][0]]
        return bool(_SWITCHED_FROM.search(lead) and _SWITCHED_TO.match(text[group[-1][1] : next_start]))

    def _number(self, m: re.Match[str]) -> int:
        digit = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
        return int(digit) if digit else self.cues.ordinals[m.group("w").lower()]

    def _is_tki(self, value: str) -> bool:
        regimen = self.kb.regimens.get(value)
        return regimen is not None and regimen.kind == "alk_tki"

    def _intolerant(self, text: str, group: list[tuple[int, int, str]], spans: list[tuple[int, int, str]]) -> bool:
        """The group was given and not tolerated: a stop or hold for a toxicity right after it, before the next
        therapy and the statement's end ("alectinib held for hepatotoxicity", "on alectinib; dose held for CK
        rise"), or named right after "intolerant of", "could not tolerate", or after "came off", "held" with a
        toxicity given as the reason right after it ("held alectinib for hepatotoxicity"); not when it was given again
        after the hold ("alectinib held for hepatotoxicity, restarted at 450 mg": not another therapy restarted,
        "..., restarted alectinib") or the hold was a short pause ("held for a week for CK rise")."""
        start, end = group[0][0], group[-1][1]
        limit = min([s for s, _, _ in spans if s >= end] + [_clause_end(text, end)])  # past semicolons
        lead = re.split(r"[.;!?\n]", text[max(0, start - 40) : start])[-1]
        toxic = self.cues.toxic
        later = [(s, v) for s, _, v in spans if s >= end]
        return not toxic.resumed(text, group[-1][2], end, limit, later) and bool(
            toxic.after.match(text, end, limit)
            or toxic.not_tolerated.search(lead)
            or (toxic.came_off.search(lead) and toxic.reason.match(text, end, limit))
        )

    def _asides(self, text: str, cuts: list[int]) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each aside: from its opening word to the next comma or clause break (a later step
        or fallback: to the next clause break, 'otherwise, brigatinib')."""
        out = []
        for pattern, kind in self.asides:
            for m in pattern.finditer(text):
                comma = text.find(",", m.end()) if kind not in ("later", "fallback") else -1  # "otherwise, chemo"
                end = min([c for c in cuts if c > m.end()] + ([comma] if comma >= 0 else []) + [len(text)])
                out.append((m.start(), end, kind))
        return out

    def received_in_question(self, text: str, start: int) -> bool:
        """The drug at ``start`` of a question is named as one the patient received ("after brigatinib", "what if it
        was brigatinib?"), not as an option to give."""
        return bool(self.cues.received_in_question.search(text[max(0, start - 40) : start]))

    @staticmethod
    def _clause(cuts: list[int], start: int, end: int) -> tuple[int, int]:
        before = max(c for c in cuts if c <= start)
        after = min(c for c in cuts if c >= end)
        return before, after

    def _groups(self, text: str, spans: list[tuple[int, int, str]], cuts: list[int]):
        """Therapies joined by list filler in one clause form a group. A comma-only list needs a conjunction, and a
        comma after the conjunction ends the list ("after alectinib and brigatinib, lorlatinib")."""
        lists = self.cues.lists
        groups: list[tuple[list[tuple[int, int, str]], tuple[int, int]]] = []
        for span in spans:
            clause = self._clause(cuts, span[0], span[1])
            if groups and groups[-1][1][0] == clause[0]:
                members = groups[-1][0]
                gap = text[members[-1][1] : span[0]]
                closed = not lists.therapy_conjunction.search(gap) and any(
                    lists.therapy_conjunction.search(text[a[1] : b[0]]) for a, b in pairwise(members)
                )
                if lists.therapy_filler.match(gap) and not closed:
                    members.append(span)
                    continue
            groups.append(([span], clause))
        split: list[tuple[list[tuple[int, int, str]], tuple[int, int]]] = []
        for members, clause in groups:
            gaps = [text[a[1] : b[0]] for a, b in pairwise(members)]
            # "no chemo, lorlatinib": not a list
            if gaps and not any(lists.therapy_conjunction.search(g) for g in gaps):
                split.extend(([m], clause) for m in members)
            else:
                split.append((members, clause))
        return split

    def _role(self, text: str, group: list[tuple[int, int, str]], clause: tuple[int, int], previous_end: int) -> str:
        """`after` cues first; then cues before the group, read from the previous therapy or comma on. A denial of
        an interaction ('avoid carbamazepine with lorlatinib', 'avoid lorlatinib with strong CYP3A inducers') is
        spent on the other drug: the therapy, its partner, is chosen."""
        after = text[group[-1][1] : clause[1]]
        role = self._cued_role(text, group, clause, previous_end, after)
        if role == REJECTED and self.cues.partner_after.match(after):
            return CHOSEN
        rest = text[group[-1][1] :]
        note = self.cues.rejected_next.match(rest)  # a denial that is all a note says of it
        if role == CHOSEN and note and re.match(r"\s*(?:[.;!?\n]|$)", rest[note.end() :]):
            return REJECTED  # "Brigatinib: no", "Brigatinib - avoid."
        return role

    def _cued_role(
        self, text: str, group: list[tuple[int, int, str]], clause: tuple[int, int], previous_end: int, after: str
    ) -> str:
        for pattern, role in self.cues.after:
            if pattern.search(after):
                return role
        before = text[self._before_start(text, group, clause, previous_end) : group[0][0]]
        heading = self._heading(text, group, clause, previous_end, before)
        if heading is not None and heading[1] == ":":
            before = heading[0] + " " + before  # a heading: "Avoid: brigatinib"
        # also under a heading, after a colon or a dash: "Carbamazepine: avoid with lorlatinib", "Rifampicin -
        # contraindicated with Lorbrena"
        if self._partner(before) or (heading is not None and self._partner(heading[0] + " " + before)):
            return CHOSEN
        if self.cues.prior.search(before) or _FOUND_ON.search(before):
            return PRIOR
        last, role, start = -1, CHOSEN, 0
        for pattern, meaning in self.cues.before:
            for m in pattern.finditer(before):
                if m.end() > last:
                    last, role, start = m.end(), meaning, m.start()
        if role == CHOSEN and self.cues.negated_verb.search(before[:start]):  # "don't use", "wouldn't give"
            return REJECTED
        return role

    @staticmethod
    def _heading(
        text: str, group: list[tuple[int, int, str]], clause: tuple[int, int], previous_end: int, before: str
    ) -> tuple[str, str] | None:
        """The heading of the clause a group opens, and its mark: at most three words, no therapy among them, then a
        colon or a dash ("Avoid: brigatinib", "Carbamazepine - avoid with lorlatinib")."""
        if before != text[clause[0] : group[0][0]]:
            return None
        mark = re.search(r"(?::|\s[-\u2013]\s|\u2014)$", text[: clause[0]])
        if mark is None:
            return None
        heading = re.split(r"[.;!?\n]", text[: mark.start()])[-1]
        if len(heading.split()) > 3 or previous_end > mark.start() - len(heading):
            return None
        return heading, mark.group().strip()[:1]

    def _partner(self, before: str) -> bool:
        """The words before a therapy deny another drug given with it: the last denial's object is one of
        partner_things, then a partner word ('avoid carbamazepine with ', 'stop phenytoin before ', 'should not be
        co-administered with '), or the denial's subject is ('carbamazepine is contraindicated with ')."""
        denials = list(self.cues.before[0][0].finditer(before))
        if not denials:
            return False
        last = denials[-1]
        gap = before[last.end() :]
        return bool(
            self.cues.partner_object.search(gap)
            or (self.cues.partner_alone.match(gap) and self.cues.partner_thing.search(before[: last.start()]))
        )

    @staticmethod
    def _before_start(text: str, group: list[tuple[int, int, str]], clause: tuple[int, int], previous_end: int) -> int:
        """Where the words that give a group its role begin: the clause, the previous therapy or comma."""
        return max(clause[0], previous_end, text.rfind(",", clause[0], group[0][0]) + 1)

    def _offered(
        self,
        text: str,
        group: list[tuple[int, int, str]],
        clause: tuple[int, int],
        previous_end: int,
        blanked: str,
    ) -> bool:
        """A group read as chosen is offered as a choice, not just talked about ('G1202R confers resistance to
        brigatinib', 'brigatinib lacks activity here', 'brigatinib: no', '(ABCP)'): a choice cue ('give', 'is the
        answer'), or a therapy or a list standing nearly alone ('No, brigatinib', 'brigatinib now', 'lorlatinib or
        brigatinib', '(or brigatinib)')."""
        after = text[group[-1][1] : clause[1]]
        before = text[self._before_start(text, group, clause, previous_end) : group[0][0]]
        if self.cues.rejected_next.match(text[group[-1][1] :]):
            return False
        if any(p.search(after) for p, role in self.cues.after if role == CHOSEN):
            return True
        if any(p.search(before) for p, role in self.cues.before if role == CHOSEN):
            return True
        lead = blanked[max(clause[0], text.rfind(",", clause[0], group[0][0]) + 1) : group[0][0]]  # therapies left out
        if text[clause[0] - 1 : clause[0]] == "(" and not re.match(r"\s*(?:or|either)\b", lead, re.IGNORECASE):
            return False  # a gloss in brackets: 'pemetrexed and bevacizumab (ABCP) are out'
        # its own words end where an alternative begins, and its dose, schedule or site are part of it
        own = self.cues.lists.alternative.split(after.split(",")[0])[0]
        own = _LEADING_TAIL.sub("", own, count=1)
        return len(re.findall(r"\w+", lead)) <= 2 and len(re.findall(r"\w+", own)) <= 1

    # ---- the choice --------------------------------------------------------------------------------------------

    def _satisfies(self, part: str, value: str) -> bool:
        if part.startswith("kind:"):  # a family is of a kind when all its members are ('chemo')
            regimens = [self.kb.regimens.get(m) for m in self.families.get(value, (value,))]
            return all(r is not None and r.kind == part[5:] for r in regimens)
        return part == value

    def choice(self, text: str, given: Collection[str] = ()) -> TherapyChoice:
        """The first therapy chosen (merged with its partners, e.g. 'SRS and continue alectinib'). Asking for
        information counts only when no therapy is chosen alongside it ('re-biopsy and a trial' chooses the
        trial), and a conditional fallback only when nothing is chosen outright."""
        mentions = tuple(self.mentions(text, given))
        tiers = [
            [m for m in mentions if m.role == role and (m.value == REQUEST_INFORMATION) == request]
            for role in (CHOSEN, CONDITIONAL)
            for request in (False, True)
        ]
        picked = next((tier for tier in tiers if tier), [])
        if not picked:
            return TherapyChoice(None, mentions)
        # "since lorlatinib is too toxic, brigatinib", "lorlatinib, better than brigatinib"
        picked = [m for m in picked if m.aside not in ("reason", "compared")] or picked
        picked = [m for m in picked if m.aside != "later"] or picked  # not merged with a later step
        values = self._merged(text, picked)
        named = [m for m in picked if m.aside is None and m.role == CHOSEN]
        offered = {m.value for m in named if m.offered}
        merged = self._merged(text, named)  # a merge's product counts when a part is offered
        also = [
            v
            for v in dict.fromkeys(merged)
            if v != values[0] and v != REQUEST_INFORMATION and (v in offered or v not in {m.value for m in named})
        ]
        return TherapyChoice(values[0], mentions, tuple(also))

    def _merged(self, text: str, mentions: list[TherapyMention]) -> list[str]:
        """The values of ``mentions``, those chosen together (one clause, not 'or') as one choice: _merged_run."""
        runs: list[list[str]] = []
        for i, mention in enumerate(mentions):
            gap = text[mentions[i - 1].end : mention.start] if i else ""
            apart = (
                _NOT_TOGETHER.search(gap)
                or self.cues.breaks.search(gap)
                or ("," in gap and not self.cues.lists.therapy_filler.match(gap))
            )
            if not i or apart:  # "carbo/pem at progression, pembrolizumab now": two choices too
                runs.append([])  # "carbo/pem? No, pembrolizumab", "carbo/pem or pembrolizumab": two choices
            runs[-1].append(mention.value)
        return [v for run in runs for v in self._merged_run(run)]

    def _merged_run(self, values: list[str]) -> list[str]:
        """Therapies chosen together as one choice (the merges), a combined regimen for its parts named beside it
        ('carboplatin-paclitaxel with atezolizumab-bevacizumab' is ABCP) and a family dropped for its member named
        beside it ('carboplatin, pemetrexed' is carboplatin-pemetrexed, not any chemotherapy)."""
        for parts, becomes in self.merges:
            found = [next((i for i, v in enumerate(values) if self._satisfies(p, v)), None) for p in parts]
            hits = [i for i in found if i is not None]
            if len(hits) == len(found) and len(set(hits)) == len(hits):
                first = min(hits)
                if becomes.startswith("kind:"):  # the part of that kind stands for all ('carbo/pem + pembro')
                    becomes = values[next(i for i in hits if self._satisfies(becomes, values[i]))]
                values = [becomes if i == first else v for i, v in enumerate(values) if i == first or i not in hits]
        named = set(values)
        # a combined regimen stands for its parts named beside it; a family yields to its member
        values = [v for v in values if not named & set(self.combinations.get(v, ()))] or values
        return [v for v in values if not named & set(self.families.get(v, ())) - {v}] or values


def _pieces(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, bool]]:
    """``text`` cut at ``spans`` (sorted, not overlapping): (start, end, whether it is a span)."""
    out, at = [], 0
    for start, end, _ in spans:
        out += [(at, start, False), (start, end, True)]
        at = end
    return [*out, (at, len(text), False)]


def phrases() -> dict[str, Any]:
    """The therapy phrase table (therapy_phrases.yml), checked against its model."""
    return models.checked_therapies(yaml.safe_load(THERAPY_PHRASES_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load() -> TherapyReader:
    """The therapy reader over the project's knowledge base and phrase files, built once per process."""
    kb = knowledge.default()
    return TherapyReader(phrases(), kb, vocabulary.table(kb))
