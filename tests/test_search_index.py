"""What the search index gets from each page (mpchub.search.words), the browser's generated assets
(mpchub.search.assets) and the relevance set's reading and scoring (mpchub_tools.relevance)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mpchub.content.project import Project
from mpchub.content.text import TURKISH_ASCII, fold
from mpchub.search import assets as search_assets
from mpchub.search import words as search
from mpchub.search.pagefind import EXCLUDED, PagefindFailed, pages_of
from mpchub.search.words import index_block, search_key
from mpchub_tools import relevance

REPO = Path(__file__).resolve().parents[1]
REGISTRY = Project(REPO).registry
KINDS = tuple(b.kind for b in REGISTRY.browses)

RECORD_PAGE = """
<div class="mpc-record mpc-practice"><h1>Sosyal Koruma Masası ve Türkçe Kursları</h1>
<p class="mpc-notice mpc-notice--outdated" role="note">Bu çeviri eskidir</p>
<p class="mpc-lead">Küçükçekmece'deki masa, hukuki danışmanlık ve Türkçe kursları sunuyor.</p>
<dl class="mpc-panel"><dt>Uygulayıcılar</dt><dd><a href="../../municipalities/kucukcekmece-belediyesi/">Küçükçekmece
Belediyesi</a> <small>(İlçe Belediyesi)</small></dd>
<dt>Yer</dt><dd>Küçükçekmece, <a href="../../provinces/istanbul/">İstanbul</a></dd></dl>
<div hidden class="mpc-search-filters"><span data-pagefind-filter="type[data-value]" data-value="İyi uygulama"></span>
<span data-pagefind-filter="theme[data-value]" data-value="Türkçe ve Dil Öğrenimi"></span>
<span data-pagefind-filter="group[data-value]" data-value="Kadınlar"></span>
<span data-pagefind-filter="province[data-value]" data-value="İstanbul"></span></div></div>
<p>Masada Işık adlı bir gönüllü çalışıyor.</p>
<section class="mpc-related" data-pagefind-ignore><h2>İlgili uygulamalar</h2>
<ul><li><a href="../x/">Zeytinburnu Diyalog Projesi</a></li></ul></section>
<section class="mpc-linked"><h2>İlgili yayınlar</h2>
<ul><li><a href="../y/">Marmara'nın Kent Mültecileri</a></li></ul></section>
<p class="mpc-actions"><a href="https://example.org/edit">Değişiklik önerin</a></p>
<pre><code>mpchub new practice --title "Kadıköy Dil Kursu"</code></pre>
"""


def block_words(block: str) -> tuple[set[str], set[str]]:
    """The words of the hidden block: (all of them, those in the weighted metadata part)."""
    soup = BeautifulSoup(block, "html.parser")
    weighted = soup.select_one("[data-pagefind-weight]")
    meta = set(weighted.get_text().split()) if weighted else set()
    return set(soup.get_text().split()), meta


@pytest.mark.parametrize(
    "group",
    [
        ["kurs", "kursu", "kursları", "kurslar", "KURSLARI", "kurslari"],
        ["meclis", "meclisleri", "Meclisleri"],
        ["İstanbul", "istanbuldaki", "İstanbul'daki", "İSTANBULDAKİ", "istanbul’da"],
        ["Küçükçekmece", "küçükçekmecede", "Küçükçekmece'de", "küçükçekmecedeki", "kucukcekmecedeki"],
        ["belediye", "belediyeler", "belediyesi", "belediyelerin"],
        ["sağlık", "sağlığı", "saglik", "sagligi"],
        ["göçmen", "göçmenlere", "gocmenler"],
        ["çocuk", "çocuklar", "çocuklara", "cocuklarin"],
    ],
)
def test_inflected_forms_share_one_key(group: list[str]) -> None:
    assert len({search_key(word) for word in group}) == 1, {word: search_key(word) for word in group}


def test_keys_do_not_cut_roots_or_derivations() -> None:
    assert search_key("kadın") == "kadin"  # not 'kad': -ın here is part of the root
    assert search_key("Türkçe") != search_key("Türk")  # -çe makes another word
    assert search_key("dil") == "dil" and search_key("ev") == "ev"


def test_the_block_holds_folded_joined_and_key_forms_of_the_pages_own_words() -> None:
    words, _ = block_words(index_block(RECORD_PAGE, True))
    assert {"isik", "kucukcekmecedeki", "kurs", "kucukcekmec", "turkce", "sosyal"} - {"sosyal"} <= words
    assert "sosyal" not in words  # unchanged by folding and keying: Pagefind indexes the page's own word


def test_first_words_of_metadata_values_are_repeated() -> None:
    """Pagefind reads <dt>Yer</dt><dd>Küçükçekmece as one word, "yerküçükçekmece"."""
    words, _ = block_words(index_block(RECORD_PAGE, True))
    assert "küçükçekmece" in words


def test_related_lists_notices_and_edit_links_are_left_out() -> None:
    words, _ = block_words(index_block(RECORD_PAGE, True))
    for foreign in ("zeytinburnu", "diyalog", "marmaranin", "multec", "eskidir", "onerin", "ilgil", "kadikoy"):
        assert foreign not in words, foreign
    excluded = set(EXCLUDED)
    assert {".mpc-related", ".mpc-linked", ".mpc-notice", ".mpc-actions", "pre"} <= excluded


def test_metadata_labels_are_weighted_above_body_text() -> None:
    block = index_block(RECORD_PAGE, True)
    assert f'data-pagefind-weight="{search.METADATA_WEIGHT}"' in block
    _, meta = block_words(block)
    # What identifies the record (issue 20): its title, the province from the filter spans, the municipality
    # from the panel (this page has no marks: the guess from the panel's links)
    assert {"Sosyal", "Koruma", "Masası", "Kursları", "İstanbul", "Küçükçekmece", "Belediyesi"} <= meta
    assert {"kucukcekmec", "kurs", "masasi"} <= meta  # the folded forms and keys of those words weigh as much
    # never what a contributor can list without bound: themes and target groups (a stuffed practice listing
    # every theme was in the first five results of most queries)
    assert not {"Dil", "Öğrenimi", "Kadınlar"} & meta
    assert "uygulama" not in {w.lower() for w in meta}  # the content type is a filter, not a label to search


def test_marked_metadata_replaces_the_guesses_from_the_panel() -> None:
    page = RECORD_PAGE.replace(
        '<div hidden class="mpc-search-filters">',
        '<div hidden class="mpc-search-filters"><span data-mpc-search-meta data-value="Sultanbeyli"></span>',
    )
    _, meta = block_words(index_block(page, True))
    assert "Sultanbeyli" in meta and "Belediyesi" not in meta


def test_english_pages_get_folded_forms_but_no_turkish_keys() -> None:
    page = "<h1>Social Protection Desk and Turkish Courses</h1><p>The desk in Küçükçekmece helps refugees.</p>"
    words, _ = block_words(index_block(page, False))
    assert "kucukcekmece" in words
    assert "kucukcekmec" not in words and "cours" not in words
    assert search.looks_turkish(RECORD_PAGE) and not search.looks_turkish(page)


def test_contributor_text_stays_text_in_the_block() -> None:
    block = index_block('<h1>&lt;img src=x onerror=alert(1)&gt; Işık</h1><p>a &amp; b "çay"</p>', True)
    soup = BeautifulSoup(block, "html.parser")
    # only our own elements (the block and its weighted metadata, here the title); no tag from the page
    assert {tag.name for tag in soup.find_all(True)} == {"div", "span"}
    assert all(
        tag.attrs.keys() <= {"hidden", "aria-hidden", "data-mpc-folded", "data-pagefind-weight"}
        for tag in soup.find_all(True)
    )
    assert index_block("", True) == "" and index_block("<p>123</p>", None) == ""


def test_the_block_is_not_indexed_twice() -> None:
    once = index_block(RECORD_PAGE, True)
    assert index_block(RECORD_PAGE + once, True) == once


def test_generated_text_module_carries_the_python_tables() -> None:
    module = search_assets.text_module()
    assert search_assets.DATA_MARK not in module
    data = json.loads(module.split("var DATA = ", 1)[1].split(";\n", 1)[0])
    assert data["folding"] == TURKISH_ASCII
    assert sorted(data["suffixes"]) == sorted(search.SUFFIXES)
    assert data["stopWords"]["tr"] == sorted(search.STOP_WORDS["tr"])
    assert data["foldedMark"] == search.FOLDED_MARK


def test_generated_text_module_keys_words_as_python_does(tmp_path: Path) -> None:
    """The browser's twin under Node (the browser test checks Chromium on real pages)."""
    words = ["Kursları", "İstanbul'daki", "küçükçekmecedeki", "Işık", "desteği", "GÖÇMENLERE", "kadın", "Türkçe"]
    script = tmp_path / "run.js"
    script.write_text(
        "global.window = {};\n" + search_assets.text_module() + "\n"
        f"const words = {json.dumps(words)};\n"
        "console.log(JSON.stringify(words.map(w => [window.mpcText.fold(w), window.mpcText.key(w)])));\n",
        encoding="utf-8",
    )
    out = subprocess.run(["node", str(script)], capture_output=True, text=True, check=True, timeout=60).stdout
    assert json.loads(out) == [[fold(w), search_key(w)] for w in words]


