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
  the reader's result patterns read: (s17b) a variant table led by its gene column has its cells set apart by " | "
  when another delimiter parts them ("TP53,p.Y220C,22.0" is "TP53 | p.Y220C | 22.0": each row's variant its own
  gene's, as in a pipe table), and its lone dash cells state nothing. (s17b) A table of therapies led by the
  therapy's column (delimited or whitespace-aligned) is read row by row as lines of therapy (`_therapy_columns`).
- (s17b) A whitespace-aligned table with a Result or Value column, and a grid of dated rows, read each row as "name:
  value" (`aligned`). An HL7 note after a run of results that names their specimen is read before them, as their
  heading (`_notes_first`). ICD-10 codes whose condition is certain and known read as its words (`codes`); a
  flattened "LOTn=drug;start;end;reason" row as its line of therapy (`therapy_lines`); a medication
  reconciliation's "STOP:" as the drug stopped, and an order still to come as a plan (`orders`).

- A drop-down's arrow after its selected value is dropped ("Goal: Comfort ▼" is "Goal: Comfort"); an edited
  drop-down's earlier value is dropped with its arrow to the new one ("Systemic ▼ -> changed to: Oligoprogression ▼").
- A form's questions answered right after their question marks ("Prior chemo? N. Prior IO? N. Prior TKI? Y -
  alectinib") are read as keys and their values, when the text holds two or more such rows; one alone may be a
  question and a reply ("Chemo? No - not yet"), left as written.

Every rewriting is a typist piece (typist.Rewrite): the findings are given back at their places in the text as typed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from bot.nlu import compiled, vocabulary

# an OBX segment: set id, value type, the observation (code^name^system), sub-id, value, then units, range, flags ...,
# the status last
_OBX = compiled.kept(
    r"^[ \t]*OBX\|[^|\n]*\|[^|\n]*\|(?P<code>[^|^\n]*)\^(?P<name>[^|^\n]+)(?:\^[^|\n]*)?\|(?P<sub>[^|\n]*)\|"
    r"(?P<value>[^|\n]*)(?:\|(?P<units>[^|\n]*))?(?P<rest>(?:\|[^|\n]*)*?)[ \t]*$",
    re.MULTILINE,
)
_NTE = compiled.kept(r"^[ \t]*NTE\|[^|\n]*\|[^|\n]*\|", re.MULTILINE)
_VOID = frozenset("XDW")  # result status: cannot be obtained, deleted, wrong patient

# a delimited table's line: at least two delimiters of one kind
_DELIMITERS = (",", ";", "\t", "|")
# a header's label: a word, perhaps with digits, underscores, spaces, dots, brackets or a slash ("brain_mets",
# "ECOG (C1D1)", "dx year")
_LABEL = compiled.kept(r"[^\W\d_][\w ./()#%+-]{0,40}")
_NAME_HEADER = compiled.kept(r"(?:name|field|item|parameter|variable|key|attribute)s?", re.IGNORECASE)
_VALUE_HEADER = compiled.kept(r"(?:value|result|answer|entry)s?", re.IGNORECASE)


def relatives(others: dict[str, Any]) -> re.Pattern[str]:
    """A relative, or a family history's row or column, as the phrase table names them (clinical_phrases.yml
    `other_people`: the blood relatives of `relatives_own_colon` and the words of `family_table`): a table naming one
    is the family's, left as written (the reader's family history cues read it); so is a lone ticked box's line
    (tick_boxes.py). Built from the vocabulary table (vocabulary.table), as context/cues.py builds its cues: the
    typist stage runs before the pipeline, and is given the table it is loaded with (typist.load)."""
    words = "|".join(f"(?:{w})" for w in others["relatives_own_colon"] + others["family_table"])
    return compiled.kept(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


# a variant table's header (a gene column): its row is read by the reader's own result patterns ("RET | rearrangement")
_GENE_HEADER = compiled.kept(r"(?<![\w-])genes?(?![\w-])", re.IGNORECASE)
_ID_HEADER = compiled.kept(
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
    notes = list(_NTE.finditer(text))
    pieces += [(m.start(), m.end(), "") for m in notes]
    return _notes_first(text, rows, notes, pieces)


# what makes a note the results' specimen's: a specimen, its source, or when it was taken (the progression or the
# diagnosis); any other note ("On alectinib since 2022") stays where it stands
_SPECIMEN_NOTE = compiled.kept(
    r"(?<![\w-])(?:specimens?|samples?|source|tissue|plasma|blood|cfdna|ctdna|core|biops\w*|re-?biops\w*|re-?bx|bx|"
    r"cytology|cell block|fluid|progression|progressive|pd|diagnos\w*|dx|collected|drawn)(?![\w-])",
    re.IGNORECASE,
)


def _notes_first(
    text: str, rows: list[re.Match[str]], notes: list[re.Match[str]], pieces: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(s17b) The notes that follow a run of OBX rows, after its last row ("OBX ... ALK fusion ... Detected" / "NTE|1||
    Plasma, progression on brigatinib"), say what the run's results were found in: each such note is read before the
    run's first row, as its heading ("Plasma, progression on brigatinib" / "ALK fusion: Detected"), so that the
    results read in their specimen's context as a report's heading gives it; only a note that names a specimen or
    when it was taken (`_SPECIMEN_NOTE`). A run whose notes stand between its rows (each row's own note) is left as it
    is."""
    starts, lines = (list(column) for column in zip(*_lines(text), strict=True))
    kinds = [
        "OBX" if line.lstrip().startswith("OBX|") else "NTE" if line.lstrip().startswith("NTE|") else ""
        for line in lines
    ]
    k = 0
    while k < len(lines):
        if kinds[k] != "OBX":
            k += 1
            continue
        first = k
        while k < len(lines) and kinds[k] == "OBX":
            k += 1
        trailing = []
        while k < len(lines) and kinds[k] == "NTE":
            trailing.append(k)
            k += 1
        if not trailing or (k < len(lines) and kinds[k] == "OBX"):
            continue  # no note after the run, or the run goes on: each row's own note
        heading = []
        for j in trailing:
            note = next((m for m in notes if m.start() == starts[j]), None)
            if note is None:
                continue
            comment = text[note.end() : starts[j] + len(lines[j])].strip()
            if _SPECIMEN_NOTE.search(comment):
                heading.append(comment)
                pieces.append((note.end(), starts[j] + len(lines[j]), ""))
        row = next(
            (m for m in rows if m.start() <= starts[first] + len(lines[first]) and m.end() > starts[first]), None
        )
        if heading and row is not None:
            at_row = [p for p in pieces if p[0] == row.start() and p[1] == row.start("name")]
            if at_row:
                pieces.remove(at_row[0])
                pieces.append((row.start(), row.start("name"), "\n".join(heading) + ":\n"))
    return pieces


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text``, each with the place it starts at."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    return lines


_Piece = tuple[int, int, str]


def _tables_in(
    lines: list[tuple[int, str]],
    relative: re.Pattern[str],
    table_at: Callable[[list[tuple[int, str]], int, list[_Piece], re.Pattern[str]], int],
) -> list[_Piece]:
    """The pieces that ``table_at`` writes for the tables of ``lines`` (tables, aligned), walked from the first line:
    ``table_at(lines, k, pieces, relative)`` reads the table line k heads, if any, adding its pieces, and gives the
    line after it (k when line k heads none); the walk goes on there, or at the next line."""
    pieces: list[_Piece] = []
    k = 0
    while k < len(lines):
        k = max(table_at(lines, k, pieces, relative), k + 1)
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


# (s17b) a table of therapies, one a row, led by the therapy's column ("drug,start,stop,reason" / "alectinib,2020-01,
# 2021-03,hepatotoxicity G3"): each row read as the line of therapy it is ("alectinib 2020-01 to 2021-03, stopped:
# hepatotoxicity G3"); its dose or cycles after it; an empty cell left out. Only one patient's rows: a table whose ID
# column holds two different values (several patients) is left as written; so is a table with a column of another
# kind ("Toxicity" beside "Stop reason": which of them says why it stopped is not the table's to tell here).
_THERAPY_HEADER = compiled.kept(
    r"(?:drugs?|medications?|meds?|agents?|regimens?|therap(?:y|ies)|treatments?|tkis?|lines?)(?:[ _](?:name|given))?",
    re.IGNORECASE,
)
_START_HEADER = compiled.kept(r"(?:start(?:ed)?|from|began|begun)(?:[ _]?(?:date|dt))?|date[ _]started", re.IGNORECASE)
_END_HEADER = compiled.kept(
    r"(?:stop(?:ped)?|end(?:ed)?|to|until|finish(?:ed)?)(?:[ _]?(?:date|dt))?|date[ _](?:stopped|ended)", re.IGNORECASE
)
_DOSE_HEADER = compiled.kept(r"(?:dose|dosage|dosing|strength)(?:[ _](?:mg|level))?", re.IGNORECASE)
_CYCLES_HEADER = compiled.kept(
    r"(?:no\.? (?:of )?|n(?:um)?_?)?cycles?(?:[ _](?:given|received|no))?|#[ _]?cycles?", re.IGNORECASE
)
_REASON_HEADER = compiled.kept(
    r"(?:(?:stop|end|discontinuation|d/?c)[ _])?reasons?(?:[ _](?:stopped|ended|for (?:stopping|discontinuation)|off))?"
    r"|why stopped|outcome",
    re.IGNORECASE,
)


_DASHES = frozenset({"-", "--", "—", "–"})
_NO_CELL = _DASHES | {"n/a", "N/A", "NA"}


def _therapy_columns(labels: list[str]) -> dict[str, int] | None:
    """The columns of a table of therapies (its first the therapy's, then a start, an end or a reason), or None."""
    roles: dict[str, int] = {}
    for i, label in enumerate(labels):
        for role, pattern in (
            ("start", _START_HEADER),
            ("end", _END_HEADER),
            ("reason", _REASON_HEADER),
            ("cycles", _CYCLES_HEADER),
        ):
            if pattern.fullmatch(label.strip()) and role not in roles:
                roles[role] = i
    if not labels or not _THERAPY_HEADER.fullmatch(labels[0].strip()) or not roles:
        return None
    others = set(range(1, len(labels))) - set(roles.values())
    if any(not (_DOSE_HEADER.fullmatch(labels[i].strip()) or _ID_HEADER.fullmatch(labels[i].strip())) for i in others):
        return None  # a column of its own ("Toxicity" beside "Stop reason"): which says why it stopped is not ours
    return roles


def _one_patient(labels: list[str], rows: list[tuple[int, str, list[tuple[int, int]]]]) -> bool:
    """No ID column holds two different values (the rows are one patient's)."""
    for i, label in enumerate(labels):
        if (
            _ID_HEADER.fullmatch(label.strip())
            and len({row[a:b].strip().lower() for _, row, cells in rows for a, b in cells[i : i + 1]}) > 1
        ):
            return False
    return True


def _therapy_row(
    row: str, cells: list[tuple[int, int]], roles: dict[str, int], labels: list[str]
) -> list[tuple[int, int, str]]:
    """The pieces, within ``row``, that write a table of therapies' row as its line (above)."""
    pieces = [(0, cells[0][0], "")]
    role_of = {i: role for role, i in roles.items()}
    prev = cells[0][1]
    written = bool(cells[0][1] > cells[0][0])
    for i, (a, b) in enumerate(cells[1:], start=1):
        if b == a or row[a:b].strip() in _NO_CELL or _ID_HEADER.fullmatch(labels[i].strip()):
            pieces.append((prev, b, ""))  # an empty cell (or a dash), or the patient's ID
            prev = b
            continue
        role = role_of.get(i)
        joint = {"start": " ", "end": " to ", "reason": ", stopped: ", "cycles": " "}.get(role or "", ", ")
        if role == "end" and "start" not in roles:
            joint = " until "
        pieces.append((prev, a, joint if written else ""))
        if role == "cycles" and row[a:b].strip().isdigit():
            pieces.append((b, b, " cycles"))
        prev, written = b, True
    pieces.append((prev, len(row), ""))
    return pieces


def tables(text: str, relative: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The pieces that rewrite ``text``'s delimited tables (the module's docstring); ``relative``: a relative's or a
    family history's word (relatives)."""
    lines = _lines(text)
    headed: set[int] = set()  # the lines of a table under a header: its header says what their cells are

    def table_at(lines: list[tuple[int, str]], k: int, pieces: list[_Piece], relative: re.Pattern[str]) -> int:
        j = _delimited_table(lines, k, pieces, relative)
        headed.update(range(k, j))
        return j

    return _tables_in(lines, relative, table_at) + _headless_dashes(lines, headed)


def _delimited_table(lines: list[tuple[int, str]], k: int, pieces: list[_Piece], relative: re.Pattern[str]) -> int:
    """The delimited table line k of ``lines`` heads, if any: its pieces added to ``pieces`` (tables); the line after
    it, or k."""
    start, line = lines[k]
    delimiter = _delimiter(line)
    if delimiter is None or k + 1 >= len(lines):
        return k
    # the header may follow a lead-in ending with a colon ("NGS columns: gene,variant,vaf")
    lead = line.rfind(":") + 1 if delimiter != "|" and ":" in line else 0
    head = _cells(line[lead:], delimiter)
    head = [(a + lead, b + lead) for a, b in head]
    if len(head) < 2 or not _header(line, head, delimiter):
        return k
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
    if relative.search(line) or any(relative.search(row) for _, row, _ in rows):
        return j  # a family history's table: the relatives' rows
    labels = [line[a:b] for a, b in head]
    if _GENE_HEADER.search(line):
        # (s17b) a variant table led by its gene column: its cells set apart as a pipe table's, each row its gene's
        if delimiter != "|" and _GENE_HEADER.fullmatch(labels[0].strip()):
            for row_start, _row, cells in [(start, line, head), *rows]:
                pieces += [(row_start + b, row_start + a, " | ") for (_, b), (a, _) in itertools.pairwise(cells)]
        # (s17b) a variant table's lone dash is a column's empty value (no VAF, no copy number), not an absence:
        # it states nothing ("ALK | EML4-ALK fusion | - | IA" is no negative ALK)
        pieces += [(s + a, s + b, "") for s, row, cells in rows for a, b in cells if row[a:b].strip() in _DASHES]
        return j
    names = [i for i, label in enumerate(labels) if _NAME_HEADER.fullmatch(label.strip())]
    values = [i for i, label in enumerate(labels) if _VALUE_HEADER.fullmatch(label.strip())]
    roles = _therapy_columns(labels)
    if roles is not None and rows and _one_patient(labels, rows):  # (s17b) a table of therapies: a line each
        pieces.append((start + head[0][0], start + len(line), ""))  # the header, read in each row
        for row_start, row, cells in rows:
            pieces += [(row_start + a, row_start + b, new) for a, b, new in _therapy_row(row, cells, roles, labels)]
    elif names and values and rows:  # a table of names and values: each row is "name: value"
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
    return j


def _headless_dashes(lines: list[tuple[int, str]], headed: set[int]) -> list[tuple[int, int, str]]:
    """(trust5) A pipe row under no header ("ALK | EML4-ALK fusion | -"): no column says what its lone dash cell is
    (a result not given, or none found: it was read as ALK negative), so the finding before it is not stated either
    way; the dash is read as "unknown" (hypothetical `uncertain_after`), and the finding is asked."""
    return [
        (start + a, start + b, "unknown")
        for k, (start, line) in enumerate(lines)
        if k not in headed and _delimiter(line) == "|"
        for a, b in _cells(line, "|")
        if line[a:b].strip() in _DASHES
    ]


# a drop-down's arrow after its selected value ("Goal: Comfort ▼"); an edited drop-down's earlier value, superseded by
# the one after the arrow ("Systemic ▼ -> changed to: Oligoprogression ▼")
_ARROW = "▼▾⏷"
_DROP_DOWN = compiled.kept(rf"[ \t]*[{_ARROW}]")
_EDITED = compiled.kept(
    rf"(?<=:)[ \t]*[^:\n{_ARROW}]{{1,40}}?[ \t]*[{_ARROW}][ \t]*(?:->|-->|→|=>)[ \t]*"
    r"(?:(?:changed|edited|corrected|updated|amended) to\b[ \t]*:?[ \t]*)?",
    re.IGNORECASE,
)
# a form's question with its answer right after its question mark ("Prior chemo? N. Prior IO? N."): only where the
# text holds two or more (a form's rows; one alone may be a question and a reply to a plan: "Chemo? No - not yet")
_ASKED_ANSWERED = compiled.kept(
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


# (s17b) a diagnosis code of ICD-10 (or ICD-10-CM) whose condition the knowledge base knows, written as the words the
# reader reads ("C79.31" is brain metastases): only codes whose meaning is that condition, certainly and whole; any
# other code ("C78.7", liver metastases: a site, read by no field; "O09.xx") is left as written, never guessed
_CODES = {
    r"C79\.31": "brain metastases",  # secondary malignant neoplasm of brain
    r"C79\.32": "leptomeningeal disease",  # secondary malignant neoplasm of cerebral meninges
    # interstitial pulmonary disease: with fibrosis, other specified, unspecified
    r"J84\.1\d{0,2}|J84\.8\d?|J84\.9": "interstitial lung disease",
    r"J70\.[234]": "drug-induced interstitial lung disease",  # acute, chronic or unspecified drug-induced ILD
    r"Z33\.1": "pregnant",  # pregnant state, incidental
}
_CODE = compiled.kept(
    r"(?<![\w.])(?:" + "|".join(f"(?P<c{k}>{code})" for k, code in enumerate(_CODES)) + r")(?![\w]|\.\w)"
)


def codes(text: str) -> list[tuple[int, int, str]]:
    """The pieces that write ``text``'s diagnosis codes of `_CODES` as their conditions' words."""
    words = list(_CODES.values())
    return [(m.start(), m.end(), words[int(m.lastgroup[1:])]) for m in _CODE.finditer(text) if m.lastgroup]


# (s17b) a line of therapy flattened into one row of a key and semicolon-separated cells, its therapy, its start and
# end, and why it ended ("LOT1=ALECTINIB;2021-09;2022-02;TOX:rash G3"): read as the line it is ("LOT1: ALECTINIB
# 2021-09 to 2022-02, stopped for toxicity: rash G3"); a line of empty cells ("LOT3=;;;") states nothing
_LINE_ROW = compiled.kept(
    r"^[ \t]*(?P<key>(?:lot|line|l)[ _#-]?\d{1,2})[ \t]*=[ \t]*(?P<cells>[^;\n]*(?:;[^;\n]*){1,6})[ \t\r]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_CELL = compiled.kept(r"(?:\d{1,4}[-/.]){0,2}\d{1,4}|present|ongoing|current|now", re.IGNORECASE)
_TOXIC_REASON = compiled.kept(
    r"[ \t]*(?:tox(?:icity)?|ae|adverse event|intol(?:erance|erant)?)(?![\w])[ \t]*:?[ \t]*", re.IGNORECASE
)
_PD_REASON = compiled.kept(r"(?:pd|progression|progressive disease)(?![\w])", re.IGNORECASE)


def therapy_lines(text: str) -> list[tuple[int, int, str]]:
    """The pieces that rewrite ``text``'s flattened lines of therapy (above)."""
    pieces = []
    for m in _LINE_ROW.finditer(text):
        at = m.start("cells")
        cells = []
        for cell in m.group("cells").split(";"):
            cells.append((at, at + len(cell)))
            at += len(cell) + 1
        if not any(text[a:b].strip() for a, b in cells):
            pieces.append((m.start(), m.end(), ""))  # a line of empty cells
            continue
        pieces.append((m.end("key"), m.start("cells"), ": "))
        dates = 0
        for k, (a, b) in enumerate(cells[1:], start=1):
            cell, last = text[a:b].strip(), k == len(cells) - 1
            if not cell:
                pieces.append((a - 1, b, ""))  # an empty cell, with its semicolon
            elif _DATE_CELL.fullmatch(cell):
                pieces.append((a - 1, a, " to " if dates else " "))
                dates += 1
            elif last and (tox := _TOXIC_REASON.match(text, a, b)):
                pieces.append((a - 1, tox.end(), ", stopped for toxicity" + (": " if tox.end() < b else "")))
            elif last and _PD_REASON.fullmatch(cell):
                pieces.append((a - 1, a, ", stopped: "))
            else:
                pieces.append((a - 1, a, ", "))
    return pieces


# (s17b) a whitespace-aligned table: its cells parted by runs of two or more spaces. With a header of labels naming a
# value's column ("Test   Result   Flag"), each row's cell in that column is read as the value of the cells before it,
# a later column's cell set apart by a comma ("ALK (D5F3) IHC   Positive   H" is "ALK (D5F3) IHC: Positive, H"); a
# grid of dated rows with no header ("11/28/2025  MRI brain   No metastases") reads each row's third cell as the value
# of its second ("11/28/2025  MRI brain: No metastases"). A row that names a relative is left as written; so is any
# other aligned table (which column says what is not the table's to tell).
_GAP = compiled.kept(r"[ ]{2,}")
_DATED = compiled.kept(r"[ \t]*\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?(?=[ ]{2})")


def _aligned_cells(line: str) -> list[tuple[int, int]]:
    cells, at = [], len(line) - len(line.lstrip(" \t"))
    for gap in _GAP.finditer(line, at):
        if gap.start() > at:
            cells.append((at, gap.start()))
        at = gap.end()
    if line[at:].strip():
        cells.append((at, len(line.rstrip())))
    return cells


def _in_columns(cells: list[tuple[int, int]], head: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An aligned row's cells set in its header's columns (a cell in the column whose start is the nearest at or before
    its own, two places' slack); a column with no cell is an empty cell at the end of the one before."""
    out: list[tuple[int, int]] = []
    for i, (start, _) in enumerate(head):
        end = head[i + 1][0] - 2 if i + 1 < len(head) else 1 << 30
        cell = next(((a, b) for a, b in cells if start - 2 <= a < end), None)
        at = out[-1][1] if out else 0
        out.append(cell if cell is not None and cell[0] >= at else (at, at))
    return out


def aligned(text: str, relative: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The pieces that read ``text``'s whitespace-aligned tables of values (above); ``relative``: a relative's or a
    family history's word (relatives)."""
    lines = _lines(text)
    pieces = _tables_in(lines, relative, _aligned_table)
    # a grid of dated rows: two or more rows of a date, a name and a value
    dated = [(s, line, cells) for s, line in lines if _DATED.match(line) and len(cells := _aligned_cells(line)) == 3]
    for s, line, cells in dated:
        if len(dated) < 2 or relative.search(line) or ":" in line[cells[1][0] : cells[2][0]]:
            continue
        pieces.append((s + cells[1][1], s + cells[2][0], ": "))
    return pieces


def _aligned_table(lines: list[tuple[int, str]], k: int, pieces: list[_Piece], relative: re.Pattern[str]) -> int:
    """The whitespace-aligned table line k of ``lines`` heads, if any: its pieces added to ``pieces`` (aligned); the
    line after it, or k."""
    line = lines[k][1]
    head = _aligned_cells(line)
    labels = [line[a:b] for a, b in head]
    value = next((i for i, label in enumerate(labels) if _VALUE_HEADER.fullmatch(label.strip())), None)
    roles = _therapy_columns(labels)
    if "\t" in line or len(head) < 2 or not (value or roles is not None) or not _header(line, head, " "):
        return k
    if roles is not None:  # a table of therapies, aligned: each row's cells in its header's columns
        j, rows = k + 1, []
        while j < len(lines) and len(_aligned_cells(lines[j][1])) >= 2 and "\t" not in lines[j][1]:
            rows.append((lines[j][0], lines[j][1], _in_columns(_aligned_cells(lines[j][1]), head)))
            j += 1
        if rows and not any(relative.search(row) for _, row, _ in rows) and _one_patient(labels, rows):
            pieces.append((lines[k][0] + head[0][0], lines[k][0] + len(line), ""))
            for row_start, row, cells in rows:
                pieces += [(row_start + a, row_start + b, w) for a, b, w in _therapy_row(row, cells, roles, labels)]
        return j
    if not value:
        return k
    column = head[value][0]
    j = k + 1
    while j < len(lines) and len(cells := _aligned_cells(lines[j][1])) >= 2 and "\t" not in lines[j][1]:
        row_start, row = lines[j]
        if not relative.search(row):
            # the row's cell that starts in the value's column (two places either side), after a cell of its own
            cell = next((c for c in cells[1:] if abs(c[0] - column) <= 2), None)
            if cell is not None and ":" not in row[: cell[0]]:
                gap = max(b for a, b in cells if b <= cell[0])
                pieces.append((row_start + gap, row_start + cell[0], ": "))
                # a later column's cell (a flag, a comment) is set apart from the value as a bracket would be
                later = [c for c in cells if c[0] > cell[0]]
                pieces += [
                    (row_start + b, row_start + a, ", ") for (_, b), (a, _) in itertools.pairwise([cell, *later])
                ]
        j += 1
    return j


# (s17b) a medication reconciliation's action heading a line, a drug stopped ("STOP: clarithromycin (course
# complete)", "Discontinued: ..."): read as the drug stopped ("Stopped clarithromycin ..."), not as a drug taken
_STOP_HEADING = compiled.kept(
    r"^[ \t]*(?:[-*•][ \t]*)?(?P<head>stop(?:ped)?|discontinue[sd]?|d/c'?d?|ceased?|cease)[ \t]*:[ \t]*(?=[A-Za-z])"
    # (not a form's field of whether or why: "Discontinued: yes", "Stopped: PD", "Stopped: toxicity")
    r"(?!(?:yes|no|y|n|pd|progression|progressive|toxicity|tox|intolerance|n/?a|unknown|date|reason|due)(?![\w]))",
    re.IGNORECASE | re.MULTILINE,
)
# (s17b) an order line whose status is still to come ("Order: lorlatinib 100 mg daily - Status: Pending", "New Rx
# pending prior auth: LORBRENA", "lorlatinib | status: ordered"): a plan, not a therapy given; its label (or the
# item's start) is read as "Plan:". An order's status words are the phrase file's (ORDERSTATUS)
_PENDING = (
    rf"(?:pending|{vocabulary.define('ORDERSTATUS')}|scheduled|awaiting|awaited"
    r"|not yet (?:started|given|dispensed|approved))"
)
_ORDER_LABEL = compiled.kept(
    r"^[ \t]*(?:[-*•][ \t]*)?(?P<label>[^:\n]{0,40}?(?<![\w-])(?:orders?|rx|prescription|script)(?![\w-])"
    r"[^:\n]{0,40}?):[ \t]*(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)
_ORDER_STATUS = compiled.kept(rf"(?<![\w-])status[ \t]*[:=][ \t]*{_PENDING}(?![\w-])", re.IGNORECASE)
_LABEL_PENDING = compiled.kept(rf"(?<![\w-]){_PENDING}(?![\w-])|prior auth", re.IGNORECASE)
# an item's own status still to come with no order label ("lorlatinib | status: on order", "Lorlatinib 100 mg daily.
# Status: ordered"): the status opens a field of the item's line, not another thing's ("Biopsy status: pending")
_ITEM_STATUS = compiled.kept(
    rf"(?:^|(?<=[|;,.])|(?<=[ \t][-–]))[ \t]*status[ \t]*[:=][ \t]*{_PENDING}(?![\w-])", re.IGNORECASE | re.MULTILINE
)
_ITEM_BOUNDARY = compiled.kept(r"[.;][ \t]+")


def orders(text: str) -> list[tuple[int, int, str]]:
    """The pieces that read ``text``'s stopped drugs of a medication reconciliation and its orders still to come as
    what they say (above)."""
    pieces = [(m.start("head"), m.end(), "Stopped ") for m in _STOP_HEADING.finditer(text)]
    for m in _ORDER_LABEL.finditer(text):
        line_end = text.find("\n", m.end())
        rest = text[m.end() : len(text) if line_end < 0 else line_end]
        if _LABEL_PENDING.search(m.group("label")) or _ORDER_STATUS.search(rest):
            pieces.append((m.start("label"), m.end(), "Plan: "))
    labelled = {text.rfind("\n", 0, p[0]) for p in pieces}
    for m in _ITEM_STATUS.finditer(text):
        line = text.rfind("\n", 0, m.start())
        if line in labelled:
            continue
        before = text[line + 1 : m.start()].rstrip()
        if not before:
            continue  # a status line of its own: its block's (an order entry's lines are read as they come)
        if before.endswith((".", ";")):  # the status opens its sentence: it is the sentence before's
            before = before[:-1]
        starts = [b.end() for b in _ITEM_BOUNDARY.finditer(before)]
        at = line + 1 + (starts[-1] if starts else 0)
        pieces.append((at, at, "Plan: "))
    return pieces
