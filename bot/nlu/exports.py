"""Structured exports pasted into a chat, rewritten into the "Key: value" lines the reader reads (key_value.py): the
same findings in the form a record's export gives them.

- An HL7 v2 result segment, "OBX|set id|type|code^name^system|sub-id|value|units|range|flags|...|status", is read
  as "name: value units" (its code, sub-id, reference range, flags and status dropped), a note segment "NTE|n|source|
  comment" as its comment. A later OBX row of the same observation (its code and sub-id: a corrected "C" row after a
  preliminary or final one) supersedes the earlier one, which is dropped; a row whose status is "X" (cannot be
  obtained), "D" (deleted) or "W" (wrong patient) states nothing and is dropped.
- A delimited table (commas, semicolons, tabs or pipes) with a header line of labels and ONE row of values under it
  ("visit,date,brain,lmd" / "PD,2025-11-19,new x1,no") is read as each label with its value, one a line ("brain: new
  x1"); an empty cell states nothing and is left out. A two-column table of names and values ("name,value" /
  "ecog,1") is read row by row ("ecog: 1"). Several rows under a header (a log, a worksheet of several patients) are
  left as written: which row is this patient's, or the current one, is not the table's to say; so is a table that
  names a relative (a family history's rows are the relatives'), or a variant table's (a gene column), whose rows
  the reader's result patterns read.

- A drop-down's arrow after its selected value is dropped ("Goal: Comfort ▼" is "Goal: Comfort"); an edited
  drop-down's earlier value is dropped with its arrow to the new one ("Systemic ▼ -> changed to: Oligoprogression ▼").
- A form's questions answered right after their question marks ("Prior chemo? N. Prior IO? N. Prior TKI? Y -
  alectinib") are read as keys and their values, when the text holds two or more such rows; one alone may be a
  question and a reply ("Chemo? No - not yet"), left as written.

Every rewriting is a typist piece (typist.Rewrite): the findings are given back at their places in the text as typed.
"""

from __future__ import annotations

import re

# an OBX segment: set id, value type, the observation (code^name^system), sub-id, value, then units, range, flags ...,
# the status last
_OBX = re.compile(
    r"^[ \t]*OBX\|[^|\n]*\|[^|\n]*\|(?P<code>[^|^\n]*)\^(?P<name>[^|^\n]+)(?:\^[^|\n]*)?\|(?P<sub>[^|\n]*)\|"
    r"(?P<value>[^|\n]*)(?:\|(?P<units>[^|\n]*))?(?P<rest>(?:\|[^|\n]*)*?)[ \t]*$",
    re.MULTILINE,
)
_NTE = re.compile(r"^[ \t]*NTE\|[^|\n]*\|[^|\n]*\|", re.MULTILINE)
_VOID = frozenset("XDW")  # result status: cannot be obtained, deleted, wrong patient

# a delimited table's line: at least two delimiters of one kind
_DELIMITERS = (",", ";", "\t", "|")
# a header's label: a word, perhaps with digits, underscores, spaces, dots, brackets or a slash ("brain_mets",
# "ECOG (C1D1)", "dx year")
_LABEL = re.compile(r"[^\W\d_][\w ./()#%+-]{0,40}")
_NAME_HEADER = re.compile(r"(?:name|field|item|parameter|variable|key|attribute)s?", re.IGNORECASE)
_VALUE_HEADER = re.compile(r"(?:value|result|answer|entry)s?", re.IGNORECASE)
# a relative, or a family history's column: a table naming one is the family's, left as written (the reader's family
# history cues read it)
RELATIVE = re.compile(
    r"(?<![\w-])(?:mother|father|sister|brother|son|daughter|aunt|uncle|grand\w+|cousin|sibling|niece|nephew|parents?|"
    r"relatives?|relation(?:ship)?|family|mum|mom|dad|maternal|paternal|fhx?)(?![\w-])",
    re.IGNORECASE,
)
# a variant table's header (a gene column): its row is read by the reader's own result patterns ("RET | rearrangement")
_GENE_HEADER = re.compile(r"(?<![\w-])genes?(?![\w-])", re.IGNORECASE)
_ID_HEADER = re.compile(
    r"(?:#|no\.?|n|id|row|line|(?:pt|patient|subj(?:ect)?)(?:[ _]?(?:id|no))?|subjid|mrn)", re.IGNORECASE
)


