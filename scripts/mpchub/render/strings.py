"""The one catalogue of interface words: ``strings/<code>.yml`` of the hub, a file per language of ``hub.yml``.

Field names come from the schemas' ``x-label`` and value names from the vocabularies; every other word of
the site, the open data and the commands lives in the catalogue, by key, and templates, the theme's overrides
and the site's scripts read it from there (a test fails on words written anywhere else). A language added to
``hub.yml`` brings its own file with the same keys.

The catalogue belongs to the hub, so it is read from the hub being built: ``use(root)`` (called by
``mpchub.hub``, the command line and the tests) chooses the hub; without it, the hub is the one found from
the working directory, as the command line finds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import yaml

from mpchub.content.problems import DefinitionError

FOLDER = "strings"


class CatalogueError(DefinitionError):
    """A catalogue file is missing, broken, or lacks a key another language has."""


_root: Path | None = None


def use(root: Path) -> None:
    """Read interface words from the hub at ``root`` from now on."""
    global _root
    _root = Path(root).resolve()


def _current() -> Path:
    if _root is None:
        from mpchub.content.project import Project  # the hub the command line would find

        use(Project.find().root)
    assert _root is not None
    return _root


@cache
def load(root: Path) -> dict[str, dict[str, str]]:
    """Every ``strings/<code>.yml`` of the hub at ``root``, by language code; each file's keys must be the same."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted((root / FOLDER).glob("*.yml")):
        try:
            words = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise CatalogueError(f"{path}: cannot read: {exc}") from None
        if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
            raise CatalogueError(f"{path}: must be 'key: text' lines only")
        found[path.stem] = words
    if not found:
        raise CatalogueError(f"{root / FOLDER}: no catalogue of interface words (strings/<code>.yml)")
    first, *others = found.items()
    for lang, words in others:
        missing = sorted(set(first[1]) ^ set(words))
        if missing:
            raise CatalogueError(
                f"{root / FOLDER}/{lang}.yml and {first[0]}.yml differ in keys: {', '.join(missing[:10])}"
            )
    return found


class _Catalogue(Mapping[str, dict[str, str]]):
    """``STRINGS[lang][key]``: the current hub's catalogue, read when first asked for."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        return load(_current())[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(load(_current()))

    def __len__(self) -> int:
        return len(load(_current()))


STRINGS: Mapping[str, dict[str, str]] = _Catalogue()


def t(lang: str, key: str, **values: object) -> str:
    """The interface word ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    try:
        text = STRINGS[lang][key]
    except KeyError:
        raise CatalogueError(
            f"{FOLDER}/{lang}.yml has no '{key}' (every language of hub.yml needs every key)"
        ) from None
    return text.format(**values) if values else text
