"""``mpchub links``: check the records' external links and write a Markdown report of dead ones.

Used by the weekly workflow, which opens or updates one issue; it never fails anyone's pull request,
so this command exits 0 whatever it finds (2 only for usage errors).
"""

from __future__ import annotations

import argparse
import sys

from mpchub.content.corpus import load_corpus
from mpchub.content.links import check_all, external_links, report
from mpchub.content.project import Project


def run(project: Project, args: argparse.Namespace) -> int:
    corpus = load_corpus(project)
    cited_by = external_links(corpus)
    results = check_all(cited_by, timeout=args.timeout, total=args.total)
    dead = [r for r in results if not r.ok and r.checked]
    unchecked = sum(not r.checked for r in results)
    text = report(dead, cited_by, len(results) - unchecked, unchecked)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(
        f"mpchub: {len(results) - unchecked} links checked, {len(dead)} not answering, {unchecked} not checked "
        "(time budget)",
        file=sys.stderr,
    )
    return 0
