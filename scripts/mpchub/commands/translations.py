"""``mpchub translations``: list untranslated and outdated records; ``--stamp`` records source commits."""

from __future__ import annotations

import argparse

from mpchub.content import rules
from mpchub.content.corpus import load_corpus
from mpchub.content.problems import format_problems
from mpchub.content.project import Project
from mpchub.content.translations import read_history, stamp, translation_problems


def run(project: Project, args: argparse.Namespace) -> int:
    corpus = load_corpus(project)
    if args.stamp is not None:
        history = read_history(project.root, [c.folder for c in project.registry.collections])
        wanted = {project.relative(p) for p in args.stamp}
        changed = 0
        for record in corpus.all():
            files = {record.master.relpath, *(f.relpath for f in record.translations.values())}
            if (not wanted or files & wanted) and stamp(record, history):
                for translation in record.translations.values():
                    print(f"stamped {translation.relpath}")
                changed += len(record.translations)
        print(f"{changed} translations stamped with their master's last commit")
        return 0
    problems = translation_problems(corpus)
    output = format_problems(problems, args.format)
    if output:
        print(output)
    missing = sum(p.rule == rules.UNTRANSLATED.name for p in problems)
    if args.format != "json":
        print(f"mpchub: {missing} untranslated, {len(problems) - missing} outdated")
    return 0  # translation status informs; it never fails a build