def hl7(text: str) -> list[tuple[int, int, str]]:
    """The pieces that rewrite ``text``'s OBX and NTE segments (the module's docstring)."""
    if "OBX|" not in text and "NTE|" not in text:
        return []
    pieces = []
    rows = list(_OBX.finditer(text))
    # each row's observation (code, name, sub-id); a row is superseded when the same observation comes later (one
    # pass from the end: linear in the rows)
    keys = [(r.group("code").strip().lower(), r.group("name").strip().lower(), r.group("sub").strip()) for r in rows]
    seen: set[tuple[str, str, str]] = set()
    superseded = [False] * len(rows)
    for k in range(len(rows) - 1, -1, -1):
        superseded[k] = keys[k] in seen
        seen.add(keys[k])
    for k, m in enumerate(rows):
        status = m.group("rest").rsplit("|", 1)[-1].strip().upper() if m.group("rest") else ""
        if superseded[k] or status in _VOID:
            pieces.append((m.start(), m.end(), ""))  # superseded, or void: states nothing
            continue
        pieces.append((m.start(), m.start("name"), ""))
        value = m.group("value").strip()
        pieces.append((m.end("name"), m.start("value"), ": " if value else ":"))
        end = m.end("value")
        units = (m.group("units") or "").strip()
        if units and value:
            pieces.append((end, m.start("units"), "" if units.startswith("%") else " "))
            end = m.end("units")
        pieces.append((end, m.end(), ""))
    pieces += [(m.start(), m.end(), "") for m in _NTE.finditer(text)]
    return pieces


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """The cells of ``line`` split at ``delimiter`` (a double-quoted cell may hold it), as (start, end) places
    within the line, their quotes and spaces left out."""
    out, at, quoted, start = [], 0, False, 0
    for at, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == delimiter and not quoted:
            out.append((start, at))
            start = at + 1
    out.append((start, len(line)))
    trimmed = []
    for a, b in out:
        while a < b and line[a] in ' "':
            a += 1
        while b > a and line[b - 1] in ' "\r':
            b -= 1
        trimmed.append((a, b))
    return trimmed


def _delimiter(line: str) -> str | None:
    counts = {d: line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] >= 2 or (best == "," and counts[best] == 1) else None


def _header(line: str, cells: list[tuple[int, int]], delimiter: str) -> bool:
    """Every cell of ``line`` is a short label (a word first, three words at most; no number, no bare sign), and a
    comma or a semicolon is followed by no space (a sentence's commas are: "stable, ECOG 1, on alectinib")."""
    if delimiter in ",;" and re.search(rf"{re.escape(delimiter)}[ ]", line):
        return False
    return all(b > a and _LABEL.fullmatch(line[a:b]) and len(line[a:b].split()) <= 3 for a, b in cells)


