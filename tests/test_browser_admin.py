"""The web editor at /admin/ in Chromium, on the shared fixture site served under a sub-path, in one session.

The editor runs in its local-repository mode, the mode staff use on a clone: it asks the browser for a folder
with ``showDirectoryPicker`` (the File System Access API). Playwright cannot answer the browser's folder dialog,
so the page's ``showDirectoryPicker`` hands back a real directory handle of the origin private file system
(OPFS) instead, holding the fixture records (written in the editor's layout, as the repository keeps them) and
a ``.git`` folder; the editor reads and writes there exactly as in a clone, and the test reads the files back.
(The editor's "test" backend also uses OPFS, but it needs a configuration with another backend: this way the
page loads the configuration the build generated, unchanged.)
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import run_cli
from hubs import make_hub
from mpchub.content.corpus import load_corpus
from mpchub.content.layout import canonical_text
from mpchub.content.project import Project
from mpchub.content.registry import Collection
from mpchub.content.schemas import SchemaSet
from mpchub.content.writer import record_text
from mpchub.render.strings import t
from sites import BuiltSite

REPO = Path(__file__).resolve().parents[1]
REGISTRY = Project(REPO).registry
CMS_STRINGS = REPO / "node_modules" / "@sveltia" / "cms" / "locales" / "tr.json"
HOSTILE = "<img src=x onerror=alert(1)>"

# Before any page script: the folder the editor asks for is a folder of OPFS; every CSP violation is kept.
INIT = """
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__ran.push(name + ':' + args.join(' ')); };
}
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({directive: e.effectiveDirective, blocked: e.blockedURI});
});
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('clone', {create: true});
"""
WRITE = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('clone', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let folder = root;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ = """async () => {
  const out = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else out[prefix + name] = await (await handle.getFile()).text();
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('clone'), '');
  return out;
}"""
# The pane's scrolling box: the editor renders a field only once it is scrolled near.
SCROLL = """(pane) => {
  let box = pane.querySelector('[data-key-path]');
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (box) box.scrollBy(0, 800);
}"""
# A practice whose text holds what YAML quoting must get right: quotes, backslashes, colons, '#', apostrophes,
# line breaks, YAML 1.1 words, numbers, nested objects. Synthetic, never published.
TRICKY = {
    "id": "zor-metinler",
    "title": 'Zor "Metinler": İstanbul\'da #1',
    "summary": "Sentetik test kaydı: yes, no, on ve 1:30 yalnızca metindir.\n\nİkinci paragraf \\ ters eğik çizgi; "
    "'tek tırnak' ve \"çift tırnak\" ile.",
    "implementers": [{"name": "Sentetik Belediyesi", "kind": "district-municipality"}],
    "province": "istanbul",
    "district": "- başında tire",
    "scale": "district",
    "start_date": 2020,
    "status": "ongoing",
    "practice_type": "service",
    "themes": ["education"],
    "target_groups": ["children"],
    "sdgs": [4, 10],
    "objectives": ["Amaç: iki nokta.", "@ ve ` ile başlayan değil, 'içinde' geçen."],
    "activities": ["Etkinlik # yorum değil."],
    "funding": {"sources": ["municipal-budget"], "amount": 1500000.5, "currency": "TRY"},
    "beneficiaries": [{"count": 120, "counts": "reached", "period": "total", "year": 2023}],
    "contact": {"email": "bilgi@ornek.bel.tr"},
    "sources": [{"title": "Kaynak: 'alıntı'", "url": "https://example.org/zor?a=1&b=2#x", "kind": "web"}],
    "verification": "submitted",
    "last_reviewed": "2026-01-15",
}


def _hub_files(hub: Path) -> dict[str, str]:
    """The fixture records as the repository keeps them (the editor's layout), plus the tricky practice."""
    project = Project(hub)
    corpus = load_corpus(project)
    files = {}
    for record in corpus.files:
        text = canonical_text(record, corpus.schemas)
        assert text is not None, record.relpath
        files[record.relpath] = text
    schema = corpus.schemas.schema("practice", False)
    files["practices/zor-metinler.md"] = record_text(TRICKY, "Sentetik gövde: zor metinler.", schema)
    return files


def _title(text: str) -> str:
    """A master's title: its third line, as the editor's layout writes it (after '---' and the id)."""
    line = text.splitlines()[2]
    assert line.startswith("title: "), line
    return json.loads(line.removeprefix("title: "))


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


class Editor:
    """The page, with the editor's own Turkish words (its locale file) to find buttons by."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.words = json.loads(CMS_STRINGS.read_text(encoding="utf-8"))

    def field(self, key: str, locale: str = "tr") -> Any:
        pane = self.page.locator(f"[data-locale={locale}][data-mode=edit]")
        found = pane.locator(f"[data-key-path='{key}']")
        for _ in range(80):
            if found.count():
                found.first.scroll_into_view_if_needed()
                return found.first
            pane.evaluate(SCROLL)
            self.page.wait_for_timeout(30)
        raise AssertionError(f"no field {key} in the {locale} pane")

    def open_collection(self, collection: Collection, titles: Iterable[str] = ()) -> list[str]:
        """Show a collection's records; their titles, once the list is the collection's: the address says so
        and every title in ``titles`` is listed (a row count alone matched the previous collection's list
        when both hold as many records)."""
        self.page.get_by_text(t(REGISTRY.master.code, collection.folder), exact=True).first.click()
        self.page.wait_for_url(f"**#/collections/{collection.name}")
        listed = self.page.locator("#entry-list [role=row]")
        self.page.locator("#entry-list").wait_for()
        for title in titles:
            expect(listed.and_(self.page.get_by_role("row", name=title, exact=True))).to_have_count(1)
        return listed.evaluate_all("rows => rows.map(r => r.ariaLabel)")

    def save(self) -> None:
        self.page.get_by_role("button", name=self.words["save"], exact=True).click()
        self.page.locator("#entry-list").wait_for()  # back to the collection once the files are written


@pytest.fixture(scope="module")
def hub_files(fixture_site: BuiltSite) -> dict[str, str]:
    return _hub_files(fixture_site.root)


def test_the_editor_lists_opens_edits_and_creates_records(
    browser: Any, site_url: str, fixture_site: BuiltSite, hub_files: dict[str, str], tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="tr-TR")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(INIT)
    page.goto(site_url + "admin/tr.json")  # a page of the site's origin, to fill the clone before the editor
    page.evaluate(WRITE, {**hub_files, ".git/HEAD": "ref: refs/heads/main\n"})
    page.goto(site_url + "admin/")
    editor = Editor(page)
    page.get_by_role("button", name=editor.words["work_with_local_repo"]).click()

    # Every collection is listed with every record (the hostile title is listed too, as a row).
    for collection in REGISTRY.collections:
        masters = [
            text
            for path, text in hub_files.items()
            if path.startswith(collection.folder + "/") and not path.endswith(".en.md")
        ]
        expected = {_title(text) for text in masters} - {HOSTILE}
        titles = editor.open_collection(collection, expected)
        assert len(titles) == len(masters) and expected <= set(titles), (collection.folder, titles)

    # A practice opens with Turkish and English side by side.
    editor.open_collection(REGISTRY.collection("practice"), {"Çağrı Merkezi"})
    page.locator("#entry-list [role=row][aria-label='Çağrı Merkezi']").click()
    turkish = page.locator("[data-locale=tr][data-mode=edit]")
    english = page.locator("[data-locale=en][data-mode=edit]")
    tr_box, en_box = turkish.bounding_box(), english.bounding_box()
    assert tr_box and en_box and en_box["x"] >= tr_box["x"] + tr_box["width"] - 1, (tr_box, en_box)
    assert abs(en_box["y"] - tr_box["y"]) < 5
    assert editor.field("title").locator("input").input_value() == "Çağrı Merkezi"
    assert editor.field("title", "en").locator("input").input_value() == "Call Centre"
    editor.field("title").locator("input").fill("Çağrı Merkezi Hattı")
    editor.field("title", "en").locator("input").fill("Call Centre Line")
    editor.save()

    # A record whose text is hard to quote: an edit of one field changes that line only.
    page.locator("#entry-list [role=row]").filter(has_text="Zor").first.click()
    editor.field("district").locator("input").fill("Şişli")
    editor.save()

    # A new publication, created through the interface.
    editor.open_collection(REGISTRY.collection("publication"), {"Örnek Rapor"})
    page.get_by_role("button", name=editor.words["create"]).first.click()  # the name has the icon's word too
    editor.field("id").locator("input").fill("yeni-sentetik-yayin")
    editor.field("title").locator("input").fill("Yeni Sentetik Yayın")
    editor.field("publication_type").locator("[role=combobox]").click()
    page.get_by_role("option", name="Araştırma raporu · Research report").click()
    editor.field("publisher").locator("input").fill("Göç Politikaları Merkezi")
    editor.field("abstract").locator("textarea").fill("Sentetik bir özet: yalnızca test için yazıldı, yayımlanmaz.")
    editor.field("themes").locator("[role=combobox]").click()
    page.get_by_role("option", name="Eğitim · Education").click()
    editor.field("sources").get_by_role("button").filter(has_text=editor.words["add"]).click()
    editor.field("sources.0.title").locator("input").fill("Sentetik kaynak")
    editor.field("sources.0.url").locator("input").fill("https://example.org/yeni-yayin")
    editor.field("last_reviewed").locator("input").fill("2026-01-15")
    editor.field("body").locator("textarea").fill("Sentetik gövde metni.\n\nİkinci paragraf.")
    editor.save()

    saved = page.evaluate(READ)
    violations = page.evaluate("window.__violations")
    ran = page.evaluate("window.__ran")
    context.close()

    # What changed: the edited lines, the new record, and nothing else.
    changed = {path for path, text in saved.items() if hub_files.get(path) != text and not path.startswith(".git/")}
    new = "publications/yeni-sentetik-yayin.md"
    assert changed == {
        "practices/cagri-merkezi.md",
        "practices/cagri-merkezi.en.md",
        "practices/zor-metinler.md",
        new,
    }, changed
    assert _changed_lines(hub_files["practices/cagri-merkezi.md"], saved["practices/cagri-merkezi.md"]) == [
        '-title: "Çağrı Merkezi"',
        '+title: "Çağrı Merkezi Hattı"',
    ]
    assert _changed_lines(hub_files["practices/cagri-merkezi.en.md"], saved["practices/cagri-merkezi.en.md"]) == [
        '-title: "Call Centre"',
        '+title: "Call Centre Line"',
    ]
    assert _changed_lines(hub_files["practices/zor-metinler.md"], saved["practices/zor-metinler.md"]) == [
        '-district: "- başında tire"',
        '+district: "Şişli"',
    ]
    assert "publications/yeni-sentetik-yayin.en.md" not in saved  # no empty twin for a record made in Turkish

    # The saved files pass the check, in the editor's layout (mpchub's writer agrees with the editor's).
    hub = make_hub(tmp_path / "hub")
    for path, text in saved.items():
        if not path.startswith(".git/"):
            (hub / path).parent.mkdir(parents=True, exist_ok=True)
            (hub / path).write_text(text, encoding="utf-8")
    result = run_cli("--root", str(hub), "check", "--format", "json")
    problems = json.loads(result.out)
    assert result.exit_code == 0, [p for p in problems if p["severity"] == "error"]
    mine = {"practices/cagri-merkezi.md", "practices/cagri-merkezi.en.md", "practices/zor-metinler.md", new}
    for path in mine:
        record = next(r for r in load_corpus(Project(hub)).files if r.relpath == path)
        assert canonical_text(record, SchemaSet(Project(hub))) == saved[path], path

    # The page's policy held: no payload ran, every style was allowed by its hash, and every request to another
    # host than the site was refused by the policy (the editor's font, update and status checks), none sent.
    assert ran == []
    blocked = {v["blocked"] for v in violations}
    assert not [v for v in violations if v["directive"].startswith(("style-src", "script-src-elem"))], violations
    foreign = [
        url for url in requests if urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != "127.0.0.1"
    ]
    assert not [url for url in foreign if url not in blocked], ([u for u in foreign if u not in blocked], blocked)
    assert not [url for url in foreign if "api.github.com" in url]  # the local mode needs no GitHub
