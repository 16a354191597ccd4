"""Debian's Chromium and a GitHub-Pages-like server: how the tests and the measurement tools see the site.

Playwright never downloads a browser here: /usr/bin/chromium (``apt-get install chromium``, which ``./dev.sh
test`` does) is the browser. The server publishes a built site under a sub-path, as GitHub Pages serves a
project site, and answers a missing address with the site's own ``404.html`` and status 404, as Pages does;
``serve_as_pages`` also sends what caching depends on (gzip, ``max-age=600``, an ``ETag``), for the first
search, the service worker and ``bench --weak``.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import hashlib
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

CHROMIUM = Path("/usr/bin/chromium")
# The features Playwright 1.65 turns off (its chromiumSwitches.ts). Chromium keeps the last --disable-features
# switch it is given, so ours repeats Playwright's list before adding to it (tests/test_browser_harness.py reads
# what Playwright passes and fails when its list grows).
PLAYWRIGHT_DISABLED = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints",
    "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]  # fmt: skip
# Chromium 156 builds the address bar's suggestion pop-up as web pages of their own (chrome://omnibox-popup
# .top-chrome/, in a renderer process per tab) even without a window, and updates them on every navigation:
# 45 % of the CPU of opening a tab and loading a page (48 loads: 40.4 CPU-s with them, 22.3 without).
# And a spare renderer process, started ahead for the next tab of the same browser context: a test's context
# is closed after a tab or two, so the spare was started and thrown away (7 % of the same 48 loads).
NOT_USED_HEADLESS = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "SpareRendererForSitePerProcess"]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED + NOT_USED_HEADLESS),
]  # fmt: skip


def launch(playwright: Any, *more_args: str, **options: Any) -> Any:
    """Debian's Chromium, started by Playwright with the arguments above and ``more_args`` (``options`` go to
    Playwright's ``launch``)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *more_args], **options)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one gets the mounted site's ``404.html`` with status 404 (GitHub Pages' custom 404)."""

    not_found: Path | None = None  # the site's 404 page

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page drops the files it was still loading: not an error of the site."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            super().handle_error(request, client_address)


@contextmanager
def _running(handler: Any) -> Iterator[int]:
    """An HTTP server on a free port of 127.0.0.1 in a thread, for the ``with`` block; yields the port."""
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at ``mount`` (e.g. '/hub/', as GitHub Pages does) and yield its URL."""
    root = directory
    if mount != "/":
        # Serve the parent with a link named like the sub-path, so URLs carry the prefix. One mount folder per
        # site: a shared one kept serving the first site of the folder to whoever came next.
        root = directory.parent / f"_mount-{directory.name}"
        (root / mount.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        link = root / mount.strip("/")
        with contextlib.suppress(FileExistsError):  # another test worker serves the same shared site
            link.symlink_to(directory, target_is_directory=True)
    handler_class = type("SiteHandler", (PagesHandler,), {"not_found": directory / "404.html"})
    handler = functools.partial(handler_class, directory=str(root))
    with _running(handler) as port:
        yield f"http://127.0.0.1:{port}{mount}"


GZIPPED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"}


class CachingPagesHandler(http.server.SimpleHTTPRequestHandler):
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
        CachingPagesHandler.transferred.append((self.path, len(body)))


@contextmanager
def serve_as_pages(site: Path, mount: str = "/hub/") -> Iterator[str]:
    """Serve ``site`` at ``mount`` as GitHub Pages serves a project site: what ``serve`` does, plus gzip,
    ``Cache-Control: max-age=600`` with an ``ETag`` and ``404.html`` at a missing address (for what depends on
    caching: the search's first query, the service worker). Bytes sent are added to
    ``CachingPagesHandler.transferred``."""
    handler = type("Handler", (CachingPagesHandler,), {"root": site, "mount": mount})
    with _running(handler) as port:
        yield f"http://127.0.0.1:{port}{mount}"
