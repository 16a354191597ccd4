"""The built site is the same for a visitor after a refactoring: every page type's text and links.

The record is ``tests/fixtures/visitor-view.json``. When a change is meant to alter what visitors see,
rebuild the record and review its diff: ``python tests/visitor_view.py SITE_DIR tests/fixtures/visitor-view.json``
(SITE_DIR built from the fixture hub as ``tests/sites.py`` builds it).
"""

from __future__ import annotations

import json

import pytest

from sites import REPO
from visitor_view import PAGE_TYPES, site_view

RECORD = REPO / "tests" / "fixtures" / "visitor-view.json"


@pytest.mark.site
def test_every_page_type_reads_and_links_as_recorded(fixture_site):
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = site_view(fixture_site.site)
    assert set(now) == set(recorded) and len(now) == 2 * len(PAGE_TYPES)
    changed = [name for name in recorded if now[name] != recorded[name]]
    assert not changed, f"what visitors see changed on: {', '.join(changed)} (see this module's docstring)"
