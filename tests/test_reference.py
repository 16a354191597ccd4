"""The field reference is generated from the schemas and vocabularies and covers all of them."""

from __future__ import annotations

import pytest

from conftest import REPO
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet, iter_fields
from mpchub.site.reference import render


@pytest.fixture(scope="module")
def schemas() -> SchemaSet:
    return SchemaSet(Project(REPO))


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_lists_every_field_and_every_key(schemas: SchemaSet, lang: str) -> None:
    page = render(schemas, lang)
    for collection in ("practice", "recommendation", "publication"):
        for spec in iter_fields(schemas.schema(collection, twin=False)):
            assert f"`{spec.path[-1]}`" in page
            assert spec.label(lang) in page
    for vocabulary in schemas.vocabularies.values():
        assert vocabulary.title[lang] in page
        for term in vocabulary:
            assert f"| `{term.key}` | {term.labels['tr'].replace('|', chr(92) + '|')} |" in page


def test_reference_is_in_the_page_language(schemas: SchemaSet) -> None:
    assert render(schemas, "tr").startswith("# Alan rehberi")
    assert render(schemas, "en").startswith("# Field reference")
    assert "| Zorunlu |" in render(schemas, "tr")
