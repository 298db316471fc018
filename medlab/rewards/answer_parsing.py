"""Find the final multiple-choice answer letter in a generated completion.

`extract_choice` is deliberately conservative: a reward computed from it must never pay for a
letter the model did not commit to, so every doubtful case (hedging between letters, a
negation, an unfinished <think> block, a letter that is really a word) returns None, which the
correctness reward scores as wrong.

Where it looks
    Only the text after the LAST ``</think>``. A ``<think>`` that is never closed (anywhere, or
    after the last ``</think>``) means the reasoning never finished: None. A ``</think>`` with
    no opening tag is fine (chat templates that pre-fill ``<think>`` in the prompt). Markdown
    emphasis and code marks (``*``, ``__``, backticks) are dropped first, so ``**C**`` and
    ``**Answer:** C`` read as ``C`` and ``Answer: C``.

Precedence
    1. Explicit answer statements, read in order; the LAST one decides:
         ``Answer: C``, ``Final answer: (C)``, ``the answer is C``, ``The correct answer is
         option C``, ``The best choice is B``, ``Option C is correct``, ``(C) is the right
         answer``, ``C is the correct answer`` (letter at a line / sentence start),
         ``\\boxed{C}``. Keywords are case-insensitive.
         - several letters in one statement (``A or B``, ``A/B``, ``A, C``, ``both A and C``)
           -> None (hedging must never pay), unless a later statement settles it;
         - a letter outside `letters` (``Answer: E`` with ``ABCD``) -> None, same rule;
         - a negated statement (``the answer is not C``, ``Option C is wrong``) retracts the
           current answer only if it names that same letter; ``Answer: B. Option C is wrong``
           stays B, ``The answer is C ... the answer is not C`` is None. ``The answer is B,
           not C`` is B, and so are ``The answer is not C, it is B`` / ``... not C but B``.
         - a list separated by commas is a list: ``Answer: C, A is wrong`` is None (rare,
           and the safe side of the hedging rule).
    2. Only when no positive statement exists: a bare letter that ends the text, either the
       whole last non-empty line (``C``, ``C.``, ``C)``, ``(C)``, ``**C**``, ``Option C``) or a
       bracketed final token (``... so I pick (C).``). Uppercase only, not preceded by
       ``not``, and not a letter a negated statement ruled out.
    3. Otherwise None.

What counts as a letter
    A single letter standing alone (not inside a word, not ``B12``, ``X-linked``, ``e.g.``).
    Uppercase is the normal case. Lowercase is accepted only inside an explicit statement and
    only when bracketed (``(c)``) or followed by nothing but punctuation / end of line
    (``answer: c``), so the article in ``the answer is a deficiency`` is never read as A.
    An uppercase letter followed by a lowercase word is a word, not a choice (``B cells``,
    ``A deficiency``, ``I think``), unless that word is a connective such as ``because``,
    ``since``, ``as``, ``which``, ``or``, ``and`` (``the answer is C because ...``).
    Consequence: ``Answer: C vitamin C`` is not read (``Answer: C. Vitamin C`` and
    ``Answer: C Vitamin C`` are).
"""

from __future__ import annotations

import re

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"

_MARKDOWN = re.compile(r"\*+|__|`+")

