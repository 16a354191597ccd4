"""How long the exports take: ``python -m mpchub_tools.exports_bench --records 1000``.

Generates ``--records`` synthetic bilingual practices (``mpchub_tools.synthetic``) into a scratch folder that is
deleted afterwards, loads them once, then times ``build_exports`` and writing the files (best of
``--repeat`` runs), and the page fragments (citation, JSON-LD, feed links, statistics and open-data pages).
Then it builds the same hub's site once, as ``mpchub bench --site`` does (``mkdocs build --strict`` with the
search index), and gives the exports' share of that build in CPU seconds: the build as it is now, measured
in the same run, so the share stays honest when the rest of the build gets faster (``--no-build`` skips it).
Measured by this command, never by timed tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project
from mpchub.exports.bundle import build_exports
from mpchub.exports.charts import statistics_page_html
from mpchub.exports.fragments import citation_html, feed_links_html, jsonld_html, open_data_html
from mpchub_tools.bench import SITE_URL, mkdocs_build, site_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mpchub_tools.exports_bench", description=__doc__)
    parser.add_argument("--records", type=int, default=1000, help="bilingual synthetic practices")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--no-build", action="store_true", help="do not build the site to compare with")
    args = parser.parse_args(argv)
    source = Project.find()
    with tempfile.TemporaryDirectory(prefix="mpchub-export-bench-") as scratch:
        project = Project(site_project(source, Path(scratch, "hub"), args.records))
        started = time.perf_counter()
        corpus = load_corpus(project)
        loaded = time.perf_counter() - started
        best_build = best_write = best_cpu = float("inf")
        for run in range(args.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            bundle = build_exports(corpus, "https://example.org/hub/")
            built = time.perf_counter() - started
            started = time.perf_counter()
            written = bundle.write(Path(scratch, f"out-{run}"))
            best_build, best_write = min(best_build, built), min(best_write, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        size = sum(len(data) for data in bundle.files.values())
        best_pages = float("inf")
        for _ in range(args.repeat):
            started = time.process_time()
            for language in project.registry.languages:
                lang = language.code
                for record in corpus.all():
                    citation_html(corpus, record, lang, "https://example.org/hub/")
                    jsonld_html(corpus, record, lang, "https://example.org/hub/")
                    feed_links_html(corpus, lang, language.url(record.path))
                statistics_page_html(corpus, lang)
                open_data_html(corpus, lang)
            best_pages = min(best_pages, time.process_time() - started)
        build_cpu = None
        if not args.no_build:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
            process, build_seconds, build_cpu, _peak = mkdocs_build(project.root, Path(scratch, "site"), env, True)
            if process.returncode != 0:
                print(process.stdout, file=sys.stderr)
                return 1
    print(f"{args.records} bilingual records (loading them: {loaded:.2f} s, not part of the exports)")
    print(f"render every export: {best_build:.2f} s (best of {args.repeat})")
    print(f"write {len(written)} files, {size / 1024 / 1024:.1f} MB: {best_write:.2f} s (best of {args.repeat})")
    print(f"total: {best_build + best_write:.2f} s wall clock; {best_cpu:.2f} s of CPU time (best of {args.repeat})")
    print(
        f"page fragments (citation, JSON-LD and feed links of {2 * args.records} record pages, statistics and "
        f"open-data pages): {best_pages:.2f} s of CPU time (best of {args.repeat})"
    )
    if build_cpu is not None:
        ours = best_cpu + best_pages
        print(
            f"the site's build (mkdocs build --strict with the search index, which includes all of the above): "
            f"{build_seconds:.1f} s wall clock, {build_cpu:.1f} s of CPU time (Pagefind's threads included); "
            f"exports and fragments are {100 * ours / build_cpu:.1f} % of its CPU time "
            f"({100 * ours / build_seconds:.1f} % of its wall clock)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
