"""`mpchub from-issue`: proposal issues become the record `mpchub new` would write, or clear problems.

The corpus in tests/fixtures/issues/ holds recorded ``issues``/``labeled`` payloads (synthetic
proposals): valid, with an English twin, every field empty, wrong labels in each language, extra
sections, another form's body, hostile text, very long fields and Windows line endings.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, Hub, run_cli
from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.content.writer import record_text
from mpchub.contribute.from_issue import Outcome, propose
from mpchub.contribute.messages import escape
from mpchub.contribute.scaffold import draft
from test_from_issue_bodies import FIXTURES, event, form_yaml, load_fixture, option, render_body, valid_answers

FORM = form_yaml()
SLUG = "sentetik-mahalle-dil-kafesi"
READING_RULES = {"yaml-syntax", "front-matter-missing", "front-matter-unterminated", "front-matter-shape", "tab"}


def from_issue(hub: Hub, name: str, *extra: str, tmp: Path | None = None):
    """Run the command on a recorded payload; returns the CLI result and the JSON result."""
    out = (tmp or hub.root) / "result.json"
    result = run_cli(
        "--root", str(hub.root), "from-issue", "--event", str(FIXTURES / f"{name}.json"), "--json", str(out), *extra
    )
    return result, json.loads(out.read_text(encoding="utf-8"))


def from_body(hub: Hub, body: str):
    path = hub.root / "body.md"
    path.write_text(body, encoding="utf-8", newline="")
    out = hub.root / "result.json"
    result = run_cli("--root", str(hub.root), "from-issue", str(path), "--json", str(out))
    return result, json.loads(out.read_text(encoding="utf-8"))


def drafted(hub: Hub, body: str) -> Outcome:
    """The proposal run in-process; on problems its files are removed again, and ``drafts`` keeps their text."""
    return propose(Project(hub.root), body)


def keep_drafts(hub: Hub, outcome: Outcome) -> None:
    """Write a failed proposal's drafts back, to look at what the checker saw."""
    for path, text in outcome.drafts.items():
        hub.write(path, text)


def messages(data: dict) -> list[str]:
    return [f"{p['label']}: {p['message']}" if p["label"] else p["message"] for p in data["problems"]]


def in_editor_layout(hub: Hub, text: str) -> str:
    """A practice's master as from-issue leaves an accepted proposal: in the web editor's layout."""
    _open, front, body = text.split("---\n", 2)
    return record_text(yaml.safe_load(front), body.removeprefix("\n"), SchemaSet(hub.project).schema("practice", False))


def expected_master(hub: Hub) -> str:
    """What `mpchub new`'s scaffold writes for the valid answers, filled in by hand, in the editor's layout."""
    values = {
        "summary": "Sentetik bir test önerisi; gerçek bir uygulamayı anlatmaz ve hiçbir yerde yayımlanmaz.",
        "implementers": [{"name": "Sentetik Kadıköy Belediyesi", "kind": "district-municipality"}],
        "province": "istanbul",
        "district": "Kadıköy",
        "scale": "district",
        "start_date": "2024-02",
        "status": "ongoing",
        "practice_type": "programme",
        "themes": ["strategy-planning", "language-learning"],
        "target_groups": ["women", "host-community"],
        "objectives": ["Türkçe konuşma pratiği sağlamak", "Komşuları tanıştırmak"],
        "activities": ["Haftalık buluşmalar", "Aylık mahalle gezisi"],
        "partners": [{"name": "Sentetik Dayanışma Derneği", "kind": "ngo"}],
        "transferability": "Başka bir belediye, bir salon ve iki gönüllüyle başlayabilir.",
        "sources": [
            {"title": "Belediyenin duyurusu", "url": "https://example.org/dil-kafesi"},
            {"title": "https://example.org/haber", "url": "https://example.org/haber"},
        ],
        "contact": {"email": "goc@example.org"},
    }
    body = "Sentetik gövde: **Markdown** ile yazılmış bir paragraf.\n\nİkinci paragraf.\n"
    return in_editor_layout(
        hub,
        draft(
            SchemaSet(hub.project), "practice", SLUG, "Sentetik Mahalle Dil Kafesi", answers=values, bodies={"tr": body}
        ).master,
    )


