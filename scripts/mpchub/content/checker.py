"""Validation of records: one file at a time (schema and semantics), then across the corpus."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from mpchub.content import body, limits, rules
from mpchub.content.dates import date_problem, parse_partial_date
from mpchub.content.messages import did_you_mean, schema_message, subschema
from mpchub.content.organisations import RESERVED_MUNICIPALITY_KEYS, is_municipality, municipality_key
from mpchub.content.problems import WARNING
from mpchub.content.records import RecordFile
from mpchub.content.registry import Language
from mpchub.content.schemas import Pattern, Schema, SchemaSet, values_at
from mpchub.content.sitemap import collision_problems
from mpchub.content.stuffing import repeated_terms_problems
from mpchub.content.style import style_problems, text_fields
from mpchub.content.termbase import Termbase
from mpchub.content.values import value_problems
from mpchub.content.yamlfront import FieldPath

PLACEHOLDER = "TODO"
UNREVIEWED = "submitted"  # the verification level of a proposal (mpchub new, from-issue)


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


PLACEHOLDER_RULE = (
    "placeholder left by 'mpchub new': replace it with the real value, or delete the field if it is optional"
)


# ---------------------------------------------------------------------------------------------------
# One file


def check_file(record: RecordFile, schemas: SchemaSet) -> None:
    """Add every schema and content problem of one record file to ``record.problems``."""
    if record.path.parent != schemas.project.collection_dir(record.collection):
        record.problem(f"records live directly in {record.collection.folder}/, not in a subfolder", rules.LOCATION)
    if record.has_front_matter:
        _body_problems(record)
    if record.data is None:
        return
    schema = schemas.schema(record.collection.name, record.is_translation)
    validator = schemas.validator(record.collection.name, record.is_translation)
    if not validator.is_valid(record.data):
        _schema_problems(record, schema, validator, schemas)
    value_problems(record, schema)  # characters and integers in the values YAML produced (escapes)
    _semantic_problems(record, schema, schemas.markers[(record.collection.name, record.is_translation)])
    if not record.is_translation and isinstance(record.data.get("id"), str) and record.data["id"] != record.slug:
        record.problem_at(
            ("id",),
            f"id '{record.data['id']}' must equal the file name '{record.slug}' (rename the file or change the id)",
            rules.ID_SLUG,
        )
    for problem in style_problems(record):  # Turkish style: warnings with rule ids, never errors
        record.keep(problem)
    _termbase_problems(record, schemas.termbase)
    repeated_terms_problems(record)  # a list of search words instead of a description: a warning


def _termbase_problems(record: RecordFile, terms: Termbase) -> None:
    """Rejected forms of the file's language in its prose and body (warnings; quotations and names are skipped)."""
    assert record.data is not None
    for path, text in text_fields(record.data):
        for finding in terms.findings(text, record.lang):
            record.problem_at(path, finding.message, rules.TERMBASE)
    for finding in terms.findings(record.body, record.lang):
        line, column = limits.line_and_column(record.body, finding.offset)
        record.problem(finding.message, rules.TERMBASE, record.body_line + line - 1, column)


def _schema_problems(record: RecordFile, schema: Schema, validator: Any, schemas: SchemaSet) -> None:
    master = schemas.schema(record.collection.name, twin=False)
    typed_paths: set[FieldPath] = set()
    errors = sorted(validator.iter_errors(record.data), key=lambda e: type(e.kind).__name__ != "Type")
    for error in errors:
        if record.full:
            break  # every message costs (did-you-mean): 60,000 unknown fields took 4 s
        kind = type(error.kind).__name__
        path: FieldPath = tuple(error.instance_path)
        if is_placeholder(error.instance):
            continue  # reported once, as a placeholder, by the semantic checks
        if kind != "Type" and path in typed_paths:
            continue  # one message per value: "must be a list" says enough
        if kind == "Type":
            typed_paths.add(path)
        details = error.kind.as_dict()
        if kind == "Required":
            _missing(record, path, details["property"], subschema(schema, list(error.schema_path)[:-1]))
        elif kind == "AdditionalProperties":
            node = subschema(schema, list(error.schema_path)[:-1])
            for name in details.get("unexpected", []):
                _unknown_field(record, (*path, name), node, master, schemas.project.registry.master)
        else:
            node = subschema(schema, list(error.schema_path)[:-1])
            message = schema_message(kind, details, error.instance, node, schemas.vocabularies, error.message)
            record.problem_at(path, message, _rule(kind, node), facts=_facts(kind, details, error.instance))


