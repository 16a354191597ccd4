"""Turkish-aware text helpers: ASCII folding for slugs and search, and Turkish alphabetical order.

Written here rather than taken from a library because three features need the *same* folding (file
slugs, search normalisation, sort keys) and the Turkish rules are a dozen characters; python-slugify and
unidecode each cover only one of these uses and fold ``ı`` differently across versions.
"""

from __future__ import annotations

import re
import unicodedata

# The one folding table: the browser's copy (mpc-text.js) is generated from it by mpchub.search.assets.
TURKISH_ASCII = {
    "ı": "i", "İ": "i", "I": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g",
    "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u",
}  # fmt: skip
_TURKISH_ASCII = str.maketrans(TURKISH_ASCII)

_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules: I → ı and İ → i (Python's str.lower gives i and i̇)."""
    return text.translate(_TURKISH_LOWER).lower()


def fold(text: str) -> str:
    """Lower-case ASCII approximation: 'İstanbul'da Işık' → "istanbul'da isik"."""
    text = text.translate(_TURKISH_ASCII).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII kebab-case slug from a Turkish title: 'Şişli Açık Ev' → 'sisli-acik-ev'."""
    ascii_text = fold(text.replace("'", "").replace("’", "")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


# Turkish alphabet: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z
_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {ch: index for index, ch in enumerate(_ALPHABET)}


def turkish_sort_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for Turkish alphabetical order (C < Ç < D, G < Ğ, I < İ, O < Ö, S < Ş, U < Ü).

    Letters outside the Turkish alphabet sort after their base letter; digits and punctuation first.
    """
    key = []
    for ch in turkish_lower(text):
        if ch in _RANK:
            key.append((1, _RANK[ch]))
        elif ch.isalpha():
            base = fold(ch)[:1]
            key.append((1, _RANK.get(base, len(_ALPHABET)) + 0.5))  # type: ignore[arg-type]
        elif ch.isdigit():
            key.append((0, ch))
        # spaces and punctuation are ignored, as dictionaries do
    return tuple(key)


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading anchors for Markdown's toc extension: 'Işık Çağrı' → 'isik-cagri'.

    The default toc slugify drops dotless ı ('Işık' → 'isk'); this one folds Turkish letters first.
    """
    return slugify(value, max_length=120).replace("-", separator)
