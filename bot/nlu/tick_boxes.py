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
"""

from __future__ import annotations

import re
from typing import Any

# where an option written after its box ends: a cell or clause break, a tab or two spaces, the next "Key:", a full
# stop ending its sentence ("[ ] No. Leptomeningeal [x] Yes": the next question is its own, and the stop is kept)
_OPTION_END = re.compile(r"[|;\t]|\s{2,}|(?<=\s)[^\W\d_][\w ()/+-]{0,30}:|\.(?=\s)")
_SEPARATOR = re.compile(r"[:|?=-]\s*$")


class TickBoxes:
    def __init__(self, table: dict[str, Any]):
        marks = table["tick_boxes"]
        self.box = re.compile(
            "|".join(
                f"(?P<{kind}{i}>{p})" for kind in ("ticked", "unticked", "unsure") for i, p in enumerate(marks[kind])
            )
        )

    def __call__(self, text: str) -> str:
        if not self.box.search(text):
            return text
        out = list(text)
        start = 0
        for line in text.split("\n"):
            self._line(line, start, out)
            start += len(line) + 1
        return "".join(out)

    def _line(self, line: str, at: int, out: list[str]) -> None:
        boxes = [(m.start(), m.end(), m.lastgroup.rstrip("0123456789")) for m in self.box.finditer(line) if m.lastgroup]
        if not boxes:
            return

        def blank(a: int, b: int) -> None:
            out[at + a : at + b] = " " * (b - a)

        kinds = {kind for _, _, kind in boxes}
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