def _rule(kind: str, node: Schema) -> rules.Rule:
    if kind == "Enum" and node.get("x-vocabulary"):
        return rules.UNKNOWN_KEY
    return {
        "Type": rules.TYPE, "Pattern": rules.FORMAT, "MinItems": rules.TOO_FEW, "MaxItems": rules.TOO_MANY,
        "UniqueItems": rules.REPEATED, "MinLength": rules.TOO_SHORT, "MaxLength": rules.TOO_LONG,
        "Minimum": rules.OUT_OF_RANGE, "Maximum": rules.OUT_OF_RANGE, "ExclusiveMinimum": rules.OUT_OF_RANGE,
        "ExclusiveMaximum": rules.OUT_OF_RANGE,
    }.get(kind, rules.SCHEMA)  # fmt: skip


# The numbers of a length or count message, by the validator's error kind (see Problem.facts).
_FACTS = {
    "MaxLength": ("max_characters", "characters"),
    "MinLength": ("min_characters", "characters"),
    "MaxItems": ("max_items", "items"),
    "MinItems": ("min_items", "items"),
}


def _facts(kind: str, details: dict[str, Any], value: Any) -> tuple[tuple[str, int | str], ...]:
    names = _FACTS.get(kind)
    if names is None or not isinstance(value, (str, list)) or not isinstance(details.get("limit"), int):
        return ()
    return ((names[0], details["limit"]), (names[1], len(value)))


def _missing(record: RecordFile, parent: FieldPath, name: str, node: Schema) -> None:
    spec = node.get("properties", {}).get(name, {})
    label = spec.get("x-label", {}).get(rules.MESSAGES)
    help_text = spec.get("x-help", {}).get(rules.MESSAGES)
    what = f" ({label}: {help_text})" if label and help_text else (f" ({label})" if label else "")
    where = f"the {record.language.english_name} translation" if record.is_translation and not parent else "this record"
    record.problem_at(
        parent, f"required field '{name}' is missing from {where}{what}", rules.MISSING, field_path=(*parent, name)
    )


def _unknown_field(
    record: RecordFile, path: FieldPath, node: Schema, master: Schema, master_language: Language
) -> None:
    name = str(path[-1])
    if record.is_translation and len(path) == 1 and name in master.get("properties", {}):
        message = (
            f"'{name}' is language-neutral: it belongs only in the {master_language.english_name} master "
            f"{record.collection.folder}/{record.slug}{master_language.file_suffix}; delete it from the "
            f"{record.language.english_name} translation"
        )
        record.problem_at(path, message, rules.NEUTRAL_IN_TWIN, key=True)
        return
    allowed = list(node.get("properties", {}))
    hint = did_you_mean(name, allowed)
    if len(allowed) <= 10:
        rest = f"; allowed here: {', '.join(allowed)}"
    else:
        rest = (
            "; the allowed fields are listed in the field reference "
            "(site: Katkıda Bulunun › Alan Rehberi; command: mpchub reference)"
        )
    record.problem_at(path, f"unknown field '{name}'{hint}{rest}", rules.UNKNOWN_FIELD, key=True)


# ---------------------------------------------------------------------------------------------------
# Meaning beyond the schema


def walk(schema: Schema, value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Schema, Any]]:
    """Every (path, schema node, value) in a record, following the schema where it knows the field."""
    yield path, schema, value
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            yield from walk(properties.get(key, {}), item, (*path, key))
    elif isinstance(value, list):
        items = schema.get("items", {})
        for index, item in enumerate(value):
            yield from walk(items, item, (*path, index))


