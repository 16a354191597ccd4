"""``mpchub translations``: list untranslated and outdated records; ``--stamp`` records source commits."""

from __future__ import annotations

import argparse

from mpchub.corpus import load_corpus
from mpchub.problems import format_problems
from mpchub.project import Project
from mpchub.translations import read_history, stamp, translation_problems


def run(project: Project, args: argparse.Namespace) -> int:
    corpus = load_corpus(project)
    if args.stamp is not None:
        history = read_history(project.root, ["practices", "recommendations", "publications"])
        wanted = {project.relative(p) for p in args.stamp}
        changed = 0
        for collection in corpus.records.values():
            for record in collection.values():
                twin = record.twin.relpath if record.twin else None
                if (not wanted or record.master.relpath in wanted or twin in wanted) and stamp(record, history):
                    print(f"stamped {twin}")
                    changed += 1
        print(f"{changed} twins stamped with their master's last commit")
        return 0
    problems = translation_problems(corpus)
    output = format_problems(problems, args.format)
    if output:
        print(output)
    missing = sum(p.rule == "untranslated" for p in problems)
    if args.format != "json":
        print(f"mpchub: {missing} untranslated, {len(problems) - missing} outdated")
    return 0  # translation status informs; it never fails a build
