"""Style warnings: one positive and one negative case per rule, then the record-level wiring.

The rules are warnings, never errors: the last tests check that a record full of style problems still
passes `mpchub check`'s schema and that every problem has severity "warning", a rule id, a line and a field.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO, VALID_PRACTICE, Hub
from mpchub.content.records import RecordFile, read_record
from mpchub.content.style import COMMON_WORD_PROVINCES, PLACE_NAMES, dated_after_2021, style_problems, text_findings


def rules(text: str, after_2021: bool = False) -> list[str]:
    return [finding.rule.name for finding in text_findings(text, after_2021)]


# --- tdk-is-birligi -------------------------------------------------------------------------------


def test_isbirligi_is_flagged_in_every_form() -> None:
    assert rules("Belediye ile işbirliği yapıldı.") == ["tdk-is-birligi"]
    assert rules("İşbirliği Protokolü") == ["tdk-is-birligi"]
    assert rules("kurumlarla işbirliğiyle yürütüldü") == ["tdk-is-birligi"]


def test_is_birligi_and_owners_proper_names_pass() -> None:
    assert rules("Belediye ile iş birliği yapıldı; iş birliğiyle yürütüldü.") == []
    assert rules("Türk İşbirliği ve Koordinasyon Ajansı destek verdi.") == []
    assert rules("İslam İşbirliği Teşkilatı üyeleri") == []


# --- apostrophe-institution ---------------------------------------------------------------------


def test_apostrophe_after_an_institution_name_is_flagged() -> None:
    found = text_findings("Nilüfer Belediyesi'nin müzesi ve Göç İdaresi'nin belgesi")
    assert [f.rule.name for f in found] == ["apostrophe-institution", "apostrophe-institution"]
    assert [f.found for f in found] == ["Belediyesi'nin", "İdaresi'nin"]


def test_institution_name_without_apostrophe_passes() -> None:
    assert rules("Nilüfer Belediyesinin müzesi, Göç İdaresi Başkanlığına bağlı") == []


# --- apostrophe-place-name ----------------------------------------------------------------------


def test_suffix_after_a_place_name_without_apostrophe_is_flagged() -> None:
    found = text_findings("Kurslar Bursada ve İstanbuldaki merkezde yapıldı.")
    assert [f.rule.name for f in found] == ["apostrophe-place-name", "apostrophe-place-name"]
    assert "Bursa'da" in found[0].advice
    assert "İstanbul'daki" in found[1].advice


def test_place_name_with_apostrophe_derivation_and_common_words_pass() -> None:
    assert rules("Kurslar Bursa'da ve İstanbul'daki merkezde yapıldı.") == []
    assert rules("İstanbullu gençler Bursalı ailelerle buluştu.") == []  # derivational suffixes
    assert rules("Orduya ve Vana gelince") == []  # provinces that are also common words
    assert rules("Kilise onarıldı.") == []


def test_place_names_cover_every_province_in_the_vocabulary() -> None:
    vocabulary = yaml.safe_load((REPO / "vocabularies" / "provinces.yml").read_text(encoding="utf-8"))
    assert {term["tr"] for term in vocabulary["terms"]} <= PLACE_NAMES | COMMON_WORD_PROVINCES


# --- tdk-circumflex -----------------------------------------------------------------------------


def test_hal_and_merkezi_yonetim_without_circumflex_are_flagged() -> None:
    assert rules("planlı hale getirmek") == ["tdk-circumflex"]
    assert rules("dosyalar halinde tutulur") == ["tdk-circumflex"]
    assert rules("Merkezi yönetim ile belediyeler") == ["tdk-circumflex"]


def test_circumflex_forms_and_other_meanings_pass() -> None:
    assert rules("planlı hâle getirmek, dosyalar hâlinde, merkezî yönetim") == []
    assert rules("Toplum Merkezi yöneticileri") == []  # 'merkezi' as 'its centre'


# --- institution-after-2021 ---------------------------------------------------------------------


def test_old_name_of_the_migration_authority_is_flagged_only_after_the_renaming() -> None:
    text = "Göç İdaresi Genel Müdürlüğü verileri kullanıldı."
    assert rules(text, after_2021=True) == ["institution-after-2021"]
    assert rules(text, after_2021=False) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"start_date": "2021-11"}, True),
        ({"start_date": "2021-10-29"}, True),
        ({"start_date": "2021-10-28"}, False),
        ({"start_date": "2021"}, False),  # a bare year may fall before 29 October
        ({"year": 2022}, True),
        ({"date": "2019-03"}, False),
        ({}, False),
    ],
)
def test_record_date_decides_whether_the_renaming_applies(data: dict[str, object], expected: bool) -> None:
    assert dated_after_2021(data) is expected


# --- code spans are quotations ------------------------------------------------------------------


def test_code_spans_are_not_prose() -> None:
    assert rules("Dosyada `işbirliği: evet` yazıyor.") == []


# --- record level -------------------------------------------------------------------------------


def _record(hub: Hub, text: str, name: str = "ornek-uygulama.md") -> RecordFile:
    path = hub.write(f"practices/{name}", text)
    return read_record(hub.project, hub.project.registry.collection("practice"), path)


def test_record_warnings_name_line_field_rule_and_correct_form(hub: Hub) -> None:
    text = VALID_PRACTICE.replace(
        "  - Haftalık danışma günleri.", "  - Belediye ile işbirliği içinde haftalık danışma günleri."
    ).replace("Bu kayıt testler için yazıldı.", "Bu kayıt testler için yazıldı.\n\nKurslar Bursada yapıldı.")
    problems = style_problems(_record(hub, text))
    assert [(p.rule, p.field, p.severity) for p in problems] == [
        ("tdk-is-birligi", "activities[0]", "warning"),
        ("apostrophe-place-name", "", "warning"),
    ]
    lines = text.splitlines()
    activity, body = problems
    assert "işbirliği" in lines[activity.line - 1]
    assert lines[body.line - 1] == "Kurslar Bursada yapıldı."
    assert "'iş birliği'" in activity.message
    assert "Bursa'da" in body.message
    assert all(p.path == "practices/ornek-uygulama.md" for p in problems)


def test_source_titles_and_organisation_names_are_left_as_written(hub: Hub) -> None:
    text = VALID_PRACTICE.replace("title: Örnek kaynak", "title: Belediye işbirliği haberi").replace(
        "  - name: Örnek Belediyesi", "  - name: Örnek İşbirliği Derneği"
    )
    assert style_problems(_record(hub, text)) == []


def test_old_migration_authority_name_is_flagged_in_a_record_dated_after_2021(hub: Hub) -> None:
    body = "\n\nVeriler Göç İdaresi Genel Müdürlüğü kaynaklıdır.\n"
    before = VALID_PRACTICE.rstrip("\n") + body
    after = before.replace("start_date: 2019-05", "start_date: 2022-03").replace("end_date: 2021\n", "")
    assert style_problems(_record(hub, before)) == []
    assert [p.rule for p in style_problems(_record(hub, after))] == ["institution-after-2021"]


def test_english_twins_are_not_checked(hub: Hub) -> None:
    hub.write("practices/ornek-uygulama.md", VALID_PRACTICE)
    path = hub.write(
        "practices/ornek-uygulama.en.md",
        "---\ntitle: Example\nsummary: Bursada işbirliği.\n---\n\nText.\n",
    )
    assert style_problems(read_record(hub.project, hub.project.registry.collection("practice"), path)) == []


def test_style_problems_never_make_a_record_invalid(hub: Hub) -> None:
    text = VALID_PRACTICE.replace("Haftalık danışma günleri.", "İstanbulda işbirliği hale getirildi.")
    hub.write("practices/ornek-uygulama.md", text)
    result = hub.check()
    assert result.exit_code == 0, result.out + result.err


def test_the_style_rules_are_the_rule_catalogues_style_rules() -> None:
    from mpchub.content.rules import STYLE_RULES

    assert {
        "tdk-is-birligi",
        "institution-after-2021",
        "apostrophe-place-name",
        "apostrophe-institution",
        "tdk-circumflex",
    } == STYLE_RULES


def test_mpchub_check_reports_style_warnings_with_their_rule_and_still_passes(hub: Hub) -> None:
    """The warnings reach contributors through `mpchub check`, and never make a record invalid."""
    text = VALID_PRACTICE.replace("Bu kayıt testler için yazıldı.", "Bu kayıt belediyeyle işbirliği içinde yazıldı.")
    hub.write("practices/ornek-uygulama.md", text)
    result = hub.check()
    assert result.exit_code == 0, result.out
    warnings = [line for line in result.lines if ": warning: " in line]
    assert len(warnings) == 1 and "MPC100" in warnings[0] and "iş birliği" in warnings[0], result.out
