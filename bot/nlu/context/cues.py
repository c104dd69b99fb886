"""The cue patterns built from the phrase table (Context.__init__) and the small lookups every part shares."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar

from bot.nlu.context.order import _Order
from bot.nlu.context.patterns import (
    _ALONE,
    _ALONE_ASKED,
    _TOLERATED,
    _UNANSWERED,
    _WHOLE,
    ListWords,
    ToxicStops,
    _after,
    _before,
    _compile,
    _cue,
    _fill,
    _frame,
    _needs,
    _opening,
    _words,
    sentences,
)
from bot.nlu.corrections import Corrections
from bot.nlu.key_value import ITEM_CODE
from bot.nlu.reader import Span

_T = TypeVar("_T")


def _per_text(method: Callable[[Any, str], _T]) -> Callable[[Any, str], _T]:
    """A method of the text alone computed once per text, kept for the last text it was asked of (the object's
    ``_last``): a reading asks for its sentences (Cues._sentences) or its criterion rules (People._criterion_rules) from
    several places, some once per finding; the Rasa components ask for the reading several times (Extractor._read)."""
    name = method.__name__

    @functools.wraps(method)
    def once(self: Any, text: str) -> _T:
        last = self._last.get(name)
        if last is None or last[0] != text:
            last = self._last[name] = (text, method(self, text))
        return last[1]

    return once


class Cues:
    def gene(self, name: str) -> str:
        """The gene's one name, in lower case ("ERBB2" and "HER2": her2)."""
        lowered = name.lower()
        return self.gene_aliases.get(lowered, lowered)

    def __init__(self, table: dict[str, Any]):
        neg, hyp = table["negation"], table["hypothetical"]
        copulas = table["after_copulas"]

        self.not_negatable = frozenset(table["not_negatable"])
        self.lists = ListWords(table)
        self.kinds = {e: kind for kind, entities in table["list_kinds"].items() for e in entities}
        self.groups = {e: group for group, entities in table["list_groups"].items() for e in entities}
        self.order = _Order(table["treatment_order"], self.lists)
        self.corrections = Corrections(table)
        # (safe20) a score called a slip right after it, and the value meant after that (Context._score_slip)
        slip, then = _words(table["correction"]["score_slip"]), _words(table["correction"]["score_slip_then"])
        name = _words(table["correction"]["score_slip_name"])
        lead = (
            rf"\s*(?:\(\s*(?:{slip})\s*\)|,?\s*(?:(?:was|is|=)\s+)?(?:(?:a|an|just\s+a)\s+)?(?:{slip})"
            rf"|\s*[-–—>:]+\s*(?:(?:a|an)\s+)?(?:{slip}))(?:\s*,?\s*(?:sorry|apologies|my\s+(?:bad|mistake|error)))?"
            r"\s*(?:[,;:]|[-–—>]+)?\s*(?:(?:sorry|apologies),?\s*)?"
        )
        # the value meant alone: not one of two ("1 or 2"), a number of something ("1 month", "1 brain lesion")
        alone = (
            r"(?![\w%/])(?!\.\d)(?!\s*(?:or|to|[-–/])\s*\d)"
            r"(?!\s*(?:mm|cm|mo|months?|years?|yrs?|weeks?|wks?|days?|cycles?|mg|lesions?|mets?|metastas\w*)\b)"
        )
        self.score_slip = _compile(
            rf"{lead}(?:(?:{then})\s*[:=]?\s*(?:{name})?|{name})(?P<v>[0-4]){alone}"
            rf"|{lead}(?P<w>[0-4]){alone}(?=\s*(?:[.;,)!]|$))",
            re.IGNORECASE,
        )
        self.new_keeps = frozenset(table["unchanged_when_new"])
        self.neg_before = _cue(neg["before"] + neg["refused_before"])
        self.refused_before = _before(neg["refused_before"])  # the denial of neg_before that refuses (Context._refused)
        self.answer_restated = _before(neg["answer_restated"], r"\s*\(\s*")  # (safe10) Context._stated_role
        # (lead) a bracket after an answer of no saying nothing could tell it ("N (MRI not done)"): Context._stated_role
        self.answer_unknown = _compile(
            rf"[ \t]*(?:\(|[-–—]+[ \t]|,)\s*(?:{_words(neg['answer_unknown'])})(?![\w])", re.IGNORECASE
        )
        self.complaints_denied = _compile(_words(neg["complaints_denied"]), re.IGNORECASE)
        self.complaint_told = _cue(neg["complaint_told"])
        self.complaint_entities = frozenset({"symptomatic"})  # the patient's complaints
        self.complaint_gone = _compile(rf"[\s-]*(?:{_words(neg['complaint_gone_after'])})(?![\w])", re.IGNORECASE)
        self.complaint_verb = _cue(neg["complaint_verb_before"])  # "is not having headaches": of complaints only
        self.neg_after = _after(neg["after"] + neg["gone_after"], copulas, arrows=True)
        self.score_denied = _before(neg["score_denied"], r"\s+")
        self.score_goal = _before(neg["score_goal"], r"\s+(?:(?:an?|the)\s+)?")  # (lead) "Target ECOG 1": doubt.py
        self.score_entities = frozenset(neg["score_entities"])
        self.found_after = _after(neg["found_after"], copulas)
        # a denial of a class beside a finding of it, of the rest of the class (Timing._besides_found): "no other ALK
        # mutations", "MET amp, no other bypass alterations", "no ALK mutation besides G1202R"
        self.besides_before = _frame(r"\b{besides_before}\s+(?:(?!(?:{besides_gap_not})\b)[\w-]+\s+){0,3}$", neg)
        self.besides_leading = _frame(r"{besides_before}\b", neg)
        self.besides_after = _frame(r"\s*(?:[\w-]+\s+){0,3}?{besides_after}\b", neg)
        self.breaks = _compile(_words(neg["breaks"]), re.IGNORECASE)
        self.own_statement = _compile(rf"(?:{_words(neg['own_statement'])})\b", re.IGNORECASE)
        self.ends_clause = _compile(rf"^\s*(?:{_words(neg['ends_clause'])})\s*(?:[,(]|[-–—]\s)", re.IGNORECASE)
        self.experience = _compile(_words(neg["experience"]), re.IGNORECASE)
        # (ctx7) also the fusion's partner written before it ("no EML4-ALK fusion detected": the ALK fusion denied)
        self.gap = _compile(
            rf"^(?:[\s,/&:()+]|\b(?:{_words(neg['gap_words'])})\b|\b(?:eml4|kif5b|tfg|klc1|strn|hip1|tpr)-)*$",
            re.IGNORECASE,
        )
        self.new = _frame(r"\b{new}\b", neg)
        # the same words qualifying a finding a denial after it covers ("New brain mets: none", "Untreated brain
        # metastases: none"), or said after that denial ("brain mets: none new"); the qualifier opens its line or
        # clause
        new_opens = r"\s*(?:{new})(?:\s*(?:/|,|or|and)\s*(?:{new}))*\s+$"
        # (lead) or the next item of a list ("Headache or new brain mets: none": the known ones may stay)
        self.new_before = _frame(r"(?:^|(?<=[\n;.,(])|(?<=^[-*•] )|(?<=\bor)|(?<=\band))" + new_opens, neg)
        # (safe10) past a checklist's item code opening the line, matched from the line's start ("E2 Symptomatic CNS
        # metastases: N" as "Symptomatic CNS metastases: N"), as key_value.py's _LINE reads such a code
        self.coded_new_before = _frame(rf"[ \t]*(?-i:{ITEM_CODE})[.)]?[ \t]+" + new_opens, neg)
        self.new_after = _frame(r"\s+(?:{new})\b", neg)
        # (safe10) a join of a denied row's findings with a qualifier of the next one ("Symptomatic or untreated CNS
        # metastases: N", "Symptomatic/untreated brain mets: no"): the first one is denied as its list's
        # (Lists._denied_after_list)
        self.qualified_join = _compile(
            _fill(r"^\s*(?:,|/|&)?\s*(?:{conjunctions}\s+)?", table["list_words"])
            + _fill(r"(?:{new})(?:\s*(?:/|,|or|and)\s*(?:{new}))*\s+$", neg),
            re.IGNORECASE,
        )
        # (safe11) a test not done, in brackets right after a result ("positive (NGS not done)", "ALK IHC positive (no
        # NGS)"): that one test, not the biopsy (context/core.py); the specimen's own words are read as they are
        self.test_not_done_in_result = _frame(
            r"(?<![\w-])(?:{result_words})\s*[(\[]\s*(?!(?:[\w-]+\s+)*?(?:re-?)?(?:biops\w*|bx|rebx)\b)[^()\[\]\n]*$",
            neg,
        )
        # (safe11) brain or leptomeningeal disease joined by "or" to the other (context/core.py)
        self.cns_or_after = _frame(r"\s+or\s+(?:{cns_alternatives})(?![\w-])", neg)
        self.cns_or_before = _frame(r"(?<![\w-])(?:{cns_alternatives})\s+or\s+$", neg)
        # (safe11) "symptomatic" joined by "or" to another qualifier, after it or before it (context/core.py)
        self.or_qualified_after = _frame(r"\s*(?:or|/)\s*(?:{or_qualifiers})(?![\w-])", neg)
        self.or_qualified_before = _frame(r"(?<![\w-])(?:{or_qualifiers})\s*(?:or|/)\s*$", neg)
        # the denial's cue and gap saying the finding is not one of its kind alone ("not an isolated brain lesion")
        self.one_of_several = _frame(r"(?<![\w-])(?:not|n't)\s+an?\s+(?:[\w-]+\s+)*?{one_of_several}\s+$", neg)
        self.count_of_one = _cue(neg["count_of_one"])
        self.another_count = _compile(_words(neg["another_count"]), re.IGNORECASE)
        self.changes = _cue(neg["changes"])
        # a drug's qualifier, one word of what follows it (_unqualified): hyphenated, alone in its brackets or not
        # ("lorlatinib-resistant", "(TKI-refractory)"), or the rest of a TKI's ("-resistant", " resistant")
        word = _fill(r"(?<![\w-])\w+(?:-\w+)*?-{qualifier}(?![\w-])", neg)
        self.qualifier = _compile(rf"\(\s*{word}\s*\)|{word}", re.IGNORECASE)
        self.qualifier_after = _frame(r"(?:-|\s+){qualifier}(?![\w-])", neg)
        cand = table["candidate"]
        self.qualified_findings = frozenset(cand["qualified_findings"])
        self.qualified_gap = _frame(r"\s*(?:{qualified_gap}\s+)*", cand)
        self.qualified_words = _frame(r"{qualified_words}(?![\w-])", cand)
        self.led_to = _frame(r"\s*(?:{led_to})\s*", cand)
        self.led_to_given = _frame(r"[\s,;:-]*(?:\d+\s*mg\s*)?(?:{led_to_given})(?![\w])", cand)
        # and its refusals before it as the other therapies' (negation refused_before: "refused to take brigatinib")
        self.tki_neg_before = _before(
            table["tki_negation"]["before"] + table["negation"]["refused_before"],
            _fill(r"[\s-]+(?:{joined_specimen}|(?!{not_between})\w+\s+)?", table["tki_negation"]),
        )
        self.tki_neg_after = _after(table["tki_negation"]["after"] + table["tki_negation"]["refused_after"], copulas)
        self.refused_after = _after(table["tki_negation"]["refused_after"], copulas)
        # a bare refusal in the next sentence: after an offer before the therapy (`refused_next`), or after one after it
        self.refused_next = _after(table["tki_negation"]["refused_next"], copulas)
        self.offered_refused_next = _after(table["tki_negation"]["offered_refused_next"], copulas)
        self.regimen_rest = _compile(_words(table["tki_negation"]["regimen_rest"]), re.IGNORECASE)
        self.therapy_tail = _compile(rf"\s+(?:{_words(table['tki_negation']['therapy_tail'])})(?![\w-])", re.IGNORECASE)
        back = table["retraction"]
        when = _words(back["said_when"])
        self.said_before = _compile(
            rf"(?<![\w-])(?:(?:{when})\s+)?(?:{_words(back['said_before'])})(?:\s+(?:{when}))?(?:\s+[\w'+-]+){{0,3}}?\s*:?\s*$",
            re.IGNORECASE,
        )
        self.said_when_before = _compile(rf"(?<![\w-])(?:{when})\s+(?:{_words(back['said_before'])})", re.IGNORECASE)
        self.said_when_after = _compile(rf"^[\s,]*(?:{when})(?![\w])", re.IGNORECASE)
        self.scrapped = _compile(rf"(?<![\w-])(?:{_words(back['scrapped'])})(?:\s+[\w'+-]+){{0,2}}?\s+$", re.IGNORECASE)
        # a heading opening its line or sentence (a report's noun may lead it; not a drug withdrawn: "Alectinib
        # withdrawn - G1202R"), up to a bracket's worth of words, then its colon or dash, right before the finding
        self.withdrawn_heading = _compile(
            rf"(?:^|(?<=[\n.;]))\s*(?:(?:the\s+)?(?:{_words(back['withdrawn_heading_nouns'])})"
            r"(?:\s+[\w-]+)?\s+(?:(?:was|is|has\s+been)\s+)?)?"
            rf"(?:{_words(back['withdrawn_heading'])})(?![\w-])[^.;\n:]{{0,40}}?\)?\s*[:–—-]\s*$",
            re.IGNORECASE | re.MULTILINE,
        )
        self.scrapped_end = _compile(rf"^(?:\s+[\w'+-]+)?\s+(?:{_words(back['scrapped_end'])})(?![\w])", re.IGNORECASE)
        self.withdrawn = _compile(rf"^[\s,]*(?:{_words(back['withdrawn'])})(?![\w])", re.IGNORECASE)
        self.not_cue = _cue(back["not_cue"])
        self.withdrawn_row = _compile(
            rf"[^.;\n]{{0,120}}?(?<![\w-])(?:{_words(back['withdrawn_row'])})(?![\w-])", re.IGNORECASE
        )
        # (lead14) the next statement, whole, saying the one before made in error ("G1202R detected. Entry made in
        # error."): from the finding to its statement's end, then the retraction up to the next one's end
        self.withdrawn_next = _compile(
            r"(?:[^.;\n]|\.(?![\s]|$))*?(?:\.(?=\s)|;|\n)\s*"
            rf"(?:{_words(back['withdrawn_next'])})(?![\w-])"
            r"(?:\s*[,;:–—-]?\s*(?:please\s+)?(?:ignore|disregard)(?:\s+(?:it|this|that))?)?\s*(?:[.!]|\n|$)",
            re.IGNORECASE,
        )
        self.disowned_entities = frozenset(back["disowned_entities"])
        self.disowned = _cue(back["disowned"])
        self.disowned_ref = _cue(back["disowned_ref"])
        # past a mark, not a bare space: "MET amplification equivocal" stays a doubted finding, named back (Doubt)
        # (safe22) also past a measure in the bracket before it ("MET amp (copy number 5, equivocal)")
        self.disowned_right_after = _compile(
            rf"^\s*[,:;'\"\u2018\u2019\u201c\u201d()–—-][\s,:;'\"\u2018\u2019\u201c\u201d()–—-]*"
            r"(?:(?:copy[- ]number|cn|gcn|ratio|met/cep7(?: ratio)?|vaf|af)\s*(?:of\s*)?[:=]?\s*[\d.]+\s*%?\s*[,;]\s*)?"
            rf"(?:{_words(back['disowned_right_after'])})(?![\w])",
            re.IGNORECASE,
        )
        # another gene named between a call and a doubt, which is then that gene's ("L1196M 8%, NOTCH2 variant of
        # uncertain significance"): a symbol with a digit, or a panel gene written in capitals
        self.another_gene = _compile(
            rf"(?<![\w-])(?:{table['gene_symbol']}|(?=[A-Z])(?:{table['other_genes']}))(?![\w-])", re.IGNORECASE
        )
        self.read_lesions = frozenset(back["read_lesions"])
        self.lesion_doubt = _cue(back["lesion_doubt"])
        self.lesion_doubt_alone = _compile(  # (s16) a clause that is only the doubt, quoted or not
            rf"\s*['\"\u2018\u2019\u201c\u201d]?\s*(?:{_words(back['lesion_doubt'] + back['lesion_doubt_closing'])})"
            rf"\s*['\"\u2018\u2019\u201c\u201d)]?\s*(?:,\s*(?:{_words(back['lesion_doubt_follow_up'])})(?![\w])[^;]*)?",
            re.IGNORECASE,
        )
        self.superseded_before = _compile(
            rf"(?<![\w-])(?:{_words(back['superseded_before'])})[\s'\"\u2018\u2019\u201c\u201d:(]*(?:alk\s+)?$",
            re.IGNORECASE,
        )
        self.superseded_quote = _compile(  # (s16) a finding inside the quote of a reading since superseded
            rf"(?<![\w-])(?:{_words(back['superseded_before'] + back['superseded_read'])})\s*:?\s*['\"\u2018\u201c]"
            rf"[^'\"\u2019\u201d\n]{{0,100}}$",
            re.IGNORECASE,
        )
        self.not_started_later = _compile(_words(table["tki_negation"]["later"]), re.IGNORECASE)
        self.all_but = _compile(_words(table["tki_negation"]["all_but"]), re.IGNORECASE)
        # a dose gap right after a denied TKI ("has not had her alectinib for 3 days"): a dose held, not a denial
        self.dose_gap = _frame(r"\s*(?:(?:{dose_gap_words})\s+)?(?:{dose_gap})", table["tki_negation"])
        self.not_a_gap = _cue(table["tki_negation"]["not_a_gap"])
        # (safe13) a past denial of the start, then when it was started ("did not start alectinib until June 2023")
        self.started_until_denial = _compile(_words(table["tki_negation"]["started_until_denial"]), re.IGNORECASE)
        self.started_until = _compile(_words(table["tki_negation"]["started_until"]), re.IGNORECASE)
        # (safe13) a denied TKI naming a cause ("No alectinib-related toxicity"): the toxicity denied, not the drug
        self.cause_of_denied = _compile(_words(table["tki_negation"]["cause_of_denied"]), re.IGNORECASE)
        # (therapy) the TKI may be quoted, as a brand copied from a box ("asks for 'Lorbrena'")
        self.cand_before = _before(
            table["candidate"]["before"],
            # (trust4) or right after the bracket a cue ends in ("THERAPY INITIATION (lorlatinib)")
            _fill(r"(?:\s+(?:(?!{not_between})\w+\s+)?['\"\u2018\u201c]?|(?<=\())", table["candidate"]),
        )
        self.cand_after = _after(table["candidate"]["after"], copulas)
        self.caution_after = _after(cand["caution_after"], copulas)  # (trust5) Context._named_after
        # (trust7) a risk note after a comma or in a bracket, of a TKI that opens its statement: Context._named_after
        self.risk_note_after = _compile(_words(cand["risk_note_after"]), re.IGNORECASE)
        self.risk_note_lead = _compile(rf"(?:{_words(cand['risk_note_lead'])})$", re.IGNORECASE)
        self.risk_note_given = _cue(cand["risk_note_given"])
        self.received_after = _compile(rf"(?:{_words(cand['received_after'])})", re.IGNORECASE)
        self.given_in_own_words = _cue(cand["given_in_own_words"])
        # a trial's criterion told as a rule ("the protocol requires", "Cohort 2 excludes"): People._criterion_rules
        self.criterion_rule = _cue(cand["criterion_rule"])
        # a regimen's own words ending on its cycle ("carbo/pem, cycle 1", "docetaxel C1"), and that cycle the first,
        # still to come (`first_to_come`: "cycle 1 next week", "to start cycle 1"): Context._first_cycle_to_come
        self.cycle_at_end = _compile(r"(?<![\w])(?:cycles?|c) ?\d+$", re.IGNORECASE)
        self.first_to_come = _compile(_words(cand["first_to_come"]), re.IGNORECASE)
        self.offered_before = _before(cand["offered_before"], r"\s+")
        # a modal or an entitlement up to six words before a TKI, in its clause, not past a word telling of a TKI
        # given, nor right after "on" or "of" ("would be funded under the CDF for lorlatinib"; `access`); a cue may
        # open at a contraction's apostrophe ("she'd be covered")
        self.access_before = _frame(
            r"(?:(?<![\w-])|(?='))(?:{access})(?:[ \t]+(?!(?:{access_stop})(?![\w-]))[\w'-]+){0,6}?[ \t]+"
            r"(?<!\bon )(?<!\bof )$",
            cand,
        )
        self.recommended_before = _before(cand["recommended_before"], r"\s+")
        self.future_clause = _cue(table["candidate"]["future_clause"])
        self.future_before = _before(table["candidate"]["future_before"], r"\s+")
        # (diag8) "will participate ..., randomized to": Timing._to_come
        self.future_arm = _before(table["candidate"]["future_arm"], r"\s+")
        self.future_after = _compile(rf"\s+(?:{_words(table['candidate']['future_after'])})(?![\w])", re.IGNORECASE)
        self.next_step = _before(table["candidate"]["next_step"], r"\s+")
        self.instruction = _opening(table["candidate"]["instruction"], _WHOLE)
        self.general_statement = _cue(table["candidate"]["general_statement"])
        self.general_then_taken = _cue(table["candidate"]["general_then_taken"])  # (safe14) Context.entities
        self.general_comparator = _before(table["candidate"]["general_comparator"])  # (safe15) _general_then_taken
        # a counterfactual access ("she would be funded for"): a country in its sentence is not hers (_general_region)
        self.access_elsewhere = _frame(r"(?:(?<![\w-])|(?='))(?:{access_elsewhere})(?![\w-])", cand)
        # a phrase opening a general statement's sentence with a comma ("After alectinib, lorlatinib is funded")
        self.rule_lead = _frame(r"^\s*(?:{rule_lead})\s+[^,;:()]{1,60},\s*$", cand)
        # (a conjunction may lead it: "... ? and what about brain mets")
        self.question_start = _opening(
            hyp["question_start"] + hyp["choice"], _WHOLE, lead=r"(?:(?:and|or|so|also|plus|but)\s+)?"
        )
        self.question_preface = _compile(rf"^\W*(?:{_words(hyp['question_preface'])})\s*(?::|[-–—]+\s)", re.IGNORECASE)
        self.question_goes_on = _opening(hyp["question_goes_on"], _WHOLE)
        self.question_broken = _compile(rf"(?<![\w-])(?:{_words(hyp['question_broken'])})", re.IGNORECASE)
        self.later_clause_asks = _opening(hyp["later_clause_asks"], _WHOLE)
        self.later_clause_needs = _needs(self.later_clause_asks)  # (Questions._asked_from)
        self.bare_premise = _opening(hyp["bare_premise"])
        self.stated_after_ask = _compile(_words(hyp["stated_after_ask"]), re.IGNORECASE)
        self.bare_answered = _cue(hyp["bare_answered"])
        self.finding_question = _opening(hyp["finding_question"], _WHOLE)
        self.answered_yes = _opening(hyp["answered_yes"], _WHOLE)
        self.answer_not_given = _cue(hyp["answer_not_given"])
        # (trust3) a "no" answering the question before it, the word alone or before a break ("No.", "None, MRI
        # clear"; not "No change"); a reply naming both answers ("yes or no"); a bare question's history words
        self.answered_no = _opening(hyp["answered_no"], r"(?=\s*(?:[.!,;:–—-]|$))")
        self.answer_choice = _opening(hyp["answer_choice"])
        self.history_asked = _cue(hyp["history_asked"])
        self.value_asked = _cue(hyp["history_asked"] + hyp["score_asked"])
        self.answered_by_phrase = _cue(hyp["answered_by_phrase"])
        # a question of a therapy to give, whose "yes" is a plan ("Should we start lorlatinib? Yes")
        self.therapy_asked = _cue(hyp["therapy_asked"])
        self.reported_ask = _cue(hyp["reported_ask"])
        self.reported_topic_end = _cue(hyp["reported_topic_end"])
        self.reported_ask_end = _compile(_words(hyp["reported_ask_end"]), re.IGNORECASE)
        # the question closing its sentence, alone or past a comma ("pd on brigatinib, what next?")
        self.open_ask = _compile(rf"(?:^|[,;:])\W*(?:{_words(hyp['open_ask'])}){_ALONE_ASKED}", re.IGNORECASE)
        self.open_slot = _compile(_words(hyp["open_slot"]), re.IGNORECASE)  # (s21b) "alectinib -> ?"
        self.clause_question = _opening(hyp["clause_start"], _WHOLE)
        self.choice = _opening(hyp["choice"], _ALONE)
        self.trailing_ask = _opening(hyp["trailing_ask"], _ALONE)
        self.asks_back = _opening(hyp["trailing_ask"] + hyp["asks_back"], _ALONE_ASKED)
        self.glued_question = _compile(rf"\s(?:{_words(hyp['glued_question'])}){_ALONE}", re.IGNORECASE)
        self.asks_about_drugs = _opening(hyp["asks_about_drugs"], _ALONE_ASKED)
        drug = rf"(?<![\w-])(?:{_words(hyp['label_drug'])})(?![\w])"
        self.drugs_together = _compile(
            rf"^\W*{drug}(?:\s*(?:\+|/|&|plus|and|with|w/?|or|vs\.?)\s*{drug})+[\s,:;–—-]*$", re.IGNORECASE
        )
        # (q22) a question about a drug itself, and the topic naming the drug before it (Questions._topic_asked)
        self.asks_about_topic = _opening(hyp["asks_about_topic"], _WHOLE)
        self.topic_join = _compile(rf"\s*(?<![\w-])(?:{_words(hyp['topic_join'])})(?![\w])", re.IGNORECASE)
        self.topic_dose = _compile(rf"\s+(?:{_words(hyp['topic_dose'])})(?![\w])", re.IGNORECASE)
        self.topic_told = _cue(hyp["topic_told"])
        self.topic_dose_choice = _compile(rf"\s+(?:{_words(hyp['topic_dose_choice'])})", re.IGNORECASE)
        self.doubts_back = _opening(hyp["doubts_back"], _ALONE_ASKED)
        self.supposes_back = _opening(hyp["supposes_back"], _ALONE_ASKED)
        self.names_option = _cue(hyp["option"])
        self.glued_ask = _compile(rf"\s(?:{_words(hyp['trailing_ask'])}){_ALONE}", re.IGNORECASE)
        # a list goes on past a comma; a colon, a dash or an arrow leads from one to the next ("alectinib: lorlatinib")
        self.ends_with_option = _compile(rf"(?<![\w-])(?:{_words(hyp['option'])})\s*,\s*$", re.IGNORECASE)
        self.picks = _cue(hyp["picks"])
        prop = table["proposal"]
        self.prop_therapy = _cue(prop["therapy"])
        self.prop_verb = _compile(rf"\s*(?:{_words(prop['verb'])})\s+", re.IGNORECASE)
        self.prop_join = _compile(_words(prop["join"]), re.IGNORECASE)
        # therapies named and nothing else ("pembrolizumab", "Keytruda", "carbo/pem"): no words telling them given
        named = _words([*prop["therapy"], *(re.escape(b) for b in table.get("other_brands", ()))])
        self.named_therapies = _compile(rf"(?:{named})(?:(?:{_words(prop['join'])})(?:{named}))*", re.IGNORECASE)
        self.prop_sequence = _compile(_words(prop["sequence"]), re.IGNORECASE)
        self.prop_step = _compile(rf"(?<![\w-])(?:{_words(prop['sequence'])})", re.IGNORECASE)
        self.prop_dose = _compile(_words(prop["dose"]), re.IGNORECASE)
        self.prop_purpose = _compile(rf"\s+(?:{_words(prop['purpose'])})(?![\w])", re.IGNORECASE)
        self.prop_paired = _compile(rf"(?<!\s)\s*(?<![\w-])(?:{_words(prop['paired'])})(?![\w-])\s*", re.IGNORECASE)
        self.prop_alone_end = _compile(rf"(?:\s+(?:{_words(prop['alone_end'])}))?\W*$", re.IGNORECASE)
        self.prop_arrow = _compile(rf"\s*(?:{_words(prop['arrow'])})(?![\w])", re.IGNORECASE)
        self.conditional = _cue(hyp["conditional"])
        self.supposition_lead = _cue(hyp["supposition_lead"])
        self.filler = _compile(
            rf"(?<![\w-])(?:{_words(hyp['filler'])})[ \t]*(?:[,:]|[-–—]+(?=\s)|(?=[;.!?\n]|$))", re.IGNORECASE
        )
        plan = r"\s*(?:(?:\d+\s*mg|[a-z]+)\s+){0,2}?(?P<cue>%s)(?![\w])"
        self.conditional_plan = _compile(plan % _words(hyp["conditional_plan"]), re.IGNORECASE)
        self.pending_plan = _compile(plan % _words(hyp["pending_plan"]), re.IGNORECASE)
        self.planned_before = _before(hyp["planned_before"], r"\s+")
        # "..., lorlatinib, if G1202R is found": a condition after a comma or a dash, not one that qualifies
        self.conditional_after_break = _compile(
            rf"\s*(?:,|\s[-–—]+)\s*(?P<cue>{_words(hyp['conditional_plan'])})(?![\w])"
            rf"(?!\s+(?:{_words(hyp['not_a_condition'])})(?![\w]))",
            re.IGNORECASE,
        )
        self.taking_before = _before(hyp["taking_before"], r"\s+")
        self.plan_heading = _compile(
            rf"(?:^|[.;,\n])\s*(?:{_words(hyp['plan_heading'])})\s*(?::|[-–—]+\s)", re.IGNORECASE
        )
        self.plan_opener = _compile(rf"(?:^|[.;,\n])\s*(?:{_words(hyp['plan_opener'])})(?![\w])", re.IGNORECASE)
        self.plan_history = _cue(hyp["plan_history"])
        listed = _words(hyp["plan_history_list"])
        # (a word of the list is a whole word; a bracket or a dash may touch what follows: "(2019-2022)"; spaces and
        # the blanked findings' \x00 one character per repeat: a run matched as "\s+" within the repeat could be split
        # every way before a list that does not match fails, tests/nlu/test_pattern_audit.py)
        self.plan_history_list = _compile(rf"(?:\s|\x00|(?:{listed})(?:(?<![\w])|(?![\w])))*", re.IGNORECASE)
        # (trust7) a question of whether she is new to treatment, to its mark, answered right after (Context)
        self.naive_asked = _compile(rf"(?<![\w-])(?:{_words(hyp['naive_asked'])})\s*[?:]\s*$", re.IGNORECASE)
        self.naive_answered_no = _compile(_words(hyp["naive_answered_no"]), re.IGNORECASE)  # matched where it opens
        self.plan_history_dated = _compile(_words(hyp["plan_history_dated"]), re.IGNORECASE)  # (trust7)
        self.plan_history_received = _compile(rf"(?:{_words(hyp['plan_history_received'])})", re.IGNORECASE)
        sequence = _words(hyp["plan_history_sequence"])
        self.plan_history_sequence = _compile(
            rf"(?:\s|\x00|(?:{listed}|{sequence})(?:(?<![\w])|(?![\w])))*", re.IGNORECASE
        )
        self.sequence_comma = _compile(rf",(?=\s*(?:{sequence})(?![\w]))", re.IGNORECASE)  # "..., then brigatinib"
        self.plan_entities = frozenset(hyp["plan_entities"])
        self.opinion_site = _cue(hyp["opinion_site"])
        self.response_words = _cue(hyp["response_words"])
        self.response_best = _cue(hyp["response_best"])
        self.response_now = _cue(hyp["response_now"])
        self.response_then = _cue(hyp["response_then"])
        self.progression_then = _cue(hyp["progression_then"])
        self.heading_now = _cue(hyp["heading_now"])
        self.heading_past = _cue(hyp["heading_past"] + hyp["result_earlier"])
        # (time21) a statement's words of an earlier time and of the present (Timing._latest_told)
        self.told_earlier = _cue(hyp["told_earlier"] + hyp["result_earlier"])
        self.told_current = _cue(hyp["told_current"])
        self.told_to_come = _cue(hyp["told_to_come"])
        self.progression_word = _compile(rf"(?<![\w-])(?:{_words(hyp['progression_word'])})(?![\w-])", re.IGNORECASE)
        self.progression_word_not = _before(hyp["progression_word_not"], r"\s+")
        self.tki_begun_after = _compile(rf"\s*(?:{_words(hyp['tki_begun_after'])})(?![\w-])", re.IGNORECASE)
        self.tki_begun_before = _compile(rf"(?<![\w-])(?:{_words(hyp['tki_begun_before'])})\s+$", re.IGNORECASE)
        self.progressed_on = _compile(rf"[ ,]*(?:{_words(hyp['progressed_on'])})\s+", re.IGNORECASE)
        places = _words([*table["site_groups"].values(), *hyp["said_of_the_brain"]])
        self.said_of_a_place = _compile(
            rf"\s+(?:{_words(hyp['said_of_a_place'])})\s+(?:(?:the|both|her|his|their|right|left)\s+)*(?:{places})(?![\w-])",
            re.IGNORECASE,
        )
        self.treated_elsewhere = _cue(hyp["treated_elsewhere"])
        self.region_elsewhere = _cue(hyp["region_elsewhere"])  # (safe20) People._elsewhere_region
        self.region_care_word = _cue(hyp["region_care_word"])
        others = table["other_people"]
        self.other_patients = _cue(others["patients"])
        # another person: at a clause's start, or named with what is said of them (", who ...", "(...)"), or theirs;
        # (therapy) a sentence's start is also past the end of the one before, which the search from the sentence's
        # start cannot match but only look behind at ("Seen today. His brother had ALK fusion in a lymphoma")
        person = _fill(r"(?:(?:{people_lead})\s+)?(?:(?:{people_kin})[\s-]+)?(?:{people})(?![\w-])", others)
        self.other_person = _compile(
            rf"(?:^|(?<=[.;!?\n])|[.;:,(\n]|\s[-–—]+|\b(?:and|but|while|whereas|whilst|though|although|because|fyi|btw|nb)\b)\s*(?P<who>{person})"
            # (s12) "of the patient" names whose they are ("The sister of the patient received lorlatinib")
            rf"(?!\s+(?:of|to)\b(?!\s+(?:the|our|this|my)\s+(?:patient|pt)\b))|(?<![\w-])(?P<named>{person})(?='s|\s*,?\s*(?:who|whose)\b|\s*\()",
            re.IGNORECASE,
        )
        self.family_history = _cue(others["family_history"])
        # a family history as a section's heading ("FAMILY HISTORY:", "FH -"), and a sentence of it led by a relative
        # ("Mother - type 2 diabetes", "Sister: ALK+ NSCLC"): People._family_section_end
        self.history_heading = _compile(r"[ \t]*(?:[:–—]|-(?!\w))")
        self.relative_led = _compile(rf"\s*(?:[-*•]\s*)?{person}", re.IGNORECASE)
        # (trust3) a relative named right after an item, as whose it is: in a bracket ("Diabetes (mother)", "stroke
        # (maternal aunt, aged 70)") or after a dash closing the item ("lung cancer - father"): People._relatives_items
        self.relative_after_item = _frame(
            r"(?:\(\s*(?:in\s+)?(?:(?:{people_lead})\s+)?(?:(?:maternal|paternal)\s+)?(?:(?:{people_kin})[\s-]+)?"
            r"(?:{relatives_own_colon})(?:\s*[,;:]\s*[^()\n]{0,40}|\s+(?:age|aged|at|deceased|died|dx|diagnosed)\b[^()\n]{0,30})?\)"
            r"|\s[-–—]+\s*(?:in\s+)?(?:(?:{people_lead})\s+)?(?:(?:maternal|paternal)\s+)?(?:(?:{people_kin})[\s-]+)?"
            r"(?:{relatives_own_colon})"
            # (lead) or after "in" and whose, closing the item ("history of small cell lung cancer in her father")
            r"|\s+in\s+(?:her|his|their|the\s+patient's|pt's)\s+(?:(?:maternal|paternal)\s+)?(?:(?:{people_kin})[\s-]+)?"
            r"(?:{relatives_own_colon}))(?=[ \t]*(?:[,;.|\n]|$))",
            others,
        )
        # (safe15) an item told another person's by its verb, closing its statement ("Lorlatinib tablets in the house
        # belong to her husband", "the alectinib at home is his wife's"): People._relatives_items
        # (safe16) also within its statement, the verb before the person ("Lorlatinib tablets belonging to her husband
        # were found at home", "alectinib prescribed for his late father", "leftover brigatinib from a neighbour",
        # "brigatinib samples meant for another patient"): the item to the person is theirs, what follows is not
        self.owned_by_other = _frame(
            r"(?<![\s,])(?:\s*,)?\s+(?:(?:which|that)\s+)?(?:(?:(?:was|were|is|are)\s+)?(?:(?:belongs?|belonged|belonging)\s+to"
            r"|owned\s+by|(?:prescribed|dispensed|issued|meant|intended|supplied)\s+(?:for|to)"
            r"|(?:left(?:\s+over)?|leftover)\s+(?:from|by)|(?:given|handed)\s+to)\s+"
            r"(?:(?:{people_lead})\s+(?:(?:{people_kin})[\s-]+)?(?:{people})|(?:another|a\s+different|other)\s+(?:patients?|pts?))"
            r"|(?:is|are|was|were)\s+(?:all\s+)?(?:her|his|their)\s+(?:(?:{people_kin})[\s-]+)?(?:{people})(?:'s|\u2019s)"
            r"(?=[ \t]*(?:[,;.|\n)]|$)))(?![\w-])",
            others,
        )
        # a line that a family history's list of lines ends at (People._family_section_end): a key or a heading of
        # its own ("Past medical history:", "Social: lives alone", "PMH -"), or one with the patient as its subject
        self.section_line = _frame(
            r"[ \t]*(?:[^\W\d_][\w'/&() -]{0,40}(?::|[ \t][-–—]+[ \t]*$)"
            r"|(?:[-*•][ \t]*)?(?:{patient_again}|{patient_subject})(?![\w]))",
            others,
        )
        now = _words(hyp["other_illness_now"])
        self.other_illness_before = _compile(
            rf"(?<![\w-])(?:{_words(hyp['other_illness_before'])})[\s(:-]+(?:(?!(?:{now})\b)[\w/-]+[\s(-]+){{0,2}}$",
            re.IGNORECASE,
        )
        self.other_illness_after = _compile(rf"^[\s(]*(?:{_words(hyp['other_illness_after'])})(?![\w])", re.IGNORECASE)
        self.other_illness_table = _before(hyp["other_illness_table"], r"\s*")
        # (symp) a line of a review of systems, or a system's line under its heading (Context._systems_reviewed)
        self.systems_review = _compile(
            rf"[ \t*•-]*(?:{_words(hyp['systems_review'])})\s*(?:[:–—]|-(?!\w))", re.IGNORECASE
        )
        self.review_system = _compile(
            rf"[ \t*•-]*(?:{_words(hyp['systems_review_system'])})\s*(?:[:–—]|-(?!\w))", re.IGNORECASE
        )
        self.imaging_sign = _compile(rf"(?:{_words(hyp['imaging_signs'])})", re.IGNORECASE)
        self.other_cause_after = _compile(rf"[\s(,]*(?:{_words(hyp['other_cause_after'])})", re.IGNORECASE)
        self.other_cause_denied = _compile(rf"[\s(,]*(?:{_words(hyp['other_cause_denied'])})", re.IGNORECASE)
        self.symptom_over = _compile(rf"[\s(,]*(?:{_words(hyp['symptom_over'])})", re.IGNORECASE)
        self.symptom_long_ago = _cue(hyp["symptom_long_ago"])
        self.of_the_cancer = _cue(hyp["other_illness_cancer"])
        self.cancer_set_aside = _cue(hyp["cancer_set_aside"])  # (prec1) Context._other_illness
        # (prec) in a seizure's sentence: epilepsy, or an antiepileptic with no new event (Context._other_illness)
        self.epileptic_seizure = _compile(rf"^(?:{_words(hyp['epilepsy_complaints'])})$", re.IGNORECASE)
        self.epilepsy = {k: _cue(hyp[f"epilepsy_{k}"]) for k in ("named", "drugs", "new_event")}
        # (recall9) the patient and the person as one subject ("he and his partner choose comfort care"): the patient's;
        # not when what is said is the person's own ("she and her husband, who is on phenytoin", "his wife's")
        self.with_patient = _frame(r"(?:^|(?<=[\s,;:(]))(?:{patient_subject})\s+(?:and|&)\s*$", others)
        self.said_of_them = _compile(r"^(?:'s\b|\s*,?\s*(?:who|whose)\b|\s*\()", re.IGNORECASE)
        self.reports_back = _frame(
            # (possess) not a possessive owning a test or an illness ("Her mother's brain MRI showed ...": theirs)
            r"^(?:'s\b(?!\s+(?!(?:{person_is})(?![\w]))(?:(?!(?:{reports_back})(?![\w]))[\w+-]+\s+){0,3}?(?:{person_owns}|{person_record})(?![\w-])).*)?"
            r"(?P<aside>\s*,[^,.;]{0,60},)?\s*(?:(?:also|now|today|however|too|kindly|has|had|have|was|is|then|"
            r"later|who|,)\s+)*(?:{reports_back})(?![\w])",
            others,
        )
        # this patient again after a clause break: named (another patient's or person's part ends), or as the subject
        # (another person's part ends, an advice's too)
        resumes = (
            r"(?:[,;]|\s[-–—]+|\b(?:and|but|while|whereas|whilst|though|although|however|as|because|since|so)\b)\s*"
            r"(?:%s)(?![\w])"
        )
        self.patient_again = _frame(resumes % "{patient_again}", others)
        self.patient_resumes = _frame(resumes % "{patient_again}|{patient_subject}", others)
        # a blood relative heading their own words with a colon or a dash, the patient not their subject (People);
        # (safe8) also a person's own test or tumour so headed ("Her cousin's tumour: ALK positive, no resistance
        # mutations"), or (safe18) told by a verb ("Her father had a lung biopsy: adenocarcinoma, MET amplified"): every
        # comma of it theirs
        self.relative_colon = _frame(
            r"(?:(?:{people_lead})\s+)?(?:(?:{people_kin})[\s-]+)?"
            r"(?:{relatives_own_colon}|(?:{people})'s\s+(?:{person_record}|{person_owns})"
            r"|(?:{people})\s+(?:{person_had})\s+(?:(?:a|an|the|her|his|their)\s+)?(?:[\w-]+\s+){0,2}?(?:{person_owns}))"
            r"\s*(?::|\s[-–—]+)"
            r"(?!\s*(?:{patient_subject}|{patient_again})(?![\w]))",
            others,
        )
        # (relative) a relative or a partner set off by a comma, their words after it ("her sister, ALK IHC positive, on
        # alectinib"), and what may open their clause before them (People._apposition)
        self.relative_comma = _frame(
            r"(?:(?:{people_lead})\s+)?(?:(?:{people_kin})[\s-]+)?(?:{relatives_own_colon}|{own_comma})\s*,"
            r"(?!\s*(?:{patient_subject}|{patient_again})(?![\w]))",
            others,
        )
        self.apposition_opener = _frame(
            r"\W*(?:(?:{list_opener})\s*,|{own_comma_opener}(?![\w])|[\w'/-]+(?:[ ][\w'/-]+){0,3}\s*:)?\s*", others
        )
        self.apposition_after_clause = _frame(r".*(?:,|\s[-–—]+)\s*(?P<conj>{own_comma_opener}|and)\s+", others)
        self.apposition_own = _compile(r"(?:her|his|their)\s", re.IGNORECASE)  # ", and her sister, ...": theirs
        # past a comma, the other person's clause goes on only with what continues it ("..., treated here, with
        # L1196M"), and after what only says where or how they are ("daughter nearby") only with a relative clause
        self.goes_on_of_them = _frame(
            r"\s*(?:{goes_on_relative}|{goes_on_verb}|{goes_on_adverb}|{goes_on})(?:(?<=/)|(?![\w]))", others
        )
        self.goes_on_in_list = _frame(
            r"\s*(?:and\s+)?(?:(?:{goes_on_adverb})\s+)?(?:{goes_on_relative}|{goes_on_verb})(?![\w])", others
        )
        self.relative_goes_on = _frame(r"\s*(?:{goes_on_relative})(?![\w])", others)
        self.other_sex = frozenset(tuple(pair.split()) for pair in others["other_sex"])
        # (safe9) a person's sex by the word that names them, people more than one, and a sentence opened by a
        # pronoun that may stand for them (People._pronoun_goes_on)
        self.people_female = _compile(_words(others["people_female"]), re.IGNORECASE)
        self.people_male = _compile(_words(others["people_male"]), re.IGNORECASE)
        self.people_plural = _compile(_words(others["people_plural"]), re.IGNORECASE)
        self.pronoun_opens = _compile(
            rf"\s*(?:(?:{_words(others['pronoun_opens_after'])})\s*,?\s+)?(?P<pronoun>she|he)(?![\w-])", re.IGNORECASE
        )
        # (goals) a relative's or the family's own wish as the subject of its clause ("Her husband wants further
        # treatment", "Family wishes to continue"; "her husband and daughter would like ..."): People._relatives_wishes
        kin = _fill(r"(?:(?:{people_lead})\s+)?(?:(?:{people_kin})[\s-]+)?(?:{wish_people})(?![\w-])", others)
        self.relative_wish = _frame(
            r"(?:^|[.;:,(\n]|\s[-–—]+|\b(?:and|but|while|whereas|whilst|though|although|however|fyi|btw|nb)\b)\s*"
            rf"(?P<who>{kin}(?:\s*(?:,|and|&)\s*{kin})*)\s+(?:(?:{{wish_adverbs}})\s+)*(?:{{wish_verbs}})(?![\w])",
            others,
        )
        self.wish_kinds = frozenset(others["wish_kinds"])
        self.other_primary = _cue(others["other_primary"])  # People._other_primaries
        self.other_primary_told = _cue(others["other_primary_told"])
        self.this_cancer = _cue(others["this_cancer"])
        self.other_primary_kinds = frozenset(others["other_primary_kinds"])
        self.other_primary_clause_kinds = frozenset(others["other_primary_clause_kinds"])
        self.other_primary_later = _compile(rf"(?:{_words(others['other_primary_later'])})(?![\w])", re.IGNORECASE)
        self.list_opener = _frame(r"\s*(?:{list_opener})\s*,", others)
        self.person_ill = _cue(others["people_ill"])
        self.person_aside = _frame(r"(?<![\w-])(?:{people_aside})\W*$", others)
        self.advice = _cue(hyp["advice"] + table["no_longer"]["advice_before"])
        self.advice_entities = frozenset(hyp["advice_entities"])
        self.criterion = _compile(
            rf"(?:^|(?<=[.;\n(]))\s*(?:{_words(hyp['criterion'])})(?![\w])\s*(?P<open>\(|[-–—:])", re.IGNORECASE
        )
        self.criterion_quoted = _compile(
            rf"(?:^|(?<=[\s(:;,.]))(?:{_words(hyp['criterion_quoted'])})(?=\s*(?:[:–—]|-(?!\d)))", re.IGNORECASE
        )
        self.trial_screening = _cue(hyp["trial_screening"])
        met = _words(hyp["criterion_met"])
        answered = r"^\s*(?:%s)(?![\w])|(?<![\w-])(?<!\bnot )(?<!\bno )(?:%s)\W*$"
        self.criterion_met = _compile(answered % (met, met), re.IGNORECASE)
        excluded = _words(hyp["criterion_met"] + hyp["exclusion_met"])
        self.exclusion_met = _compile(answered % (excluded, excluded), re.IGNORECASE)
        self.teaching = _cue(hyp["teaching"])
        self.teaching_heading = _compile(  # (safe13) people.py _teaching
            rf"(?:^|(?<=\n))[ \t]*(?:[-*•][ \t]+)?(?:{_words(hyp['teaching_heading'])})[ \t]*:[^\n]*",
            re.IGNORECASE,
        )
        self.this_patient = _cue(hyp["this_patient"])
        self.region_care = _compile(table["region_context"], re.IGNORECASE)
        self.answer_option = _compile(_words(hyp["answer_option"]))
        self.lettered_list_heading = _compile(rf"(?:{_words(hyp['lettered_list_heading'])})", re.IGNORECASE)
        self.case_heading = _opening(hyp["case_heading"])
        self.patient_described = _compile(_words(hyp["patient_described"]), re.IGNORECASE)
        # a referral or an opinion opening the sentence (past a short heading: "Re: ..."), right before "for a patient
        # with ...": this patient presented (Questions.supposed_regions)
        self.case_presented = _opening(hyp["case_presented"], r"\s*$", lead=r"(?:[\w'/-]+(?:[ ][\w'/-]+){0,3}\s*:\s*)?")
        self.case_supposes = _cue(hyp["case_supposes"])
        self.diagnostic_before = _before(hyp["diagnostic_before"], r"[\s:-]+(?:[\w-]+\s+){0,3}")
        self.diagnostic_after = _after(hyp["diagnostic_after"], copulas)
        self.specimen_before_tki = _compile(_words(hyp["specimen_before_tki"]), re.IGNORECASE)  # (safe14)
        self.specimen_again = _cue(hyp["specimen_again"])
        self.benign_result = _cue(hyp["benign_result"])
        self.malignant_result = _cue(hyp["malignant_result"])
        self.diagnostic_near = _cue(hyp["diagnostic_before"])
        self.count_before_tki = _cue(hyp["count_before_tki"])  # (lead10) Timing._diagnosis_count
        self.symptoms_then = _cue(hyp["symptoms_then"])  # (prec10) Context._symptoms_then
        self.transformation_in_doubt = _cue(hyp["transformation_in_doubt"])  # (prec1) Context._transformation_doubted
        self.steroids_now = _cue(hyp["steroids_now"])  # (prec1) Context._held_by_steroids
        self.diagnosed_on = _cue(hyp["diagnosed_on"])
        self.diagnosis_test_positive = _cue(hyp["diagnosis_test_positive"])
        self.fusion_said = _cue(hyp["fusion_said"])  # (trust5) an ALK result's words naming the fusion or its test
        self.order_unknown = _cue(hyp["order_unknown"])  # the TKIs' order told not known
        self.diagnosis_report_heading = _cue(hyp["diagnosis_report_heading"])
        # a specimen named in its own words as a re-biopsy or this progression's (never the diagnosis's)
        self.progression_specimen = _compile(
            r"(?<![\w-])(?:re-?biops\w*|rebx|re-?bx|repeat\w*|progressi\w*|post[- ]\w+|new|current|today'?s?|latest)"
            r"(?![\w])",
            re.IGNORECASE,
        )
        self.copied_mark = _cue(hyp["copied_mark"])
        self.copied_kinds = frozenset(hyp["copied_kinds"])
        self.diagnosis_heading = _compile(
            rf"[ \t]*(?:[-*•·]+[ \t]*)?(?:{_words(hyp['diagnosis_heading'])})\b[^:\n]{{0,25}}:", re.IGNORECASE
        )
        # (diag8) "2019 diagnostic biopsy:", "Tempus xT panel 2021 (diagnosis):": a label naming the diagnosis's
        # specimen
        self.diagnosis_label = _compile(
            rf"[ \t]*(?:[-*•·]+[ \t]*)?[^:\n]{{0,30}}?(?<![\w-])(?:{_words(hyp['diagnosis_label'])})(?![\w-])"
            r"[^:\n]{0,25}:",
            re.IGNORECASE,
        )
        self.result_earlier = _cue(hyp["diagnostic_before"] + hyp["result_earlier"])
        self.progression_lead = _cue(hyp["progression_lead"])  # (ctx7) "This admission:", "testing this time"
        # (ther9) a report's row naming its specimen this progression's ("Case: progression biopsy (pleura)")
        self.progression_heading = _cue(hyp["progression_heading"])
        self.result_current = _cue(hyp["result_current"])
        # (safe16) the same but "new", which a count placed at the diagnosis tells of then (Timing._diagnosis_count)
        self.result_present = _cue([w for w in hyp["result_current"] if w != "new"])
        # the words of a clause that tells only a result's time and specimen (Timing._serial_result), past its own
        # result words (``found``: "detected", "seen") when it has them
        told = _words(
            hyp["diagnostic_before"]
            + hyp["result_earlier"]
            + hyp["result_current"]
            + hyp["result_year"]
            + hyp["plasma_specimens"]
            + hyp["tissue_specimens"]
            + hyp["result_words"]
        )
        self.result_told = _compile(rf"(?:[\s():/\[\]–—-]|(?<![\w-])(?:{told})(?![\w]))*", re.IGNORECASE)
        form_found = rf"(?:{_words(hyp['result_form_found'])})(?=\s*(?:[(,;/]|$))"
        self.result_told_found = _compile(
            rf"(?:[\s():/\[\]–—-]|(?<![\w-])(?:{told}|{_words(neg['found_after'])}|{form_found})(?![\w]))*",
            re.IGNORECASE,
        )
        # a form's value alone as a serial result's second one, but for a bracket after it ("..., no (2025)")
        self.result_form_found = _compile(rf"{form_found}", re.IGNORECASE)
        self.result_form_denied = _compile(rf"(?:{_words(hyp['result_form_denied'])})(?=\s*(?:\(|$))", re.IGNORECASE)
        self.result_gone = _cue(hyp["result_gone"])
        self.found_words = _cue(neg["found_after"])
        self.tissue_specimen = _cue(hyp["tissue_specimens"])
        self.since_before = _before(hyp["since_before"], _fill(r"\s+(?:{since_gap}\s+)?", hyp))
        # right before a specimen: what was found on it ("confirmed on the adrenal biopsy", "in the liver core")
        self.seen_on = _frame(r"\b{seen_on}\s+(?:{seen_on_gap}\s+)?(?:[\w-]+\s+){0,2}$", hyp)
        self.clause_break = _frame(r",|:|\s[-–—]+\s|\(|\)|\b{clause_breaks}\b", hyp)
        self.result_after = _after(hyp["result_after"], copulas)
        self.result_in = _cue(hyp["result_after"])
        self.specimen_taken = _after(hyp["specimen_taken_after"], copulas)
        self.biopsy_to_come = _before(
            hyp["biopsy_to_come"], r"\s+(?:(?!(?:after|following|post|since|from|with|on|of)\b)[\w-]+\s+){0,2}"
        )
        # (plans2) right after a biopsy, past its site ("of the liver", "(liver core)"): advised or its time ahead
        self.biopsy_to_come_after = _frame(
            r"^(?:\s*\([^()\n]{0,40}\))?(?:\s+(?:of|from|at|in)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?"
            r"[\s,:-]*(?:{after})(?![\w])",
            {"after": hyp["biopsy_to_come_after"]},
        )
        # (lead14) a repeat biopsy told bare, its statement's only words ("Repeat biopsy.", "Repeat liver biopsy."):
        # what may come before it, a bullet, its openers and one more word that tells neither its taking, a time nor a
        # plan (Doubt._bare_repeat_biopsy)
        self.bare_before = _frame(
            r"^[ \t]*(?:[-*•][ \t]*)?(?:{openers}[ \t]+){0,2}(?:(?!{not_before}\b)[\w-]+[ \t]+)?$",
            {"openers": hyp["bare_biopsy_openers"], "not_before": hyp["bare_biopsy_not_before"]},
        )
        # (safe20) right after a biopsy, past its site, its purpose ("repeat biopsy to exclude SCLC", "liver biopsy for
        # NGS"); what says it done in its statement past the purpose, or taken right before it in its clause
        # (safe22) also past a bare site ("rebiopsy liver to look for G1202R") or a colon ("Rebiopsy: looking for MET
        # amp"): a word telling it taken there is biopsy_purpose_done's ("rebiopsy performed to look for ...")
        self.biopsy_purpose_after = _frame(
            r"^(?:\s*\([^()\n]{0,40}\))?(?:\s+(?:of|from|at|in)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?[\w-]+|\s+(?!(?:negative|positive|neg|pos|nil|none|no|not|showed|shows|revealed|confirmed|demonstrated|found|detected|results?|report\w*|was|is|were|fails?|unable|could|can)\b)(?![\w-]*ed\b)[\w-]+)?"
            r"(?:\s*\([^()\n]{0,40}\))?[\s,:-]*(?:{purpose})(?![\w])",
            {"purpose": hyp["biopsy_purpose_after"]},
        )
        self.biopsy_purpose_done = _cue(hyp["biopsy_purpose_done"])
        self.biopsy_done_before = _before(
            hyp["biopsy_done_before"],
            r"\s+(?:(?:an?|the|her|his|their|this|that|repeat|another|new|further)\s+)*(?:[\w-]+\s+){0,2}",
        )
        # a specimen in a bracket right after another one, naming it ("Biopsy planned next week (EBUS of station 7)")
        self.specimen_named_after = _compile(r"^[^()\n.;]{0,40}\(\s*$")
        # ... or right after a biopsy said to come with no finding of its own ("Biopsy planned next week (EBUS ...)")
        self.biopsy_planned_bracket = _frame(
            r"(?<![\w-])(?:re-?)?(?:biops\w*|bx|rebx)\s+(?:(?:is|was|has been|being)\s+)?(?:{to_come})(?![\w])"
            r"[^()\n.;]{0,40}\(\s*$",
            {
                "to_come": [
                    "planned",
                    "booked",
                    "scheduled",
                    "requested",
                    "proposed",
                    "recommended",
                    "pending",
                    "arranged",
                ]
            },
        )
        # a note's assessment and plan as one heading: what it scores is assessed, not planned (Doubt._uncertain)
        self.assessment_heading = _compile(
            rf"(?<![\w-])(?:{_words(hyp['assessment_heading'])})\s*(?:/|and|&)\s*plan\s*[:–—-]\s*[^.;?\n]{{0,40}}$",
            re.IGNORECASE,
        )
        self.differential = _compile(_words(hyp["differential"]), re.IGNORECASE)  # (lead) doubt.py _weighed
        self.uncertain_before = _cue(
            hyp["sought_kind"] + hyp["uncertain_before"] + hyp["plan_before"] + hyp["watch_for"] + hyp["caution_of"]
        )
        self.plan_before = _cue(hyp["plan_before"])
        self.sought_kind = _cue(hyp["sought_kind"])  # (lead22) Lists._scoped: reaches into its bracket
        self.cause_believed = _cue(hyp["cause_believed"])  # (safe14) Doubt._uncertain
        self.at_risk_on = _compile(_words(hyp["at_risk_on"]), re.IGNORECASE)  # (trust7) Doubt._uncertain
        self.sought_found = _compile(_words(hyp["sought_found"]), re.IGNORECASE)  # (lead7)
        self.uncertain_after = _after(hyp["uncertain_after"], copulas)
        self.line_item_start = _compile(
            rf"[^\S\n]*[-*•]?[^\S\n]*(?:{_words(hyp['line_item_start'])})(?![\w-])", re.IGNORECASE
        )  # (lead) Doubt._doubted_after
        # (trust3) the writer's not knowing right after a finding, closing its clause ("brain mets... no idea"); a run
        # of dots is taken whole ((?!\.)): split any way it could be (2+3, 3+2 ...), a checklist's dotted leader after a
        # finding ("ECOG 0-2 ........ Y") took minutes of backtracking to fail
        # (lead) a result's row answered only that its test was not done ("MET amplification: not done", "G1202R: N
        # (not tested)"): past its separator (a colon, a cell border, a dash, a leader) and a bare no of a checklist
        self.untested_entities = frozenset(hyp["untested_entities"])
        # (safe12) a form's key naming a TKI answered by another TKI; a trial's arm not known; a TKI doubted (doubt.py)
        # where a form's key starts: its line, past a semicolon, a cell border or a sentence's end, and a bullet
        key_start = r"(?:^|(?<=[\n;|])|(?<=[.!?]\s))[ \t]*(?:[-*•][ \t]+)?"
        self.tki_key_before = _compile(
            rf"{key_start}(?:{_words(hyp['tki_key_before'])})\s+$", re.IGNORECASE | re.MULTILINE
        )
        self.tki_key_answer = _compile(_words(hyp["tki_key_answer"]), re.IGNORECASE)
        self.tki_key_start = _compile(rf"{key_start}$", re.MULTILINE)
        self.tki_key_suffix = _compile(rf"\s+(?:{_words(hyp['tki_key_suffix'])})(?![\w])", re.IGNORECASE)
        self.drug_source_between = _compile(
            rf"(?:{_words(hyp['drug_source'])})\s*(?:[,;/]|vs\.?|versus|\bbut\b|\bor\b)\s*", re.I
        )
        self.drug_source_after = _compile(rf"\s*(?:{_words(hyp['drug_source'])})", re.IGNORECASE)
        self.blinded = _cue(hyp["blinded"])
        self.blinded_known = _cue(hyp["blinded_known"])
        self.drug_doubt_between = _compile(rf"(?:{_words(hyp['drug_doubt_between'])})$", re.IGNORECASE)
        self.drug_doubt_or = _compile(rf"(?:{_words(hyp['drug_doubt_or'])})$", re.IGNORECASE)
        self.drug_doubt_after = _compile(rf"(?:{_words(hyp['drug_doubt_after'])})(?![\w])", re.IGNORECASE)
        self.untested_after = _frame(
            r"[ \t]*(?:\.{2,}(?!\.)|…|[:=|]|[–—-]+)[ \t]*(?:(?:n|no)[ \t]*\([ \t]*)?(?:{untested_after})(?![\w/])", hyp
        )
        # (safe14) a test's result told by the patient or a relative ("G1202R (per patient)"): Doubt._uncertain
        teller = {k: [_fill(w, hyp) for w in hyp[k]] for k in ("result_told_after", "result_told_before")}
        self.result_told_after = _frame(r"(?:{result_told_after})", teller)
        self.result_told_before = _frame(r"(?:{result_told_before})$", teller)
        self.unknown_after = _frame(
            r"(?:\s|\.{2,}(?!\.)|…|[,:;?(–—-])*(?:{unknown_after})(?:\s+(?:yet|so far|atm|at (?:the )?moment|for now))?"
            r"\s*(?:[.!?;,()\n]|$)",
            hyp,
        )
        self.consequence_after = _after(hyp["consequence_after"], ())
        # alternatives ("G1202R or L1196M", "either G1202R or I1171N", "G1202R vs L1196M") and, after them, a result
        # still to come or doubted ("..., awaiting report", "... - report pending", "... (to be confirmed)")
        self.alternative_join = _frame(r"^\s*,?\s*{alternatives}\s+$", table["list_words"])
        self.alternatives_doubted = _compile(
            rf"^[\s,;:?(–—-]*(?:[\w-]+\s+){{0,3}}?(?:{_words(hyp['uncertain_after'] + hyp['plan_before'])})(?![\w])",
            re.IGNORECASE,
        )
        self.alternatives_unknown = frozenset(hyp["alternatives_unknown"])
        # another gene after "or", or before it, beside a finding ("MET amp or EGFR", "EGFR or MET amplification")
        alternatives, genes = _words(table["list_words"]["alternatives"]), table["other_genes"]
        self.or_gene_after = _compile(rf"^\s*,?\s*(?:{alternatives})\s+(?:{genes})(?![\w-])", re.IGNORECASE)
        self.gene_or_before = _compile(
            rf"(?<![\w-])(?:{genes})(?:[\s-]+[\w.-]+){{0,2}}\s*,?\s*(?:{alternatives})\s+$", re.IGNORECASE
        )
        # a gene named in a denial ("EGFR, KRAS, BRAF negative"; Timing._other_genes_denied)
        self.named_gene = _compile(rf"\b(?:{genes})\b", re.IGNORECASE)
        # each gene under one name ("ERBB2" is HER2), and the genes of each bypass alteration (vocabulary)
        self.gene_aliases = dict(table.get("gene_aliases", {}))
        self.alteration_genes = {k: set(v) for k, v in table.get("alteration_genes", {}).items()}
        self.failed_test = _cue(hyp["failed_test"])
        self.failed_after = _after(hyp["failed_test"], copulas)
        self.failed_kinds = frozenset(hyp["failed_test_findings"])
        self.failed_ends = _compile(_words(hyp["failed_test_ends"]), re.IGNORECASE)
        # another test heading a clause, past up to three words that deny nothing ("; repeat rebiopsy NGS: ...")
        self.another_test = _frame(
            r"^\s*(?:(?!(?:no|not|nil|none|negative|without)(?![\w-]))[\w-]+\s+){0,3}?{another_test}(?![\w])", hyp
        )
        self.test_pending = _cue(hyp["plan_before"] + hyp["failed_test_pending"])
        self.failed_ends_weak = _compile(_words(hyp["failed_test_ends_other_specimen"]), re.IGNORECASE)
        # a specimen heading a clause, past up to three words that deny nothing (", plasma NGS: G1202R")
        self.specimen_head = _compile(
            r"^\s*(?:(?!(?:no|not|nil|none|negative|without)(?![\w-]))[\w-]+\s+){0,3}?"
            rf"(?P<kind>(?P<plasma>{_words(hyp['plasma_specimens'])})|{_words(hyp['tissue_specimens'])})(?![\w])",
            re.IGNORECASE,
        )
        self.plasma_specimen = _cue(hyp["plasma_specimens"])
        # a finding's specimen named after it ("no ALK mutations on plasma", "G1202R in the liver core")
        self.specimen_after = _compile(
            rf"\b(?:on|in|by|from|via|per)\s+(?:(?:the|a|an|her|his|repeat|subsequent|liver|lung|nodal|node)\s+)*"
            rf"(?P<kind>(?P<plasma>{_words(hyp['plasma_specimens'])})|{_words(hyp['tissue_specimens'])})(?![\w])",
            re.IGNORECASE,
        )
        tol = table["intolerance"]
        self.toxic = ToxicStops(table)
        not_, qualifiers = self.toxic.not_, self.toxic.qualifiers
        # (ther12) not a form's key that names the stop, answered with nothing (_UNANSWERED: "TKI stopped for toxicity:
        # —" on the row after the TKIs received)
        self.unanswered = _compile(_UNANSWERED, re.IGNORECASE)
        self.stopped_for = _compile(
            rf"(?:{_words(tol['stop'])})(?![\w])[^.;]*?(?<!\w){not_}(?:{_words(tol['toxicity'])})(?!{_UNANSWERED})|"
            rf"(?<!\w)(?:{_words(tol['toxicity'])})(?![\w]){_TOLERATED}[^.;]*?(?:{_words(tol['stop'])})(?![\w])|"
            rf"{not_}(?:{_words(tol['stopped_for_toxicity'])})(?![\w])",
            re.IGNORECASE,
        )
        # (lead15) the next sentence opened by a stop, past who or what stopped (Intolerance._next_sentence_stop)
        self.next_sentence_stop = _frame(
            r"\s*(?:{next_sentence_subject}\s+)?"
            r"(?:(?:was|were|had been|has been|then|later|subsequently|eventually)\s+){0,2}(?={stop}(?![\w]))",
            tol,
        )
        self.came_off = self.toxic.came_off
        self.toxicity_on = _before(tol["toxicity_on"], r"\s*")
        # (ther18) a reason word and its grades ending right before the toxicity of toxicity_on, or before another one
        # joined to it ("after grade 3 myalgia/CK rise on")
        self.toxicity_on_reason = _compile(
            rf"(?<![\w-])(?:{_words(tol['toxicity_on_reason'])})(?:\s+(?:{_words(tol['reason_grades'])}))*\s+"
            r"(?:[\w-]+\s*(?:/|&|,|\band\b)\s*){0,2}$",
            re.IGNORECASE,
        )
        self.stop = _cue(tol["stop"])
        self.other_therapy = _cue(tol["other_therapy"])
        # a stop said of every TKI of the list before it ("... and brigatinib (pneumonitis) were stopped for tox")
        self.collective_stop = _compile(
            rf"\s*(?:\([^()]{{0,80}}\))?\s*,?\s*(?P<plural>(?:{_words(tol['collective_after'])})\s+)?"
            rf"(?:(?:been|then|later|eventually|subsequently|ultimately)\s+)?(?:{_words(tol['stop'])})(?![\w])",
            re.IGNORECASE,
        )
        self.collective_before = _before(tol["collective_before"], r"\s+")
        self.not_tolerated = self.toxic.not_tolerated
        # (ther12) a whole word: not the "ild" of "mild"
        self.toxicity = _compile(rf"(?<!\w){not_}(?:{_words(tol['toxicity'])})(?![\w])", re.IGNORECASE)
        reason = table["toxicity_reason"]
        # a pneumonitis or ILD, and a toxicity only doubted, ruled out or confirmed (Intolerance._doubted)
        self.lung_toxicity = _frame(r"\b{lung_toxicity}\b", reason)
        self.doubted_toxicity = _frame(r"{doubted}\s*(?:[\w-]+\s+){0,2}$", reason)
        ruled_out = r"\s*[,;(-]?\s*(?:{ruled_out_lead}\s+){0,2}"
        self.ruled_out_after = _frame(ruled_out + r"(?:{ruled_out}|{ruled_out_toxicity})\b", reason)
        # of any finding: not "excluded from the trial", nor a verb with its object ("Rebiopsy excluded small cell
        # transformation", "MRI ruled out brain mets": the specimen or the scan did the ruling out)
        self.finding_ruled_out = _frame(
            ruled_out + r"{ruled_out}\b(?!\s+from\b)"
            r"(?!\s+(?!(?:on|by|at|in|with|after|and|later|subsequently|as|per|via)\b)[a-z0-9])",
            reason,
        )
        self.confirmed_after = _frame(r"\s*[,;(-]?\s*(?:{confirmed_lead}\s+){0,2}{confirmed}\b", reason)
        gone = table["no_longer"]
        self.no_longer_kinds = frozenset(gone["entities"])
        self.no_longer_before = _before(gone["before"], r"\s+")
        self.no_longer_after = _after(gone["after"], copulas)
        self.advice_before = _cue(gone["advice_before"])
        # (safe14) a course of a past time, or an intolerance, with nothing that says it goes on (Context._past_use)
        self.past_time = _frame(r"(?<![\w-]){past_time}", gone)
        self.intolerance_after = _frame(r"{intolerance_after}", gone)
        self.intolerance_before = _before(gone["intolerance_before"], r"\s+")
        self.still_taken = _frame(r"(?<![\w-])(?:{still_taken})(?![\w-])", gone)
        self.stop_to_come = _frame(r"\b{stop_to_come}\s+$", gone)  # Context._stated_role
        # (ther10) not the object of an intolerance ("intolerance to ceritinib", "intolerant to crizotinib")
        self.switched_to = _frame(r"(?<!intolerance )(?<!intolerant )\b{switched_onto}\s+$", tol)
        # (lead12) the words between a switch's target and an intolerance named as the switch's reason, the reasons
        # of toxicity_on_reason ("switched from crizotinib to alectinib due to intolerable nausea": crizotinib's)
        self.switch_reason = _compile(
            rf"[ \t]*,?[ \t]*(?:{_words(tol['toxicity_on_reason'])})[ \t]+(?:[\w-]+[ \t]+){{0,2}}", re.IGNORECASE
        )
        self.replaced_by = _compile(rf"(?:{_words(tol['switched_to'])})\s*$", re.IGNORECASE)
        # (s15) "changed alectinib to lorlatinib": the switch's verb before the first TKI, the word onto between them
        self.switched_object = _frame(r"\b{switched_object}\s+$", tol)
        self.onto_between = _frame(r"\s+{switched_onto}\s+", tol)
        self.toxic_reason = self.toxic.reason
        # right after a TKI, the reason of a stop said of the TKI before it ("... stopped for PD and brigatinib for
        # pneumonitis")
        self.gapped_reason = _compile(
            rf"[ \t]+(?:{_words(tol['reason'])})\s+{qualifiers}{not_}(?:{_words(tol['toxicity'])})(?![\w])",
            re.IGNORECASE,
        )
        self.denied_after_stop = _cue(tol["denied_after_stop"])
        self.denied_toxicity = _cue(tol["denied"])
        self.never = _frame(r"\b{never_came_off}\s+$", tol)
        # ---- recall8 (sets 8, 7, 3): a toxicity told before the TKI, the stop right after it ("hallucinations;
        # lorlatinib stopped"); _toxicity_then_stop
        self.stop_after = _frame(
            r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:{stop_words_between}\s+){0,3}{stop_after}(?![\w])", tol
        )
        self.toxicity_not_it = _frame(r"(?<![\w-]){toxicity_not_it}(?![\w])", tol)
        # a reason of the stop other than a toxicity, before a toxicity named after it (Intolerance._other_reason)
        self.nontoxic_reason = _compile(
            rf"(?<![\w-])(?:{_words(tol['reason'])}|at|on|with|per)\s+(?:{_words(tol['other_reasons'])})(?![\w])",
            re.IGNORECASE,
        )
        self.nontoxic_named = _cue(tol["other_reasons"])
        self.also_reason = _compile(rf"(?<![\w-])(?:{_words(tol['also_reason'])})(?![\w-])|/", re.IGNORECASE)
        self.other_reason = _compile(
            rf"(?<![\w-])(?:{_words(tol['reason'])}|at|on|with|after)\s+(?:(?:the|a|an|his|her|disease|cns|brain|"
            rf"systemic|radiological|clinical|further)\s+)*(?:progress\w*|pd|relapse\w*|growth|resistance)(?![\w])",
            re.IGNORECASE,
        )
        # ---- end recall8
        self.tki_class = _frame(r"\b{tki_class}\b", tol)
        self._last: dict[
            str, tuple[str, Any]
        ] = {}  # per method of the text alone, its last text and result (_per_text)
        # the last reading's qualifiers, its text with them blanked and its findings outside them (_unqualified)
        self._qualifiers: tuple[Any, ...] = ("", None, [], "", [], {})

    @_per_text
    def _sentences(self, text: str) -> list[tuple[int, int]]:
        """sentences(text), computed once per text: a reading asks for them from several places, and once per
        finding (_to_come), which made the work per finding and sentence."""
        return sentences(text)

    def _taken(self, text: str, span: Span) -> bool:
        """The TKI at ``span`` is stated as being taken ("on alectinib", "continues alectinib"), or a chemotherapy or an
        immunotherapy read as given now ("Plan: continue pemetrexed maintenance", ther20)."""
        now = span.entity in ("prior_chemotherapy", "prior_immunotherapy") and span.value == "current"
        return (span.entity == "tki" or now) and bool(
            self.taking_before.search(text[max(0, span.start - 30) : span.start])
        )

    def _group(self, span: Span) -> str:
        return self.groups.get(span.entity, span.entity)

    def _kind(self, span: Span) -> str:
        return self.kinds.get(span.entity, span.entity)
