"""Open data: every export is read back with the library meant for its format and compared with the corpus.

JSON with its JSON Schema, the Data Package with ``frictionless``, CSV with Python's ``csv``, feeds with
``feedparser``, citations with ``citeproc-py`` (CSL-JSON, BibTeX) and a tag reader (RIS), JSON-LD with
``pyld``. The fixture records (tests/fixtures/hub) include a Turkish-only practice and a hostile one.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import subprocess
from base64 import b64decode
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON
from frictionless import validate
from pyld import jsonld as pyld

from conftest import VALID_PRACTICE, VALID_TWIN, Hub, run_cli
from hubs import FIXTURES, REPO, make_hub
from mpchub.content.corpus import Corpus, load_corpus
from mpchub.content.project import Project
from mpchub.content.schemas import iter_fields
from mpchub.exports import (
    build_exports,
    citation_html,
    citations,
    feed_links_html,
    hub,
    jsonld,
    jsonld_html,
    listing_downloads_html,
    model,
    open_data_html,
    province_map_html,
    site_paths,
    statistics_html,
    tables,
    write_site_exports,
)
from mpchub.exports.charts import MAP_FILE
from mpchub.exports.statistics import tables as statistic_tables

SITE_URL = "https://example.org/hub/"
REGISTRY = Project(REPO).registry
COLLECTIONS = REGISTRY.collections


def fixture_project(target: Path) -> Project:
    return Project(make_hub(target, records=FIXTURES))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    loaded = load_corpus(fixture_project(tmp_path_factory.mktemp("exports") / "hub"))
    assert not loaded.errors, loaded.errors
    return loaded


@pytest.fixture(scope="module")
def out(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("exported")
    written = write_site_exports(corpus, target, SITE_URL)
    assert written and all(p.is_file() for p in written)
    return target


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- JSON ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.folder)
@pytest.mark.parametrize("lang", ["tr", "en", None])
def test_json_validates_against_its_published_schema_and_counts_match(corpus, out, collection, lang):
    data = read_json(out / hub.collection_file(collection, lang, "json"))
    schema = read_json(out / hub.schema_file(collection, neutral=lang is None))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    expected = sorted(r.slug for r in corpus.of(collection.name))
    assert data["count"] == len(expected)
    assert sorted(entry["fields"]["id"] for entry in data["records"]) == expected
    assert data["licence"]["statement"]  # the site's statement until the MPC chooses a licence


def test_every_record_field_comes_from_the_collection_schema(corpus, out):
    for collection in COLLECTIONS:
        allowed = set(corpus.schemas.schema(collection.name, twin=False)["properties"])
        for lang in ("tr", "en"):
            for entry in read_json(out / hub.collection_file(collection, lang, "json"))["records"]:
                assert set(entry["fields"]) <= allowed
                assert set(entry["labels"]) <= set(entry["fields"])
                assert "source_commit" not in entry["fields"]


def test_english_json_labels_untranslated_records_and_never_mixes_languages(corpus, out):
    entries = {
        e["fields"]["id"]: e for e in read_json(out / hub.collection_file(COLLECTIONS[0], "en", "json"))["records"]
    }
    turkish_only = entries["dil-kursu"]
    assert (turkish_only["language"], turkish_only["translated"]) == ("tr", False)
    assert turkish_only["fields"]["title"] == "Dil Kursu"
    assert turkish_only["labels"]["province"] == "Istanbul"  # the interface language stays English
    translated = entries["cami-bahcesi"]
    assert (translated["language"], translated["translated"]) == ("en", True)
    assert translated["fields"]["title"] == "Mosque Garden Meetings"
    record = corpus.records["practice"]["cami-bahcesi"]
    assert translated["labels"]["themes"] == [
        corpus.schemas.vocabularies["themes"].label(k, "en") for k in record.data["themes"]
    ]
    turkish = {
        e["fields"]["id"]: e for e in read_json(out / hub.collection_file(COLLECTIONS[0], "tr", "json"))["records"]
    }
    assert turkish["cami-bahcesi"]["labels"]["themes"] == [
        corpus.schemas.vocabularies["themes"].label(k, "tr") for k in record.data["themes"]
    ]


def test_a_field_the_twin_lacks_is_named_not_shown_in_turkish(hub_with_partial_twin: Project):
    corpus = load_corpus(hub_with_partial_twin)
    record = corpus.records["practice"]["ornek-uygulama"]
    entry = model.export_record(corpus, record, "en", None)
    assert entry["untranslated_fields"] == ["context"]
    assert "context" not in entry["fields"]
    neutral = model.export_neutral(corpus, record, None)
    assert neutral["fields"]["context"] == {"tr": "Türkçe bağlam metni."}
    assert neutral["fields"]["title"] == {"tr": "Örnek Danışma Merkezi", "en": "Example Counselling Centre"}


@pytest.fixture
def hub_with_partial_twin(tmp_path: Path) -> Project:
    scratch = Hub(tmp_path / "hub")
    scratch.write(
        "practices/ornek-uygulama.md",
        VALID_PRACTICE.replace("objectives:\n", "context: Türkçe bağlam metni.\nobjectives:\n", 1),
    )
    scratch.write("practices/ornek-uygulama.en.md", VALID_TWIN)
    return scratch.project


def test_neutral_json_keeps_each_text_under_its_language(out):
    entries = {
        e["fields"]["id"]: e for e in read_json(out / hub.collection_file(COLLECTIONS[0], None, "json"))["records"]
    }
    assert entries["dil-kursu"]["languages"] == ["tr"]
    assert entries["dil-kursu"]["fields"]["title"] == {"tr": "Dil Kursu"}
    assert entries["cami-bahcesi"]["fields"]["title"]["en"] == "Mosque Garden Meetings"
    assert set(entries["cami-bahcesi"]["labels"]) == {"tr", "en"}


# --- CSV -----------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheet programs need (docs/open-data.md)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_csv_has_one_row_per_record_and_only_schema_columns(corpus, out, lang):
    for collection in COLLECTIONS:
        rows = read_csv(out / hub.collection_file(collection, lang, "csv"))
        assert sorted(r["id"] for r in rows) == sorted(r.slug for r in corpus.of(collection.name))
        fields = {f.name for f in iter_fields(corpus.schemas.schema(collection.name, twin=False))}
        for name in rows[0] if rows else []:
            base = name.removesuffix("_label")
            assert base in fields or name in ("language", "translated", "body", "url"), name


def test_csv_lists_split_back_into_the_record_values(corpus, out):
    rows = {r["id"]: r for r in read_csv(out / hub.collection_file(COLLECTIONS[0], "tr", "csv"))}
    for record in corpus.of("practice"):
        row = rows[record.slug]
        assert row["themes"].split(tables.SEPARATOR) == record.data["themes"]
        assert row["sdgs"].split(tables.SEPARATOR) == [str(k) for k in record.data.get("sdgs", [])] or row["sdgs"] == ""
        names = [i["name"] for i in record.data["implementers"]]
        assert row["implementers.name"].split(tables.SEPARATOR) == names
        assert row["province_label"] == corpus.schemas.vocabularies["provinces"].label(record.data["province"], "tr")
    assert rows["xss-deneme"]["title"] == "<img src=x onerror=alert(1)>"  # data stays data; escaping is for HTML


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused(tmp_path):
    scratch = Hub(tmp_path / "hub")
    scratch.write(
        "practices/ornek-uygulama.md", VALID_PRACTICE.replace("title: Örnek", 'title: "=HYPERLINK(1)" # Örnek')
    )
    corpus = load_corpus(scratch.project)
    assert not corpus.errors
    (row,) = csv.DictReader(io.StringIO(tables.write_csv(corpus, COLLECTIONS[0], "tr").decode("utf-8-sig")))
    assert row["title"] == "'=HYPERLINK(1)"
    assert model.export_record(corpus, corpus.of("practice")[0], "tr", None)["fields"]["title"] == "=HYPERLINK(1)"


def test_english_csv_marks_turkish_only_rows(out):
    rows = {r["id"]: r for r in read_csv(out / hub.collection_file(COLLECTIONS[0], "en", "csv"))}
    assert (rows["dil-kursu"]["language"], rows["dil-kursu"]["translated"]) == ("tr", "false")
    assert (rows["cami-bahcesi"]["language"], rows["cami-bahcesi"]["translated"]) == ("en", "true")
    assert rows["cami-bahcesi"]["url"] == SITE_URL + "en/practices/cami-bahcesi/"


# --- Data Package ------------------------------------------------------------------------------------------------


def test_datapackage_is_valid_and_describes_every_download(out):
    report = validate(str(out / hub.PACKAGE_FILE))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    package = read_json(out / hub.PACKAGE_FILE)
    described = {r["path"] for r in package["resources"]}
    on_disk = {
        p.relative_to(out / hub.DATA_DIR).as_posix()
        for p in (out / hub.DATA_DIR).rglob("*")
        if p.is_file() and p.name != "datapackage.json"
    }
    assert described == on_disk
    assert package["homepage"] == SITE_URL


def test_datapackage_descriptions_come_from_the_schemas(corpus, out):
    package = read_json(out / hub.PACKAGE_FILE)
    practices = next(r for r in package["resources"] if r["name"] == "practices-en-csv")
    fields = {f["name"]: f for f in practices["schema"]["fields"]}
    spec = corpus.schemas.schema("practice", twin=False)["properties"]
    assert fields["summary"]["title"] == spec["summary"]["x-label"]["en"]
    assert fields["summary"]["description"].startswith(spec["summary"]["x-help"]["en"])
    assert fields["implementers.name"]["description"].startswith(
        spec["implementers"]["items"]["properties"]["name"]["x-help"]["en"]
    )
    turkish = next(r for r in package["resources"] if r["name"] == "practices-tr-csv")
    assert {f["name"]: f for f in turkish["schema"]["fields"]}["summary"]["title"] == spec["summary"]["x-label"]["tr"]
    header = next(csv.reader(io.StringIO((out / "data/practices.en.csv").read_bytes().decode("utf-8-sig"))))
    assert header == [f["name"] for f in practices["schema"]["fields"]]


# --- feeds ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_feeds_are_valid_atom_with_every_record(corpus, out, lang):
    parsed = feedparser.parse((out / hub.feed_file(REGISTRY.language(lang))).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    total = sum(len(corpus.of(c.name)) for c in COLLECTIONS)
    assert len(parsed.entries) == total
    assert len({e.id for e in parsed.entries}) == total
    for entry in parsed.entries:
        assert entry.link.startswith(SITE_URL + ("en/" if lang == "en" else ""))
        assert entry.updated_parsed and entry.published_parsed and entry.summary
    hostile = next(e for e in parsed.entries if e.link.endswith("/practices/xss-deneme/"))
    assert hostile.title == "<img src=x onerror=alert(1)>" if lang == "tr" else hostile.title.startswith("<img")


def test_english_feed_labels_turkish_only_records(out):
    parsed = feedparser.parse((out / hub.feed_file(REGISTRY.language("en"))).read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/practices/dil-kursu/"))
    assert entry.title == "Dil Kursu"
    assert "turkish-only" in {t.term for t in entry.tags}
    assert entry.title_detail.language == "tr"
    translated = next(e for e in parsed.entries if e.link.endswith("/practices/cami-bahcesi/"))
    assert translated.title_detail.language == "en"


def test_feed_dates_come_from_git_history_when_there_is_one(tmp_path):
    project = fixture_project(tmp_path / "hub")
    git = ["git", "-C", str(project.root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    stamp = "2026-02-03T04:05:06+00:00"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "PATH": "/usr/bin:/bin"}
    subprocess.run([*git, "commit", "-q", "-m", "records"], check=True, env=env)
    parsed = feedparser.parse(build_exports(load_corpus(project), SITE_URL).files["feed.xml"])
    entry = next(e for e in parsed.entries if e.link.endswith("/practices/dil-kursu/"))
    assert entry.published.startswith("2026-02-03T04:05:06")  # the commit that added it
    assert entry.updated.startswith("2026-02-03T04:05:06")  # newer than last_reviewed (2026-01-15)


def test_feed_falls_back_to_last_reviewed_without_git(corpus, out):
    parsed = feedparser.parse((out / hub.feed_file(REGISTRY.language("tr"))).read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/practices/dil-kursu/"))
    reviewed = str(corpus.records["practice"]["dil-kursu"].data["last_reviewed"])
    assert entry.updated.startswith(reviewed) and entry.published.startswith(reviewed)


# --- citations -------------------------------------------------------------------------------------------------


def all_records(corpus):
    return [r for c in COLLECTIONS for r in corpus.of(c.name)]


def test_csl_json_files_render_to_the_ready_citation(corpus, out):
    for collection in COLLECTIONS:
        for lang in ("tr", "en"):
            items = read_json(out / hub.citations_file(collection, lang, "csl.json"))
            assert [i["id"] for i in items] == [f"{collection.name}-{r.slug}" for r in corpus.of(collection.name)]
            CiteProcJSON(items)  # citeproc-py accepts the whole file
            for item, record in zip(items, corpus.of(collection.name), strict=True):
                assert citations.render(item, REGISTRY.language(lang)) == citations.render(
                    citations.csl_item(corpus, record, lang, SITE_URL), REGISTRY.language(lang)
                )


def test_ready_citation_is_apa_in_the_page_language(corpus):
    report = corpus.records["publication"]["ornek-rapor"]
    assert citations.render(citations.csl_item(corpus, report, "tr", None), REGISTRY.language("tr")).startswith(
        "Yazar, A. Ö. (2021). Örnek rapor"  # APA 7: a publication's title in sentence case (exports/titles.py)
    )
    english = citations.render(citations.csl_item(corpus, report, "en", None), REGISTRY.language("en"))
    assert english.startswith("Yazar, A. Ö. (2021).") and "Synthetic Press" in english
    practice = citations.render(
        citations.csl_item(corpus, corpus.records["practice"]["cami-bahcesi"], "tr", None), REGISTRY.language("tr")
    )
    assert "Ocak" in practice  # the Turkish locale writes the month in Turkish
    assert "January" in citations.render(
        citations.csl_item(corpus, corpus.records["practice"]["cami-bahcesi"], "en", None), REGISTRY.language("en")
    )


@pytest.mark.filterwarnings("ignore:Unsupported BibTeX field")  # url, langid, howpublished: biblatex fields
def test_bibtex_reads_back_with_citeproc(corpus, out):
    for collection in COLLECTIONS:
        entries = BibTeX(str(out / hub.citations_file(collection, "tr", "bib")), encoding="utf-8")
        assert len(entries) == len(corpus.of(collection.name))
        for record in corpus.of(collection.name):
            item = citations.csl_item(corpus, record, "tr", SITE_URL)
            parsed = entries[item["id"].lower()]
            assert str(parsed["title"]).replace("{", "").replace("}", "") == item["title"]
            assert len(parsed["author"]) == len(item["author"])
            assert str(parsed["issued"]["year"]) == str(item["issued"]["date-parts"][0][0])


def test_ris_has_every_tag_line_and_one_record_each(corpus, out):
    for collection in COLLECTIONS:
        text = (out / hub.citations_file(collection, "en", "ris")).read_bytes().decode("utf-8")
        lines = text.split("\r\n")[:-1]
        assert all(line[2:6] == "  - " for line in lines)
        tags = [line[:2] for line in lines]
        assert tags.count("TY") == tags.count("ER") == len(corpus.of(collection.name))
        for record in corpus.of(collection.name):
            item = citations.csl_item(corpus, record, "en", SITE_URL)
            assert f"TI  - {item['title']}" in lines


def data_links(block: str) -> dict[str, tuple[str, str]]:
    """name → (download file name, decoded content) of a citation block's data: links."""
    found = {}
    for a in BeautifulSoup(block, "html.parser").find_all("a"):
        head, _, payload = a["href"].partition(",")
        assert head.startswith("data:") and head.endswith(";charset=utf-8;base64")
        assert re.fullmatch(r"[A-Za-z0-9+/=]+", payload)
        found[a.get_text()] = (a["download"], b64decode(payload).decode("utf-8"))
    return found