def test_browse_labels_come_from_the_built_index_pages(tmp_path: Path) -> None:
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "index.html").write_text(
        '<article><h1>Temalar</h1><ul class="mpc-index"><li><a href="language-learning/">Türkçe ve Dil Öğrenimi</a>'
        ' <span class="mpc-count">3</span></li><li><span class="mpc-muted">Boş</span></li>'
        '<li><a href="https://example.org/">Dış</a></li></ul></article>',
        encoding="utf-8",
    )
    assert search_assets.browse_labels(tmp_path, REGISTRY.language("tr"), KINDS) == [
        {"label": "Türkçe ve Dil Öğrenimi", "url": "themes/language-learning/", "kind": "themes"}
    ]
    assert search_assets.browse_labels(tmp_path, REGISTRY.language("en"), KINDS) == []
    written = search_assets.write(tmp_path, REGISTRY.languages, KINDS)
    assert (tmp_path / "assets/javascripts/mpc-text.js") in written
    assert json.loads((tmp_path / "assets/search/labels.tr.json").read_text(encoding="utf-8"))[0]["kind"] == "themes"


# --- the relevance set ---------------------------------------------------------------------------------


def test_the_relevance_set_is_large_varied_and_names_real_records() -> None:
    queries = relevance.load(Project(REPO))
    assert len(queries) >= 40
    assert {q.lang for q in queries} == {"tr", "en"}
    assert {len(q.text.split()) for q in queries} >= {1, 2, 3}
    assert any(q.text.isascii() and q.lang == "tr" for q in queries)  # typed without Turkish letters
    assert any("'" in q.text for q in queries) and any("deki" in q.text for q in queries)  # suffixes
    assert all(len(q.expect) <= relevance.CUTOFF for q in queries)


