"""Hostile record shapes of issue 20, for the bench (``./dev.sh bench --hostile``) and the tests.

Every shape is a synthetic practice (it says so in its title and body, points at example.org) written only
into scratch folders: never published. ``VALID`` is a valid practice; the functions change one thing in it.
"""

from __future__ import annotations

VALID = """\
---
id: sentetik-kayit
title: Sentetik Danışma Merkezi
summary: >-
  Testler ve ölçümler için yazılmış sentetik bir kayıt. Gerçek bir belediyeyi anlatmaz ve yayımlanmaz.
implementers:
  - name: Sentetik Belediyesi
    kind: district-municipality
province: istanbul
district: Şişli
scale: district
start_date: 2019-05
status: ongoing
practice_type: service
themes: [social-cohesion]
target_groups: [temporary-protection]
sdgs: [10]
objectives:
  - Göçmenlere danışmanlık sunmak.
activities:
  - Haftalık danışma günleri.
sources:
  - title: Sentetik kaynak
    url: https://example.org/sentetik
    kind: web
verification: mpc-reviewed
last_reviewed: 2026-01-15
---

Bu sentetik kayıt ölçümler için yazıldı.
"""
BODY = "Bu sentetik kayıt ölçümler için yazıldı.\n"

# Escapes that YAML turns into characters no page may hold (issue 20: about 17 free-text fields let them in)
ESCAPES = {
    "NUL": "\\0",
    "ESC": "\\e",
    "form feed": "\\f",
    "RLO": "\\u202E",
    "LRI": "\\u2066",
    "line separator": "\\u2028",
    "paragraph separator": "\\u2029",
    "noncharacter": "\\uFFFE",
    "C1": "\\x85",
    "DEL": "\\x7F",
}

# Bodies that were slow to render (issue 20: 50 KB of '##' lines took 62.6 s), each just under the body's limit
SLOW_BODIES = {
    "##": "##\n",
    "## a": "##a\n",
    "-": "-\n",
    "--": "--\n",
    "---": "---\n",
    "## blank": "##\n\n",
    "setext": "a\n-\n\n",
}

# The slowest bodies the source limits accept, each near a limit: what the budget must hold with room
ACCEPTED_NEAR_LIMITS = {
    "lists of 200 items without a blank line": ("- a\n" * 200 + "\n") * 60,
    "200-line blocks of '>'": (">\n" * 200 + "\n") * 80,
    "100 headings": "## Bölüm\n\nMetin.\n\n" * 100,
    "16,000 empty list items": "-\n\n" * 16_000,
    "tables of 190 rows": ("|a|b|\n|-|-|\n" + "|x|y|\n" * 190 + "\n") * 40,
    "admonitions": "!!! note\n\n" * 4_000,
    "prose": ("Bu paragraf ölçüm için yazılmış sentetik bir metindir. " * 30 + "\n\n") * 28,
}


def practice(old: str, new: str, text: str = VALID) -> str:
    """``VALID`` with ``old`` replaced by ``new`` once (``old`` must be in it)."""
    assert old in text, old
    return text.replace(old, new, 1)


def with_body(body: str) -> str:
    return practice(BODY, body)


def slow_body(unit: str, characters: int = 49_000) -> str:
    return (unit * (characters // len(unit) + 1))[: characters - 1] + "\n"


def _times(unit: str, size: int) -> int:
    return size // len(unit.encode("utf-8"))


def megabyte_records() -> dict[str, str]:
    """Records of up to 1 MB (the largest file the check reads), each of a shape that was slow or is large."""
    size = 990_000
    name = "Göç İdaresi Başkanlığı'nın "
    style = "işbirliği İstanbulda "
    largest = 195_000  # characters: about the largest front matter YAML reads (limits.MAX_FRONT_MATTER_CHARACTERS)
    return {
        "195 KB context repeating an institution's name (the largest front matter read)": practice(
            "objectives:", f"context: {name * (largest // len(name))}\nobjectives:"
        ),
        "999 KB context repeating an institution's name": practice(
            "objectives:", f"context: {name * _times(name, size)}\nobjectives:"
        ),
        "1 MB of quoted escapes": practice(
            "title: Sentetik Danışma Merkezi", 'title: "' + "\\u202E" * _times("\\u202E", size) + '"'
        ),
        "40,000 objectives": practice(
            "objectives:\n  - Göçmenlere danışmanlık sunmak.",
            "objectives:\n" + "  - Sentetik amaç.\n" * _times("  - Sentetik amaç.\n", size),
        ),
        "1 MB body": VALID + "Uzun sentetik metin. " * _times("Uzun sentetik metin. ", size),
        "1 MB of style findings": practice("objectives:", f"context: {style * _times(style, size)}\nobjectives:"),
        "60,000 unknown fields": practice(
            "verification: mpc-reviewed",
            "".join(f"k{i:06d}: 1\n" for i in range(60_000)) + "verification: mpc-reviewed",
        ),
        "30,000 small mappings": practice(
            "verification: mpc-reviewed",
            "x:\n" + "".join(f"  - {{a: {i}, b: [1, 2, 3]}}\n" for i in range(30_000)) + "verification: mpc-reviewed",
        ),
        "4,900 unknown fields (under the front matter's bounds)": practice(
            "verification: mpc-reviewed", "".join(f"k{i:06d}: 1\n" for i in range(4_900)) + "verification: mpc-reviewed"
        ),
    }
