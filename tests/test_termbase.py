"""The termbase (termbase.yml): one agreed form per term and language, warned about where a rejected one is used.

``mpchub check`` covers the records (rule MPC110, a warning); these tests hold the repository's hand-written
pages, interface words and vocabulary labels to the same terms, and the search to what it must and must not
flag.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hubs import REPO
from mpchub.content import termbase
from mpchub.content.registry import load as load_registry

TERMS = termbase.load(REPO)
REGISTRY = load_registry(REPO)


def found(text: str, lang: str = "tr") -> list[str]:
    return [f.found for f in TERMS.findings(text, lang)]


def test_rejected_forms_are_found_inflected_and_in_any_case() -> None:
    assert found("UNHCR'nin desteğiyle eşgüdümü sağlayan SIĞINMACILARA") == ["UNHCR'nin", "eşgüdümü", "SIĞINMACILARA"]
    assert found("Göç  Master\nPlanı hazırlandı") == ["Göç  Master\nPlanı"]
    assert found("BMMYK ile koordinasyon") == []  # the preferred forms
    assert found("Geçici koruma altında 1.000'den fazla kişi, geçici koruma altındaki aileler") == [
        "Geçici koruma altında",
        "geçici koruma altındaki",
    ]  # the legal status is "geçici koruma kapsamındaki" (it was style rule MPC101, now retired)
    assert found("UNHCR", "en") == [] and found("BMMYK", "en") == ["BMMYK"]  # each language has its own


def test_quotations_code_addresses_and_listed_names_are_not_checked() -> None:
    assert found('kaynak "Göç Master Planı" der') == []
    assert found("Kaynakta “Yerel Yönetişimde\nRezilyans” geçer.") == []
    assert found("`sığınmacı` ve https://example.org/unhcr-sayfasi") == []
    assert found("Sığınmacılar ve Göçmenlerle Dayanışma Derneği (SGDD-ASAM)") == []
    assert found("sığınmacıların") == ["sığınmacıların"]
    assert found('bir "\n\nsığınmacı"') == ["sığınmacı"]  # a quotation never runs over a paragraph


def _language_of(path: Path) -> str:
    _stem, language = REGISTRY.file_language(path.name) or (path.name, REGISTRY.master)
    return language.code


def test_the_hand_written_pages_interface_words_and_labels_use_the_agreed_terms() -> None:
    problems = []
    for page in sorted((REPO / "docs").rglob("*.md")):
        for finding in TERMS.findings(page.read_text(encoding="utf-8"), _language_of(page)):
            problems.append(f"{page.relative_to(REPO)}: {finding.message}")
    for catalogue in sorted((REPO / "strings").glob("*.yml")):
        for key, text in yaml.safe_load(catalogue.read_text(encoding="utf-8")).items():
            problems += [f"strings/{catalogue.name} {key}: {f.message}" for f in TERMS.findings(text, catalogue.stem)]
    for vocabulary in sorted((REPO / "vocabularies").glob("*.yml")):
        for term in yaml.safe_load(vocabulary.read_text(encoding="utf-8"))["terms"]:
            for lang in REGISTRY.codes:
                problems += [f"{vocabulary.name} {term['key']}: {f.message}" for f in TERMS.findings(term[lang], lang)]
    assert not problems, "\n".join(problems)


def test_a_broken_termbase_is_named_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "termbase.schema.json").write_bytes(
        (REPO / "schemas" / "termbase.schema.json").read_bytes()
    )
    (tmp_path / "termbase.yml").write_text("terms:\n  - id: x\n    tr: {rejected: [a]}\n", encoding="utf-8")
    with pytest.raises(termbase.TermbaseError, match=r"termbase.yml: terms/0/tr: .*preferred"):
        termbase.load(tmp_path)