def test_relevance_set_errors_name_file_line_and_field(tmp_path: Path) -> None:
    queries = tmp_path / "queries.yml"
    queries.write_text(
        "- query: dil kursu\n  lang: de\n  expect: [x]\n"
        "- query: açık ev\n  lang: tr\n  expect: [no-such-record]\n"
        "- query: ''\n  lang: tr\n  expect: [sisli-acik-ev]\n  colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(relevance.RelevanceSetError) as error:
        relevance.load(Project(REPO), queries)
    lines = str(error.value).splitlines()
    assert any(":1: lang: 'de' is not allowed; allowed: tr, en" in line for line in lines)
    assert any(":4: expect: no-such-record: no such record" in line for line in lines)
    assert any(":7: colour: unknown field" in line for line in lines)
    assert any(":7: query: must be non-empty text" in line for line in lines)


def test_recall_and_first_right_rank() -> None:
    query = relevance.Query("açık ev", "tr", ("practices/a/", "practices/b/"), "", 1)
    outcome = relevance.Outcome(query, ["x/", "practices/b/", "y/", "z/", "w/", "practices/a/"])
    assert outcome.recall == 0.5 and outcome.first_right == 2 and outcome.missing == ["practices/a/"]
    missed = relevance.Outcome(query, [])
    summary = relevance.summarise([outcome, missed])
    assert summary.recall_at_5 == 0.25 and summary.complete == 0 and summary.not_found == 1
    assert summary.mean_first_right == 2
    assert "missing: practices/a/" in relevance.report([outcome])


def test_each_language_is_indexed_from_its_own_pages(tmp_path):
    """One Pagefind run per language (mpchub.search.pagefind): English from en/, Turkish from everything else."""
    for folder in ("practices", "en", "pagefind", "assets"):
        (tmp_path / folder).mkdir()
    languages = REGISTRY.languages
    assert pages_of(REGISTRY.language("en"), languages, tmp_path) == "en/**/*.html"
    expected = "{*.html,assets/**/*.html,pagefind/**/*.html,practices/**/*.html}"
    assert pages_of(REGISTRY.language("tr"), languages, tmp_path) == expected
    (tmp_path / "a,b").mkdir()  # a comma would split the glob's alternatives
    with pytest.raises(PagefindFailed, match="a,b"):
        pages_of(REGISTRY.language("tr"), REGISTRY.languages, tmp_path)
