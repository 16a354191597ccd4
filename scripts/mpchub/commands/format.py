"""``mpchub format``: rewrite records as the web editor (/admin/) writes them, so that its edits change only the
edited lines (``mpchub.content.layout``). ``--check`` only lists the records that are not in that layout."""

from __future__ import annotations

import argparse
import sys

from mpchub.content import rules
from mpchub.content.corpus import load_corpus
from mpchub.content.layout import canonical_text, comment_lines, first_difference, format_file
from mpchub.content.problems import WARNING, annotation
from mpchub.content.project import Project
from mpchub.exitcodes import INVALID as EXIT_INVALID
from mpchub.exitcodes import OK as EXIT_OK
from mpchub.exitcodes import USAGE as EXIT_USAGE


def run(project: Project, args: argparse.Namespace) -> int:
    wanted = []
    for path in args.paths:
        if not path.exists():
            print(f"mpchub format: {path}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
        wanted.append(project.relative(path))
    corpus = load_corpus(project)

    def selected(relpath: str) -> bool:
        return not wanted or any(relpath == w or relpath.startswith(w.rstrip("/") + "/") or w == "." for w in wanted)

    changed, skipped = [], []
    for record in corpus.files:
        if not selected(record.relpath):
            continue
        text = canonical_text(record, corpus.schemas)
        if text is None or any(p.is_error and p.rule in READING_RULES for p in record.problems):
            skipped.append(record.relpath)  # unreadable: rewriting it could lose what the reader missed
            continue
        actual = record.path.read_text(encoding="utf-8")
        if actual == text:
            continue
        changed.append(record.relpath)
        if args.check:
            line = first_difference(actual, text)
            if args.format == "github":  # a warning on the pull request's line; never fails the run
                print(annotation(WARNING, record.relpath, line, "mpchub format", LAYOUT))
            else:
                print(f"{record.relpath}:{line}: {LAYOUT}")
            continue
        comments = comment_lines(record)
        format_file(record.path, record, corpus.schemas)
        note = f" ({comments} comment lines dropped)" if comments else ""
        print(f"{record.relpath}: rewritten{note}")
    for relpath in skipped:
        print(f"mpchub format: {relpath}: not rewritten, it cannot be read (see mpchub check)", file=sys.stderr)
    verb = "to rewrite" if args.check else "rewritten"
    print(f"mpchub format: {len(changed)} files {verb}, {len(skipped)} unreadable", file=sys.stderr)
    if args.format == "github":
        return EXIT_OK
    return EXIT_INVALID if (args.check and changed) or skipped else EXIT_OK


LAYOUT = (
    "not written as the web editor (/admin/) writes it: its first save there would rewrite these lines too; "
    "'mpchub format' rewrites the file, keeping every value"
)


# Problems that mean the reader did not get the whole file: such a file is never rewritten.
READING_RULES = frozenset(
    rule.name
    for rule in (
        rules.READ, rules.NOT_A_FILE, rules.SYMLINK, rules.FILE_TOO_LARGE, rules.BOM, rules.ENCODING,
        rules.FRONT_MATTER_MISSING, rules.FRONT_MATTER_UNTERMINATED, rules.FRONT_MATTER_EMPTY,
        rules.FRONT_MATTER_SHAPE, rules.TAB, rules.YAML_SYNTAX, rules.YAML_DEPTH, rules.DUPLICATE_KEY,
        rules.YAML_ALIAS, rules.YAML_MERGE, rules.YAML_TAG, rules.YAML_KEY, rules.NUMBER_FORM,
        rules.CONTROL_CHARACTER,
    )
)  # fmt: skip
