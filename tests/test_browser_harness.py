"""The browser the tests and the measurement tools drive: Debian's Chromium, with Playwright's own switches kept.

``mpchub_tools.browser.CHROMIUM_ARGS`` turns off a few more Chromium features than Playwright does. Chromium
keeps only the last ``--disable-features`` switch it is given, so ours must repeat Playwright's whole list. The
test reads the switches Playwright really passed, so an upgrade that adds a feature to its list fails here.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from browser import launch

pytestmark = pytest.mark.browser


def _browser_switches(marker: str) -> list[str]:
    """The command line of the browser process (not one of its helpers) started with ``marker``."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue  # a process that ended meanwhile
        if marker in words and not any(word.startswith("--type=") for word in words):
            return words
    raise AssertionError(f"no browser process was started with {marker}")


def test_our_disabled_features_keep_playwrights(playwright: Any) -> None:
    marker = f"--mpchub-harness-{uuid.uuid4().hex}"  # Chromium ignores a switch it does not know
    browser = launch(playwright, marker)
    try:
        switches = _browser_switches(marker)
    finally:
        browser.close()
    lists = [set(s.split("=", 1)[1].split(",")) for s in switches if s.startswith("--disable-features=")]
    assert len(lists) >= 2, switches  # Playwright's, then ours
    missing = set().union(*lists[:-1]) - lists[-1]
    assert not missing, f"Chromium keeps the last --disable-features only; ours leaves out {sorted(missing)}"
