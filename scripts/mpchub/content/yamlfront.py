"""Reading YAML front matter strictly, fast, and with positions for error messages.

PyYAML alone is too forgiving for contributor input: it silently keeps the last of two duplicate keys,
turns ``2021-03-15`` into a date object, and expands aliases (a "billion laughs" risk). This module keeps
PyYAML's C parser for speed and adds the strictness on top:

* duplicate keys are an error that names both lines;
* timestamps stay the strings the contributor wrote (the schema checks their format);
* anchors and aliases are refused.

Positions are only needed when something is wrong, so they are computed on demand by walking the
composed node tree once (``locate``), not on the fast path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mpchub.content import limits, rules

try:  # libyaml is in the PyYAML wheels for Linux; fall back to the pure-Python parser elsewhere.
    from yaml import CBaseLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as _BaseLoader  # type: ignore[assignment]

# The base loader composes without resolving implicit types (every scalar arrives as text); plain
# scalars are resolved below with YAML 1.1's own rules, the ones safe_load applies, in a single pass.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_PLAIN = "!mpchub/plain"
_KIND_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Composer(_BaseLoader):  # type: ignore[misc, valid-type]
    """The C composer calls these for every node; the plain versions are the cheapest possible."""

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN  # an untagged plain scalar: its type is resolved by the builder
        return _KIND_TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


FieldPath = tuple[str | int, ...]


class FrontMatterError(Exception):
    """A problem that stops the front matter from being read: line and column are 1-based."""

    def __init__(self, message: str, line: int, column: int, rule: rules.Rule) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.rule = rule


_STR = "tag:yaml.org,2002:str"
_SCALARS = {
    "tag:yaml.org,2002:null": lambda loader, node: None,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    # Dates stay the text the contributor wrote; the schema and checker judge them.
    "tag:yaml.org,2002:timestamp": lambda loader, node: node.value,
}


def _implicit_tag(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return tag
    return _STR


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NUMBERS = {_INT, _FLOAT}
_DECIMAL = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_DECIMAL_FLOAT = re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$")
MAX_NUMBER_CHARACTERS = 24  # longer than any number a field takes (limits.FIELDS): int() of 5,000 digits raises
# Explicit tags that change how YAML reads a value: ``!!int "5"`` is a number although it is written in quotes.
_TYPE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp"))


def _number_problem(value: str, tag: str) -> str | None:
    """Why a plain number is refused: YAML 1.1 reads these forms in ways nobody means."""
    if len(value) > MAX_NUMBER_CHARACTERS:
        return f"{value[:20]}… has more than {MAX_NUMBER_CHARACTERS} characters: no field takes a number that large"
    if tag == _INT and _DECIMAL.match(value):
        return None
    if tag == _FLOAT and _DECIMAL_FLOAT.match(value):
        return None
    text = value.lstrip("+-")
    if text.lower() in (".nan", ".inf"):
        return f"{value} is not allowed: YAML reads it as 'not a number' or infinity; write the value in quotes"
    if ":" in text:
        return f"{value} is not allowed: YAML 1.1 reads it as a base-60 number; write it in quotes if it is text"
    if re.match(r"^0[0-9_]+$", text):
        return (
            f"{value} has a leading zero: write {int(text.replace('_', ''), 10)} (YAML 1.1 would read "
            f"{value} as the octal number {int(text.replace('_', ''), 8) if set(text) <= set('01234567_') else '?'})"
        )
    if text.startswith(("0x", "0b", "0o")):
        return f"{value} is not allowed: write numbers in decimal"
    if "_" in text:
        return f"{value} is not allowed: write the number without '_' separators"
    if text.startswith("+") or value.startswith("+"):
        return f"{value} is not allowed: write the number without '+'"
    return f"{value} is not allowed: write numbers as plain decimals, e.g. 12 or 3.5"


def _error(message: str, node: yaml.Node, rule: rules.Rule) -> FrontMatterError:
    return FrontMatterError(message, node.start_mark.line + 1, node.start_mark.column + 1, rule)


class _Builder:
    """Turns composed YAML nodes into plain data in one pass.

    Replaces PyYAML's generic constructor (generators and bookkeeping for every node), which made
    construction the slowest step of validation, and adds the strict rules in the same pass.
    """

    constructor = yaml.constructor.SafeConstructor()

    def __init__(self, first_line: int = 1) -> None:
        self.first_line = first_line  # file line of the text's first line, for lines named in messages
        self.seen: set[int] = set()
        self.duplicates: list[FrontMatterError] = []  # every problem that does not stop the reading

    def number(self, node: yaml.ScalarNode, tag: str) -> Any:
        """A plain number in strict decimal form; any other form is a located problem and stays text."""
        problem = _number_problem(node.value, tag)
        if problem is None:
            return int(node.value) if tag == _INT else float(node.value)
        if tag == _FLOAT and not re.search(r"[:_]|nan|inf", node.value, re.IGNORECASE):
            # 1.0e+0, 05.2019, .5, +1.5: kept as the text written (a field that wants a number says it got
            # text, showing it; a title "1e5" stays a title). The value was read as 1.0, and sdgs: [1.0e+0]
            # linked to sdgs/1.0/.
            return node.value
        self.duplicates.append(_error(problem, node, rules.NUMBER_FORM))
        digits = node.value.lstrip("+")
        if re.match(r"^-?0[0-9]+$", digits):
            return int(digits, 10)  # reported above; the decimal reading keeps other messages meaningful
        return node.value

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:
            raise _error(
                "YAML anchors and aliases (&name, *name) are not allowed in records: write the value out",
                node,
                rules.YAML_ALIAS,
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            tag = node.tag
            if tag == _PLAIN:
                tag = _implicit_tag(node.value)
            if tag == _STR:
                return node.value
            if node.tag == _PLAIN and tag in _NUMBERS:
                return self.number(node, tag)
            if node.tag in _TYPE_TAGS:
                self.duplicates.append(
                    _error(
                        f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in records: "
                        "write the value without a tag (a number as 12, a text in quotes)",
                        node,
                        rules.YAML_TAG,
                    )
                )
                return node.value
            construct = _SCALARS.get(tag)
            if construct is None:
                raise _error(f"the YAML tag {node.tag!r} is not allowed in records", node, rules.YAML_TAG)
            return construct(self.constructor, node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        if not isinstance(node, yaml.MappingNode):  # pragma: no cover - YAML has no fourth kind
            raise _error("unexpected YAML node", node, rules.YAML_SYNTAX)
        result: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (key_node.tag == _PLAIN and key_node.value == "<<"):
                raise _error(
                    "YAML merge keys (<<) are not allowed in records: write the fields out", key_node, rules.YAML_MERGE
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _error("a field name must be plain text", key_node, rules.YAML_KEY)
            key = key_node.value
            if key in lines:
                self.duplicates.append(
                    _error(
                        f"duplicate field '{key}': it is already set on line {lines[key]}; YAML would "
                        "silently keep only the last one, so keep one and delete the other",
                        key_node,
                        rules.DUPLICATE_KEY,
                    )
                )
            lines[key] = key_node.start_mark.line + self.first_line
            result[key] = self.build(value_node)
        return result


def load(text: str, first_line: int = 1) -> tuple[Any, list[FrontMatterError]]:
    """Parse YAML text strictly: the data, and the duplicate keys met (the last value is kept).

    ``first_line`` is the file line the text starts on, so that messages point into the file.
    Raises FrontMatterError when the text cannot be read at all, or nests deeper than
    ``limits.MAX_YAML_DEPTH`` (checked first: libyaml's parser recurses in C and crashes the process).
    """
    too_deep = limits.yaml_depth_problem(text) if len(text) <= limits.MAX_FRONT_MATTER_CHARACTERS else None
    if too_deep:
        line, column, message = too_deep
        raise FrontMatterError(message, line + first_line - 1, column, rules.YAML_DEPTH)
    too_large = limits.front_matter_size_problem(text)
    if too_large:
        raise FrontMatterError(too_large, first_line, 1, rules.FRONT_MATTER_SIZE)
    try:
        loader = _Composer(text)
        try:
            node = loader.get_single_node()
            builder = _Builder(first_line)
            data = builder.build(node) if node is not None else None
        finally:
            loader.dispose()
        for duplicate in builder.duplicates:
            duplicate.line += first_line - 1
        return data, builder.duplicates
    except FrontMatterError as exc:
        exc.line += first_line - 1
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + first_line - 1
        column = mark.column + 1 if mark else 1
        context = exc.context or ""
        if context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            context += f" (started on line {exc.context_mark.line + first_line})"
        what = ", ".join(part for part in (context, exc.problem) if part)
        raise FrontMatterError(f"YAML syntax error: {what}", line, column, rules.YAML_SYNTAX) from None
    except (yaml.YAMLError, ValueError) as exc:  # a reader error on a control character; a bad number
        raise FrontMatterError(f"YAML error: {exc}", first_line, 1, rules.YAML_SYNTAX) from None
    except RecursionError:
        raise FrontMatterError("YAML nesting is too deep", first_line, 1, rules.YAML_SYNTAX) from None


def load_file(path: Path, validator: Any, error: type[Exception]) -> Any:
    """A hub's data file (``hub.yml``, ``termbase.yml``, a vocabulary) read as strictly as front matter and
    checked against its schema (a ``jsonschema_rs`` validator): its data, or ``error`` naming the file, the line
    and column or the field's path, and what is wrong. Such a file is the maintainers', so the first problem
    stops the load (a record's problems are all reported instead)."""
    try:
        data, duplicates = load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from None
    except FrontMatterError as exc:
        raise error(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    for duplicate in duplicates:
        raise error(f"{path}:{duplicate.line}:{duplicate.column}: {duplicate.message}")
    for problem in validator.iter_errors(data):
        where = "/".join(str(part) for part in problem.instance_path) or "(top level)"
        raise error(f"{path}: {where}: {problem.message}")
    return data


@dataclass
class Positions:
    """Line and column (1-based) of every value and every key in a front matter block."""

    values: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: FieldPath) -> tuple[int, int]:
        """The position of the value at ``path``, or of its nearest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            found = self.values.get(path[:cut])
            if found:
                return found
        return (1, 1)

    def of_key(self, path: FieldPath) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


def locate(text: str, first_line: int = 1) -> Positions:
    """Positions of all keys and values. Only called for files that have problems."""
    positions = Positions()
    try:
        root = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return positions
    offset = first_line - 1
    stack: list[tuple[yaml.Node, FieldPath]] = [(root, ())] if root is not None else []
    seen: set[int] = set()  # aliases share nodes; visit each once so a recursive alias cannot loop
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        positions.values[path] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = (*path, key_node.value)
                positions.keys[child] = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return positions


def format_path(path: FieldPath) -> str:
    """``('sources', 0, 'url')`` → ``sources[0].url``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return limits.without_forbidden(out)  # a field name made of escapes is shown without them
