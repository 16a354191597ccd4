"""Every rule of `mpchub check` has a stable id and a test case that triggers it.

``CASES`` maps each rule name to content that breaks that rule; the first test fails when a rule in
``mpchub.content.rules`` has no case here (or a case names a rule that does not exist), the second runs every case.
"""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Callable

import pytest

from conftest import REPO, REVIEWED, VALID_PRACTICE, VALID_TWIN, Hub
from mpchub.content import body as body_module
from mpchub.content import checker
from mpchub.content.corpus import load_corpus
from mpchub.content.rules import ACTIVE, RULES, STYLE_RULES, UNKNOWN, rule_id
from mpchub.content.style import style_problems
from mpchub.content.translations import translation_problems
from mpchub.hub import check
from mpchub.site.reference import check_rules_table

P = "practices/ornek-uygulama.md"
T = "practices/ornek-uygulama.en.md"


def master(old: str, new: str) -> Callable[[Hub], None]:
    assert old in VALID_PRACTICE, old
    return lambda hub: hub.write(P, VALID_PRACTICE.replace(old, new, 1))


def files(contents: dict[str, str]) -> Callable[[Hub], None]:
    def write(hub: Hub) -> None:
        for relpath, content in contents.items():
            hub.write(relpath, content)

    return write


def symlink(hub: Hub) -> None:
    (hub.root / P).symlink_to("/etc/hostname")


def unreadable(hub: Hub) -> None:
    """A name that cannot be opened: a socket gives ENXIO to open() whoever runs the test (even root)."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(hub.root / P))
    server.close()


def fifo(hub: Hub) -> None:
    os.mkfifo(hub.root / P)


def schema_keyword_without_a_message(hub: Hub) -> None:
    """A keyword the message table does not know ('not'): the generic rule, with jsonschema's own words."""
    path = hub.root / "schemas" / "practice.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["district"]["not"] = {"const": "Şişli"}
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    hub.write(P, VALID_PRACTICE)


