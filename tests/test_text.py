"""Turkish folding and alphabetical order."""

from __future__ import annotations

from mpchub.content.text import fold, turkish_lower, turkish_sort_key


def test_turkish_lower_keeps_dotted_and_dotless_i_apart() -> None:
    assert turkish_lower("IŞIK İSTANBUL") == "ışık istanbul"


def test_fold_makes_every_spelling_meet() -> None:
    for group in (
        ["İstanbul", "istanbul", "ISTANBUL", "İSTANBUL"],
        ["göçmen", "gocmen", "GÖÇMEN"],
        ["Işık", "ışık", "isik", "IŞIK"],
        ["Çağrı", "cagri"],
    ):
        assert len({fold(word) for word in group}) == 1, group


def test_turkish_alphabetical_order() -> None:
    words = [
        "Zeytinburnu",
        "Çatalca",
        "Ümraniye",
        "Ulus",
        "Şişli",
        "Sultanbeyli",
        "Ortaköy",
        "Ödemiş",
        "İzmit",
        "Ilgaz",
        "Ğ-test",
        "Gebze",
        "Cide",
        "Dikili",
        "Avcılar",
        "Iğdır",
    ]
    ordered = sorted(words, key=turkish_sort_key)
    assert ordered == [
        "Avcılar",
        "Cide",
        "Çatalca",
        "Dikili",
        "Gebze",
        "Ğ-test",
        "Iğdır",
        "Ilgaz",
        "İzmit",
        "Ortaköy",
        "Ödemiş",
        "Sultanbeyli",
        "Şişli",
        "Ulus",
        "Ümraniye",
        "Zeytinburnu",
    ]
