"""The Content-Security-Policy meta tag (``mpchub.site.csp``): placement, hashes, and what Chromium does with it."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from mpchub.site import csp

PAGE = """<!doctype html>
<html lang="tr">
  <head>
    <meta charset="utf-8">
    <title>Sayfa</title>
    <script>window.__template = 1</script>
    <script id="__config" type="application/json">{"a": 1}</script>
    <script src="assets/app.js"></script>
  </head>
  <body><p>Metin</p><script>window.__template += 1</script></body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(html: str) -> dict[str, list[str]]:
    content = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert content, html
    policy = content.group(1).replace("&quot;", '"')
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_meta_tag_comes_right_after_the_charset_and_before_every_script() -> None:
    out = csp.apply(PAGE)
    head = out[out.index("<head>") : out.index("</head>")]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy") < head.index("<script")
    assert out.index("<meta charset") < 1024


def test_meta_tag_goes_first_in_head_without_a_charset() -> None:
    out = csp.apply("<html><head><script>x()</script></head><body></body></html>")
    assert out.startswith('<html><head>\n    <meta http-equiv="Content-Security-Policy"')


def test_inline_scripts_are_allowed_by_hash_and_nothing_else_inline() -> None:
    policy = directives(csp.apply(PAGE))
    assert policy["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        sha("window.__template = 1"),
        sha("window.__template += 1"),
    ]
    assert "'unsafe-inline'" not in " ".join(policy["script-src"])
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["default-src"] == ["'self'"]
    assert "frame-ancestors" not in policy  # ignored in a meta tag: writing it would promise nothing


def test_apply_is_idempotent_and_refuses_a_page_without_head() -> None:
    once = csp.apply(PAGE)
    assert csp.apply(once) == once
    with pytest.raises(csp.PageWithoutHead):
        csp.apply("<p>no head</p>")


# --- in Chromium -----------------------------------------------------------------------------------

HOSTILE_PAGE = """<!doctype html>
<html lang="tr">
  <head>
    <meta charset="utf-8">
    <title>Hostile</title>
    <script>window.__template = "ran"</script>
  </head>
  <body>
    <img id="i" src="missing.png" onerror="window.__ran = 'onerror'">
    <p id="p" onclick="window.__ran = 'onclick'" tabindex="0" onfocus="window.__ran = 'onfocus'">click</p>
    <a id="a" href="javascript:window.__ran='javascript-url'">link</a>
    <img id="t" src="https://tracker.example/pixel.png">
    <div style="position:fixed">styled</div>
  </body>
</html>
"""


@pytest.mark.browser
def test_chromium_runs_the_template_script_and_nothing_injected(browser, tmp_path: Path) -> None:
    from browser import serve

    (tmp_path / "index.html").write_text(csp.apply(HOSTILE_PAGE), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    requests: list[str] = []
    blocked: dict[str, str] = {}
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: blocked.__setitem__(r.url, r.failure or ""))
    with serve(tmp_path) as url:
        page.goto(url)
        page.click("#p")
        page.focus("#p")
        page.click("#a")
        page.wait_for_function("() => window.__template === 'ran'")  # the page's own script ran…
        assert page.evaluate("window.__ran") is None  # …and none of the injected ones
    context.close()
    other_hosts = [r for r in requests if not r.startswith(url)]
    assert other_hosts == ["https://tracker.example/pixel.png"]  # attempted, and:
    assert all(blocked.get(r) == "csp" for r in other_hosts), blocked  # Chromium: net::ERR_BLOCKED_BY_CSP
    assert any("inline event handler" in v or "script-src" in v for v in violations), violations