def isbn_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    digits = re.sub(r"[- ]", "", value).upper()
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        expected = str((10 - total % 10) % 10)
    elif len(digits) == 10 and digits[:9].isdigit():
        total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
        check = (11 - total % 11) % 11
        expected = "X" if check == 10 else str(check)
    else:
        return f"{value!r} is not an ISBN: an ISBN has 10 or 13 digits"
    if digits[-1] != expected:
        return f"ISBN {value!r} has a wrong check digit: expected {expected}; copy it again from the book"
    return None


def _semantic_problems(record: RecordFile, schema: Schema, markers: list[tuple[Pattern, Schema]]) -> None:
    assert record.data is not None
    placeholders: set[FieldPath] = set()
    if PLACEHOLDER in record.front_matter:  # cheap test first: the full walk is only for drafts
        for path, _node, value in walk(schema, record.data):
            if is_placeholder(value):
                placeholders.add(path)
                record.problem_at(path, PLACEHOLDER_RULE, rules.PLACEHOLDER)
    today = dt.date.today()
    for pattern, node in markers:
        for path, value in values_at(record.data, pattern):
            if path in placeholders:
                continue
            if node.get("x-date"):
                problem = date_problem(value)
                if problem:
                    record.problem_at(path, problem, rules.IMPOSSIBLE_DATE)
                elif path == ("last_reviewed",):
                    parts = parse_partial_date(value)
                    if parts and len(parts) == 3 and dt.date(*parts) > today + dt.timedelta(days=1):
                        record.problem_at(
                            path, f"{value!r} is in the future: give the date of the last review", rules.FUTURE_DATE
                        )
            if node.get("x-isbn"):
                problem = isbn_problem(value)
                if problem:
                    record.problem_at(path, problem, rules.ISBN)
    if record.data.get("verification") == UNREVIEWED:
        record.problem_at(
            ("verification",),
            "this record is a proposal no editor has reviewed yet; it may be merged and shown as such, and an "
            "editor sets 'compiled-from-public-sources', 'mpc-reviewed' or 'municipality-confirmed' once the "
            "facts are checked against the sources",
            rules.UNREVIEWED,
            severity=WARNING,
        )
    start, end = record.data.get("start_date"), record.data.get("end_date")
    if start is not None and end is not None and not date_problem(start) and not date_problem(end):
        a, b = parse_partial_date(start), parse_partial_date(end)
        if a and b and b[: min(len(a), len(b))] < a[: min(len(a), len(b))]:
            record.problem_at(("end_date",), f"the end date {end} is before the start date {start}", rules.DATE_ORDER)


def _body_problems(record: RecordFile) -> None:
    if not record.body.strip():
        record.problem(
            "the body is empty: write the description in Markdown below the closing '---'",
            rules.EMPTY_BODY,
            max(record.body_line - 1, 1),
            1,
        )
        return
    for found in body.problems(record.body):  # what body.render, used by the build, refuses
        record.problem(found.message, found.rule, record.body_line + found.line - 1, found.column, facts=found.facts)
    if PLACEHOLDER + ":" not in record.body:
        return
    for number, line in enumerate(record.body.splitlines(), start=record.body_line):
        column = line.find(PLACEHOLDER + ":")
        if column >= 0:
            record.problem(f"{PLACEHOLDER_RULE} (in the body)", rules.PLACEHOLDER, number, column + 1)


# ---------------------------------------------------------------------------------------------------
# Across files