# An answer statement up to the point where its letter(s) should start.
_STATEMENT = re.compile(
    r"""
    (?:
        \b(?:(?:final|correct|right|best|true)\s+)?answer\b
        | \b(?:final|correct|right|best)\s+(?:option|choice)\b
    )
    (?:\s+(?:to|for)\s+(?:this|the)\s+(?:question|problem|case))?
    \s*
    (?P<conn>
        (?:is|was|would\s+be|should\s+be|must\s+be|will\s+be|seems\s+to\s+be)\b(?:[ \t]*:)?
        | isn['’]t\b
        | [:=\-–—]
    )?
    [ \t]*(?:\n[ \t]*)?
    (?:(?:therefore|thus|hence|so|probably|likely|most\s+likely|definitely|clearly|indeed
        |either|both)\s+)?
    (?P<neg>(?:not|never)\b\s*)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

# "Option C is correct", "(C) is not the answer", "C is the correct answer" (line/sentence start).
_REVERSE = re.compile(
    r"""
    (?:
        \b(?:option|choice)\s+[(\[]?(?P<l1>[A-Za-z])[)\]]?
        | [(\[](?P<l2>[A-Za-z])[)\]]
        | (?:^|(?<=[.!?]\ ))[ \t]*(?P<l3>[A-Z])
    )
    \s+(?:is|was)(?P<neg1>n['’]t|\s+not)?\s+
    (?:(?:the|a)\s+)?(?:most\s+)?
    (?:(?P<pos>correct|right|best|answer)|(?P<neg2>incorrect|wrong|false))\b
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)

_BOXED = re.compile(
    r"\\boxed\{\s*(?:\\text(?:bf)?\{\s*)?[(\[]?\s*(?P<l>[A-Za-z])\s*[)\]]?\s*\}?\s*\}"
)

# One letter candidate, optionally prefixed ("option C") and bracketed ("(C)").
_LETTER = re.compile(
    r"""
    [ \t]*(?:(?:option|choice|letter)\b[ \t]*)?
    (?P<open>[(\[])?[ \t]*
    (?P<l>[A-Za-z])
    [ \t]*(?P<close>[)\]])?
    (?![A-Za-z0-9_'’]|-\w|\.\w)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "... not C, but B" / "... not C; it is B": a positive answer right after a negated one.
_CORRECTION = re.compile(
    r"[ \t]*[,;]?[ \t]*(?:but[ \t]+(?:rather[ \t]+)?|rather[ \t]+|instead[ \t]+)?"
    r"(?:it(?:['’]s|[ \t]+is)[ \t]+)?",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"[ \t]*(?:,|/|&|\bor\b|\band\b)[ \t]*(?:(?:or|and)\b)?", re.IGNORECASE)
_FOLLOWING_WORD = re.compile(r"[ \t]+([a-z]+)")
_LOWERCASE_END = re.compile(r"[ \t]*(?:$|\n|[.,;:!?)\]])")
# Lowercase words that may follow a choice letter ("the answer is C because ...").
_CONNECTIVES = frozenset(
    {"because", "since", "as", "which", "and", "or", "is", "was", "given", "due", "here"}
    | {"then", "so", "for", "with", "but", "not"}
)

_BARE_LINE = re.compile(r"^(?:(?i:option|choice)\s+)?[(\[]?(?P<l>[A-Z])[)\]]?[.:)]?$")
_BARE_FINAL = re.compile(r"(?P<neg>\bnot\s*|n['’]t\s*)?[(\[](?P<l>[A-Z])[)\]][.!]?\s*$")


def final_part(completion: str) -> str | None:
    """The text after the last ``</think>`` (all of it when there is no think markup).

    None when a ``<think>`` is left open: the reasoning never finished.
    """
    tail = completion.rsplit(THINK_CLOSE, 1)[-1]
    return None if THINK_OPEN in tail else tail


def think_reasoning(completion: str) -> str | None:
    """The reasoning of a closed think block, stripped: from the first ``<think>`` (or the start)
    to the last ``</think>``, inner tags turned into newlines.

    None when there is no ``</think>`` or a ``<think>`` is left open after it. A missing
    ``<think>`` is accepted (templates that pre-fill it in the prompt).
    """
    if THINK_CLOSE not in completion or final_part(completion) is None:
        return None
    head = completion.rsplit(THINK_CLOSE, 1)[0]
    if THINK_OPEN in head:
        head = head.split(THINK_OPEN, 1)[1]
    return head.replace(THINK_OPEN, "\n").replace(THINK_CLOSE, "\n").strip()


def _read_letter(text: str, pos: int) -> tuple[str, int] | None:
    """One valid letter starting at `pos`, and where it ends; None if there is none."""
    m = _LETTER.match(text, pos)
    if m is None:
        return None
    letter, end = m.group("l"), m.end()
    bracketed = bool(m.group("open") or m.group("close"))
    if letter.islower():
        if not (bracketed or _LOWERCASE_END.match(text, end)):
            return None
    elif not bracketed:
        word = _FOLLOWING_WORD.match(text, end)
        if word is not None and word.group(1) not in _CONNECTIVES:
            return None  # "B cells", "A deficiency", "I think"
    return letter.upper(), end


def _read_letters(text: str, pos: int) -> tuple[list[str], int]:
    """The letters of a statement (``C``, ``(C)``, ``A or B``, ``A, B and C``) and their end."""
    first = _read_letter(text, pos)
    if first is None:
        return [], pos
    letters, end = [first[0]], first[1]
    while (sep := _SEPARATOR.match(text, end)) is not None:
        nxt = _read_letter(text, sep.end())
        if nxt is None:
            break
        letters.append(nxt[0])
        end = nxt[1]
    return letters, end


def _statements(text: str) -> list[tuple[int, bool, list[str]]]:
    """(position, negated, letters) of every answer statement, in text order."""
    found: list[tuple[int, bool, list[str]]] = []
    for m in _STATEMENT.finditer(text):
        conn = (m.group("conn") or "").lower()
        negated = bool(m.group("neg")) or "n't" in conn or "n’t" in conn
        letters, end = _read_letters(text, m.end())
        if not letters:
            continue
        found.append((m.start(), negated, letters))
        correction = _CORRECTION.match(text, end)
        if negated and correction is not None and correction.end() > end:
            corrected, _ = _read_letters(text, correction.end())
            if corrected:
                found.append((end, False, corrected))
    for m in _REVERSE.finditer(text):
        letter = m.group("l1") or m.group("l2") or m.group("l3")
        if letter.islower() and not m.group("l2"):
            continue  # "option c is ..." only when bracketed, like the forward form
        negated = bool(m.group("neg1")) != bool(m.group("neg2"))  # "is not wrong" is positive
        found.append((m.start(), negated, [letter.upper()]))
    for m in _BOXED.finditer(text):
        found.append((m.start(), False, [m.group("l").upper()]))
    found.sort(key=lambda s: s[0])
    return found


def _bare_letter(text: str) -> str | None:
    """Tier 2: a letter alone on the last non-empty line, or a bracketed final token."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return None
    m = _BARE_LINE.match(lines[-1])
    if m is not None:
        return m.group("l")
    m2 = _BARE_FINAL.search(lines[-1])
    if m2 is not None and not m2.group("neg"):
        return m2.group("l")
    return None


def extract_choice(completion: str, letters: str = "ABCD") -> str | None:
    """The final answer letter of `completion`, or None; see the module docstring for rules.

    `letters` is the allowed set (uppercase, e.g. ``"ABCDEFGHIJ"`` for MMLU-Pro); any letter
    found outside it gives None rather than a fallback to an earlier answer.
    """
    if not completion:
        return None
    tail = final_part(completion)
    if tail is None:
        return None
    text = _MARKDOWN.sub("", tail)
    allowed = letters.upper()

    answer: str | None = None
    has_positive = False
    ruled_out: set[str] = set()
    for _, negated, found in _statements(text):
        if negated:
            ruled_out.update(found)
            if answer is not None and answer in found:
                answer = None
            continue
        has_positive = True
        distinct = set(found)
        answer = found[0] if len(distinct) == 1 and found[0] in allowed else None
        ruled_out -= distinct
    if has_positive:
        return answer

    bare = _bare_letter(text)
    if bare is None or bare not in allowed or bare in ruled_out:
        return None
    return bare
