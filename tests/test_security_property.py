"""Any record the check accepts builds, with the pages the check expects, within the budget (issue 20).

Hypothesis writes records from hostile pieces (YAML escapes, number forms, tags, ids that name generated
pages, names in other scripts, relative links, heading and list shapes, HTML) into a scratch hub, runs the
check as ``mpchub check`` does (``mpchub.hub.check``), and for every accepted one makes the build's pages in
this process (``mpchub.hub.Hub``, what the MkDocs adapter asks for): no exception, the set of pages the check
resolved links against (``mpchub.site.paths.page_paths``), no broken link, every body rendered again by the
build with no problem (so within the budget), and open data that parses. One real MkDocs build of accepted
hostile records is in ``test_security_build.py``. Every example runs under a time guard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from hubs import make_hub
from mpchub import hub as hub_module
from mpchub.content import body
from mpchub.content.project import Project
from mpchub.content.sitemap import hand_written_urls
from mpchub.exports import feeds
from mpchub.exports.citations import FORMATS, csl_item
from mpchub.site.index import SiteIndex
from mpchub.site.paths import page_paths
from mpchub_tools import hostile
from test_security_body import HOSTILE_PIECES
from test_security_hostile import guard

P = "practices/sentetik-kayit.md"

ESCAPES = [*list(hostile.ESCAPES.values()), "\\t", "\\\\", '\\"', "\\u0130", "\\u00e7"]
TEXT_PIECES = ["Sentetik", " ", "İğüşöç", "ı", "{", "}", "}}@misc{x,", "<b>", "&amp;", "'", "#", ": ", "- ", "%", "|"]
TEXT = st.lists(st.sampled_from(TEXT_PIECES + [f"«{e}»" for e in ESCAPES]), min_size=1, max_size=12).map("".join)
NUMBERS = st.sampled_from(["10", "1.0", "1.0e+0", "010", "!!int '5'", "+10", "10_0", "17", "0x1", "16", "3", ".5"])
IDS = st.sampled_from(["sentetik-kayit", "index", "sentetik-kayit-2"])
NAMES = st.sampled_from(
    [
        "Sentetik Belediyesi",
        "Şіşli Belediyesi",
        "Ｓentetik Belediyesi",
        "Sentetik Belediyesi (بلدية)",
        "Index",
        "x" * 151,
    ]
)
LINKS = st.sampled_from(
    ["../sentetik-kayit/", "../olmayan/", "../../themes/social-cohesion/", "../../sdgs/10/", "#b", "//e.org/x",
     "../../data/practices.tr.json", "https://example.org/", "../../../x"]
)  # fmt: skip


def mostly(clean: str, hostile_values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """The clean value two times in three: enough accepted records to build, hostile values the rest."""
    return st.one_of(st.just(clean), st.just(clean), hostile_values)


BENIGN = st.sampled_from(
    ["Metin ", "**kalın** ", "*eğik* ", "\n\n", "## Bölüm\n\n", "- madde\n", "1. madde\n", "> alıntı\n\n", "`kod` "]
)
BODY_PIECES = st.one_of(
    BENIGN,
    BENIGN,
    BENIGN,
    BENIGN,
    st.sampled_from([*HOSTILE_PIECES, "## Bölüm\n\n", "- a\n", "##\n", "a\n-\n\n", "|a|b|\n|-|-|\n|x|y|\n\n"]),
    LINKS.map(lambda href: f"[bağlantı]({href})"),
    st.text(max_size=6),
)
BODIES = st.lists(BODY_PIECES, min_size=1, max_size=15).map(lambda pieces: "Sentetik gövde. " + "".join(pieces) + "\n")


@st.composite
def records(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text) of a practice with hostile values in its fields and body."""
    record_id = draw(mostly("sentetik-kayit", IDS))
    text = hostile.VALID.replace("id: sentetik-kayit", f"id: {record_id}")
    text = text.replace("title: Sentetik Danışma Merkezi", f'title: "{draw(mostly("Sentetik", TEXT))} merkez"')
    text = text.replace("district: Şişli", f'district: "{draw(mostly("Şişli", TEXT))[:40]}"')
    text = text.replace("  - name: Sentetik Belediyesi", f"  - name: {draw(mostly('Sentetik Belediyesi', NAMES))}")
    text = text.replace("sdgs: [10]", f"sdgs: [{draw(mostly('10', NUMBERS))}]")
    text = text.replace("  - Göçmenlere danışmanlık sunmak.", f'  - "{draw(mostly("Amaç", TEXT))}"')
    text = text.replace(hostile.BODY, draw(BODIES))
    return f"practices/{record_id}.md", text


@dataclass
class PropertyHub:
    project: Project

    def write(self, relpath: str, text: str) -> None:
        for old in (self.project.root / "practices").iterdir():
            if old.name != "sabit-kayit.md":
                old.unlink()
        (self.project.root / relpath).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def property_hub(tmp_path_factory: pytest.TempPathFactory) -> PropertyHub:
    root = make_hub(tmp_path_factory.mktemp("property") / "hub", site=True)  # with docs/: its pages are linked
    # A second record, always valid, for the first one's links to point at and its pages to share
    (root / "practices" / "sabit-kayit.md").write_text(
        hostile.VALID.replace("id: sentetik-kayit", "id: sabit-kayit"), encoding="utf-8"
    )
    return PropertyHub(Project(root))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(records())
def test_what_the_check_accepts_builds_with_the_pages_it_expects(
    property_hub: PropertyHub, record: tuple[str, str]
) -> None:
    relpath, text = record
    property_hub.write(relpath, text)
    project = property_hub.project
    with guard(30):
        corpus = hub_module.check(project)
        event("accepted" if not corpus.errors else "refused")
        if corpus.errors:
            assert all(p.line >= 1 and p.rule for p in corpus.errors)
            return
        body.rendered.cache_clear()  # the build renders every body again, under the budget
        built = hub_module.Hub(project, corpus, "https://example.org/hub/")
        pages = built.pages()
        for record_ in corpus.all():
            for language in corpus.registry.languages:
                assert body.rendered(record_.body(language.code)).problems == []
        assert {p.path for p in pages} == page_paths(SiteIndex(corpus))
        known = {p.url for p in pages} | built.known_paths() | hand_written_urls(project.docs_dir, project.registry)
        assert built.broken_links(((p.url, p.html) for p in pages if p.html), known) == []
        for language in corpus.registry.languages:
            etree.fromstring(feeds.feed(corpus, language, "https://example.org/hub/"))
            items = [csl_item(corpus, r, language.code, None) for r in corpus.all()]
            bib = next(write for extension, _, _, write in FORMATS if extension == "bib")(items)
            assert len(re.findall(r"(?m)^@", bib)) == len(items), bib
