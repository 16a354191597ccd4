"""``mpchub check``: validate records and print one line per problem."""

from __future__ import annotations

import argparse
import sys

from mpchub.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from mpchub.corpus import load_corpus
from mpchub.problems import format_problems
from mpchub.project import Project
from mpchub.synonyms import problems as synonym_problems


def run(project: Project, args: argparse.Namespace) -> int:
    wanted = []
    for path in args.paths:
        if not path.exists():
            print(f"mpchub check: {path}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
        wanted.append(project.relative(path))
    corpus = load_corpus(project)  # always the whole corpus: references need every id

    def selected(relpath: str) -> bool:
        return not wanted or any(relpath == w or relpath.startswith(w.rstrip("/") + "/") or w == "." for w in wanted)

    problems = [p for p in corpus.problems if selected(p.path)]
    output = format_problems(problems, args.format)
    if output:
        print(output)
    errors = sum(p.is_error for p in problems)
    for message in synonym_problems(project.root):  # the search's data file: the build stops on it too
        print(f"error: {message}", file=sys.stderr)
        errors += 1
    if not args.quiet and args.format != "json":
        files = sum(selected(f.relpath) for f in corpus.files)
        untranslated = [r for r in corpus.untranslated() if selected(r.master.relpath)]
        summary = (
            f"mpchub: checked {files} files: {errors} errors, {len(problems) - errors} warnings; "
            f"{len(untranslated)} without an English twin yet"
        )
        print(summary, file=sys.stderr)
    return EXIT_INVALID if errors else EXIT_OK
