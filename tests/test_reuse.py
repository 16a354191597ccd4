"""Rebuilds under ``mkdocs serve`` take back what earlier builds checked and rendered (``mpchub.content.reuse``):
after any edit, a rebuild that reuses gives exactly what a fresh build gives.

These run the core as the plugin does (one ``Reuse`` and one ``SchemaSet`` kept between builds) without
MkDocs; ``test_build_serve.py`` runs real ``mkdocs serve`` rebuilds. How much faster reusing is, is measured
by ``mpchub bench --serve 1000``, never here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mpchub.content.project import Project
from mpchub.content.reuse import Reuse
from mpchub.hub import Hub
from mpchub.site.links import HREF, resolve
from sites import FIXTURES, REPO, SITE_URL, make_fixture_hub

Build = dict[str, object]


class Rebuilds:
    """The generated site of a hub, built the way ``mkdocs serve`` rebuilds it and afresh."""

    def __init__(self, root: Path) -> None:
        self.project = Project(root)
        self.reuse = Reuse()

    def reusing(self) -> Build:
        # the schemas are kept while no schema or vocabulary file changes
        return _made(Hub.load(self.project.root, SITE_URL, self.reuse))

    def afresh(self) -> Build:
        return _made(Hub.load(self.project.root, SITE_URL))


def _made(built: Hub) -> Build:
    """What a build makes: the problems, and every generated page field by field (none if errors stop it)."""
    pages = {}
    if not built.errors:
        for p in built.pages():
            fields = (p.title, p.kind, p.html, p.markdown, p.description, p.source, p.translated, p.headings)
            pages[f"{p.path} ({p.lang})"] = fields
    return {"problems": [p.as_text() for p in built.problems], "pages": pages}


def _hub(tmp_path: Path) -> Path:
    return make_fixture_hub(tmp_path / "hub")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_that_reuses_gives_what_a_fresh_build_gives_after_every_kind_of_edit(tmp_path):
    root = _hub(tmp_path)
    practices = root / "practices"
    edits = {
        # a record other pages show: the recommendation's origin, a practice's related publication
        "a publication's title": lambda: _replace(root / "publications/ornek-rapor.md", "Örnek Rapor", "Yeni Ad"),
        # a related practice: its card on other record pages, the catalogs and browse pages
        "a related practice's title": lambda: _replace(practices / "cagri-merkezi.md", '"Çağrı', '"Acil Çağrı'),
        "a body": lambda: _replace(practices / "izmit-ornek.md", "\n---\n", "\n---\n\nYeni paragraf.\n"),
        "a twin deleted": lambda: (practices / "cami-bahcesi.en.md").unlink(),
        "the twin back": lambda: shutil.copy(FIXTURES / "practices/cami-bahcesi.en.md", practices),
        # a problem found across records is added to reused files: it must go when the cause goes
        "a duplicate id": lambda: shutil.copy(practices / "dil-kursu.md", practices / "dil-kursu-iki.md"),
        "the duplicate removed": lambda: (practices / "dil-kursu-iki.md").unlink(),
        # labels are in every page; the plugin compiles the vocabularies again, and the reuse starts afresh
        "a theme's label": lambda: _replace(root / "vocabularies/themes.yml", "tr: Sosyal Uyum", "tr: Toplumsal Uyum"),
    }
    rebuilds = Rebuilds(root)
    before = rebuilds.reusing()
    assert before == rebuilds.afresh()
    for name, edit in edits.items():
        edit()
        reused = rebuilds.reusing()
        assert reused != before, f"{name}: the edit changed nothing, so it tests nothing"
        fresh = rebuilds.afresh()
        assert reused["problems"] == fresh["problems"], name
        stale = [page for page in fresh["pages"] if reused["pages"].get(page) != fresh["pages"][page]]
        assert reused["pages"].keys() == fresh["pages"].keys() and not stale, f"{name}: stale pages {stale}"
        before = reused


def test_a_rebuild_renders_again_only_the_pages_an_edit_touches(tmp_path):
    root = _hub(tmp_path)
    rebuilds = Rebuilds(root)
    rebuilds.reusing()
    pages, files = rebuilds.reuse.pages, rebuilds.reuse.files
    records = len(pages)
    record_files = [
        p for folder in ("practices", "publications", "recommendations") for p in (root / folder).glob("*.md")
    ]
    assert (pages.made, files.made) == (records, len(record_files))
    # Other pages show this practice's card, never its body.
    _replace(root / "practices/ilgaz-kulubu.md", "\n---\n", "\n---\n\nYeni paragraf.\n")
    rebuilds.reusing()
    assert (pages.made, files.made) == (2, 1), "the edited record's two pages, from its one file"
    rebuilds.reusing()
    assert (pages.made, files.made, len(pages)) == (0, 0, records)


def test_a_record_page_links_only_to_the_records_its_memo_key_holds(tmp_path):
    """A record page is reused while its record and the records of ``RecordPages.shown`` are unchanged: a
    template that showed (and so linked to) any other record would keep showing an old copy of it."""
    for root in (REPO, _hub(tmp_path)):
        built = Hub.load(root, SITE_URL)
        site = built.site
        languages = built.registry.languages
        page_of = {language.url(r.path).strip("/"): r for r in built.corpus.all() for language in languages}
        checked = 0
        for page in site.pages():
            record = page_of.get(page.url.strip("/"))
            if record is None or page.html is None:
                continue
            allowed = {record, *site.records.shown_records(record, page.lang)}
            linked = {page_of.get(resolve(page.url, href)) for href in HREF.findall(page.html)} - {None}
            assert linked <= allowed, f"{page.url} links to {[r.key for r in linked - allowed]}, not in its key"
            checked += len(linked - {record})
        assert checked > 0, f"no record page of {root} links to another record: this test tests nothing there"