# --- the corpus ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["valid", "windows-line-endings"])
def test_valid_proposal_writes_the_record_new_would_write_and_it_passes(hub: Hub, name: str) -> None:
    result, data = from_issue(hub, name)
    assert result.exit_code == 0, result.err
    assert data["ok"] and data["files"] == [f"practices/{SLUG}.md"] and data["problems"] == []
    master = hub.root / "practices" / f"{SLUG}.md"
    assert master.read_bytes() == expected_master(hub).encode("utf-8")  # no CR survives
    assert not (hub.root / "practices" / f"{SLUG}.en.md").exists()  # no English answers, no twin
    assert hub.check().exit_code == 0
    assert data["criteria"] == [o for i, o in enumerate(FORM_CRITERIA) if i in (1, 3)]


FORM_CRITERIA = [
    o["label"] for o in next(i for i in FORM["body"] if i.get("id") == "criteria")["attributes"]["options"]
]


def test_english_answers_write_the_twin_and_replies_are_english(hub: Hub) -> None:
    result, data = from_issue(hub, "english-twin")
    assert result.exit_code == 0, result.err
    assert data["language"] == "en"
    assert data["files"] == [f"practices/{SLUG}.md", f"practices/{SLUG}.en.md"]
    corpus = load_corpus(hub.project)
    record = corpus.records["practice"][SLUG]
    english = record.translation("en")
    assert english is not None and english.data is not None
    assert english.data["title"] == "Synthetic Neighbourhood Language Café"
    assert english.data["objectives"] == ["Offer Turkish conversation practice", "Introduce neighbours"]
    assert record.body("en").strip() == "Synthetic body in English."
    assert not corpus.errors


def test_every_field_empty_names_every_required_question_and_writes_nothing(hub: Hub) -> None:
    result, data = from_issue(hub, "every-field-empty")
    assert result.exit_code == 1 and "Traceback" not in result.err
    required = [i["attributes"]["label"] for i in FORM["body"] if i.get("validations", {}).get("required")]
    labels = {p["label"] for p in data["problems"]}
    assert set(required) - {"Yanıt dili / Language for our replies"} <= labels
    assert "Başlık / Title: boş bırakılmış; bu soru zorunlu." in messages(data)
    assert any(m.startswith("Onay / Confirmation: işaretlenmemiş") for m in messages(data))
    assert data["files"] == [] and not list((hub.root / "practices").iterdir())


def test_wrong_label_in_turkish(hub: Hub) -> None:
    result, data = from_issue(hub, "wrong-label-tr")
    assert result.exit_code == 1
    assert messages(data) == [
        "İl / Province: 'Istanbull' formdaki seçeneklerden biri değil; 'İstanbul' mi demek istediniz?"
    ]


def test_wrong_labels_in_english(hub: Hub) -> None:
    result, data = from_issue(hub, "wrong-label-en")
    assert result.exit_code == 1
    assert messages(data) == [
        "İl / Province: 'Istanbull' is not one of the form's options; did you mean 'İstanbul'?",
        "Temalar / Themes: 'Educaton / Eğitim' is not one of the form's options; did you mean 'Eğitim / Education'?",
    ]
    assert "İl / Province: 'Istanbull' is not one of the form's options" in result.err


