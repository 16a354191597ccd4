"""One test per kind of bad content: each asserts the file, line, field and message `mpchub check` prints.

Every case starts from a valid record and breaks exactly one thing, so a message that appears must come
from that one thing.
"""

from __future__ import annotations

import re

import pytest

from conftest import REVIEWED, VALID_PRACTICE, VALID_TWIN, Hub
from mpchub.content.rules import RULES

P = "practices/ornek-uygulama.md"
T = "practices/ornek-uygulama.en.md"


def broken(old: str, new: str, text: str = VALID_PRACTICE) -> str:
    assert old in text, f"test setup: {old!r} is not in the record"
    return text.replace(old, new, 1)


def only_error(hub: Hub, relpath: str = P) -> str:
    """Check the hub and return its single error line, failing if there is not exactly one."""
    result = hub.check()
    errors = [line for line in result.lines if ": error: " in line]
    assert result.exit_code == 1, result.out + result.err
    assert len(errors) == 1, "\n".join(result.lines)
    assert errors[0].startswith(relpath + ":"), errors[0]
    assert "Traceback" not in result.out + result.err
    return without_rule(errors[0])


RULE_SUFFIX = re.compile(r" \[(MPC\d{3}) ([a-z-]+)\]$")


def without_rule(line: str) -> str:
    """The line without its ``[MPC045 unknown-key]`` suffix, after checking that the id is the rule's own."""
    match = RULE_SUFFIX.search(line)
    assert match, f"no rule id at the end of {line!r}"
    assert RULES[match.group(2)].id == match.group(1), line
    return line[: match.start()]


def test_valid_record_passes(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write(T, VALID_TWIN)
    result = hub.check()
    assert result.exit_code == 0, result.out
    assert result.lines == []
    assert "0 errors" in result.err


def test_missing_front_matter(hub: Hub) -> None:
    hub.write(P, "Başlık yok, alan yok.\n")
    assert only_error(hub) == (
        f"{P}:1:1: error: missing front matter: a record must start with a line '---', then its fields, then '---'"
    )


def test_unterminated_front_matter(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE.replace("\n---\n\nBu kayıt", "\n\nBu kayıt"))
    assert "1:1: error: unterminated front matter" in only_error(hub)


def test_yaml_syntax_error_reports_yamls_own_line(hub: Hub) -> None:
    hub.write(P, broken("province: istanbul", "province: [istanbul"))
    assert only_error(hub) == (
        f"{P}:10:9: error: YAML syntax error: while parsing a flow sequence (started on line 9), "
        "did not find expected ',' or ']'"
    )


def test_duplicate_key_names_both_lines(hub: Hub) -> None:
    hub.write(P, broken("scale: district\n", "scale: district\nprovince: bursa\n"))
    assert only_error(hub) == (
        f"{P}:12:1: error: duplicate field 'province': it is already set on line 9; "
        "YAML would silently keep only the last one, so keep one and delete the other"
    )


def test_tab_in_front_matter(hub: Hub) -> None:
    hub.write(P, broken("  - name: Örnek Belediyesi", "\t- name: Örnek Belediyesi"))
    assert only_error(hub) == (
        f"{P}:7:1: error: tab character in the front matter: YAML needs spaces for indentation and between values"
    )


def test_byte_order_mark(hub: Hub) -> None:
    hub.write(P, b"\xef\xbb\xbf" + VALID_PRACTICE.encode())
    assert only_error(hub) == (
        f"{P}:1:1: error: the file starts with a byte order mark (BOM): save it as UTF-8 without BOM"
    )


def test_non_utf8_bytes(hub: Hub) -> None:
    raw = VALID_PRACTICE.encode().replace("Haftalık".encode(), b"Haftal\xfdk")  # Windows-1254 'ı'
    hub.write(P, raw)
    line = only_error(hub)
    assert line.startswith(f"{P}:23:11:") and "not valid UTF-8 (byte 0xfd)" in line


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("sdgs: [10, 16]", "sdgs: 10", "18:7: error: sdgs: must be a list, not the number 10"),
        ("district: Şişli", "district: 34", "10:11: error: district: must be text, not the number 34"),
        (
            "themes: [social-cohesion, legal-counselling]",
            "themes: social-cohesion",
            "error: themes: must be a list, not the text 'social-cohesion' (write a list as [a, b] or as lines "
            "starting with '- ')",
        ),
    ],
)
def test_wrong_type(hub: Hub, old: str, new: str, expected: str) -> None:
    hub.write(P, broken(old, new))
    assert expected in only_error(hub)


def test_empty_value(hub: Hub) -> None:
    hub.write(P, broken("district: Şişli", "district:"))
    assert "district: is empty: give a value, or delete the line if the field is optional" in only_error(hub)


def test_unknown_field_with_did_you_mean(hub: Hub) -> None:
    hub.write(P, broken("scale: district", "scale: district\ntarget_group: [women]"))
    line = only_error(hub)
    assert line.startswith(
        f"{P}:12:1: error: target_group: unknown field 'target_group' (did you mean 'target_groups'?)"
    )


