"""The search copy of generated pages, read in one pass (mpchub.search.scan), is the one lxml's tree gives
(mpchub.search.words.index_block), byte for byte: on every generated page of the fixture and hostile hubs, on the
record page of the search tests, and on record bodies made of hostile Markdown."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from hubs import FIXTURES, REPO, make_hub
from mpchub.content import body
from mpchub.hub import Hub
from mpchub.search import scan, words
from test_search_index import RECORD_PAGE
from test_security_body import BODIES


@pytest.fixture(scope="module")
def generated_pages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    pages = []
    for name, records in (("fixture", FIXTURES), ("hostile", REPO / "tests" / "fixtures" / "hostile")):
        root = make_hub(tmp_path_factory.mktemp(name) / "hub", records=records)
        hub = Hub.load(root, "http://127.0.0.1:8000/hub/")
        pages += [(page.url, page.html) for page in hub.pages() if page.html]
    return pages


def test_every_generated_page_reads_as_lxml_reads_it(generated_pages: list[tuple[str, str]]) -> None:
    assert len(generated_pages) > 100
    for url, html in generated_pages:
        for turkish in (True, False):
            assert scan.index_block(html, turkish) == words.index_block(html, turkish), url


@pytest.mark.parametrize(
    "html",
    [
        RECORD_PAGE,
        "<p>abc<span class='headerlink'>¶</span>def</p>",  # an ignored element's tail joins the text before it
        "<p>a<!-- c -->b</p><dl><dt>Yer</dt><dd><span>Şişli</span>, <a href='provinces/x'>İstanbul</a></dd></dl>",
        "<dl><dt>Yer</dt><dd>Şişli, <a href='../provinces/istanbul/'>İstanbul</a></dd></dl>",
        '<p title="a > b">Işık</p><script type="application/ld+json">{"a": "</p>"}</script>kurs',
        "<section data-pagefind-ignore><section>x</section>yy</section>zz<br/>Kadın",
        "<span data-mpc-search-meta data-value='İzmit &amp; Körfez'>x</span><b data-mpc-search-meta>Şiş<i>li</i></b>",
        '<button data-target="#a > p" data-pagefind-ignore><span>kopyala</span></button>Işık',  # > in a value
        '<a title="x <y" class="mpc-related">z</a>w<h1>Başlık <i>bir</i></h1><h1>iki</h1>',
    ],
)
def test_pieces_of_markup_read_as_lxml_reads_them(html: str) -> None:
    for turkish in (True, False, None):
        assert scan.index_block(html, turkish) == words.index_block(html, turkish)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_any_accepted_body_reads_as_lxml_reads_it(source: str) -> None:
    rendered = body.render(source)
    page = f'<div class="mpc-body" lang="tr">\n{rendered.html}\n</div><dl><dt>x</dt><dd>{rendered.html}</dd></dl>'
    assert scan.index_block(page, True) == words.index_block(page, True)
