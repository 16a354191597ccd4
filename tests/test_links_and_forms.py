"""The weekly link check (against a local server) and the generated issue form."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
import yaml

from conftest import REPO, VALID_PRACTICE, Hub, run_cli


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
        elif self.path.startswith("/ok") or self.path == "/no-head-get":
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if self.path in ("/no-head", "/ok") else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_links_report_lists_only_dead_links(hub: Hub, server: str, tmp_path) -> None:
    text = VALID_PRACTICE.replace("url: https://example.org/kaynak", f"url: {server}/ok")
    text = text.replace(
        "verification: mpc-reviewed",
        f"""verification: mpc-reviewed
contact:
  url: {server}/gone""",
    )
    hub.write(
        "practices/ornek-uygulama.md",
        text.replace(
            "    kind: web\n",
            f"    kind: web\n  - title: Eski\n    url: {server}/no-head\n  - title: Ölü\n    url: {server}/missing\n",
        ),
    )
    report = tmp_path / "dead.md"
    result = run_cli("--root", str(hub.root), "links", "--output", str(report), "--timeout", "5")
    assert result.exit_code == 0
    content = report.read_text(encoding="utf-8")
    assert f"<{server}/missing>" in content and f"<{server}/gone>" in content
    assert f"<{server}/ok>" not in content and f"<{server}/no-head>" not in content
    assert "HTTP 404" in content and "`practices/ornek-uygulama.md`" in content
    assert "4 links checked, 2 not answering" in result.err


def test_links_report_is_empty_when_everything_answers(hub: Hub, server: str, tmp_path) -> None:
    hub.write("practices/ornek-uygulama.md", VALID_PRACTICE.replace("https://example.org/kaynak", f"{server}/ok"))
    report = tmp_path / "dead.md"
    assert run_cli("--root", str(hub.root), "links", "--output", str(report)).exit_code == 0
    assert report.read_text(encoding="utf-8") == ""


def test_issue_form_matches_the_vocabularies() -> None:
    result = run_cli("--root", str(REPO), "forms", "--check")
    assert result.exit_code == 0, result.err


def test_issue_form_check_fails_when_a_vocabulary_changes(hub: Hub) -> None:
    (hub.root / ".github" / "ISSUE_TEMPLATE").mkdir(parents=True)
    assert run_cli("--root", str(hub.root), "forms").exit_code == 0
    assert run_cli("--root", str(hub.root), "forms", "--check").exit_code == 0
    themes = hub.root / "vocabularies" / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8") + "  - {key: new-theme, tr: Yeni, en: New}\n", encoding="utf-8"
    )
    assert run_cli("--root", str(hub.root), "forms", "--check").exit_code == 1


def test_issue_form_offers_every_vocabulary_key() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/propose-practice.yml").read_text(encoding="utf-8"))
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}
    assert len(dropdowns["province"]) == 81
    assert "Eğitim / Education (education)" in dropdowns["themes"]
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {
        "title",
        "summary",
        "province",
        "themes",
        "target_groups",
        "objectives",
        "activities",
        "sources",
    } <= required