class _BrokenMarkdown:
    """Stands for a bug in a Markdown extension: the limits leave no known input that makes it raise."""

    def reset(self) -> None:
        pass

    def convert(self, source: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")


def markdown_library_fails(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE.replace(BODY, "[Kaynak](https://example.org/) metni.\n"))  # a body that is rendered
    body_module._local.md = _BrokenMarkdown()  # render() drops it after the failure


def checker_bug(hub: Hub) -> None:
    """Stands for a bug in a checking step: the file gets a problem, the others are still checked."""
    hub.write(P, VALID_PRACTICE)
    hub.monkeypatch.setattr(checker, "isbn_problem", lambda value: 1 / 0)
    hub.monkeypatch.setattr(checker, "date_problem", lambda value: 1 / 0)


def bad_isbn(hub: Hub) -> None:
    source = next(p for p in sorted((REPO / "publications").glob("*.md")) if "isbn:" in p.read_text(encoding="utf-8"))
    text = re.sub(r"isbn: *\S+", "isbn: '978-0-00-000000-1'", source.read_text(encoding="utf-8"), count=1)
    hub.write(f"publications/{source.name}", text)


def case_twins(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write("practices/Ornek-uygulama.md", VALID_PRACTICE)


def with_twin(twin: str) -> Callable[[Hub], None]:
    def write(hub: Hub) -> None:
        hub.write(P, VALID_PRACTICE.replace("\nobjectives:", "\ncontext: Neden gerekli.\nobjectives:"))
        hub.write(T, twin)

    return write


BODY = "Bu kayıt testler için yazıldı.\n"


def body(new: str) -> Callable[[Hub], None]:
    return master(BODY, new)


def two_municipality_spellings(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write(
        "practices/ikinci.md",
        VALID_PRACTICE.replace("id: ornek-uygulama", "id: ikinci").replace("Örnek Belediyesi", "Ornek Belediyesi"),
    )


CASES: dict[str, Callable[[Hub], None]] = {
    "file-name": files({"practices/Ornek_Uygulama.md": VALID_PRACTICE}),
    "file-name-reserved": files({"practices/con.md": VALID_PRACTICE.replace("id: ornek-uygulama", "id: con")}),
    "file-name-case": case_twins,
    "symlink": symlink,
    "not-a-file": fifo,
    "file-too-large": master(BODY, "x" * 1_000_001),
    "read": unreadable,
    "bom": lambda hub: hub.write(P, b"\xef\xbb\xbf" + VALID_PRACTICE.encode()),
    "encoding": lambda hub: hub.write(P, VALID_PRACTICE.encode().replace("Örnek".encode(), b"\xd6rnek", 1)),
    "location": files({"practices/alt/ornek-uygulama.md": VALID_PRACTICE}),
    "front-matter-missing": lambda hub: hub.write(P, "Başlık yok.\n"),
    "front-matter-unterminated": lambda hub: hub.write(P, "---\nid: ornek-uygulama\n"),
    "front-matter-empty": lambda hub: hub.write(P, "---\n---\n\nGövde.\n"),
    "front-matter-shape": lambda hub: hub.write(P, "---\n- a\n- b\n---\n\nGövde.\n"),
    "tab": master("  - name: Örnek Belediyesi", "\t- name: Örnek Belediyesi"),
    "yaml-syntax": master("province: istanbul", "province: [istanbul"),
    "yaml-depth": master("verification: mpc-reviewed", "caveats: " + "[" * 100),
    "duplicate-key": master("scale: district\n", "scale: district\nprovince: bursa\n"),
    "yaml-alias": master("province: istanbul", "province: &p istanbul\ndistrict: *p"),
    "yaml-merge": master("verification: mpc-reviewed", "contact: {<<: {email: a@b.org}}\nverification: mpc-reviewed"),
    "yaml-tag": master("province: istanbul", "province: !!python/name:os.system istanbul"),
    "yaml-key": master("province: istanbul", "province: istanbul\n[a, b]: c"),
    "number-form": master("sdgs: [10, 16]", "sdgs: [010, 16]"),
    "control-character": master("title: Örnek", "title: Örnek\u202e"),
    "missing": master("province: istanbul\n", ""),
    "unknown-field": master("province: istanbul", "province: istanbul\nprovinse: bursa"),
    "neutral-in-twin": with_twin(VALID_TWIN.replace("title: Example", "province: istanbul\ntitle: Example")),
    "type": master("province: istanbul", "province: [istanbul]"),
    "format": master("url: https://example.org/kaynak", "url: example.org/kaynak"),
    "unknown-key": master("themes: [social-cohesion, legal-counselling]", "themes: [egitimm]"),
    "too-few": master("themes: [social-cohesion, legal-counselling]", "themes: []"),
    "too-many": master(
        "themes: [social-cohesion, legal-counselling]",
        "themes: [social-cohesion, legal-counselling, education, data-research, capacity-building, strategy-planning]",
    ),
    "repeated": master("sdgs: [10, 16]", "sdgs: [10, 10]"),
    "too-short": master("district: Şişli", "district: ''"),
    "too-long": master("title: Örnek Danışma Merkezi", "title: " + "Çok uzun " * 40),
    "out-of-range": master(
        "verification: mpc-reviewed",
        "beneficiaries: [{count: 5, counts: reached, period: total, year: 1800}]\nverification: mpc-reviewed",
    ),
    "schema": schema_keyword_without_a_message,
    "impossible-date": master("start_date: 2019-05", "start_date: 2019-13"),
    "future-date": master("last_reviewed: 2026-01-15", "last_reviewed: 2999-01-15"),
    "date-order": master("end_date: 2021", "end_date: 2018"),
    "isbn": bad_isbn,
    "placeholder": master("district: Şişli", "district: 'TODO: ilçe'"),
    "id-slug": master("id: ornek-uygulama", "id: baska-kayit"),
    "termbase": body("Proje UNHCR ile yürütüldü.\n"),  # BMMYK in Turkish (termbase.yml)
    "unreviewed": master("verification: mpc-reviewed", "verification: submitted"),  # as `mpchub new` writes it
    "empty-body": master(BODY, "   \n"),
    "body-too-long": body("Metin.\n\n" * 13_000),
    "paragraph-too-long": body("kelime " * 3_000),
    "nesting": body("*" * 20 + "x"),
    "markdown": markdown_library_fails,
    "internal-error": checker_bug,
    "html-element": body("<script>alert(1)</script>\n"),
    "html-attribute": body("Metin\n{: onclick=alert(1) }\n"),
    "html-url": body("[x](javascript:alert(1))\n"),
    "html-comment": body("<!-- yorum -->\n"),
    "html-ambiguous": body("<div><p>a<div>b</div></p></div>\n"),  # browsers close the <p> before the inner <div>
    "duplicate-id": files({P: VALID_PRACTICE, "publications/ornek-uygulama.md": VALID_PRACTICE}),
    "orphan-twin": lambda hub: hub.write(T, VALID_TWIN),
    "reference": master(REVIEWED, REVIEWED + "\nrelated_practices: [yok-boyle]"),
    "self-reference": master(REVIEWED, REVIEWED + "\nrelated_practices: [ornek-uygulama]"),
    "municipality-slug": two_municipality_spellings,
    "front-matter-size": master("verification: mpc-reviewed", "caveats:\n" + "  - Not.\n" * 5001 + REVIEWED),
    "more-problems": master("verification: mpc-reviewed", "".join(f"alan{i}: 1\n" for i in range(101)) + REVIEWED),
    "repeated-terms": master("title: Örnek Danışma Merkezi", "title: Şişli Fatih Kadıköy Bursa dil kursu"),
    "name-letters": master("  - name: Örnek Belediyesi", "  - name: Şіşli Belediyesi"),  # a Cyrillic і
    "body-budget": body("## Bölüm\n\n" * 101),
    "body-link": body("Bkz. [öteki kayıt](../olmayan-kayit/).\n"),
    "page-collision": files({"practices/index.md": VALID_PRACTICE.replace("id: ornek-uygulama", "id: index")}),
    "untranslated-field": with_twin(VALID_TWIN),
    "twin-items": with_twin(VALID_TWIN.replace("  - Weekly counselling days.", "  - Weekly.\n  - Days.")),
    "synonyms": files({P: VALID_PRACTICE, "synonyms.yml": "tr:\n  - [dil kursu]\n"}),  # a group of one phrase
}


def test_every_rule_has_an_id_and_a_case() -> None:
    assert set(CASES) == set(ACTIVE), {"without a case": set(ACTIVE) - set(CASES), "unknown": set(CASES) - set(ACTIVE)}
    ids = [rule.id for rule in RULES.values()]
    assert len(ids) == len(set(ids)) and UNKNOWN not in ids


STYLE_CASES = {  # mpchub.content.style's rules, triggered in a record's text
    "tdk-is-birligi": "Belediye ile işbirliği yapıldı.",
    "apostrophe-institution": "Şişli Belediyesi'nin ekibi.",
    "tdk-circumflex": "Acil durum halinde aranır.",
    "apostrophe-place-name": "Kurslar Bursada yapıldı.",
    "institution-after-2021": "Göç İdaresi Genel Müdürlüğü ile.",
}
for _name, _sentence in STYLE_CASES.items():
    CASES[_name] = body(_sentence + "\n")
CASES["institution-after-2021"] = lambda hub: hub.write(  # the record must be dated after the renaming
    P,
    VALID_PRACTICE.replace("start_date: 2019-05", "start_date: 2023-05")
    .replace("end_date: 2021", "end_date: 2024")
    .replace(BODY, STYLE_CASES["institution-after-2021"] + "\n"),
)


def _git(hub: Hub, *args: str) -> None:
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=hub.root, env=env, check=True, capture_output=True)


def outdated_twin(hub: Hub) -> None:
    """A twin stamped with its master's commit, then the master changes in a later commit."""
    from conftest import run_cli

    with_twin(VALID_TWIN)(hub)
    _git(hub, "init", "-q")
    _git(hub, "add", ".")
    _git(hub, "commit", "-q", "-m", "records")
    assert run_cli("--root", str(hub.root), "translations", "--stamp").exit_code == 0
    _git(hub, "commit", "-q", "-am", "stamp")
    hub.write(P, (hub.root / P).read_text(encoding="utf-8").replace("Haftalık", "Aylık"))
    _git(hub, "commit", "-q", "-am", "master changed")


TRANSLATION_RULES = {"untranslated", "outdated-translation"}  # reported by `mpchub translations`, not check
CASES["untranslated"] = lambda hub: hub.write(P, VALID_PRACTICE)
CASES["outdated-translation"] = outdated_twin


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_case_reports_that_rule(hub: Hub, rule: str, monkeypatch: pytest.MonkeyPatch) -> None:
    hub.monkeypatch = monkeypatch  # type: ignore[attr-defined]  # for the cases that stand in for a bug
    CASES[rule](hub)
    problems = check(hub.project).problems  # what `mpchub check` and the build report
    if rule in STYLE_RULES:  # mpchub.content.style runs beside the check: ask it directly
        problems = [p for record in load_corpus(hub.project).files for p in style_problems(record)]
    if rule in TRANSLATION_RULES:
        problems = translation_problems(load_corpus(hub.project))
    assert rule in {p.rule for p in problems}, [(p.rule, p.message) for p in problems]
    assert all(rule_id(p.rule) != UNKNOWN for p in problems), [p.rule for p in problems]
    found = next(p for p in problems if p.rule == rule)
    assert found.as_text().endswith(f"[{RULES[rule].id} {rule}]")


def test_field_reference_lists_every_rule_in_both_languages() -> None:
    for lang in ("tr", "en"):
        table = check_rules_table(lang)
        for rule in RULES.values():
            assert f"| `{rule.id}` | `{rule.name}` | {getattr(rule, lang)} |" in table
