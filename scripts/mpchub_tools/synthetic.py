"""Synthetic records for tests and benchmarks.

Every synthetic record says so in its title, body and source, points at example.org, and is written
only into a scratch folder outside the repository: synthetic content is never published.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterable
from pathlib import Path

from mpchub.content.project import Project
from mpchub.content.vocabularies import Vocabulary

# What a hub is defined by besides its records (tests/hubs.py copies the same).
DEFINITIONS = ("hub.yml", "termbase.yml", "synonyms.yml", "schemas", "vocabularies", "strings")


def copy_items(source: Path, target: Path, names: Iterable[str]) -> None:
    """The files and folders ``names`` of ``source`` copied into ``target``; those it lacks are skipped (the
    termbase and the synonyms are optional)."""
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        elif (source / name).exists():
            shutil.copy(source / name, target / name)


WORDS_TR = (
    "göçmen",
    "belediye",
    "uyum",
    "danışma",
    "merkez",
    "çocuk",
    "kadın",
    "eğitim",
    "sağlık",
    "istihdam",
    "mahalle",
    "dayanışma",
    "Işık",
    "İstanbul'da",
    "çağrı",
    "kütüphane",
)
WORDS_EN = (
    "migrant",
    "municipality",
    "cohesion",
    "counselling",
    "centre",
    "children",
    "women",
    "education",
    "health",
    "employment",
    "neighbourhood",
    "solidarity",
    "light",
    "refugees",
)


def _sentence(rng: random.Random, words: tuple[str, ...], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def _keys(vocabulary: Vocabulary) -> list[str]:
    return [str(k) for k in vocabulary.keys]


def practice_pair(
    index: int, vocabularies: dict[str, Vocabulary], rng: random.Random, shared: bool = False
) -> tuple[str, str]:
    """The Turkish master and English twin of synthetic practice number ``index``.

    ``shared``: the worst case for related practices, every record with the same themes, target groups and
    province."""
    slug = f"sentetik-uygulama-{index:05d}"
    themes = _keys(vocabularies["themes"])[:2] if shared else rng.sample(_keys(vocabularies["themes"]), 2)
    groups = _keys(vocabularies["target-groups"])[:2] if shared else rng.sample(_keys(vocabularies["target-groups"]), 2)
    province = "istanbul" if shared else rng.choice(_keys(vocabularies["provinces"]))
    start = rng.randint(2012, 2024)
    master = f"""---
id: {slug}
title: "SENTETİK {index}: {_sentence(rng, WORDS_TR, 4)[:-1]}"
summary: "Sentetik test kaydı, yayımlanmaz. {_sentence(rng, WORDS_TR, 18)}"
implementers:
  - name: Sentetik Belediyesi {index % 97}
    kind: district-municipality
province: {province}
scale: district
start_date: {start}-{rng.randint(1, 12):02d}
end_date: {start + rng.randint(0, 3)}
status: {rng.choice(_keys(vocabularies["practice-statuses"]))}
practice_type: {rng.choice(_keys(vocabularies["practice-types"]))}
themes: [{", ".join(themes)}]
target_groups: [{", ".join(groups)}]
sdgs: [{rng.randint(1, 17)}]
gcm_objectives: [{rng.randint(1, 23)}]
objectives:
  - "{_sentence(rng, WORDS_TR, 10)}"
activities:
  - "{_sentence(rng, WORDS_TR, 12)}"
  - "{_sentence(rng, WORDS_TR, 12)}"
partners:
  - name: Sentetik Derneği
    kind: ngo
beneficiaries:
  - count: {rng.randint(10, 5000)}
    counts: reached
    period: total
sources:
  - title: Sentetik kaynak
    url: https://example.org/synthetic/{slug}
    kind: web
verification: compiled-from-public-sources
last_reviewed: 2026-01-15
---

Bu kayıt sentetiktir: testler ve ölçümler için üretildi, yayımlanmaz.

{_sentence(rng, WORDS_TR, 60)}

{_sentence(rng, WORDS_TR, 60)}
"""
    twin = f"""---
title: "SYNTHETIC {index}: {_sentence(rng, WORDS_EN, 4)[:-1]}"
summary: "Synthetic test record, never published. {_sentence(rng, WORDS_EN, 18)}"
objectives:
  - "{_sentence(rng, WORDS_EN, 10)}"
activities:
  - "{_sentence(rng, WORDS_EN, 12)}"
  - "{_sentence(rng, WORDS_EN, 12)}"
---

This record is synthetic: generated for tests and measurements, never published.

{_sentence(rng, WORDS_EN, 60)}
"""
    return master, twin


def make_project(
    source: Project,
    target: Path,
    practices: int,
    seed: int = 2026,
    translated_share: float = 1.0,
    shared: bool = False,
) -> Project:
    """A scratch hub with the source's definitions (registry, schemas, vocabularies, termbase, catalogue) and
    ``practices`` synthetic practices; the other collections' folders are empty."""
    from mpchub.content.vocabularies import load_vocabularies

    target.mkdir(parents=True, exist_ok=True)
    copy_items(source.root, target, DEFINITIONS)
    project = Project(target)
    for collection in project.registry.collections:
        project.collection_dir(collection).mkdir(exist_ok=True)
    vocabularies = load_vocabularies(
        project.vocabularies_dir, project.schemas_dir / "vocabulary.schema.json", project.registry.codes
    )
    rng = random.Random(seed)
    out = target / "practices"
    out.mkdir(exist_ok=True)
    for index in range(1, practices + 1):
        master, twin = practice_pair(index, vocabularies, rng, shared)
        (out / f"sentetik-uygulama-{index:05d}.md").write_text(master, encoding="utf-8")
        if rng.random() < translated_share:
            (out / f"sentetik-uygulama-{index:05d}.en.md").write_text(twin, encoding="utf-8")
    return project
