"""The repository's own content: valid, sourced, and as complete as the issue asks."""

from __future__ import annotations

import pytest

from conftest import REPO, run_cli
from mpchub.corpus import Corpus, load_corpus
from mpchub.project import Project


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(Project(REPO))


def test_check_passes_on_the_repository() -> None:
    result = run_cli("--root", str(REPO), "check")
    assert result.exit_code == 0, result.out
    assert not [line for line in result.lines if ": error: " in line]


def test_at_least_15_bilingual_practices(corpus: Corpus) -> None:
    practices = corpus.of("practice")
    assert len(practices) >= 15
    assert all(p.has_language("en") for p in practices)


def test_every_record_cites_sources_and_says_how_it_was_verified(corpus: Corpus) -> None:
    for collection in ("practice", "publication", "recommendation"):
        for record in corpus.of(collection):
            assert record.data["sources"], record.slug
            assert all(s["url"].startswith(("http://", "https://")) for s in record.data["sources"])
    for practice in corpus.of("practice"):
        assert practice.data["verification"] == "compiled-from-public-sources", practice.slug


def test_mpc_publications_with_isbns(corpus: Corpus) -> None:
    publications = {p.slug: p for p in corpus.of("publication")}
    assert len(publications) >= 7
    isbns = {e.get("isbn") for p in publications.values() for e in p.data.get("editions", [])}
    assert {"978-605-83293-4-8", "978-605-83293-8-6", "978-91-986575-4-8", "978-91-986575-0-0"} <= isbns


def test_no_synthetic_record_is_in_the_repository(corpus: Corpus) -> None:
    for record_file in corpus.files:
        assert "sentetik" not in record_file.slug and "example.org" not in (record_file.path.read_text("utf-8"))
