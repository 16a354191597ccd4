"""`mpchub new`: Turkish slugs, files with every field, and placeholders that check flags until filled."""

from __future__ import annotations

import re

import pytest

from conftest import Hub, fill_new_practice, run_cli
from mpchub.content.text import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Şişli Açık Ev", "sisli-acik-ev"),
        ("İstanbul'da Işık ve Ilıca: Çağrı Merkezi", "istanbulda-isik-ve-ilica-cagri-merkezi"),
        ("GÖÇMEN ÇOCUKLAR İÇİN ÜCRETSİZ EĞİTİM", "gocmen-cocuklar-icin-ucretsiz-egitim"),
        ("  --Çok   boşluklu -- başlık-- ", "cok-bosluklu-baslik"),
    ],
)
def test_slug_from_turkish_title(title: str, slug: str) -> None:
    assert slugify(title) == slug


def new(hub: Hub, *args: str):
    return run_cli("--root", str(hub.root), "new", *args)


def test_new_practice_writes_master_and_twin_with_every_field(hub: Hub) -> None:
    result = new(
        hub,
        "practice",
        "--title",
        "Işıklı Çağrı Merkezi",
        "--municipality",
        "Bursa Büyükşehir Belediyesi",
        "--province",
        "Bursa",
    )
    assert result.exit_code == 0, result.err
    master = (hub.root / "practices" / "isikli-cagri-merkezi.md").read_text(encoding="utf-8")
    twin = (hub.root / "practices" / "isikli-cagri-merkezi.en.md").read_text(encoding="utf-8")
    schemas = hub.project
    from mpchub.content.schemas import SchemaSet

    fields = SchemaSet(schemas).schema("practice", twin=False)["properties"]
    for name in fields:
        assert re.search(rf"^(# )?{name}:", master, re.M), f"{name} missing from the template"
    assert re.search(r"^id: isikli-cagri-merkezi\b", master, re.M)
    assert re.search(r"^title: Işıklı Çağrı Merkezi\b", master, re.M)
    assert "  - name: Bursa Büyükşehir Belediyesi" in master
    assert "kind: metropolitan-municipality" in master
    assert "\nprovince: bursa" in master
    assert "# start_date:" in master  # optional fields are present but commented out
    assert "province" not in twin and 'title: "TODO: English title"' in twin


def test_placeholders_are_flagged_until_filled(hub: Hub) -> None:
    new(hub, "practice", "--title", "Yeni Uygulama", "--municipality", "Örnek Belediyesi", "--province", "istanbul")
    result = hub.check()
    assert result.exit_code == 1
    placeholder_lines = [line for line in result.lines if "placeholder left by 'mpchub new'" in line]
    reviewer_lines = [line for line in result.lines if line.endswith("[MPC066 unreviewed]")]
    assert len(reviewer_lines) == 1  # a proposal until an editor has reviewed it: a warning
    assert len(placeholder_lines) + 1 == len(result.lines)  # nothing else: the template is sound
    assert any(line.startswith("practices/yeni-uygulama.md:") and ": summary: " in line for line in result.lines)
    assert any(line.startswith("practices/yeni-uygulama.en.md:") for line in result.lines)


def test_filled_template_passes(hub: Hub) -> None:
    new(hub, "practice", "--title", "Yeni Uygulama", "--municipality", "Örnek Belediyesi", "--province", "istanbul")
    fill_new_practice(hub.root / "practices" / "yeni-uygulama.md", hub.root / "practices" / "yeni-uygulama.en.md")
    result = hub.check()
    assert result.exit_code == 0, result.out


def test_new_refuses_to_overwrite_and_bad_province(hub: Hub) -> None:
    assert new(hub, "publication", "--title", "Örnek Rapor").exit_code == 0
    again = new(hub, "publication", "--title", "Örnek Rapor")
    assert again.exit_code == 2 and "already exists" in again.err
    bad = new(hub, "practice", "--title", "X Uygulaması", "--province", "Atlantis")
    assert bad.exit_code == 2 and "'Atlantis' is not a province" in bad.err


def test_new_without_title_and_without_terminal_is_a_usage_error(hub: Hub, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    result = new(hub, "recommendation")
    assert result.exit_code == 2 and "--title" in result.err


@pytest.mark.parametrize("collection", ["recommendation", "publication"])
def test_other_collections_scaffold_and_flag(hub: Hub, collection: str) -> None:
    assert new(hub, collection, "--title", "Örnek Başlık").exit_code == 0
    result = hub.check()
    assert result.exit_code == 1
    assert all("placeholder" in line for line in result.lines), result.out
