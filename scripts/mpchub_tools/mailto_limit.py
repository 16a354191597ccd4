"""``./dev.sh bench --mailto``: the longest ``mailto:`` link Chromium hands to the system's mail program.

The Contribute page's form puts a whole proposal in a ``mailto:`` link when it fits (``MAILTO_LIMIT`` in
``mpchub.contribute.mail``). What fits is decided by the browser and the system, not by any standard, so it
is measured: Debian's Chromium (through Playwright) clicks links of growing length, and a stand-in for
``xdg-open`` (the program Chromium on Linux starts for a ``mailto:`` link, first on ``PATH``) records the
length it received. The longest link that arrives whole is found by bisection. A link that is refused
opens nothing and says nothing, which is why the form measures its link before offering it.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

from mpchub_tools.browser import launch

PREFIX = "mailto:mpc@example.org?subject=x&body="
WAIT = 1.0  # seconds for Chromium to start the mail program after a click


def measure(low: int = 2_000, high: int = 2_200_000) -> dict[str, int]:
    """The longest link that reaches the mail program whole, and the first that does not."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mpchub-mailto-") as scratch:
        folder = Path(scratch)
        calls = folder / "calls"
        opener = folder / "xdg-open"
        opener.write_text(f'#!/bin/sh\nprintf %s "$1" | wc -c >> "{calls}"\n', encoding="utf-8")
        opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
        environment = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}
        with sync_playwright() as playwright:
            browser = launch(playwright, env=environment)
            page = browser.new_page()

            def arrives(length: int) -> bool:
                calls.write_text("", encoding="utf-8")
                page.set_content("<a id=l href='#'>mail</a>")
                link = PREFIX + "a" * (length - len(PREFIX))
                page.evaluate("href => { document.getElementById('l').href = href; }", link)
                page.click("#l")
                time.sleep(WAIT)
                received = calls.read_text(encoding="utf-8").split()
                return bool(received) and int(received[0]) == length

            if not arrives(low):
                raise RuntimeError(f"a {low}-character mailto: link did not reach the mail program")
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if arrives(middle) else (low, middle)
            browser.close()
    return {"longest": low, "refused": high}


def report() -> int:
    found = measure()
    print(
        f"Chromium hands mailto: links of up to {found['longest']:,} characters to the mail program; "
        f"a link of {found['refused']:,} opens nothing"
    )
    return 0
