"""Controlled vocabularies: every key a record may use, with its Turkish and English label."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs

from mpchub.content import yamlfront
from mpchub.content.problems import DefinitionError

Key = str | int


@dataclass(frozen=True)
class Term:
    key: Key
    labels: dict[str, str]  # language code → label, one for every language of the hub
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.labels[lang]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    title: dict[str, str]
    description: dict[str, str]
    terms: tuple[Term, ...]
    singular: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {t.key: t for t in self.terms})

    @property
    def keys(self) -> list[Key]:
        return [t.key for t in self.terms]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def term(self, key: Key) -> Term:
        return self._by_key[key]  # type: ignore[attr-defined]

    def label(self, key: Key, lang: str) -> str:
        return self.term(key).label(lang)

    @property
    def noun(self) -> str:
        """How messages name one term: 'a theme', or 'a key of the provinces vocabulary'."""
        if self.singular:
            article = "an" if self.singular[0] in "aeiou" else "a"
            return f"{article} {self.singular}"
        return f"a key of the '{self.name}' vocabulary"

    def suggest(self, wrong: object) -> Key | None:
        """The closest key to a misspelt one, compared on keys and on both labels."""
        text = str(wrong).strip().casefold()
        candidates: dict[str, Key] = {}
        for t in self.terms:
            candidates[str(t.key).casefold()] = t.key
            for label in t.labels.values():
                candidates.setdefault(label.casefold(), t.key)
        match = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
        return candidates[match[0]] if match else None


class VocabularyError(DefinitionError):
    """A vocabulary file is broken: the whole check stops, since records cannot be judged without it."""


def load_vocabulary(path: Path, validator: Any, languages: tuple[str, ...]) -> Vocabulary:
    """One vocabulary file, checked against schemas/vocabulary.schema.json and the hub's ``languages``."""
    data = yamlfront.load_file(path, validator, VocabularyError)
    if data["name"] != path.stem:
        raise VocabularyError(f"{path}: name '{data['name']}' must equal the file name '{path.stem}'")
    for part in ("title", "description"):
        _labels(path, part, data[part], languages)
    terms = []
    seen: set[Key] = set()
    for raw in data["terms"]:
        key = raw["key"]
        if key in seen:
            raise VocabularyError(f"{path}: key {key!r} appears twice")
        seen.add(key)
        extra = {k: v for k, v in raw.items() if k != "key" and k not in languages and not _is_language(k)}
        terms.append(Term(key=key, labels=_labels(path, f"key {key!r}", raw, languages), extra=extra))
    return Vocabulary(
        name=data["name"],
        title=_labels(path, "title", data["title"], languages),
        description=_labels(path, "description", data["description"], languages),
        terms=tuple(terms),
        singular=data.get("singular", ""),
    )


def _is_language(key: str) -> bool:
    return len(key) == 2 and key.isalpha() and key.islower()


def _labels(path: Path, where: str, entry: dict[str, Any], languages: tuple[str, ...]) -> dict[str, str]:
    """The labels of ``entry`` in every language of the hub (hub.yml): a missing one is the maintainer's mistake."""
    missing = [lang for lang in languages if not entry.get(lang)]
    if missing:
        raise VocabularyError(f"{path}: {where} has no label in {', '.join(missing)} (one per language of hub.yml)")
    return {lang: entry[lang] for lang in languages}


def load_vocabularies(directory: Path, schema_path: Path, languages: tuple[str, ...]) -> dict[str, Vocabulary]:
    """Every ``*.yml`` in ``directory``, by name."""
    try:
        validator = jsonschema_rs.validator_for(json.loads(schema_path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise VocabularyError(f"{schema_path}: {exc}") from None
    return {p.stem: load_vocabulary(p, validator, languages) for p in sorted(directory.glob("*.yml"))}
