"""The Turkish folding table is written once (mpchub.content.text.TURKISH_ASCII) and reaches the browser only as
the generated mpc-text.js: no script, template or module of the repository writes a table of its own."""

from __future__ import annotations

import re
from pathlib import Path

from mpchub.content.text import TURKISH_ASCII
from mpchub.search.assets import text_module

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("scripts", "docs", "overrides")
SUFFIXES = {".py", ".js", ".html", ".j2"}
THE_TABLE = REPO / "scripts" / "mpchub" / "content" / "text.py"
# A mapping entry for the dotless ı ('"ı": "i"', "ı: 'i'") or a character class with ı and ş in it.
TABLE_ENTRY = re.compile(r"""["']?ı["']?\s*:\s*["']i["']|\[[^\]\n]*ı[^\]\n]*ş[^\]\n]*\]""")


def sources() -> list[Path]:
    return sorted(
        path
        for folder in SOURCES
        for path in (REPO / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts
    )


def test_the_folding_table_is_written_once() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sources()
        if path != THE_TABLE
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TABLE_ENTRY.search(line)
    ]
    assert not found, "a second Turkish folding table (use mpchub.content.text / window.mpcText.fold):\n" + "\n".join(
        found
    )
    assert TABLE_ENTRY.search(THE_TABLE.read_text(encoding="utf-8")), "the pattern no longer sees the table itself"


def test_the_browser_gets_the_table_from_python() -> None:
    module = text_module()
    assert all(f'"{letter}": "{plain}"' in module for letter, plain in TURKISH_ASCII.items())