def test_unknown_nested_field_lists_allowed(hub: Hub) -> None:
    hub.write(P, broken("    url: https://example.org/kaynak", "    url: https://example.org/kaynak\n    yil: 2020"))
    assert only_error(hub) == (
        f"{P}:27:5: error: sources[0].yil: unknown field 'yil'; "
        "allowed here: title, url, publisher, kind, language, accessed"
    )


def test_missing_required_field(hub: Hub) -> None:
    hub.write(P, broken("practice_type: service\n", ""))
    assert only_error(hub) == (
        f"{P}:1:1: error: practice_type: required field 'practice_type' is missing from this record (Practice type)"
    )


def test_unknown_vocabulary_key_with_did_you_mean(hub: Hub) -> None:
    hub.write(P, broken("themes: [social-cohesion, legal-counselling]", "themes: [social-cohesion, educatoin]"))
    assert only_error(hub) == (
        f"{P}:16:27: error: themes[1]: 'educatoin' is not a theme (did you mean 'education'?); "
        "allowed: the keys in vocabularies/themes.yml"
    )


def test_unknown_key_in_small_vocabulary_lists_allowed(hub: Hub) -> None:
    hub.write(P, broken("verification: mpc-reviewed", "verification: checked"))
    line = only_error(hub)
    assert "verification: 'checked' is not a verification level" in line
    assert "allowed: compiled-from-public-sources, submitted, mpc-reviewed, municipality-confirmed" in line


def test_province_given_as_label_suggests_key(hub: Hub) -> None:
    hub.write(P, broken("province: istanbul", "province: İstanbul"))
    assert "province: 'İstanbul' is not a province (did you mean 'istanbul'?)" in only_error(hub)


def test_impossible_date(hub: Hub) -> None:
    hub.write(P, broken("start_date: 2019-05", "start_date: 2023-02-30").replace("end_date: 2021", "end_date: 2024"))
    assert only_error(hub) == (
        f"{P}:12:13: error: start_date: '2023-02-30' is not a real date: that month has no day 30"
    )


def test_impossible_month(hub: Hub) -> None:
    hub.write(P, broken("start_date: 2019-05", "start_date: 2019-13"))
    assert "start_date: '2019-13' is not a real date: month 13 does not exist" in only_error(hub)


def test_badly_formed_date(hub: Hub) -> None:
    hub.write(P, broken("start_date: 2019-05", "start_date: 05.2019"))
    # the text as written, not the float YAML 1.1 read (5.2019)
    assert "start_date: '05.2019' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD" in only_error(hub)


def test_end_before_start(hub: Hub) -> None:
    hub.write(P, broken("end_date: 2021", "end_date: 2018"))
    assert only_error(hub) == f"{P}:13:11: error: end_date: the end date 2018 is before the start date 2019-05"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Şişli Açık Ev.md",
            "file name 'Şişli Açık Ev.md' is not ASCII kebab-case: use lower-case a-z, 0-9 "
            "and single hyphens, e.g. 'sisli-acik-ev.md'",
        ),
        ("Sisli_Acik_Ev.md", "e.g. 'sisli-acik-ev.md'"),
        ("ornek.tr.md", "the Turkish master is named 'ornek.md', without '.tr'"),
    ],
)
def test_file_name_not_kebab_case(hub: Hub, name: str, expected: str) -> None:
    hub.write(f"practices/{name}", VALID_PRACTICE)
    result = hub.check()
    assert result.exit_code == 1
    assert any(line.startswith(f"practices/{name}:1:1: error: ") and expected in line for line in result.lines), (
        result.out
    )


