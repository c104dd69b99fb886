"""Tick boxes of a pasted proforma ("Brain mets [X] Yes [ ] No", "[x] No CNS disease", "CNS: ☐ Yes ☒ No"): only
the ticked option is read.

Before reading, each line with boxes is rewritten in place (same length, places kept): every mark is blanked, and so is
the option of each empty box. An option is the words after its box up to the next box, a cell or clause break, a full
stop, a run of spaces or the next "Key:" ("[x] Yes [ ] No", the boxes first); or, when the line ends with a box, the
words before each box ("Yes [ ] No [x]"). A question written before the first box with no separator of its own ("Brain
mets [x] Yes") gets a colon in the place of that box (in the place of its question mark: "Brain mets? [x] Yes"), so the
reader reads it as a key and its value ("Brain mets: Yes"). When no box of a line is ticked, a box cannot be told
(clinical_phrases.yml `tick_boxes.unsure`), or, with the boxes after their options, the first option cannot be told from
the question before it, the whole line is blanked: left unread, never the unticked option.

A checklist question may print its options instead of boxes ("Brain mets Y/N: N", "Prior chemo (yes/no): yes"): the
options are blanked, so that the answer after them reads as the question's value ("Brain mets     : N"); a question
whose options or answer blank stand with no answer ("Brain mets Y/N:", "Brain mets: Y/N", "Brain mets: ___") is
blanked from its start (its line, cell, or the tab or two spaces before it) to its end: left unread. A spaced
three-dot leader between an item and a one-letter or yes/no answer ("Strong CYP3A inducer use ... N") is read as the
item's colon ("Strong CYP3A inducer use   : N"); an ellipsis in chat ("brain mets... no idea") is left as it is.

(s17) A line's one box, ticked, after its item with nothing after it but a bracket ("Hyperlipidaemia [x]", "Brain mets
present: [x]") answers the item yes: the box is written "Y", with a colon before it when the item has none; not when
the line names a relative or stands in a family history's paragraph (the relatives' rows).
"""

from __future__ import annotations

import re
from typing import Any

from bot.nlu import compiled, exports

# where an option written after its box ends: a cell or clause break, a tab or two spaces, the next "Key:", a full
# stop ending its sentence ("[ ] No. Leptomeningeal [x] Yes": the next question is its own, and the stop is kept)
_OPTION_END = compiled.kept(r"[|;\t]|\s{2,}|(?<=\s)[^\W\d_][\w ()/+-]{0,30}:|\.(?=\s)")
_SEPARATOR = compiled.kept(r"[:|?=-]\s*$")
# what may follow a lone ticked box at the end of its line: a bracket, a full stop ("Diabetes [x] (on metformin)")
_LONE_AFTER = compiled.kept(r"[ \t]*(?:\([^()\n]*\))?[ \t]*[.;]?[ \t\r]*")
# (s17) a family history's heading: the lone boxes of its paragraph are the relatives' (_lone)
_FAMILY = compiled.kept(r"(?<![\w-])(?:family (?:history|hx)|fam(?:ily)? hx|fhx?)(?![\w-])", re.IGNORECASE)
# where a checklist question starts: its line, a cell, a clause after a semicolon, a tab or two spaces
_QUESTION_START = compiled.kept(r"[|;\t]|[ ]{2,}")
# what may stand between a question's printed options and its answer: a separator ("Brain mets Y/N: N")
_OPTION_SEP = r"[ \t]*(?:[:=?]|[ \t][-–—]+|\.{3,}|…)?[ \t]*"
# a question's words right before its printed options, perhaps with its separator ("Brain mets Y/N", "Brain mets: Y/N")
_ASKED = compiled.kept(r"[^\W\d_][\w)]*[ \t]*(?:(?:[:=?]|[ \t][-–—]+)[ \t]*)?$")
# where an answer ends: its cell, clause or line
_ANSWER_END = compiled.kept(r"[|;\n]")