def test_extra_and_repeated_sections_are_reported_not_dropped(hub: Hub) -> None:
    result, data = from_issue(hub, "extra-sections")
    assert result.exit_code == 1
    assert messages(data) == [
        "'### Ek notlar / Extra notes' formun sorularından biri değil, bu yüzden altındaki metin kullanılmadı. "
        "Yanıtlarınızın içinde başlık gerekiyorsa '####' kullanın.",
        "Başlık / Title: iki kez yer alıyor; yalnızca ilki kullanıldı.",
    ]
    outcome = drafted(hub, load_fixture("extra-sections")["issue"]["body"])
    assert "Formda olmayan" not in outcome.drafts[f"practices/{SLUG}.md"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(load_fixture("other-form")["issue"]["body"], id="another-form"),
        pytest.param("", id="empty"),
        pytest.param("Merhaba, belediyemizin bir uygulamasını önermek istiyorum.", id="free-text"),
        pytest.param("Giriş metni\n\n" + render_body(FORM, valid_answers(FORM)), id="text-before-the-form"),
    ],
)
def test_bodies_not_made_from_the_form_are_refused(hub: Hub, body: str) -> None:
    result, data = from_body(hub, body)
    assert result.exit_code == 1 and data["refused"] and data["files"] == []
    assert messages(data)[0].startswith("Bu metin 'İyi uygulama önerin' formuyla yazılmamış")


def test_hostile_text_stays_text_and_html_in_the_body_is_refused_clearly(hub: Hub) -> None:
    result, data = from_issue(hub, "hostile")
    assert result.exit_code == 1 and "Traceback" not in result.err
    assert not list((hub.root / "practices").iterdir())  # nothing is left behind
    keep_drafts(hub, drafted(hub, load_fixture("hostile")["issue"]["body"]))
    corpus = load_corpus(hub.project)
    (master,) = [f for f in corpus.files if not f.is_translation]
    assert master.data is not None, master.problems  # the file is read: the text did not break the YAML
    assert not {p.rule for p in master.problems} & READING_RULES
    assert master.data["title"] == "<img src=x onerror=alert(1)> & *bold* {{ config }} ---"
    assert master.data["summary"].startswith("--- key: value <script>alert(1)</script>")
    assert master.data["district"] == "- [x]: {a: b}"
    assert master.data["objectives"] == [
        "---",
        "# heading?",
        "[ ] item, with comma",
        "\"quoted\" 'single'",
        "@mention #12 :smile:",
    ]
    assert master.body.lstrip("\n").startswith("Intro.\n\n---\n\n<script>")  # the body's '---' lines stay in the body
    by_label = {p["label"]: p["message"] for p in data["problems"]}
    assert by_label["Açıklama / Description"] == (
        "şu kurala uymuyor: Yalnızca Markdown'ın düz yazı için ürettiği HTML öğeleri; görsel yok. Metni düz yazı ya "
        "da Markdown olarak yazın; HTML etiketleri (betik, iframe, görsel, on…= öznitelikleri, javascript: "
        "adresleri) kullanılamaz."
    )
    assert (
        "bir e-posta adresi, web adresi ya da telefon numarası değil"
        in by_label["Kurumsal iletişim / Institutional contact"]
    )


def test_very_long_fields_are_reported_with_their_limits(hub: Hub) -> None:
    result, data = from_issue(hub, "very-long-fields")
    assert result.exit_code == 1
    found = messages({"problems": [p for p in data["problems"] if p["severity"] == "error"]})
    assert found == [
        "Başlık / Title: şu kurala uymuyor: Metin izin verilen uzunluğu aşmaz (en fazla 160 karakter; yanıtta 639 "
        "karakter var).",
        "Özet / Summary: şu kurala uymuyor: Metin izin verilen uzunluğu aşmaz (en fazla 1.200 karakter; yanıtta "
        "4.399 karakter var).",
        "Açıklama / Description: şu kurala uymuyor: Bir paragraf en çok 20.000 karakter ve 300 biçimlendirme "
        "karakteridir (en fazla 20.000 karakter).",
    ]
    english = [p["message_en"] for p in data["problems"] if p["severity"] == "error"]
    assert english[0] == (
        "breaks the rule: Text is not longer than allowed (at most 160 characters; the answer has 639)."
    )


def test_an_existing_record_is_never_overwritten(hub: Hub) -> None:
    assert from_issue(hub, "valid")[0].exit_code == 0
    before = (hub.root / "practices" / f"{SLUG}.md").read_text(encoding="utf-8")
    result, data = from_issue(hub, "wrong-label-tr")
    assert result.exit_code == 1
    assert any("zaten var" in m for m in messages(data))
    assert (hub.root / "practices" / f"{SLUG}.md").read_text(encoding="utf-8") == before


