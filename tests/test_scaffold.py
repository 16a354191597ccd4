"""`mpchub new`: Turkish slugs, files with every field, and placeholders that check flags until filled."""

from __future__ import annotations

import re

import pytest

from conftest import Hub, run_cli
from mpchub.text import slugify


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
    from mpchub.schemas import SchemaSet

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
    assert len(placeholder_lines) == len(result.lines)  # nothing but placeholders: the template is sound
    assert any(line.startswith("practices/yeni-uygulama.md:") and ": summary: " in line for line in result.lines)
    assert any(line.startswith("practices/yeni-uygulama.en.md:") for line in result.lines)


def test_filled_template_passes(hub: Hub) -> None:
    new(hub, "practice", "--title", "Yeni Uygulama", "--municipality", "Örnek Belediyesi", "--province", "istanbul")
    master_path = hub.root / "practices" / "yeni-uygulama.md"
    twin_path = hub.root / "practices" / "yeni-uygulama.en.md"
    fills = {
        'summary: "TODO: Özet"': "summary: Test için doldurulmuş, gerçek olmayan bir uygulama özeti.",
        "kind: TODO": "kind: district-municipality",
        "scale: TODO": "scale: district",
        "status: TODO": "status: ongoing",
        "practice_type: TODO": "practice_type: service",
        "themes: [TODO]": "themes: [education]",
        "target_groups: [TODO]": "target_groups: [children]",
        'objectives: ["TODO: Amaçlar"]': "objectives: [Bir amaç]",
        'activities: ["TODO: Temel faaliyetler"]': "activities: [Bir faaliyet]",
        'title: "TODO: Başlık"': "title: Kaynak",
        'url: "TODO: Adres"': "url: https://example.org",
    }
    text = master_path.read_text(encoding="utf-8")
    for old, value in fills.items():
        text = text.replace(old, value)
    text = re.sub(r"TODO: Uygulamayı.*", "Gerçek olmayan test metni.", text)
    master_path.write_text(text, encoding="utf-8")
    twin = twin_path.read_text(encoding="utf-8")
    for old, value in {
        'title: "TODO: English title"': "title: New practice",
        'summary: "TODO: Summary"': "summary: A summary written for a test, not a real practice.",
        'objectives: ["TODO: Objectives"]': "objectives: [An objective]",
        'activities: ["TODO: Main activities"]': "activities: [An activity]",
    }.items():
        twin = twin.replace(old, value)
    twin_path.write_text(re.sub(r"TODO: Describe.*", "Test text.", twin), encoding="utf-8")
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
