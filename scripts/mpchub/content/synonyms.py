"""The search's synonyms: ``synonyms.yml`` at the repository root, data that maintainers edit.

An officer types what their own municipality calls a thing ("göç birimi"); a record says what another one
calls it ("göç ve uyum hizmetleri müdürlüğü"). Each group lists phrases that mean the same for a search, per
language. The search box (search.js) searches a query and, when it contains a phrase of a group, the
query with that phrase replaced by each other phrase of the group, and merges the results; so the index and
the records stay as written. The phrases reach the browser inside the generated ``mpc-text.js``
(``mpchub.search.assets``), which reduces them to search keys with the same function as the typed words.

A missing file means no synonyms. A broken one is a content error (rule ``synonyms``) with its line and what is
wrong, found by the same ``load_corpus`` in ``mpchub check`` and in the build, so both stop on it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from mpchub.content import rules
from mpchub.content.problems import Problem

FILE_NAME = "synonyms.yml"
MAX_GROUPS = 500  # generous for a hand-kept list; every group costs extra searches only when a query meets it
MAX_PHRASE = 80

Synonyms = dict[str, list[list[str]]]


class SynonymsError(ValueError):
    """``synonyms.yml`` is not a mapping of languages to lists of phrase groups; says where and what is wrong."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def load(root: Path, languages: tuple[str, ...]) -> Synonyms:
    """The groups per language of the hub (``languages``: hub.yml's codes; every one present, possibly empty);
    raises ``SynonymsError``."""
    path = root / FILE_NAME
    found: Synonyms = {lang: [] for lang in languages}
    if not path.is_file():
        return found
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SynonymsError(f"cannot read: {exc}", 1, 1) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise SynonymsError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", *where) from None
    if node is None:
        return found
    if not isinstance(node, yaml.MappingNode):
        raise SynonymsError(*_at(node, f"the file must map languages ({', '.join(languages)}) to lists of groups"))
    for key_node, value_node in node.value:
        lang = key_node.value
        if lang not in languages:
            raise SynonymsError(
                *_at(key_node, f"'{lang}' is not a language of the hub; allowed: {', '.join(languages)}")
            )
        if not isinstance(value_node, yaml.SequenceNode):
            raise SynonymsError(*_at(value_node, f"{lang}: a list of groups is expected"))
        for group in value_node.value:
            found[lang].append(_group(lang, group))
    if sum(len(groups) for groups in found.values()) > MAX_GROUPS:
        raise SynonymsError(f"more than {MAX_GROUPS} groups")
    return found


def problems(root: Path, languages: tuple[str, ...]) -> list[Problem]:
    """The content error the file holds: nothing, or the one problem ``load`` stops at."""
    try:
        load(root, languages)
    except SynonymsError as exc:
        return [Problem(FILE_NAME, exc.line, exc.column, "", exc.message, rule=rules.SYNONYMS.name)]
    return []


def _group(lang: str, node: yaml.Node) -> list[str]:
    if not isinstance(node, yaml.SequenceNode) or len(node.value) < 2:
        example = "[dil kursu, Türkçe kursu]"
        raise SynonymsError(*_at(node, f"{lang}: a group is a list of at least two phrases, e.g. {example}"))
    phrases = []
    for item in node.value:
        value = item.value if isinstance(item, yaml.ScalarNode) else None
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_PHRASE or "\n" in value:
            raise SynonymsError(*_at(item, f"{lang}: each phrase is a line of text of at most {MAX_PHRASE} characters"))
        phrases.append(" ".join(value.split()))
    return phrases


def _at(node: yaml.Node, message: str) -> tuple[str, int, int]:
    mark = node.start_mark
    return message, mark.line + 1, mark.column + 1