def test_unreadable_input_is_a_usage_error_in_one_line(hub: Hub, tmp_path: Path) -> None:
    missing = run_cli("--root", str(hub.root), "from-issue", str(tmp_path / "nope.md"))
    assert missing.exit_code == 2 and "cannot read" in missing.err and "Traceback" not in missing.err
    bad = tmp_path / "event.json"
    bad.write_text("{not json", encoding="utf-8")
    broken = run_cli("--root", str(hub.root), "from-issue", "--event", str(bad))
    assert broken.exit_code == 2 and "not a JSON event payload" in broken.err
    bad.write_text('{"pull_request": {}}', encoding="utf-8")
    assert "not an issue event" in run_cli("--root", str(hub.root), "from-issue", "--event", str(bad)).err


def test_control_characters_and_lone_surrogates_are_dropped(hub: Hub, tmp_path: Path) -> None:
    answers = dict(valid_answers(FORM), title="Sentetik\x00 Mahalle\u2028Dil\x7f Kafesi\ud800")
    payload = tmp_path / "event.json"
    payload.write_text(json.dumps(event(render_body(FORM, answers))), encoding="utf-8")  # \ud800 as an escape
    out = tmp_path / "result.json"
    result = run_cli("--root", str(hub.root), "from-issue", "--event", str(payload), "--json", str(out))
    assert result.exit_code == 0, result.err
    assert load_corpus(hub.project).records["practice"][SLUG].data["title"] == "Sentetik Mahalle Dil Kafesi"


# --- the issue comment and the pull request ---------------------------------------------------------


def test_the_problems_table_escapes_everything_from_the_issue(hub: Hub, tmp_path: Path) -> None:
    comment = tmp_path / "comment.md"
    _result, data = from_issue(hub, "hostile", "--comment", str(comment), tmp=tmp_path)
    text = comment.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Alan")]
    assert len(rows) == len([p for p in data["problems"] if p["severity"] == "error"])
    for row in rows:
        cells = row.strip("|").split(" | ")
        assert len(cells) == 2, row  # no '|' from the issue splits a cell
        assert not re.search(r"[<>@`\[\]]|https?:", row), row


def test_escape_makes_markdown_inert() -> None:
    assert escape("**x** <b>@team</b> [a](javascript:x) #1 |") == (
        "&#42;&#42;x&#42;&#42; &#60;b&#62;&#64;team&#60;/b&#62; &#91;a&#93;&#40;javascript&#58;x&#41; &#35;1 &#124;"
    )


def test_success_writes_the_comment_and_a_pull_request_body_that_closes_the_issue(hub: Hub, tmp_path: Path) -> None:
    comment, pr_body = tmp_path / "comment.md", tmp_path / "pr.md"
    result, _data = from_issue(hub, "valid", "--comment", str(comment), "--pr-body", str(pr_body), tmp=tmp_path)
    assert result.exit_code == 0
    assert comment.read_text(encoding="utf-8").rstrip().endswith("Değişiklik önerisi:")
    body = pr_body.read_text(encoding="utf-8")
    assert body.startswith("Closes #42\n") and f"`practices/{SLUG}.md`" in body
    assert "- [x] Ortaklıkla geliştirildi / It was built in partnership" in body


# --- round trips --------------------------------------------------------------------------------------