def test_duplicate_id(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write("practices/ikinci.md", VALID_PRACTICE.replace("id: ornek-uygulama", "id: ikinci"))
    hub.write("publications/ornek-uygulama.md", VALID_PRACTICE)  # same id in another collection
    result = hub.check()
    assert result.exit_code == 1
    assert (
        "publications/ornek-uygulama.md:2:5: error: id: duplicate id 'ornek-uygulama': "
        "practices/ornek-uygulama.md already uses it; ids must be unique across all collections [MPC090 duplicate-id]"
    ) in result.lines


def test_id_must_match_file_name(hub: Hub) -> None:
    hub.write("practices/baska-ad.md", VALID_PRACTICE)
    assert only_error(hub, "practices/baska-ad.md") == (
        "practices/baska-ad.md:2:5: error: id: id 'ornek-uygulama' must equal the file name 'baska-ad' "
        "(rename the file or change the id)"
    )


def test_reference_to_missing_record(hub: Hub) -> None:
    hub.write(P, broken(REVIEWED, REVIEWED + "\nrelated_practices: [ornek-uygulamaa]"))
    hub.write(
        "practices/ornek-uygulamaa-degil.md", VALID_PRACTICE.replace("id: ornek-uygulama", "id: ornek-uygulamaa-degil")
    )
    line = next(x for x in hub.check().lines if x.startswith(P))
    assert line == (
        f"{P}:29:21: error: related_practices[0]: 'ornek-uygulamaa' is not the id of any record "
        "in practices/ (did you mean 'ornek-uygulamaa-degil'?) [MPC092 reference]"  # never the record's own id
    )


def test_reference_to_wrong_collection(hub: Hub) -> None:
    hub.write(P, broken(REVIEWED, REVIEWED + "\nrelated_publications: [ornek-uygulama]"))
    assert "'ornek-uygulama' is not the id of any record in publications/" in only_error(hub)


def test_empty_body(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE.split("\n---\n")[0] + "\n---\n\n   \n")
    assert only_error(hub) == (
        f"{P}:30:1: error: the body is empty: write the description in Markdown below the closing '---'"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert(1)</script>", "17: error: <script> is not allowed in a record body (it can run code"),
        ('<iframe src="https://example.org"></iframe>', "17: error: <iframe> is not allowed in a record body"),
        ('<object data="x.swf"></object>', "17: error: <object> is not allowed in a record body"),
        ('<embed src="x.swf">', "17: error: <embed> is not allowed in a record body"),
        ('<img src="x.png" onerror="alert(1)">', "17: error: images are not allowed in a record body"),
        ('<a onclick="alert(1)">x</a>', "20: error: the attribute onclick= on <a> is not allowed (event attributes"),
        ('<a href="javascript:alert(1)">x</a>', "26: error: a javascript: link is not allowed: links start with https"),
        ("[tıkla](javascript:alert(1))", "25: error: a javascript: link is not allowed"),
        ("<JavaScript:alert(1)>", "17: error: <javascript:alert(1)> is not allowed in a record body"),
    ],
)
def test_unsafe_html(hub: Hub, html: str, expected: str) -> None:
    hub.write(P, VALID_PRACTICE + "\nİkinci paragraf " + html + "\n")
    line = only_error(hub)
    assert line.startswith(f"{P}:34:") and expected in line, line


def test_html_inside_code_is_text(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE + "\nÖrnek: `<script>`\n\n```html\n<iframe src=x></iframe>\n```\n")
    assert hub.check().exit_code == 0


def test_neutral_field_in_twin(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write(
        T,
        broken(
            "title: Example Counselling Centre", "title: Example Counselling Centre\nprovince: istanbul", VALID_TWIN
        ),
    )
    assert only_error(hub, T) == (
        f"{T}:3:1: error: province: 'province' is language-neutral: it belongs only in the Turkish master "
        "practices/ornek-uygulama.md; delete it from the English translation"
    )


def test_twin_without_master(hub: Hub) -> None:
    hub.write(T, VALID_TWIN)
    assert only_error(hub, T).startswith(
        f"{T}:1:1: error: English translation without a Turkish master: create practices/ornek-uygulama.md first"
    )


def test_master_without_twin_is_valid_and_reported_untranslated(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    result = hub.check()
    assert result.exit_code == 0
    assert "1 not yet translated into English" in result.err


def test_twin_missing_an_optional_translation_is_a_warning(hub: Hub) -> None:
    hub.write(P, broken("\nobjectives:", "\ncontext: Neden gerekli olduğu.\nobjectives:"))
    hub.write(T, VALID_TWIN)
    result = hub.check()
    assert result.exit_code == 0
    assert result.lines == [
        f"{T}:1:1: warning: context: 'context' is filled in the Turkish master but not translated in this file "
        "[MPC095 untranslated-field]"
    ]


def test_yaml_alias_refused(hub: Hub) -> None:
    hub.write(
        P, broken("target_groups: [temporary-protection]", "target_groups: &g [temporary-protection]\nx_groups: *g")
    )
    assert "YAML anchors and aliases (&name, *name) are not allowed in records" in only_error(hub)


def test_isbn_check_digit(hub: Hub) -> None:
    hub.write(
        "publications/ornek-yayin.md",
        """\
---
id: ornek-yayin
title: Örnek Yayın
publication_type: research-report
year: 2020
authors:
  - {name: Örnek Yazar, role: author}
publisher: Örnek Yayınevi
editions:
  - {lang: tr, isbn: 978-605-83293-4-9}
abstract: Test için yazılmış, gerçek olmayan bir yayın kaydı.
themes: [data-research]
sources:
  - {title: Örnek, url: "https://example.org"}
last_reviewed: 2026-01-15
---

Test.
""",
    )
    assert only_error(hub, "publications/ornek-yayin.md") == (
        "publications/ornek-yayin.md:10:22: error: editions[0].isbn: ISBN '978-605-83293-4-9' has a wrong "
        "check digit: expected 8; copy it again from the book"
    )


def test_every_problem_is_reported_in_one_run(hub: Hub) -> None:
    text = broken("themes: [social-cohesion, legal-counselling]", "themes: [egitim]")
    text = broken("province: istanbul", "province: ankaraa", text)
    text = broken("end_date: 2021", "end_date: 2018-02-30", text)
    hub.write(P, text + "\n<script>x</script>\n")
    rules = {line.split(": error: ")[1].split(":")[0] for line in hub.check().lines}
    assert {"themes[0]", "province", "end_date"} <= rules
    assert any("<script>" in line for line in hub.check().lines)
