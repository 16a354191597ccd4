"""The search relevance test set: reading it, and scoring a search's answers against it.

The set (``tests/relevance/queries.yml``) lists realistic queries, each with the records that must be in
its first five results. Scoring is plain arithmetic over result addresses, so it serves both the browser
test and ``./dev.sh relevance``; driving the browser is their business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mpchub.content.project import Project

QUERIES = Path("tests/relevance/queries.yml")
LANGUAGES = ("tr", "en")
CUTOFF = 5
FOLDERS = ("practices", "recommendations", "publications")


class RelevanceSetError(Exception):
    """The test set is malformed; the message names the file, line, field and what is allowed."""


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    expect: tuple[str, ...]  # site-relative page paths, e.g. 'en/practices/sisli-acik-ev/'
    why: str
    line: int


@dataclass
class Outcome:
    query: Query
    found: list[str]  # site-relative result paths, best first
    millis: float | None = None  # from the last key to results on screen
    hits: list[str] = field(init=False)

    def __post_init__(self) -> None:
        top = self.found[:CUTOFF]
        self.hits = [path for path in self.query.expect if path in top]

    @property
    def recall(self) -> float:
        return len(self.hits) / len(self.query.expect)

    @property
    def first_right(self) -> int | None:
        """1-based rank of the first expected record among all results, or None."""
        for rank, path in enumerate(self.found, 1):
            if path in self.query.expect:
                return rank
        return None

    @property
    def missing(self) -> list[str]:
        return [path for path in self.query.expect if path not in self.hits]


def record_paths(project: Project) -> dict[str, str]:
    """Record id → site path without language ('practices/sisli-acik-ev/'), from the files on disk."""
    out: dict[str, str] = {}
    for folder in FOLDERS:
        for path in sorted((project.root / folder).glob("*.md")):
            if path.name.endswith(".en.md") or path.name == "README.md":
                continue
            out[path.stem] = f"{folder}/{path.stem}/"
    return out


def _lines(text: str) -> list[int]:
    """The line of each item of a top-level YAML sequence (1-based)."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def load(project: Project, path: Path | None = None) -> list[Query]:
    """Read and check the test set. Raises RelevanceSetError naming every problem found."""
    path = path or project.root / QUERIES
    where = project.relative(path)
    try:
        text = path.read_text(encoding="utf-8")
        data: Any = yaml.safe_load(text)
        lines = _lines(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise RelevanceSetError(f"{where}: cannot read the file: {exc}") from None
    except yaml.YAMLError as exc:
        raise RelevanceSetError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, list) or not data:
        raise RelevanceSetError(f"{where}:1: expected a list of queries (- query: …, lang: tr|en, expect: [ids])")
    records = record_paths(project)
    problems: list[str] = []
    queries: list[Query] = []
    for index, item in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        at = f"{where}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{at}: item {index + 1}: expected a mapping with query, lang, expect, why")
            continue
        unknown = sorted(set(item) - {"query", "lang", "expect", "why"})
        if unknown:
            problems.append(f"{at}: {', '.join(unknown)}: unknown field; allowed: query, lang, expect, why")
        text_value, lang, expect = item.get("query"), item.get("lang"), item.get("expect")
        if not isinstance(text_value, str) or not text_value.strip():
            problems.append(f"{at}: query: must be non-empty text")
            continue
        if lang not in LANGUAGES:
            problems.append(f"{at}: lang: {lang!r} is not allowed; allowed: {', '.join(LANGUAGES)}")
            continue
        if not isinstance(expect, list) or not expect or not all(isinstance(e, str) for e in expect):
            problems.append(f"{at}: expect: must be a non-empty list of record ids")
            continue
        if len(expect) > CUTOFF:
            problems.append(f"{at}: expect: {len(expect)} records cannot all be in the first {CUTOFF}")
        bad = [e for e in expect if e not in records]
        if bad:
            problems.append(f"{at}: expect: {', '.join(bad)}: no such record; allowed: ids of files in {FOLDERS}")
            continue
        prefix = "" if lang == "tr" else f"{lang}/"
        paths = tuple(prefix + records[e] for e in expect)
        queries.append(Query(text_value, lang, paths, str(item.get("why", "")), line))
    if problems:
        raise RelevanceSetError("\n".join(problems))
    return queries


@dataclass
class Summary:
    queries: int
    recall_at_5: float  # mean over queries
    complete: int  # queries with every expected record in the first five
    mean_first_right: float | None  # mean rank of the first right answer, over queries that found one
    not_found: int  # queries without any expected record among the results


def summarise(outcomes: list[Outcome]) -> Summary:
    ranks = [o.first_right for o in outcomes if o.first_right is not None]
    return Summary(
        queries=len(outcomes),
        recall_at_5=sum(o.recall for o in outcomes) / len(outcomes) if outcomes else 0.0,
        complete=sum(1 for o in outcomes if o.recall == 1.0),
        mean_first_right=sum(ranks) / len(ranks) if ranks else None,
        not_found=sum(1 for o in outcomes if o.first_right is None),
    )


def report(outcomes: list[Outcome], verbose: bool = False) -> str:
    """A plain-text report: one line per query (misses always), then the summary."""
    lines = []
    for o in outcomes:
        if verbose or o.recall < 1.0:
            rank = o.first_right if o.first_right is not None else "-"
            timing = f" {o.millis:.0f} ms" if o.millis is not None else ""
            lines.append(f"{o.recall:4.0%}  first right at {rank}{timing}  [{o.query.lang}] {o.query.text}")
            for path in o.missing:
                lines.append(f"        missing: {path}")
    s = summarise(outcomes)
    first = f"{s.mean_first_right:.2f}" if s.mean_first_right is not None else "-"
    lines.append(
        f"recall@5 {s.recall_at_5:.3f} over {s.queries} queries; {s.complete} complete; "
        f"mean rank of the first right answer {first}; {s.not_found} without any right answer"
    )
    timings = sorted(o.millis for o in outcomes if o.millis is not None)
    if timings:
        median = timings[len(timings) // 2]
        lines.append(
            f"results on screen after the last key (index cached): median {median:.0f} ms, max {timings[-1]:.0f} ms"
        )
    return "\n".join(lines)