def test_round_trip_generated_form_to_record(hub: Hub) -> None:
    """Generate the form, fill it in from a record's values, render the body as GitHub does, parse it back."""
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/propose-practice.yml").read_text(encoding="utf-8"))
    assert form == FORM  # the committed form is the generated one
    wanted = {
        "title": "Sentetik Gönüllü Tercüman Ağı",
        "summary": "Sentetik bir kayıt: gönüllü tercümanlar belediye hizmetlerine erişimi kolaylaştırır.",
        "implementers": [{"name": "Sentetik Bursa Büyükşehir Belediyesi", "kind": "metropolitan-municipality"}],
        "province": "bursa",
        "scale": "metropolitan",
        "status": "regular-service",
        "practice_type": "service",
        "themes": ["strategy-planning", "access-to-services"],
        "target_groups": ["temporary-protection"],
        "objectives": ["Hizmetlere erişimi kolaylaştırmak"],
        "activities": ["Telefonla tercüme", "Yüz yüze eşlik"],
        "sources": [{"title": "Sentetik kaynak", "url": "https://example.org/tercuman"}],
    }
    answers = {
        "language": "Türkçe",
        "title": wanted["title"],
        "summary": wanted["summary"],
        "implementer": wanted["implementers"][0]["name"],
        "implementer_kind": option(form, "implementer_kind", "metropolitan-municipality"),
        "province": option(form, "province", "bursa"),
        "scale": option(form, "scale", "metropolitan"),
        "status": option(form, "status", "regular-service"),
        "practice_type": option(form, "practice_type", "service"),
        "themes": [option(form, "themes", k) for k in wanted["themes"]],
        "target_groups": [option(form, "target_groups", k) for k in wanted["target_groups"]],
        "objectives": "\n".join(wanted["objectives"]),
        "activities": "\n".join(f"- {a}" for a in wanted["activities"]),
        "sources": "Sentetik kaynak https://example.org/tercuman",
        "description": "Sentetik gövde.",
        "consent": [next(i for i in form["body"] if i.get("id") == "consent")["attributes"]["options"][0]["label"]],
    }
    assert "," in answers["themes"][0]  # an option with commas inside survives GitHub's ", " joining
    result, _data = from_body(hub, render_body(form, answers))
    assert result.exit_code == 0, result.err
    slug = "sentetik-gonullu-tercuman-agi"
    values = {k: v for k, v in wanted.items() if k != "title"}
    expected = draft(
        SchemaSet(hub.project), "practice", slug, wanted["title"], answers=values, bodies={"tr": "Sentetik gövde."}
    )
    assert (hub.root / "practices" / f"{slug}.md").read_text(encoding="utf-8") == in_editor_layout(hub, expected.master)
    record = load_corpus(hub.project).records["practice"][slug].data
    assert {k: record[k] for k in wanted} == wanted


def test_round_trip_minimal_answers_equal_mpchub_new(hub: Hub, tmp_path: Path) -> None:
    """Only what `mpchub new` asks (title, municipality, province): the same file, byte for byte."""
    answers = {
        "title": "Işıklı Çağrı Merkezi",
        "implementer": "Bursa Büyükşehir Belediyesi",
        "province": option(FORM, "province", "bursa"),
    }
    result, data = from_body(hub, render_body(FORM, answers))
    assert result.exit_code == 1  # the other required questions are empty, and say so
    assert data["files"] == [] and not list((hub.root / "practices").iterdir())
    outcome = drafted(hub, render_body(FORM, answers))
    other = Hub(tmp_path / "other")
    made = run_cli(
        "--root", str(other.root), "new", "practice", "--title", "Işıklı Çağrı Merkezi",
        "--municipality", "Bursa Büyükşehir Belediyesi", "--province", "bursa",
    )  # fmt: skip
    assert made.exit_code == 0
    path = "practices/isikli-cagri-merkezi.md"
    assert outcome.drafts[path] == (other.root / path).read_text(encoding="utf-8")


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(title=TEXT, summary=TEXT, objectives=TEXT, district=TEXT, description=TEXT)
def test_any_text_in_the_answers_never_breaks_the_record(
    hub: Hub, title: str, summary: str, objectives: str, district: str, description: str
) -> None:
    for path in (hub.root / "practices").iterdir():
        path.unlink()
    answers = dict(
        valid_answers(FORM),
        title=title,
        summary=summary,
        objectives=objectives,
        district=district,
        description=description,
    )
    outcome = drafted(hub, render_body(FORM, answers))
    for problem in outcome.problems:
        assert problem.messages.keys() == {"tr", "en"} and all(problem.messages.values())
        assert problem.label != "Yanıt dili / Language for our replies", problem
    if not outcome.ok:
        assert not list((hub.root / "practices").iterdir())  # nothing left behind
        keep_drafts(hub, outcome)
    for file in load_corpus(hub.project).files:
        assert not {p.rule for p in file.problems} & READING_RULES, file.problems