def tables(text: str) -> list[tuple[int, int, str]]:
    """The pieces that rewrite ``text``'s delimited tables (the module's docstring)."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    pieces = []
    k = 0
    while k < len(lines):
        start, line = lines[k]
        delimiter = _delimiter(line)
        if delimiter is None or k + 1 >= len(lines):
            k += 1
            continue
        # the header may follow a lead-in ending with a colon ("NGS columns: gene,variant,vaf")
        lead = line.rfind(":") + 1 if delimiter != "|" and ":" in line else 0
        head = _cells(line[lead:], delimiter)
        head = [(a + lead, b + lead) for a, b in head]
        if len(head) < 2 or not _header(line, head, delimiter):
            k += 1
            continue
        rows = []
        j = k + 1
        while j < len(lines) and lines[j][1].strip() and _delimiter(lines[j][1]) == delimiter:
            cells = _cells(lines[j][1], delimiter)
            if len(cells) != len(head):
                break
            if all(re.fullmatch(r"[-:= ]*", lines[j][1][a:b]) for a, b in cells):
                j += 1
                continue  # a markdown table's rule under its header
            rows.append((lines[j][0], lines[j][1], cells))
            j += 1
        if RELATIVE.search(line) or any(RELATIVE.search(row) for _, row, _ in rows) or _GENE_HEADER.search(line):
            k = max(j, k + 1)
            continue  # a family history's table: the relatives' rows
        labels = [line[a:b] for a, b in head]
        names = [i for i, label in enumerate(labels) if _NAME_HEADER.fullmatch(label.strip())]
        values = [i for i, label in enumerate(labels) if _VALUE_HEADER.fullmatch(label.strip())]
        if names and values and rows:  # a table of names and values: each row is "name: value"
            n, v = names[0], values[0]
            pieces.append((start + head[0][0], start + len(line), ""))  # the header, read in each row
            for row_start, row, cells in rows:
                if cells[v][1] > cells[v][0] and cells[n][1] > cells[n][0]:
                    pieces.append((row_start, row_start + cells[n][0], ""))
                    pieces.append((row_start + cells[n][1], row_start + cells[v][0], ": "))
                    pieces.append((row_start + cells[v][1], row_start + len(row), ""))
                else:
                    pieces.append((row_start, row_start + len(row), ""))
        elif len(rows) == 1:  # one row under the header: each label with its value
            row_start, row, cells = rows[0]
            pieces.append((start + head[0][0], start + len(line), ""))  # the header's labels, read with the values
            prev, emitted = 0, False
            for (a, b), label in zip(cells, labels, strict=True):
                if b > a and not _ID_HEADER.fullmatch(label.strip()):
                    pieces.append((row_start + prev, row_start + a, f"{chr(10) if emitted else ''}{label}: "))
                    emitted = True
                else:
                    pieces.append((row_start + prev, row_start + b, ""))  # an empty cell, or the row's number
                prev = b
            pieces.append((row_start + prev, row_start + len(row), ""))
        k = max(j, k + 1)
    return pieces


# a drop-down's arrow after its selected value ("Goal: Comfort ▼"); an edited drop-down's earlier value, superseded by
# the one after the arrow ("Systemic ▼ -> changed to: Oligoprogression ▼")
_ARROW = "▼▾⏷"
_DROP_DOWN = re.compile(rf"[ \t]*[{_ARROW}]")
_EDITED = re.compile(
    rf"(?<=:)[ \t]*[^:\n{_ARROW}]{{1,40}}?[ \t]*[{_ARROW}][ \t]*(?:->|-->|→|=>)[ \t]*"
    r"(?:(?:changed|edited|corrected|updated|amended) to\b[ \t]*:?[ \t]*)?",
    re.IGNORECASE,
)
# a form's question with its answer right after its question mark ("Prior chemo? N. Prior IO? N."): only where the
# text holds two or more (a form's rows; one alone may be a question and a reply to a plan: "Chemo? No - not yet")
_ASKED_ANSWERED = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;|]\s)|(?<=[.;|]))[ \t]*[^\W\d_][\w /()+-]{1,40}?(?P<mark>\?)"
    r"(?=[ \t]*(?:y|n|yes|no)(?![\w/])(?![ \t]+(?:or|idea|clue|sure|one)\b)[ \t]*(?:$|[.,;|\n]|[ \t][-–—]))",
    re.IGNORECASE | re.MULTILINE,
)


def form_answers(text: str) -> list[tuple[int, int, str]]:
    """The pieces that drop drop-down arrows and edited drop-downs' earlier values, and read a form's answered
    questions as keys with their values (the module's docstring)."""
    pieces = []
    if any(c in text for c in _ARROW):
        edited = [(m.start(), m.end()) for m in _EDITED.finditer(text)]
        pieces += [(a, b, " ") for a, b in edited]
        pieces += [
            (m.start(), m.end(), "")
            for m in _DROP_DOWN.finditer(text)
            if not any(a <= m.start() < b for a, b in edited)
        ]
    answered = list(_ASKED_ANSWERED.finditer(text))
    if len(answered) >= 2:
        pieces += [(m.start("mark"), m.end("mark"), ":") for m in answered]
    return pieces
