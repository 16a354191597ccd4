"""Problems found in content, and the three ways of printing them (text, GitHub annotations, JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from mpchub.content.rules import rule_id

ERROR = "error"
WARNING = "warning"


class DefinitionError(Exception):
    """A file of the hub's own definitions (hub.yml, a schema, a vocabulary, the termbase, the catalogue) is
    broken: the message names the file and what is wrong; nothing can be checked or built until it is mended."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, pointing at the offending value.

    ``field`` is the path of the field inside the front matter (``themes[1]``, ``sources[0].url``),
    empty when the problem concerns the file as a whole. ``facts`` holds the numbers a message is built
    around (``(("max_characters", 160), ("characters", 639))``), so that another wording of the problem (a
    proposer's language, in ``mpchub from-issue``) is made from the rule and the numbers, not from the text.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: str = ERROR
    rule: str = ""
    facts: tuple[tuple[str, int | str], ...] = field(default=(), compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def rule_id(self) -> str:
        """The rule's stable id (``MPC045``), listed with the rule in the field reference."""
        return rule_id(self.rule)

    @property
    def rule_label(self) -> str:
        return f"{self.rule_id} {self.rule}" if self.rule else self.rule_id

    def as_text(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {where}{self.message} [{self.rule_label}]"

    def as_dict(self) -> dict[str, object]:
        data = {k: v for k, v in asdict(self).items() if k != "facts"}
        return {**data, "rule_id": self.rule_id, **({"facts": dict(self.facts)} if self.facts else {})}

    def as_github(self) -> str:
        where = f"{self.field}: " if self.field else ""
        title = f"mpchub {self.rule_label}"
        return annotation(self.severity, self.path, self.line, title, where + self.message, self.column)


def annotation(severity: str, path: str, line: int, title: str, message: str, column: int | None = None) -> str:
    """A GitHub workflow command that marks a line of a pull request (``::warning file=…,line=…::message``)."""

    # Workflow-command escaping: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: str) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    col = f",col={column}" if column is not None else ""
    return f"::{severity} file={prop(path)},line={line}{col},title={prop(title)}::{data(message)}"


def format_problems(problems: Iterable[Problem], style: str) -> str:
    """Render problems as ``text`` (one line each), ``github`` annotations or a ``json`` list."""
    items = sorted(problems)
    if style == "json":
        return json.dumps([p.as_dict() for p in items], ensure_ascii=False, indent=2)
    render = Problem.as_github if style == "github" else Problem.as_text
    return "\n".join(render(p) for p in items)