# --- the workflows, run locally -----------------------------------------------------------------------


def workflow_step(workflow: str, name: str) -> str:
    data = yaml.safe_load((REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    return next(s["run"] for s in steps if s.get("name") == name)


def run_step(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env={**os.environ, "PATH": path, "MPCHUB_ROOT": "", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("payload", "ok"), [("valid", True), ("wrong-label-en", False)])
def test_proposal_workflow_step_on_a_recorded_event(hub: Hub, tmp_path: Path, payload: str, ok: bool) -> None:
    script = workflow_step("proposal.yml", "Turn the proposal into a record")
    outputs = tmp_path / "outputs"
    process = run_step(
        script,
        hub.root,
        {
            "GITHUB_EVENT_PATH": str(FIXTURES / f"{payload}.json"),
            "RUNNER_TEMP": str(tmp_path),
            "GITHUB_OUTPUT": str(outputs),
        },
    )
    assert process.returncode == 0, process.stdout + process.stderr  # problems are not a failed run
    lines = outputs.read_text(encoding="utf-8").splitlines()
    assert f"ok={'true' if ok else 'false'}" in lines
    result = json.loads((tmp_path / "proposal.json").read_text(encoding="utf-8"))
    assert result["issue"] == (42 if ok else 47)
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    if ok:
        assert f"branch=proposal/issue-42-{SLUG}" in lines and f"slug={SLUG}" in lines
        assert (tmp_path / "pull-request.md").read_text(encoding="utf-8").startswith("Closes #42")
    else:
        assert "| Field | Problem |" in comment and "is not one of the form's options" in comment
        assert not (tmp_path / "pull-request.md").exists()


def test_checks_list_the_record_pages_of_a_pull_request(tmp_path: Path) -> None:
    script = workflow_step("checks.yml", "List the record pages to review")
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    (repo / "practices").mkdir()
    (repo / "practices" / "eski.md").write_text("x", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    for name in ("yeni.md", "cevrilen.en.md", "Kötü Ad.md", "x`$(touch pwned)`.md"):
        (repo / "practices" / name).write_text("x", encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / "about.md").write_text("x", encoding="utf-8")
    (repo / "practices" / "eski.md").unlink()
    git("add", "-A")
    git("commit", "-q", "-m", "change")
    summary = tmp_path / "summary.md"
    process = run_step(
        script, repo, {"BASE_REF": "main", "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert process.returncode == 0, process.stderr
    listed = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert listed == [
        "- `en/practices/cevrilen/index.html`",
        "- `en/practices/yeni/index.html`",
        "- `practices/yeni/index.html`",
    ]
    assert not (repo / "pwned").exists()


def test_the_fixture_corpus_is_complete() -> None:
    names = {p.stem for p in FIXTURES.glob("*.json")}
    assert names >= {
        "valid", "english-twin", "every-field-empty", "wrong-label-tr", "wrong-label-en", "extra-sections",
        "other-form", "hostile", "very-long-fields", "windows-line-endings",
    }  # fmt: skip
    assert "\r\n" in load_fixture("windows-line-endings")["issue"]["body"]


def test_options_reworded_since_the_issue_was_opened_are_read_by_their_key(hub: Hub) -> None:
    answers = dict(
        valid_answers(FORM),
        themes=[
            "Eski ad / Old name (strategy-planning)",
            "Türkçe / Language (language-learning)",
        ],
        province="Eski Ad (istanbul)",
    )
    result, data = from_body(hub, render_body(FORM, answers))
    assert result.exit_code == 0, data["problems"]
    record = load_corpus(hub.project).records["practice"][SLUG].data
    assert record["themes"] == ["strategy-planning", "language-learning"] and record["province"] == "istanbul"
