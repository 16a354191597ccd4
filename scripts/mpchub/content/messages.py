"""Turning JSON Schema errors into messages a contributor can act on."""

from __future__ import annotations

import difflib
from typing import Any

from mpchub.content import rules
from mpchub.content.schemas import Schema
from mpchub.content.vocabularies import Vocabulary

SHOWN_CHARACTERS = 120  # of a value quoted in a message

TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a group of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def describe_type(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def subschema(schema: Schema, schema_path: list[Any]) -> Schema:
    """The schema node that a validation error's schema path leads to."""
    node: Any = schema
    for part in schema_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return {}
    return node if isinstance(node, dict) else {}


def did_you_mean(wrong: str, options: list[str]) -> str:
    match = difflib.get_close_matches(wrong, options, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def allowed_list(options: list[Any], limit: int = 12) -> str:
    shown = ", ".join(str(o) for o in options[:limit])
    return shown + (", …" if len(options) > limit else "")


def vocabulary_message(value: Any, vocabulary: Vocabulary) -> str:
    suggestion = vocabulary.suggest(value)
    hint = f" (did you mean {suggestion!r}?)" if suggestion is not None else ""
    if len(vocabulary.keys) <= 12:
        allowed = f"allowed: {allowed_list(vocabulary.keys)}"
    else:
        allowed = f"allowed: the keys in vocabularies/{vocabulary.name}.yml"
    return f"{value!r} is not {vocabulary.noun}{hint}; {allowed}"


def schema_message(
    kind: str, details: dict[str, Any], value: Any, node: Schema, vocabularies: dict[str, Vocabulary], fallback: str
) -> str:
    """One sentence saying what is wrong and what is allowed."""
    help_text = node.get("x-help", {}).get(rules.MESSAGES, "")
    length = len(value) if isinstance(value, str | list) else 0
    if isinstance(value, str) and length > SHOWN_CHARACTERS:  # a message quotes a value, never a megabyte of it
        value = value[: SHOWN_CHARACTERS - 20] + "…"
    if value is None and kind in ("Type", "Enum", "MinLength", "Pattern"):
        return "is empty: give a value, or delete the line if the field is optional"
    if kind == "Enum":
        vocabulary = vocabularies.get(node.get("x-vocabulary", ""))
        if vocabulary is not None:
            return vocabulary_message(value, vocabulary)
        return f"{value!r} is not allowed; allowed: {allowed_list(details.get('options', []))}"
    if kind == "Type" and node.get("x-date"):
        form = "YYYY-MM-DD" if node["x-date"] == "full" else "YYYY, YYYY-MM or YYYY-MM-DD"
        return f"{value!r} is not a date in the form {form}"
    if kind == "Type":
        wanted = " or ".join(TYPE_NAMES.get(t, t) for t in details.get("types", []))
        message = f"must be {wanted}, not {describe_type(value)}"
        if "array" in details.get("types", []) and isinstance(value, str):
            message += " (write a list as [a, b] or as lines starting with '- ')"
        return message
    if kind == "Pattern":
        if node.get("x-date"):
            form = "YYYY-MM-DD" if node["x-date"] == "full" else "YYYY, YYYY-MM or YYYY-MM-DD"
            return f"{value!r} is not a date in the form {form}"
        if help_text:
            return f"{value!r} is not in the expected form: {help_text}"
        return f"{value!r} is not in the expected form ({details.get('pattern')})"
    if kind == "MinItems":
        limit = details.get("limit", 1)
        return "must list at least one item" if limit == 1 else f"must list at least {limit} items, not {len(value)}"
    if kind == "MaxItems":
        return f"must list at most {details.get('limit')} items, not {len(value)}"
    if kind == "UniqueItems":
        seen, repeated = set(), []
        for item in value:
            marker = repr(item)
            if marker in seen and marker not in repeated:
                repeated.append(marker)
            seen.add(marker)
        return f"lists {', '.join(repeated) or 'an item'} more than once: keep one"
    if kind == "MinLength":
        if value == "":
            return "is empty: give a value, or delete the line if the field is optional"
        return f"is too short: at least {details.get('limit')} characters, not {length}"
    if kind == "MaxLength":
        return f"is too long: at most {details.get('limit')} characters, not {length}"  # from-issue reads the numbers
    if kind == "Minimum":
        return f"must be at least {details.get('limit')}, not {value}"
    if kind == "Maximum":
        limit = details.get("limit")
        return (
            f"must be at most {limit:,}, not {value:,}"
            if isinstance(limit, int) and isinstance(value, int)
            else f"must be at most {limit}, not {value}"
        )
    if kind == "ExclusiveMinimum":
        return f"must be greater than {details.get('limit')}, not {value}"
    return fallback
