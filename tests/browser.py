"""Driving Debian's Chromium through Playwright against a site served on localhost.

Playwright never downloads a browser here: the tests use /usr/bin/chromium (apt-get install chromium,
which ./dev.sh test does). A missing browser is a failure, not a skip.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
        if not link.exists():
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