def test_citation_block_escapes_contributor_text_and_offers_its_files(corpus):
    record = corpus.records["practice"]["xss-deneme"]
    block = citation_html(corpus, record, "en")
    soup = BeautifulSoup(block, "html.parser")
    assert not soup.find("img") and not soup.find("b") and not soup.find(attrs={"onmouseover": True})
    assert "<img src=x onerror=alert(1)>" in soup.get_text()
    assert soup.find("i")  # APA's italic title survives
    links = data_links(block)
    assert list(links) == ["BibTeX", "RIS", "CSL-JSON"]
    item = citations.without_abstract(citations.csl_item(corpus, record, "en", None))
    assert links["CSL-JSON"] == ("xss-deneme.en.csl.json", citations.csl_json([item]))
    assert links["BibTeX"][1] == citations.bibtex(item) and links["RIS"][1] == citations.ris(item)


@pytest.mark.filterwarnings("ignore:Unsupported BibTeX field")
def test_a_page_citation_download_reads_back(corpus, tmp_path):
    record = corpus.records["publication"]["ornek-rapor"]
    links = data_links(citation_html(corpus, record, "tr"))
    path = tmp_path / links["BibTeX"][0]
    path.write_text(links["BibTeX"][1], encoding="utf-8")
    (entry,) = BibTeX(str(path), encoding="utf-8").values()
    assert str(entry["title"]).strip("{}") == "Örnek rapor"
    assert list(entry["ISBN"]) == ["978-605-83293-4-8"]