class TickBoxes:
    def __init__(self, table: dict[str, Any]):
        marks = table["tick_boxes"]
        self.relative = exports.relatives(table["other_people"])  # a relative's or a family history's word
        self.box = compiled.kept(
            "|".join(
                f"(?P<{kind}{i}>{p})" for kind in ("ticked", "unticked", "unsure") for i, p in enumerate(marks[kind])
            )
        )

        options = "|".join(f"(?:{p})" for p in marks.get("options", []))
        blank_answer = "|".join(f"(?:{p})" for p in marks.get("blank_answer", []))
        answers = "|".join(f"(?:{p})" for p in marks.get("leader_answers", []))
        # options printed after a question's words, then a separator or the end of the question ("Brain mets Y/N:",
        # "Prior chemo (yes/no) - yes"), or as its whole value ("Brain mets: Y/N")
        self.options = compiled.kept(rf"(?<![\w/])(?P<options>{options})(?![\w/])", re.IGNORECASE)
        self.blank_answer = compiled.kept(rf"(?<=[:=?])[ \t]*(?:{blank_answer})[ \t]*(?=[|;\n]|$)")
        self.leader = compiled.kept(
            rf"(?<=[\w)])(?:[ \t]+(?P<leader>\.{{3}}|…)[ \t]+|[ \t]*(?P<long>\.{{4,}}(?!\.))[ \t]*)(?:{answers})"
            r"(?=[ \t]*(?:\(|[|;\n]|$))"
        )
        self.any_form = compiled.kept(
            "|".join(p.pattern for p in (self.box, self.options, self.blank_answer, self.leader)), re.IGNORECASE
        )

    def __call__(self, text: str) -> str:
        if not self.any_form.search(text):
            return text
        out = list(text)
        self._forms(text, out)
        text = "".join(out)
        if not self.box.search(text):
            return text
        start, family = 0, False
        for line in text.split("\n"):
            family = bool(line.strip()) and (family or bool(_FAMILY.search(line)))  # to the paragraph's end
            self._line(line, start, out, family)
            start += len(line) + 1
        return "".join(out)

    def _forms(self, text: str, out: list[str]) -> None:
        """A checklist's printed options, answer blanks and dot leaders (the module's docstring), rewritten in
        ``out`` in place."""

        def unanswered(at: int, end: int) -> None:
            line = text.rfind("\n", 0, at) + 1
            starts = [m.end() for m in _QUESTION_START.finditer(text, line, at)]
            start = starts[-1] if starts else line
            out[start:end] = " " * (end - start)

        for m in self.options.finditer(text):
            a, b = m.span("options")
            asked = _ASKED.search(text, text.rfind("\n", 0, a) + 1, a)
            if asked is None:
                continue  # no question's words right before them
            answer_end = _ANSWER_END.search(text, b)
            end = answer_end.start() if answer_end else len(text)
            rest = re.match(_OPTION_SEP, text[b:end])
            value = text[b + (rest.end() if rest else 0) : end].strip(" \t_*.")
            if not value and text[b:end].strip() == "?":
                continue  # "any brain mets y/n?": a question asked, left as written
            if not value:  # "Brain mets Y/N:", "Brain mets: Y/N | ECOG 1"
                unanswered(a, end)
            else:
                out[a:b] = " " * (b - a)
        for m in self.blank_answer.finditer(text):
            unanswered(m.start(), m.end())
        for m in self.leader.finditer(text):
            a, b = m.span("leader" if m["leader"] else "long")
            out[a:b] = " " * (b - a - 1) + ":"

    def _lone(self, line: str, a: int, b: int, at: int, out: list[str]) -> bool:
        """(s17) A line's one box, ticked, after its item, with nothing after it but a bracket ("Hyperlipidaemia
        [x]", "Cardiovascular disease [x] (HFrEF)", "Brain mets present: [x]"): the item answered yes, the box
        written as "Y" and a colon put before it when the item has none (in the place of its question mark or of the
        space before the box). Not a line that names a relative ("Diabetes (mother) [x]"), nor one under a family
        history's heading in its paragraph. True when the line was such a line."""
        before = line[:a].rstrip()
        if not before or not _LONE_AFTER.fullmatch(line, b) or self.relative.search(line):
            return False
        if not _SEPARATOR.search(before):
            if line[a - 1 : a] not in (" ", "\t"):
                return False
            out[at + a - 1] = ":"
        elif before.endswith("?"):
            out[at + len(before) - 1] = ":"
        out[at + a : at + b] = "Y" + " " * (b - a - 1)
        return True

    def _line(self, line: str, at: int, out: list[str], family: bool = False) -> None:
        boxes = [(m.start(), m.end(), m.lastgroup.rstrip("0123456789")) for m in self.box.finditer(line) if m.lastgroup]
        if not boxes:
            return

        def blank(a: int, b: int) -> None:
            out[at + a : at + b] = " " * (b - a)

        kinds = {kind for _, _, kind in boxes}
        lone = len(boxes) == 1 and kinds == {"ticked"} and not family
        if lone and self._lone(line, boxes[0][0], boxes[0][1], at, out):
            return
        boxes_first = bool(line[boxes[-1][1] :].strip(" \t|;,."))
        if "unsure" in kinds or "ticked" not in kinds:
            blank(0, len(line))
            return
        if boxes_first:
            previous_end = 0
            for k, (a, b, kind) in enumerate(boxes):
                question = line[previous_end:a]
                if question.strip() and not _SEPARATOR.search(question):
                    out[at + a] = ":"  # the question before the boxes is the key of their options
                    blank(a + 1, b)
                else:
                    blank(a, b)
                    if question.rstrip().endswith("?"):  # the form's question, answered by its boxes
                        out[at + previous_end + len(question.rstrip()) - 1] = ":"

                stop = boxes[k + 1][0] if k + 1 < len(boxes) else len(line)
                end = _OPTION_END.search(line, b, stop)
                option_end = end.start() if end and line[b : end.start()].strip() else stop
                if kind == "unticked":
                    blank(b, option_end)
                previous_end = option_end
            return
        for k, (a, b, kind) in enumerate(boxes):
            if k == 0:
                sep = max(line.rfind(c, 0, a) for c in ":|-=?")
                if sep < 0:  # the first option cannot be told from the question before it
                    blank(0, len(line))
                    return
                option_start = sep + 1
            else:
                option_start = boxes[k - 1][1]
            blank(a, b)
            if kind == "unticked":
                blank(option_start, a)
