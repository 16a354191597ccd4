"""``mpchub index SITE``: make the search index of a built site (one Pagefind bundle per language) and check it.

``mpchub index SITE --build COMMAND…`` is the published build (``./dev.sh build``, publish.yml): it runs the
site's build (``mkdocs build --strict``) and indexes each page as soon as the build reports it written (the
plugin writes ``page`` lines on the pipe named by ``MPCHUB_INDEX_FEED``), so each language's pages are parsed by
Pagefind on the second core while the build is still writing the other language; then, once the build has exited
and freed its memory, it writes each language's index, the smallest first. Pagefind holds what it indexes in
memory, and writing an index takes several times that for a moment: run after the build has exited, that moment
never adds to the build's memory (PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from mpchub.content.project import Project
from mpchub.search.pagefind import PagefindFailed, index_site
from mpchub.search.service import FEED, Indexer
from mpchub.timings import Timings


def run(project: Project, args: argparse.Namespace) -> int:
    site = args.site
    if args.build is not None:
        command = args.build[1:] if args.build[:1] == ["--"] else args.build
        if not command:
            print("mpchub index: --build needs the build's command (e.g. mkdocs build --strict)", file=sys.stderr)
            return 2
        return _during(project, site.resolve(), command)
    if not (site / "index.html").is_file():
        print(f"mpchub index: {site} is not a built site (no index.html): run 'mkdocs build' first", file=sys.stderr)
        return 2
    try:
        counts = index_site(site, project.registry.languages)
    except PagefindFailed as exc:
        print(f"mpchub index: {exc}", file=sys.stderr)
        return 1
    _report(counts)
    return 0


def _report(counts: dict[str, int]) -> None:
    print("search index: " + ", ".join(f"{language} {pages} pages" for language, pages in sorted(counts.items())))


def _during(project: Project, site: Path, command: list[str]) -> int:
    """Run the build ``command``, indexing the pages it reports; write the index once it has exited."""
    timings = Timings("index")
    indexer = Indexer(site, project.registry.languages)
    marked: dict[str, int] = {}
    failures: list[BaseException] = []
    with timings.step("the build, while its pages are indexed"):
        code, feeders = _build(command, indexer, marked, failures, timings)
    if code is None:
        return 2
    with timings.step("pages still to index once the build has exited"):
        for feeder in feeders:
            feeder.join()
    if code != 0:
        indexer.close()
        return code
    try:
        if failures:
            raise failures[0]
        if not marked:
            raise PagefindFailed("the build reported no page for the index: is its plugin's search off?")
        with timings.step("write the index"):
            counts = indexer.finish(marked, at_once=_at_once())
    except (PagefindFailed, ValueError, OSError) as exc:
        indexer.close()
        print(f"mpchub index: {exc}", file=sys.stderr)
        return 1
    timings.seconds["this process (reading and handing pages to Pagefind)"] = [0.0, time.process_time()]
    timings.write()
    _report(counts)
    return 0


def _build(
    command: list[str], indexer: Indexer, marked: dict[str, int], failures: list[BaseException], timings: Timings
) -> tuple[int | None, list[threading.Thread]]:
    """Run the build, handing the pages it reports to ``indexer`` as they come: its exit code (None: it could not
    start) and the threads still giving pages to Pagefind."""
    read, write = os.pipe()
    try:
        build = subprocess.Popen(command, env={**os.environ, FEED: str(write)}, pass_fds=(write,))
    except OSError as exc:
        os.close(read)
        print(f"mpchub index: cannot run {command[0]}: {exc}", file=sys.stderr)
        return None, []
    finally:
        os.close(write)
    pages: dict[str, queue.SimpleQueue[str | None]] = {}
    feeders: list[threading.Thread] = []

    def feed(lang: str, waiting: queue.SimpleQueue[str | None]) -> None:
        """Give a language's pages to its Pagefind service as they come (one thread per language, so that a busy
        service never holds up the build, which only writes lines on a pipe read at once)."""
        try:
            while (path := waiting.get()) is not None:
                indexer.add(lang, path)  # relative to the site (Feed.page)
        except BaseException as exc:
            failures.append(exc)
            while waiting.get() is not None:  # let the build go on: its failure or this one is reported
                pass

    with os.fdopen(read, encoding="utf-8") as lines:
        for line in lines:
            kind, lang, value = line.rstrip("\n").split("\t")
            if kind == "marked":
                marked[lang] = int(value)
                continue
            if lang not in pages:
                pages[lang] = queue.SimpleQueue()
                feeders.append(threading.Thread(target=feed, args=(lang, pages[lang]), daemon=True))
                feeders[-1].start()
            pages[lang].put(value)
    _pid, status, usage = os.wait4(build.pid, 0)  # the build's own usage (its CPU seconds, for the bench)
    build.returncode = code = os.waitstatus_to_exitcode(status)
    timings.seconds["the build process (all of it)"] = [0.0, usage.ru_utime + usage.ru_stime]
    for waiting in pages.values():
        waiting.put(None)
    return code, feeders


def _at_once() -> int:
    """How many languages' indexes are written at once: one on a machine of two cores (writing the Turkish index
    of 5,000 records takes 950 MiB for a moment), more where there are more cores."""
    return max(1, (os.cpu_count() or 2) // 2)
