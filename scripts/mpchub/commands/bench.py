"""``mpchub bench``: how long validation takes on a synthetic corpus of the given size.

Speed is measured here, by a command, and reported in the docs; tests never time anything.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from mpchub.corpus import load_corpus
from mpchub.project import Project
from mpchub.synthetic import make_project


def run(project: Project, args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="mpchub-bench-") as scratch:
        bench = make_project(project, Path(scratch), args.records)
        files = 2 * args.records
        timings = []
        for _ in range(max(args.repeat, 1)):
            started = time.perf_counter()
            corpus = load_corpus(bench)
            timings.append(time.perf_counter() - started)
        errors = len(corpus.errors)
    best = min(timings)
    print(f"validated {args.records} bilingual records ({files} files) in {best:.2f} s "
          f"(best of {len(timings)}; {1000 * best / files:.3f} ms per file; {errors} errors)")
    return 0 if errors == 0 else 1
