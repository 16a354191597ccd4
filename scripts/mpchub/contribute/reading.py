"""Reading a proposal's text: an issue body as GitHub writes it, or the same text received by e-mail.

GitHub writes an issue made from a form as Markdown: one ``### Label`` heading per question, a blank line,
then the answer, ``_No response_`` for an empty one, ``- [X]``/``- [ ]`` lines for checkboxes and ``A, B``
for a multiple dropdown. The Contribute page's form composes the same text and hands it to the visitor's
e-mail program, so a maintainer saves the e-mail's text to a file and reads it the same way. E-mail adds
what an issue never has: Windows line endings, lines that plain-text mail wraps, non-breaking spaces and
a signature below the text; those are undone here, and nothing else is changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^###[ \t\u00a0]+(.*?)[ \t\u00a0]*#*[ \t\u00a0]*$")
# "-- " alone on a line starts an e-mail signature (RFC 3676 §4.3); some programs drop its space.
SIGNATURE = re.compile(r"^--[ \t]?$")
SHOWN_LENGTH = 80
# Line separators YAML and str.splitlines() read as new lines; everything else a text file should not hold.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"})


def clean(text: str) -> str:
    """The text with Windows line endings made plain and unprintable characters removed.

    Control characters (other than newline and tab), lone surrogates and non-characters cannot be
    stored in a YAML file or shown on a page; an issue body may hold them when it comes from the API.
    Invisible format characters (bidi controls) are left for the checker, which names them.
    """
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs", "Co") and ch not in "\ufffe\uffff")
    )


def shown(value: str) -> str:
    """A contributor's value quoted in a message: one line, at most 80 characters."""
    one_line = " ".join(value.split())
    return repr(one_line if len(one_line) <= SHOWN_LENGTH else one_line[: SHOWN_LENGTH - 1] + "…")


@dataclass
class Section:
    heading: str
    answer: str | None  # None for "_No response_" or nothing at all
    line: int


def split_sections(body: str) -> tuple[str, list[Section]]:
    """The text before the first ``###`` heading, and every heading with the answer below it.

    A signature after the last heading (an e-mail's ``-- `` line and what follows) is not part of the answer.
    """
    preamble: list[str] = []
    sections: list[Section] = []
    lines: list[str] = []
    for number, line in enumerate(body.split("\n"), start=1):
        match = HEADING.match(line)
        if match:
            if sections:
                sections[-1].answer = _answer(lines)
            else:
                preamble = lines
            sections.append(Section(match.group(1).strip(), None, number))
            lines = []
        else:
            lines.append(line)
    if sections:
        signature = next((i for i, line in enumerate(lines) if SIGNATURE.match(line)), None)
        sections[-1].answer = _answer(lines if signature is None else lines[:signature])
    else:
        preamble = lines
    return "\n".join(preamble).strip(), sections


def _answer(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip("\n")
    if not text.strip() or text.strip() == NO_RESPONSE:
        return None
    return text


CHECKBOX = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*$")


def checkbox_lines(answer: str | None) -> list[tuple[bool, str]]:
    """(ticked, text) of each ``- [X] text`` line; a line that plain-text mail wrapped is joined back on."""
    found: list[tuple[bool, str]] = []
    continues = False  # the line before was a checkbox line or its continuation (no blank line between)
    for line in (answer or "").split("\n"):
        match = CHECKBOX.match(line.strip())
        if match:
            found.append((match.group(1) in "xX", match.group(2)))
            continues = True
        elif continues and line.strip():
            ticked, text = found[-1]
            found[-1] = (ticked, f"{text} {line.strip()}")
        else:
            continues = False
    return [(ticked, " ".join(text.split())) for ticked, text in found]
