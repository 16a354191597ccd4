"""Driving Debian's Chromium through Playwright against a site served on localhost.

Playwright never downloads a browser here: the tests use /usr/bin/chromium (apt-get install chromium,
which ./dev.sh test does). A missing browser is a failure, not a skip.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import hashlib
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at ``mount`` (e.g. '/hub/', as GitHub Pages does) and yield its URL."""
    root = directory
    if mount != "/":
        # Serve the parent with a link named like the sub-path, so URLs carry the prefix.
        root = directory.parent / "_mount"
        (root / mount.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        link = root / mount.strip("/")
        with contextlib.suppress(FileExistsError):  # another test worker serves the same shared site
            link.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


GZIPPED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"}


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site as GitHub Pages does: gzip for text, a 10-minute cache with validators, 404.html."""

    root: Path = Path(".")
    mount = "/"
    transferred: ClassVar[list[tuple[str, int]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.mount):
            return self._send(404, self.root / "404.html")
        local = self.root / path[len(self.mount) :]
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self._send(404, self.root / "404.html")
        return self._send(200, local)

    def _send(self, status: int, file: Path) -> None:
        body = file.read_bytes()
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return
        zipped = file.suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", tag)
        self.send_header("Last-Modified", email.utils.formatdate(file.stat().st_mtime, usegmt=True))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        PagesHandler.transferred.append((self.path, len(body)))


@contextmanager
def serve_as_pages(site: Path, mount: str = "/hub/") -> Iterator[str]:
    """Serve ``site`` at ``mount`` as GitHub Pages serves a project site: what ``serve`` does, plus gzip,
    ``Cache-Control: max-age=600`` with an ``ETag`` and ``404.html`` at a missing address (for what depends on
    caching: the search's first query, the service worker). Bytes sent are added to ``PagesHandler.transferred``."""
    handler = type("Handler", (PagesHandler,), {"root": site, "mount": mount})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


# --- checks that run on pages of any site ------------------------------------------------------------------

# Runs before any page script (Playwright injects it outside the page's CSP). It records every way a
# payload could announce itself, and keeps ordinary link clicks on the page so every element gets one.
WATCH = """
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__ran.push(name + ':' + args.join(' ')); };
}
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
document.addEventListener('click', (e) => {
  const link = e.target.closest && e.target.closest('a[href]');
  if (link && !link.getAttribute('href').trim().toLowerCase().startsWith('javascript:')) e.preventDefault();
}, true);
"""


# axe-core's WCAG 2.0-2.2 A and AA rules plus its best practices (region, landmarks, headings), and Label in
# Name (WCAG 2.5.3: a control's name holds its visible words), which axe calls experimental and leaves out
# unless asked.
AXE_ALL = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}
# The colour rules alone: the dark scheme changes colours and nothing else (same markup, same layout).
AXE_COLOUR = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}
# The field reference is 25 long tables from one template (scripts/mpchub/reference.py): axe's colour
# check took 10 s a run on all 500 rows. The first three rows of each table are checked; the others repeat
# their markup and styles with other words.
AXE_CONTEXT = {"contribute/fields/": {"exclude": [["table tbody tr:nth-child(n+4)"]]}}


def serious_violations(axe: Any, page: Any, options: dict, url: str = "") -> list[str]:
    """axe's serious and critical violations on ``page``, one line each; the others are printed to be seen."""
    context = AXE_CONTEXT.get(url.removeprefix("en/"))
    results = axe.run(page, context=context, options=options).response
    found = []
    for violation in results["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        line = f"{violation['id']} ({violation['impact']}): {targets}"
        if violation["impact"] in ("serious", "critical"):
            found.append(line)
        else:
            print("minor:", page.url, line)
    return found


# Every element whose box reaches past the viewport's right edge (hidden menus included: they still widen
# the page), named so that a failure says what to fix.
WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const name = `${element.tagName.toLowerCase()}.${String(element.className).split(" ")[0]}`;
      found.push(`${name} → ${Math.round(box.right)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, found: found.slice(0, 5)};
}"""


# Every element the keyboard can reach whose box is out of the viewport once it has the focus (a page scrolls a
# focused element into view vertically, so what is left is off to a side, or hidden in a closed drawer): WCAG
# 2.4.7 and 2.4.11. Each candidate is focused in turn; one that does not take the focus is not reachable. A
# control drawn by its label (Material's palette radios are 0 × 0, the label after each showing its focus) is
# measured by that label. Of a group of radio buttons only the checked one (or the first) is in the Tab order.
OFF_SCREEN_FOCUS = """() => {
  const found = [], width = document.documentElement.clientWidth, height = window.innerHeight;
  const candidates = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const element of candidates) {
    if (element.disabled) continue;
    // of a group of radio buttons, Tab reaches the checked one, or the first when none is (the arrow keys
    // move within the group)
    if (element.type === 'radio' && element.name) {
      const group = document.querySelectorAll(`input[type=radio][name="${element.name}"]`);
      const checked = [...group].find((radio) => radio.checked);
      if (element !== (checked || group[0])) continue;
    }
    element.focus();
    if (document.activeElement !== element) continue;
    let box = element.getBoundingClientRect();
    if ((box.width === 0 || box.height === 0) && element.labels && element.labels.length) {
      // Material's palette draws the focus of its radio on the label that follows it
      const next = element.nextElementSibling;
      box = (next && next.tagName === 'LABEL' ? next : element.labels[0]).getBoundingClientRect();
    }
    const seen = box.width > 0 && box.height > 0 && box.right > 0 && box.left < width
      && box.bottom > 0 && box.top < height;
    if (!seen) {
      const name = (element.getAttribute('aria-label') || element.textContent || element.id || '').trim().slice(0, 40);
      found.push(`${element.tagName.toLowerCase()} "${name}" at ${Math.round(box.left)},${Math.round(box.top)}`);
    }
  }
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  return found;
}"""


def off_screen_focus(page: Any) -> list[str]:
    """Elements the keyboard reaches with the focus out of sight (empty if none)."""
    return page.evaluate(OFF_SCREEN_FOCUS)


def overflow(page: Any) -> list[str]:
    """What makes ``page`` scroll sideways (empty if nothing does)."""
    measured = page.evaluate(WIDER_THAN_SCREEN)
    if measured["scroll"] <= measured["width"]:
        return []
    return [f"{measured['scroll']} px wide on {measured['width']} px: {measured['found']}"]


class RequestWatch:
    """Every request ``page`` makes to another host than the site's, and every one that fails.

    ERR_ABORTED is a request the page itself cancelled (a newer keystroke, or leaving the page), not a failure.
    """

    def __init__(self, page: Any) -> None:
        self.foreign: list[str] = []
        self.failed: list[str] = []
        page.on("request", self._request)
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _request(self, request: Any) -> None:
        if urlparse(request.url).hostname != "127.0.0.1":
            self.foreign.append(request.url)

    def _request_failed(self, request: Any) -> None:
        if "ABORTED" not in str(request.failure):
            self.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} ({response.status})")
