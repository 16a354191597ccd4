"""The vocabularies: complete, unique, bilingual."""

from __future__ import annotations

import pytest

from mpchub.content.project import Project
from mpchub.content.vocabularies import Vocabulary, load_vocabularies


@pytest.fixture(scope="module")
def vocabularies(repo: Project) -> dict[str, Vocabulary]:
    return load_vocabularies(repo.vocabularies_dir, repo.schemas_dir / "vocabulary.schema.json", repo.registry.codes)


@pytest.fixture(scope="module")
def repo() -> Project:
    from conftest import REPO

    return Project(REPO)


def test_every_term_has_both_labels(vocabularies: dict[str, Vocabulary]) -> None:
    for vocabulary in vocabularies.values():
        assert vocabulary.title["tr"] and vocabulary.title["en"]
        for term in vocabulary:
            assert term.labels["tr"].strip() and term.labels["en"].strip(), (vocabulary.name, term.key)


def test_all_81_provinces_with_unique_plates(vocabularies: dict[str, Vocabulary]) -> None:
    provinces = vocabularies["provinces"]
    plates = sorted(t.extra["plate"] for t in provinces)
    assert plates == list(range(1, 82))
    assert provinces.label("istanbul", "tr") == "İstanbul"
    assert provinces.label("istanbul", "en") == "Istanbul"
    marmara = {str(t.key) for t in provinces if t.extra.get("marmara_region")}
    assert marmara == {
        "balikesir",
        "bilecik",
        "bursa",
        "canakkale",
        "edirne",
        "istanbul",
        "kirklareli",
        "kocaeli",
        "sakarya",
        "tekirdag",
        "yalova",
    }
    assert {str(t.key) for t in provinces if t.extra.get("mmu_scope")} == marmara | {"bolu", "duzce"}


def test_numbered_goals(vocabularies: dict[str, Vocabulary]) -> None:
    assert vocabularies["sdgs"].keys == list(range(1, 18))
    assert vocabularies["gcm-objectives"].keys == list(range(1, 24))
    assert vocabularies["sdgs"].label(10, "en") == "Reduced Inequalities"


def test_target_groups_use_turkish_legal_statuses(vocabularies: dict[str, Vocabulary]) -> None:
    groups = vocabularies["target-groups"]
    assert "temporary-protection" in groups and "international-protection" in groups


def test_did_you_mean_uses_keys_and_labels(vocabularies: dict[str, Vocabulary]) -> None:
    themes = vocabularies["themes"]
    assert themes.suggest("egitim") == "education"  # Turkish label 'Eğitim'
    assert themes.suggest("social cohesion") == "social-cohesion"
    assert themes.suggest("zzzz") is None
