"""Driving Debian's Chromium through Playwright against a site served on localhost, and the checks that hold on
every page. The browser and the server are ``mpchub_tools.browser`` (the measurement tools use the same). A
missing browser is a failure, not a skip.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

from mpchub_tools.browser import (  # noqa: F401  (re-exported for the tests)
    CHROMIUM,
    CachingPagesHandler,
    launch,
    serve,
    serve_as_pages,
)

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


# axe-core from axe-playwright-python's wheel. Its Axe.run puts the 550 KB script into the page before every run
# (a third of a run's CPU); axe_run puts it in once per document.
AXE_SCRIPT = Axe().axe_script
# axe measures colours as they are drawn: it runs once the page's running, finite transitions have ended
# (Material's header fades the page title in when the page scrolls; measured half-way, its text failed the
# contrast rule), or after 2 s at most: a paused animation never ends, and page.evaluate has no time limit.
RUN_AXE = """async ([context, options]) => {
  const ending = document.getAnimations().filter(
    (a) => a.playState === 'running' && a.effect.getComputedTiming().iterations !== Infinity);
  const ended = Promise.all(ending.map((a) => a.finished.catch(() => null)));
  await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
  return context ? axe.run(context, options) : axe.run(options);
}"""


def axe_run(page: Any, options: dict, context: dict | None = None) -> dict:
    """axe-core's results on ``page`` as it is now (``options`` and ``context`` as axe.run takes them)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(RUN_AXE, [context, options])


def serious_violations(page: Any, options: dict, url: str = "") -> list[str]:
    """axe's serious and critical violations on ``page``, one line each; the others are printed to be seen."""
    results = axe_run(page, options, AXE_CONTEXT.get(url.removeprefix("en/")))
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