def check_corpus(files: list[RecordFile], schemas: SchemaSet) -> None:
    """Ids, twins and references: the checks that need every record at once."""
    master = schemas.project.registry.master
    masters = {(f.collection.name, f.slug): f for f in files if not f.is_translation}
    ids: dict[str, RecordFile] = {}
    for record in files:
        if record.is_translation:
            if (record.collection.name, record.slug) not in masters:
                record.problem(
                    f"{record.language.english_name} translation without a {master.english_name} master: create "
                    f"{record.collection.folder}/{record.slug}{master.file_suffix} first (the master holds the "
                    "language-neutral fields), "
                    "or rename this file to match an existing master",
                    rules.ORPHAN_TWIN,
                )
            continue
        if record.data is None:
            continue
        record_id = record.data.get("id")
        if isinstance(record_id, str):
            if record_id in ids:
                record.problem_at(
                    ("id",),
                    f"duplicate id '{record_id}': {ids[record_id].relpath} already "
                    "uses it; ids must be unique across all collections",
                    rules.DUPLICATE_ID,
                )
            else:
                ids[record_id] = record
    by_collection: dict[str, set[str]] = {}
    for (collection, _slug), record in masters.items():
        if record.data is not None and isinstance(record.data.get("id"), str):
            by_collection.setdefault(collection, set()).add(record.data["id"])
    valid_ids = {  # what "did you mean" may suggest: ids that are themselves right
        collection: {i for i in ids if ID.match(i) and (collection, i) in masters}
        for collection, ids in by_collection.items()
    }
    for record in masters.values():
        if record.data is not None:
            _reference_problems(record, schemas, by_collection, valid_ids)
    _municipality_problems(list(masters.values()))
    collision_problems(list(masters.values()), schemas.project)  # ids that would take a page the site makes


ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _municipality_problems(records: list[RecordFile]) -> None:
    """Each implementing municipality gets a page named after the slug of its name: it must be non-empty,
    not a page the site already has, and belong to one spelling only."""
    owners: dict[str, tuple[str, RecordFile]] = {}
    for record in records:
        implementers = (record.data or {}).get("implementers")
        if not isinstance(implementers, list):
            continue
        for index, implementer in enumerate(implementers):
            if not is_municipality(implementer):
                continue
            name = implementer.get("name")
            if not isinstance(name, str) or not name.strip():
                continue  # the schema reports it
            path: FieldPath = ("implementers", index, "name")
            key = municipality_key(name)
            if not key:
                record.problem_at(
                    path,
                    f"the municipality name {name!r} gives an empty page address: its page address is made from "
                    "the Latin letters and digits of the name; write the official Turkish name "
                    "(e.g. 'Şişli Belediyesi')",
                    rules.MUNICIPALITY_SLUG,
                )
            elif key in RESERVED_MUNICIPALITY_KEYS:
                record.problem_at(
                    path,
                    f"the municipality name {name!r} gives the page address municipalities/{key}/, which is the "
                    "list of all municipalities: write the full official name (e.g. 'İndex Belediyesi')",
                    rules.MUNICIPALITY_SLUG,
                )
            elif key in owners and owners[key][0] != name:
                other_name, other = owners[key]
                record.problem_at(
                    path,
                    f"{name!r} and {other_name!r} ({other.relpath}) give the same page address "
                    f"municipalities/{key}/: if they are the same municipality, spell the name the same way in "
                    "both records; if not, write each official name in full",
                    rules.MUNICIPALITY_SLUG,
                )
            else:
                owners.setdefault(key, (name, record))


def _reference_problems(
    record: RecordFile, schemas: SchemaSet, known: dict[str, set[str]], suggestible: dict[str, set[str]]
) -> None:
    assert record.data is not None
    for pattern, node in schemas.markers[(record.collection.name, False)]:
        target = node.get("x-reference")
        if not target:
            continue
        ids = known.get(target, set())
        for path, value in values_at(record.data, pattern):
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                where = path if index is None else (*path, index)
                if not isinstance(item, str):
                    continue
                if item == record.data.get("id") and target == record.collection.name:
                    record.problem_at(where, "a record cannot be related to itself", rules.SELF_REFERENCE)
                elif item not in ids:
                    folder = schemas.project.registry.collection(target).folder
                    hint = did_you_mean(item, sorted(suggestible.get(target, set()) - {record.data.get("id")}))
                    record.problem_at(
                        where, f"'{item}' is not the id of any record in {folder}/{hint}", rules.REFERENCE
                    )
