"""What a proposer reads about a proposal, in every language of the form: problems named by the question, the
issue comment and the pull request's description.

Every sentence comes from the string catalogue (``proposal_*`` keys), so a proposal is answered in any
language the hub declares. A problem the checker finds in the written record is told from its rule (each
rule states what it asks in every language, ``mpchub.content.rules``) and the numbers the checker put on
the problem (``Problem.facts``: a limit, a length, a count), never by re-reading the checker's English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mpchub.content.problems import Problem
from mpchub.content.registry import Registry
from mpchub.content.rules import RULES
from mpchub.contribute.forms import joined
from mpchub.render.formatting import number
from mpchub.render.strings import STRINGS, t

# GitHub refuses a comment over 65,536 characters (and then the proposer hears nothing); the comment is
# cut on a row boundary well below that, with a line saying how many problems were left out.
COMMENT_LIMIT = 60_000
Value = str | int | Callable[[str], str]  # a value of a sentence, or a function of the sentence's language


@dataclass(frozen=True)
class FormProblem:
    """One problem, named by the form's question (``field`` is its id; empty for the whole proposal).

    ``messages`` holds the sentence in each language of the form; ``kind`` (the catalogue key or the
    rule's name) groups repeated problems in the comment; ``detail`` is the checker's own message, for
    maintainers.
    """

    field: str
    label: str
    messages: dict[str, str]
    severity: str = "error"
    file: str = ""
    line: int = 0
    kind: str = ""
    detail: str = ""

    def message(self, lang: str) -> str:
        return self.messages.get(lang) or next(iter(self.messages.values()))

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "message": self.message(lang),
            **{f"message_{code}": text for code, text in self.messages.items()},
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "rule": self.kind,
            "detail": self.detail,
        }


@dataclass
class Words:
    """The catalogue's sentences in every language of a form (``languages``, the master first)."""

    registry: Registry
    languages: tuple[str, ...]
    _cache: dict[str, str] = field(default_factory=dict)

    def say(self, key: str, **values: Value) -> dict[str, str]:
        """The sentence ``key`` in each language; a callable value is asked for its language's words."""
        out = {}
        for lang in self.languages:
            filled = {k: (v(lang) if callable(v) else v) for k, v in values.items()}
            out[lang] = t(lang, key, **filled)
        return out

    def number(self, value: int | str, lang: str) -> str:
        return number(value, self.registry.language(lang).locale) if isinstance(value, int) else str(value)

    def rule(self, problem: Problem, extra: tuple[tuple[str, int | str], ...] = ()) -> dict[str, str]:
        """The problem told from its rule and its facts: 'şu kurala uymuyor: Metin izin verilen uzunluğu aşmaz
        (en fazla 160 karakter; yanıtta 639 karakter var).' A rule without facts is told by its statement."""
        rule = RULES.get(problem.rule)
        out = {}
        for lang in self.languages:
            words = STRINGS[lang]
            statement = rule.statement(lang) if rule else problem.message
            facts = [
                words[f"proposal_fact_{name}"].format(n=self.number(value, lang))
                for name, value in (*problem.facts, *extra)
                if f"proposal_fact_{name}" in words
            ]
            sentence = words["proposal_rule"].format(rule=statement.rstrip("."))
            sentence += f" ({'; '.join(facts)})." if facts else "."
            # a hint for the rule, or for its family ('html' for html-element, html-url…)
            hint = words.get(f"proposal_hint_{problem.rule}") or words.get(
                f"proposal_hint_{problem.rule.split('-')[0]}"
            )
            out[lang] = f"{sentence} {hint}" if hint else sentence
        return out


# ---------------------------------------------------------------------------------------------------
# Markdown for GitHub: the issue comment and the pull request


_MARKDOWN_SPECIALS = re.compile(r"[\\`*_{}\[\]()#!|<>&@:~$^.]")


def escape(text: str) -> str:
    """Contributor text made inert in GitHub Markdown: one line, every special character an entity.

    Entities stop emphasis, links, autolinks (``https:``), mentions (``@``), issue references (``#``),
    HTML and table breaks (``|``) alike; GitHub shows them as the plain characters.
    """
    return _MARKDOWN_SPECIALS.sub(lambda m: f"&#{ord(m.group())};", " ".join(text.split()))


def problems_comment(problems: list[FormProblem], lang: str, limit: int = COMMENT_LIMIT) -> str:
    """The table of problems for the issue: repeated problems of one question on one row ("and 12 more like
    this"), and rows cut at ``limit`` characters with a line saying how many problems were left out."""
    groups: dict[tuple[str, str], list[FormProblem]] = {}
    for problem in problems:
        groups.setdefault((problem.label, problem.kind or problem.message(lang)), []).append(problem)
    head = (
        f"{t(lang, 'proposal_comment_problems')}\n\n"
        f"| {t(lang, 'proposal_comment_field')} | {t(lang, 'proposal_comment_problem')} |\n|---|---|\n"
    )
    whole = t(lang, "proposal_whole")
    rows: list[str] = []
    size, left_out = len(head), 0
    for (label, _kind), found in groups.items():
        text = found[0].message(lang)
        if len(found) > 1:
            text += " " + t(lang, "proposal_comment_same", n=len(found) - 1)
        row = f"| {escape(label) if label else escape(whole)} | {escape(text)} |\n"
        if left_out or size + len(row) > limit - 500:  # room for the closing line
            left_out += len(found)
            continue
        rows.append(row)
        size += len(row)
    more = f"\n{t(lang, 'proposal_comment_more', n=left_out)}\n" if left_out else ""
    return head + "".join(rows) + more


def created_comment(files: list[str], lang: str) -> str:
    listed = "\n".join(f"- `{name}`" for name in files)
    return (
        f"{t(lang, 'proposal_comment_created')}\n\n{t(lang, 'proposal_comment_files')}:\n\n{listed}\n\n"
        f"{t(lang, 'proposal_comment_pull_request')}:\n"
    )


def pull_request_body(
    words: Words,
    issue: int | None,
    files: list[str],
    criteria: list[str],
    untranslated: dict[str, str] | None,
    warnings: list[FormProblem] | None = None,
) -> str:
    """The pull request's description, in every language of the form: which issue it closes, the files, the
    criteria ticked, whether the record has no translation (``untranslated``: the sentence saying so), and what
    the reviewer should check (``warnings``: an address that was encoded, say)."""

    def said(key: str, **values: Value) -> str:
        return joined(words.say(key, **values))

    closes = f"Closes #{issue}\n\n" if issue else ""
    listed = "\n".join(f"- `{name}`" for name in files)
    ticked = "\n".join(f"- [x] {escape(c)}" for c in criteria) or f"- ({said('proposal_pr_none')})"
    note = f"\n{joined(untranslated)}\n" if untranslated else ""
    to_check = "\n".join(f"- {escape(p.label)}: {escape(joined(p.messages))}" for p in warnings or [])
    return (
        f"{closes}{said('proposal_pr_made')}\n\n{said('proposal_pr_review')}\n\n"
        f"## {said('proposal_pr_files')}\n\n{listed}\n{note}\n"
        + (f"## {said('proposal_pr_check')}\n\n{to_check}\n\n" if to_check else "")
        + f"## {said('proposal_pr_criteria')}\n\n{ticked}\n"
    )
