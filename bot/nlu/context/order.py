"""The order the TKIs were given in: by the lines or dates written beside them, else by the words between them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from bot.nlu.context.patterns import _GLOSS, ListWords, _compile, _fill, _frame
from bot.nlu.entity import Entity
from bot.nlu.when import DATE_TEXT, Date, date_later, written_date


class _Order:
    """The cues of the order the TKIs were given in (clinical_phrases.yml `treatment_order`), compiled. The date's
    and the line's notation stay here: digits, a month before a slash, "2L", "2nd-line" are the shapes of a number,
    not words ("line" is also fixed in line_is's lookbehind, which Python wants of a fixed width)."""

    def __init__(self, cues: Mapping[str, list[str]], lists: ListWords):
        # between two TKIs, the second came first; unless the sequence is also stated forwards
        # (or, right after the cue, only a comma: "alectinib and, before it, brigatinib"); a date's dot is no full
        # stop ("Lorviqua started in 10.2025 after the progression on Alecensa"); the TKI may be quoted, as a brand
        # copied from a box or a prescription ("Alunbrig since 2023; before that 'Xalkori'")
        # (lead) or the cue opening the next sentence or line ("She has been on Alecensa for 3 yrs. Before that
        # Xalkori.", "alectinib currently. Prior to this, crizotinib": they read crizotinib last, the current one)
        # (s21) a cue opening the next sentence only when it points back (`later_first_opening`); past the cue, a
        # colon as a comma ("PD on lorlatinib (3L). Prior: crizotinib")
        gap = r"(?:[,:]?[\w\s/-]{0,40}|[,:]\s*)['\"\u2018\u201c]?$"
        self.later_first = _frame(r"^(?:[^.\n]|(?<=\d)\.(?=\d)){0,90}?\b{later_first}\b" + gap, cues)
        self.later_first_opening = _frame(
            r"^(?:[^.\n]|(?<=\d)\.(?=\d)){0,90}?[.\n]\s*\b{later_first_opening}\b" + gap, cues
        )
        self.given_before = _frame(r"^\s*{given_before}\s+$", cues)
        self.forwards = _frame(r"\b{forwards}\b|{arrows}", {**cues, "arrows": lists.words["arrows"]})
        # right before the TKI the patient is on now: it is the last one whatever else the sentence says
        self.current = _frame(r"\b{current_before}\s+$", cues)
        self.current_after = _frame(r"\s*(?:\([^)]{0,30}\)\s*)?{current_after}", cues)  # (lead15) "lorlatinib now;"
        # right after the TKI the patient had first, past a bracket ("crizotinib (2019) initially")
        self.first = _frame(r"^\s*(?:\([^)]{0,30}\)\s*)?{first_after}", cues)
        self.first_before = _frame(r"\b{first_before}\s*$", cues)
        # "before <TKI A> she had <TKI B>", "prior to A, B was given": B came before A, wherever A is named first
        self.before_it = _frame(r"\b{before_it}\s+(?:{before_it_gap}\s+)?$", cues)
        self.had = _frame(r"^\s*,?\s*(?:{had_who}\s+)?{had}\s+(?:[\w-]+\s+){0,4}?$", cues)
        self.was_given = _frame(r"^\s*{was_given}\b", cues)
        # recall8: "crizotinib, given before that, ...": it came before the TKI told before it
        self.given_before_that = _frame(r"^\s*[,(]?\s*{given_before_that}\b", cues)
        # (lead) past a comma, a forwards word goes on from the TKI the earlier ones were given before, not from them:
        # "alectinib after crizotinib, then lorlatinib" is crizotinib, alectinib, lorlatinib (it read lorlatinib
        # before alectinib)
        self.goes_on = _frame(r"\s*[,;]\s*(?:and\s+)?{forwards}\b", cues)
        self.joined = lists.given_together  # TKIs listed together ("after crizotinib and ceritinib")
        # a date written right beside a TKI, its start: "lorlatinib 2023-", "crizotinib 2018-2020", "brigatinib from
        # 11/2024", "ENVONALKIB (TQ-B3139) 2022-2024", "alectinib Mar 2022 - Oct 2024", or at the start of its line,
        # "04/2016-02/2018 crizotinib"; the date as bot/nlu/when.py reads it
        date = rf"(?P<date>{DATE_TEXT})"
        range_end = _fill(rf"(?:\s*{{range_to}}\s*(?:{DATE_TEXT}|{{range_open}})?)?", cues)
        self.date_after = _compile(
            _fill(r"^[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?[,:(]?[ \t]*(?:{date_opens}\s+)?", cues)
            + date
            + range_end
            + _fill(r"(?!\s*{not_a_year})", cues),
            re.IGNORECASE,
        )
        self.date_before = _compile(
            rf"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?{date}{range_end}[ \t]*[:,]?[ \t]*$", re.IGNORECASE
        )
        # the line of therapy: "2L", "2nd-line", "second-line" (the ordinal words, in order: the first is line 1)
        self.ordinal = {w.lower(): n for n, w in enumerate(cues["line_ordinals"], start=1)}
        self.line = _frame(
            r"\b(?:([1-5])\s*L\b|([1-5])(?:st|nd|rd|th)[\s-]*line|({line_ordinals})[\s-]*line|line\s*([1-5])\b)", cues
        )
        # a bare ordinal or a list's number right beside a TKI, when no line is written: after it, ending its item
        # ("alectinib (2nd)", "alectinib was the second TKI,"), or right before it ("2nd alectinib", "second:
        # alectinib", "2) alectinib", "2. alectinib", "(2) alectinib")
        ordinal = r"(?:(?P<digit>[1-5])(?:st|nd|rd|th)|(?P<word>{line_ordinals}))(?![\w-])"
        self.bare_after = _frame(
            r"\s*(?:\(\s*)?(?:(?:{line_is})\s+)?(?:(?:the|her|his|their)\s+)?"
            + ordinal
            + r"(?:\s+(?:tki|alk tki|alk inhibitor|agent|drug|one))?\s*\)?(?=\s*(?:[,;.)\n]|$|and\b))",
            cues,
        )
        self.bare_before = _frame(r"(?:^|(?<=[\s,;:(]))" + ordinal + r"\s*[:)-]?\s*$", cues)
        self.numbered = _compile(r"(?:^|(?<=[\s;,(]))[(#]?(?P<digit>[1-9])\s*[.)]\s*$")
        # "first-line was Alecensa": the line, then a verb or a colon, then the TKI
        self.line_is = _frame(r"(?:(?<=line)|(?<=\dL))\s*(?:(?<=\s){line_is}|:)\s*$", cues)
        # a list said to be newest first ("Treatment history (most recent first): lorlatinib 2023-; brigatinib ...")
        self.newest_first = _frame(r"\b{newest_first}\b", cues)
        self.label_before = _frame(r"(?<![\w-]){label_before}\s*$", cues)
        self.label_after = _frame(r"{label_after}(?![\w-])", cues)  # matched at the TKI's end
        # a line of its own labelled as earlier treatment ("ENVONALKIB 2022-2024 — PD\nPrior: crizotinib 2019-2022")
        self.earlier_line = _frame(r"^[^\n]{0,60}\n\s*{earlier_label}(?: {earlier_label_what})?\s*[:-]\s*$", cues)


def _started(text: str, e: Entity, order: _Order) -> Date | None:
    """(year, month) of the date written right beside a TKI (its start when a range), or None."""
    m = order.date_after.match(text[e.end : e.end + 50]) or order.date_before.search(
        text[max(0, e.start - 40) : e.start]
    )
    return written_date(m["date"]) if m else None


def _line(text: str, start: int, end: int, order: _Order, bare: bool = True) -> int | None:
    """The line of therapy written right beside a TKI ("2L lorlatinib", "alectinib (first-line)"), the nearer one
    when there is one on each side (one before it across a comma only when none follows it), never across a
    sentence break; else (when ``bare``) a bare ordinal or a list's number beside it (_bare_line). ``start``,
    ``end``: the TKI's place (a finding's, or a therapy's of therapies.py)."""
    before = order.line_is.sub("", re.split(r"[.;\n]", text[max(0, start - 24) : start])[-1])[-14:]
    after = re.split(r"[.;\n]", text[end : end + 26])[0]
    # a line before a comma is the TKI's only when none follows it ("brigatinib was 2nd line, alectinib was 1st line")
    found = [("," in before[m.end() :], len(before) - m.end(), m) for m in order.line.finditer(before)] + [
        (False, m.start(), m) for m in order.line.finditer(after)
    ]
    if not found:
        return _bare_line(text, start, end, order) if bare else None
    m = min(found, key=lambda f: f[:2])[2]
    digit = m.group(1) or m.group(2) or m.group(4)
    return int(digit) if digit else order.ordinal[m.group(3).lower()]


def _bare_line(text: str, start: int, end: int, order: _Order) -> int | None:
    """The line a bare ordinal or a list's number right beside a TKI gives it ("alectinib (2nd)", "2nd alectinib",
    "2) alectinib"), or None."""
    m = (
        order.bare_after.match(text, end)
        or order.bare_before.search(text[max(0, start - 16) : start])
        or order.numbered.search(text[max(0, start - 8) : start])
    )
    if m is None:
        return None
    digit = m.group("digit")
    return int(digit) if digit else order.ordinal[m.group("word").lower()]


def _chronological(text: str, found: list[Entity], order: _Order) -> list[Entity]:
    """The stated TKIs in treatment order: by the lines written beside them when each has a different one, else by
    the dates written beside them (their starts) when each has a different one, else as written, except that what
    follows 'after', 'following', 'previously' ... (and the TKIs listed with it) came before the TKI it follows."""
    glosses = _glosses(text, found)  # (recall9) "Ensartinib (Ensacove) since 05/2025": one drug, ordered once
    glosses.update(
        _labels(text, found, glosses, order)
    )  # (lead13) "post-lorlatinib ... crizotinib, alectinib, lorlatinib"
    slots = [i for i, e in enumerate(found) if e.entity == "tki" and e.role is None and i not in glosses]
    tkis = [found[i] for i in slots]
    lines = [_line(text, e.start, e.end, order) for e in tkis]
    numbers = [n for n in lines if n is not None]
    dates = _dated_again(tkis, [_started(text, e, order) for e in tkis])
    known = [d for d in dates if d is not None]
    if len(tkis) > 1 and len(numbers) == len(lines) and len(set(numbers)) == len(numbers):
        ordered = [e for _, e in sorted(zip(numbers, tkis, strict=True), key=lambda p: p[0])]
    elif len(tkis) > 1 and len(known) == len(dates) and _each_later(_distinct(tkis, dates)):  # a dated timeline
        ordered = [e for _, e in sorted(zip(known, tkis, strict=True), key=lambda p: p[0])]
    elif tkis and order.newest_first.search(text[max(0, tkis[0].start - 80) : tkis[0].start]):
        ordered = tkis[::-1]
    else:
        ordered, k = [], 0
        while k < len(tkis):
            block, k = _earlier_first(text, tkis, k, order)
            ordered += block
    first = [
        e
        for e in ordered
        if order.first.match(text[e.end : e.end + 60])
        or order.first_before.search(text[max(0, e.start - 40) : e.start])
    ]
    if len(first) == 1 and len(ordered) > 1:  # "alectinib since 2019; ceritinib had been given first"
        ordered = first + [e for e in ordered if e is not first[0]]
    current = [
        e
        for e in ordered
        if order.current.search(text[max(0, e.start - 30) : e.start]) or order.current_after.match(text, e.end)
    ]
    if len(current) == 1 and len(ordered) > 1:  # "currently on Lorviqua; had Alunbrig first-line"
        ordered = [e for e in ordered if e is not current[0]] + current
    runs = _told_earlier(text, tkis, order)
    for k, (a, b) in enumerate(itertools.pairwise(tkis)):  # "before lorlatinib she had Alunbrig": Alunbrig first
        if a.value == b.value or runs.get(k) == runs.get(k + 1, -1):
            continue  # (lead15) nor two of one list told earlier ("crizotinib and alectinib before"): in their order
        # (lead15) a list told earlier as a whole ("lorlatinib now; crizotinib and alectinib before") goes before it
        # as a whole, in its own order
        moved = [b]
        if order.given_before.match(text[a.end : b.start]):  # (s21) "crizotinib before ceritinib": a before every b
            a, moved = b, [a]
        elif k + 1 in runs:
            end = k + 1
            while runs.get(end) == k + 1:
                end += 1
            moved = tkis[k + 1 : end]
        elif not _had_before(text, a, b, order):
            continue  # checked first: the places below cost a pass over the list, per pair ("lorla and brig " x 300)
        first_a = next(k for k, e in enumerate(ordered) if e.value == a.value)
        for c in moved:
            if ordered.index(c) > first_a:
                ordered.remove(c)
                ordered.insert(first_a, c)
            first_a = ordered.index(c) + 1
    out = list(found)
    for i, e in zip(slots, ordered, strict=True):  # ordered is tkis reordered
        out[i] = e
    if glosses:  # each other name right after the TKI it names again, wherever that one went
        out = [e for i, e in enumerate(out) if i not in glosses]
        for i, head in sorted(glosses.items()):
            at = next(k for k, e in enumerate(out) if e is head)
            out.insert(at + 1, found[i])
    return out


def _dated_again(tkis: list[Entity], dates: list[Date | None]) -> list[Date | None]:
    """(therapy) A TKI named again with no date, whose one dated mention is elsewhere, has that mention's date: the
    dated timeline holds past a plan or a heading naming a TKI of it again ("on lorlatinib since 03/2025 (after
    ceritinib 2018-2020 and alectinib 2020-2025). Plan: continue lorlatinib"); the date it repeats tells no order
    (only the dated mentions are checked to be each later than the one before)."""
    dated: dict[str, list[Date]] = {}
    for e, d in zip(tkis, dates, strict=True):
        if d is not None:
            dated.setdefault(e.value, []).append(d)
    return [
        d if d is not None or len(dated.get(e.value, ())) != 1 else dated[e.value][0]
        for e, d in zip(tkis, dates, strict=True)
    ]


def _distinct(tkis: list[Entity], dates: list[Date | None]) -> list[Date]:
    """The dates of the TKIs, each TKI's date once (a date _dated_again repeats is not a later start)."""
    return [d for _, d in dict.fromkeys((e.value, d) for e, d in zip(tkis, dates, strict=True) if d is not None)]


def _each_later(starts: list[Date]) -> bool:
    """The dates ``starts`` are each later than the one before them, in their order, at the precision both have
    (when.date_later): a year and a month of it ("since 2024", "03/2024-") tell no order."""
    return all(date_later(b, a) for a, b in itertools.pairwise(sorted(starts)))


def _glosses(text: str, found: list[Entity]) -> dict[int, Entity]:
    """(recall9) The TKIs that only name again, in brackets, the one right before them ("Ensartinib (Ensacove)",
    "Lorbrena (lorlatinib)"), each with that one: the drug is ordered once, by its first name, and the date after
    the brackets is its own ("Lorlatinib (Lorbrena) since 2024, previously alectinib")."""
    out: dict[int, Entity] = {}
    previous: Entity | None = None
    for i, e in enumerate(found):
        if e.entity != "tki":
            continue
        if (
            previous is not None
            and e.role is None
            and previous.role is None
            and previous.value == e.value
            and _GLOSS.match(text[previous.end : e.start])
        ):
            out[i] = previous
        else:
            previous = e
    return out


def _labels(text: str, found: list[Entity], glosses: dict[int, Entity], order: _Order) -> dict[int, Entity]:
    """(lead13) The TKIs named as a label of the setting ("cohort B (post-lorlatinib)", "alectinib-refractory") whose
    drug is named again later in a list of two or more TKIs ("Prior ALK TKIs: crizotinib, alectinib, lorlatinib"),
    each with that later mention: the drug is ordered where the list puts it, as a gloss is with its head."""
    slots = [i for i, e in enumerate(found) if e.entity == "tki" and e.role is None and i not in glosses]
    tkis = [found[i] for i in slots]
    out: dict[int, Entity] = {}
    for k, e in enumerate(tkis):
        if order.label_before.search(text[max(0, e.start - 8) : e.start]) or order.label_after.match(text, e.end):
            listed = (
                m for m in range(k + 1, len(tkis)) if tkis[m].value == e.value and _in_a_list(text, tkis, m, order)
            )
            later = next(listed, None)
            if later is not None:
                out[slots[k]] = tkis[later]
    return out


def _in_a_list(text: str, tkis: list[Entity], m: int, order: _Order) -> bool:
    """The TKI ``tkis[m]`` is joined to another drug right before or after it ("crizotinib, alectinib, lorlatinib")."""
    for n in (m - 1, m + 1):
        if 0 <= n < len(tkis) and tkis[n].value != tkis[m].value:
            a, b = sorted((tkis[m], tkis[n]), key=lambda t: t.start)
            if order.joined.match(text[a.end : b.start]):
                return True
    return False


def _told_earlier(text: str, tkis: list[Entity], order: _Order) -> dict[int, int]:
    """(lead15) The TKIs of a list of two or more told given earlier by the words after its last one (given_before_that:
    "crizotinib and alectinib before", "crizotinib, alectinib earlier"), each index of ``tkis`` with its list's first
    index: they came before the TKI told right before the list, in the list's order."""
    out: dict[int, int] = {}
    first = 0
    for m in range(1, len(tkis) + 1):
        if m < len(tkis) and order.joined.match(text[tkis[m - 1].end : tkis[m].start]):
            continue
        if m - first > 1 and first > 0 and order.given_before_that.match(text[tkis[m - 1].end : tkis[m - 1].end + 40]):
            out |= dict.fromkeys(range(first, m), first)
        first = m
    return out


def _had_before(text: str, a: Entity, b: Entity, order: _Order) -> bool:
    """``b`` is told as given before ``a``: "before lorlatinib she had brigatinib", "prior to A, B was given", "A
    was stopped; B, given before that, had failed" (recall8)."""
    if order.given_before_that.match(text[b.end : b.end + 40]):
        return True
    if not order.before_it.search(text[max(0, a.start - 30) : a.start]):
        return False
    between = text[a.end : b.start]
    return bool(order.had.match(between)) or (
        between.strip() in ("", ",") and bool(order.was_given.match(text[b.end : b.end + 30]))
    )


def _earlier_first(text: str, tkis: list[Entity], k: int, order: _Order) -> tuple[list[Entity], int]:
    """The TKI at k with what the text says came before it, oldest first; and the index after them."""
    head, nxt = tkis[k], k + 1
    told = None if nxt == len(tkis) else _later_first(text[head.end : tkis[nxt].start], order)
    if told is None:
        return [head], nxt
    # (s21) the earlier TKIs in a sentence of their own ("PD on lorlatinib (3L). Prior: crizotinib, then alectinib"):
    # a forwards word goes on among them, not from the head
    own = told == "opening"
    before, nxt = _earlier_first(text, tkis, nxt, order)
    while nxt < len(tkis) and (
        (order.joined.match(between := text[tkis[nxt - 1].end : tkis[nxt].start]) and not order.goes_on.match(between))
        or (own and order.goes_on.match(between) and not re.search(r"[.\n]", between))
    ):
        more, nxt = _earlier_first(text, tkis, nxt, order)
        before += more
    return before + [head], nxt


def _later_first(between: str, order: _Order) -> str | None:
    """How the words ``between`` two TKIs tell the second given first: its cue in the first one's sentence
    ("later_first": "alectinib, before that crizotinib"), opening the next sentence ("opening": "on lorlatinib.
    Prior: crizotinib"), or a line of its own labelled earlier ("line"); None when they do not, or also tell the
    sequence forwards."""
    if order.forwards.search(between):
        return None
    if order.later_first.match(between):
        return "later_first"
    if order.later_first_opening.match(between):
        return "opening"
    return "line" if order.earlier_line.match(between) else None