# --- JSON-LD -------------------------------------------------------------------------------------------------


def offline_loader(url, options=None):
    """schema.org's context, offline: every term is a schema.org property or type."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


def test_jsonld_expands_with_pyld_and_has_the_required_properties(corpus):
    expected = {"practice": "CreativeWork", "recommendation": "CreativeWork", "publication": "Book"}
    for record in all_records(corpus):
        for lang in ("tr", "en"):
            doc = jsonld.document(corpus, record, lang, SITE_URL)
            expanded = pyld.expand(doc, {"documentLoader": offline_loader})
            assert len(expanded) == 1
            node = expanded[0]
            assert node["@type"] == [f"https://schema.org/{expected[record.collection.name]}"]
            keys = {k for k in doc if not k.startswith("@")}
            assert {k.removeprefix("https://schema.org/") for k in node if not k.startswith("@")} == keys
            assert node["https://schema.org/dateModified"][0]["@value"] == str(record.data["last_reviewed"])
    practice = jsonld.document(corpus, corpus.records["practice"]["cami-bahcesi"], "en", SITE_URL)
    assert practice["spatialCoverage"]["name"] and practice["about"] and practice["author"]


def test_jsonld_script_cannot_be_closed_by_contributor_text(corpus):
    record = corpus.records["practice"]["xss-deneme"]
    html = jsonld_html(corpus, record, "tr", SITE_URL)
    script = BeautifulSoup(html, "html.parser").find("script", type="application/ld+json")
    assert html.count("<") == 2 and "</script" not in html[: html.rindex("</script>")]
    assert json.loads(script.string) == jsonld.document(corpus, record, "tr", SITE_URL)


# --- statistics and the map ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_statistics_charts_match_their_tables_and_the_corpus(corpus, lang):
    soup = BeautifulSoup(statistics_html(corpus, lang, "statistics"), "html.parser")
    sections = soup.find_all("section", class_="mpc-chart")
    data = statistic_tables(corpus, lang)
    assert [s["id"] for s in sections] == [d.id for d in data]
    for section, table in zip(sections, data, strict=True):
        svg = section.find("svg")
        if not table.rows:
            assert svg is None
            continue
        assert svg["role"] == "img" and svg.find("title").get_text()
        assert len(svg.find_all("rect")) == len(table.rows)
        cells = [tr.find("td").get_text() for tr in section.find("tbody").find_all("tr")]
        assert cells == [str(r.count) for r in table.rows]
        assert section.find("table").find("caption").get_text() == table.title
    statuses = next(d for d in data if d.id == "practices-status")
    assert sum(r.count for r in statuses.rows) == len(corpus.of("practice"))
    years = next(d for d in data if d.id == "publications-year")
    assert [r.key for r in years.rows] == [2021]


def test_statistics_labels_are_in_the_page_language(corpus):
    turkish = BeautifulSoup(statistics_html(corpus, "tr"), "html.parser").get_text()
    english = BeautifulSoup(statistics_html(corpus, "en"), "html.parser").get_text()
    assert "Temalara göre iyi uygulamalar" in turkish and "Eğitim" in turkish
    assert "Good practices by theme" in english and "Education" in english and "Eğitim" not in english


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_province_map_links_provinces_with_practices_in_the_page_language(corpus, lang):
    soup = BeautifulSoup(province_map_html(corpus, lang, "statistics"), "html.parser")
    paths = soup.find("svg", class_="mpc-map__svg").find_all("path")
    assert len(paths) == 81 and all(p["d"] for p in paths)
    links = {a["href"]: a["aria-label"] for a in soup.find("svg").find_all("a")}
    prefix = "../provinces/"
    counts = {}
    for record in corpus.of("practice"):
        counts[record.data["province"]] = counts.get(record.data["province"], 0) + 1
    for key, count in counts.items():
        assert f"{prefix}{key}/" in links
        name = corpus.schemas.vocabularies["provinces"].label(key, lang)
        assert links[f"{prefix}{key}/"].startswith(name) and str(count) in links[f"{prefix}{key}/"]
    table_rows = soup.find("table").find("tbody").find_all("tr")
    assert {r.find("a")["href"] for r in table_rows} == {f"{prefix}{k}/" for k in counts}


def test_map_data_matches_the_province_vocabulary_and_stays_small(repo):
    shapes = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    corpus_vocab = load_corpus(repo).schemas.vocabularies["provinces"]
    assert set(shapes["provinces"]) == set(corpus_vocab.keys)
    assert len(gzip.compress(MAP_FILE.read_bytes())) < 60 * 1024
    assert "Natural Earth" in shapes["source"]


# --- fragments ---------------------------------------------------------------------------------------------------


def test_open_data_page_lists_every_download_relative_to_the_page(corpus, out):
    soup = BeautifulSoup(open_data_html(corpus, "en", "open-data"), "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a")}
    for collection in COLLECTIONS:
        for lang in ("tr", "en", None):
            path = hub.collection_file(collection, lang, "json")
            assert "../../" + path in hrefs  # from en/open-data/
            assert (out / path).is_file()
    assert "../../data/datapackage.json" in hrefs and "../feed.xml" in hrefs and "../../feed.xml" in hrefs


def test_feed_links_and_listing_downloads(corpus):
    head = BeautifulSoup(feed_links_html(corpus, "en", "en/practices/cami-bahcesi/"), "html.parser")  # en/practices/…/
    links = head.find_all("link", rel="alternate", type="application/atom+xml")
    assert [(link["hreflang"], link["href"]) for link in links] == [
        ("en", "../../feed.xml"),
        ("tr", "../../../feed.xml"),
    ]
    downloads = BeautifulSoup(
        listing_downloads_html(REGISTRY.collection("practice"), REGISTRY.language("tr"), "practices/index"),
        "html.parser",
    )
    assert [a["href"] for a in downloads.find_all("a")] == [
        "../data/practices.tr.xlsx",
        "../data/practices.tr.csv",
        "../data/practices.tr.json",
    ]


# --- the command and the real records --------------------------------------------------------------------------


def test_export_command_writes_everything_and_refuses_invalid_content(tmp_path):
    project = fixture_project(tmp_path / "hub")
    result = run_cli("--root", str(project.root), "export", "--out", str(tmp_path / "out"), "--site-url", SITE_URL)
    assert result.exit_code == 0, result.err
    assert (tmp_path / "out" / "data" / "datapackage.json").is_file()
    assert (tmp_path / "out" / "en" / "feed.xml").is_file()
    bad = run_cli("--root", str(project.root), "export", "--out", str(tmp_path / "x"), "--site-url", "ftp://x")
    assert bad.exit_code == 2 and "--site-url" in bad.err
    (project.root / "practices" / "dil-kursu.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    broken = run_cli("--root", str(project.root), "export", "--out", str(tmp_path / "y"))
    assert broken.exit_code == 1 and "mpchub check" in broken.err
    assert not (tmp_path / "y").exists()


def test_real_records_export_completely(repo, tmp_path):
    corpus = load_corpus(repo)
    assert not corpus.errors
    bundle = build_exports(corpus, SITE_URL)
    bundle.write(tmp_path)
    for collection in COLLECTIONS:
        count = len(corpus.of(collection.name))
        for lang in ("tr", "en", None):
            data = read_json(tmp_path / hub.collection_file(collection, lang, "json"))
            schema = read_json(tmp_path / hub.schema_file(collection, neutral=lang is None))
            assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
            assert data["count"] == count
        for lang in ("tr", "en"):
            assert len(read_csv(tmp_path / hub.collection_file(collection, lang, "csv"))) == count
    report = validate(str(tmp_path / hub.PACKAGE_FILE))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    for lang in ("tr", "en"):
        assert not feedparser.parse((tmp_path / hub.feed_file(REGISTRY.language(lang))).read_bytes()).bozo


def test_citation_row_variant_has_no_heading(corpus):
    soup = BeautifulSoup(
        citation_html(corpus, corpus.records["publication"]["ornek-rapor"], "tr", heading=False), "html.parser"
    )
    assert soup.find("h2") is None and soup.find("section") is None
    assert soup.find("blockquote").get_text().startswith("Yazar, A. Ö. (2021). Örnek rapor")


def test_site_paths_name_every_written_file(corpus, out):
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert site_paths(corpus) == written


def test_feed_links_from_a_page_url(corpus):
    head = BeautifulSoup(feed_links_html(corpus, "en", "en/about/"), "html.parser")
    assert [link["href"] for link in head.find_all("link")] == ["../feed.xml", "../../feed.xml"]
    home = BeautifulSoup(feed_links_html(corpus, "tr", ""), "html.parser")
    assert [link["href"] for link in home.find_all("link")] == ["feed.xml", "en/feed.xml"]


def test_statistics_count_as_the_site_listings_do(corpus):
    from mpchub.site.index import SiteIndex

    index = SiteIndex(corpus)
    tables_by_id = {t.id: t for t in statistic_tables(corpus, "en")}
    facets = {f.field: f for f in REGISTRY.collection("practice").facets}
    for table_id, field_name in (
        ("practices-themes", "themes"),
        ("practices-target-groups", "target_groups"),
        ("practices-province", "province"),
        ("practices-status", "status"),
        ("practices-start-date", "start_date"),
    ):
        expected = index.facet_counts(index.records("practice"), facets[field_name])
        assert {r.key: r.count for r in tables_by_id[table_id].rows} == dict(expected), table_id


def test_untranslated_records_are_cited_and_described_in_turkish(corpus):
    record = corpus.records["practice"]["dil-kursu"]
    item = citations.csl_item(corpus, record, "en", SITE_URL)
    assert (item["title"], item["language"]) == ("Dil Kursu", "tr")
    assert jsonld.document(corpus, record, "en", SITE_URL)["inLanguage"] == "tr"
    assert jsonld.document(corpus, corpus.records["practice"]["cami-bahcesi"], "en", SITE_URL)["inLanguage"] == "en"


SHAPES = {
    "two authors and an editor": {
        "type": "report",
        "author": [{"family": "Kaya", "given": "Ayşe-Nur"}, {"family": "Öz", "given": "M. Murat"}],
        "editor": [{"family": "Şen", "given": "Işıl"}],
        "issued": {"date-parts": [[2020, 5]]},
        "publisher": "Örnek Yayınevi",
    },
    "undated book": {"type": "book", "author": [{"literal": "Çağ Derneği"}], "publisher": "Çağ Derneği"},
    "web page by month": {
        "type": "webpage",
        "author": [{"literal": "A & B <Belediyesi>"}, {"literal": "İzmir Büyükşehir Belediyesi"}],
        "container-title": "Göç Politikaları Merkezi Bilgi Merkezi",
        "issued": {"date-parts": [[2024, 2]]},
    },
    "brochure": {"type": "pamphlet", "author": [{"literal": "MBB"}], "issued": {"date-parts": [[2019]]}},
}
FALLBACKS = {
    "21 authors": {"type": "report", "author": [{"literal": f"Kurum {i}"} for i in range(21)]},
    "a question as title": {"type": "report", "author": [{"literal": "MBB"}], "title": "Neden göç?"},
    "a data set": {"type": "dataset", "author": [{"literal": "MBB"}]},
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_fast_apa_equals_citeproc_for_each_shape(shape, lang):
    item = {"id": "x", "title": "Başlık: Alt başlık", "URL": "https://example.org/x", **SHAPES[shape]}
    for html in (True, False):
        fast = citations.apa(item, REGISTRY.language(lang), html)
        assert fast is not None
        assert fast == citations.render_with_citeproc(item, REGISTRY.language(lang), html)


@pytest.mark.parametrize("shape", FALLBACKS, ids=list(FALLBACKS))
def test_other_shapes_go_through_citeproc(shape):
    item = {"id": "x", "title": "Başlık", "URL": "https://example.org/x", **FALLBACKS[shape]}
    assert citations.apa(item, REGISTRY.language("tr"), True) is None
    assert citations.render(item, REGISTRY.language("tr"), True) == citations.render_with_citeproc(
        item, REGISTRY.language("tr"), True
    )


def test_fast_apa_equals_citeproc_for_every_record(corpus, repo):
    compared = 0
    for source in (corpus, load_corpus(repo)):
        for record in all_records(source):
            for lang, site_url in (("tr", SITE_URL), ("en", None)):  # with and without an address
                item = citations.csl_item(source, record, lang, site_url)
                for html in (True, False):
                    # the same text; then, in Turkish, both take Turkish date order (citations.local_dates)
                    assert citations.render(item, REGISTRY.language(lang), html) == citations.local_dates(
                        citations.render_with_citeproc(item, REGISTRY.language(lang), html), REGISTRY.language(lang)
                    )
                    compared += 1
    assert compared > 100


def test_csv_values_of_a_list_of_objects_line_up_by_position(repo, tmp_path):
    scratch = Hub(tmp_path / "hub")
    two_sources = "sources:\n  - title: Örnek kaynak\n    url: https://example.org/a\n  - title: İkinci\n    url: https://example.org/b\n"
    scratch.write(
        "practices/ornek-uygulama.md",
        VALID_PRACTICE.replace(
            "sources:\n  - title: Örnek kaynak\n    url: https://example.org/kaynak\n    kind: web\n", two_sources
        ),
    )
    corpus = load_corpus(scratch.project)
    assert not corpus.errors
    (row,) = tables.rows(corpus, COLLECTIONS[0], "tr")[1]
    columns = [c.name for c in tables.columns(corpus, COLLECTIONS[0])]
    assert row[columns.index("sources.kind_label")] == " | "  # two sources, neither with a kind
    corpus = load_corpus(repo)
    for collection in COLLECTIONS:
        columns, rows = tables.rows(corpus, collection, "en")
        at = {c.name: i for i, c in enumerate(columns)}
        for row in rows:
            sizes = {
                len(row[at[name]].split(tables.SEPARATOR)) for name in ("sources.title", "sources.url", "sources.kind")
            }
            sizes.add(len(row[at["sources.kind_label"]].split(tables.SEPARATOR)))
            assert len(sizes) == 1, row[at["id"]]
