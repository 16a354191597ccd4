"""``mpchub check``: validate records and print one line per problem."""

from __future__ import annotations

import argparse
import sys

from mpchub import exitcodes, hub
from mpchub.content.problems import format_problems
from mpchub.content.project import Project


def run(project: Project, args: argparse.Namespace) -> int:
    wanted = []
    for path in args.paths:
        if not path.exists():
            print(f"mpchub check: {path}: no such file or folder", file=sys.stderr)
            return exitcodes.USAGE
        wanted.append(project.relative(path))
    corpus = hub.check(project)  # always the whole corpus: references need every id, body links every page

    def selected(relpath: str) -> bool:
        return not wanted or any(relpath == w or relpath.startswith(w.rstrip("/") + "/") or w == "." for w in wanted)

    problems = [p for p in corpus.problems if selected(p.path)]
    output = format_problems(problems, args.format)
    if output:
        print(output)
    errors = sum(p.is_error for p in problems)
    if not args.quiet and args.format != "json":
        files = sum(selected(f.relpath) for f in corpus.files)
        missing = [
            f"{sum(selected(r.master.relpath) for r in corpus.untranslated(language.code))} "
            f"not yet translated into {language.english_name}"
            for language in project.registry.translations
        ]
        summary = f"mpchub: checked {files} files: {errors} errors, {len(problems) - errors} warnings; " + "; ".join(
            missing
        )
        print(summary, file=sys.stderr)
    return exitcodes.INVALID if errors else exitcodes.OK
