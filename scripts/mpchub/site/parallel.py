"""The generated pages of several languages made at once, one language per process.

Making the pages is the largest step of a build (a quarter of its CPU at 5,000 records), and while it runs
nothing else does: Pagefind starts only with the first page written. A language's pages depend only on the
checked content, which every language shares, so after the content is read and checked the process forks: a
child makes the other languages' pages while this process makes the master's, and sends them back pickled, on
a pipe read by a thread as they come (the child never waits for this process). The pages are the same as made
one after the other (``tests/test_shell.py`` builds the fixture site so and compares it page by page with a
build where nothing is cached or forked).

Only where ``os.fork`` exists and a second core does; never in a process with threads of its own (``mkdocs
serve``), where a fork copies locks in whatever state they are.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import BinaryIO

from mpchub.content.registry import Language
from mpchub.site.build import Site
from mpchub.site.pages import Page


class ParallelFailed(RuntimeError):
    """The child making the other languages' pages failed; its traceback is in the message."""


def possible() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def pages(
    site: Site,
    meanwhile: Callable[[], object] | None = None,
    allowed: bool = True,
    forked: Callable[[list[str]], None] | None = None,
) -> Iterator[Page]:
    """Every generated page, the master language's made here and, where ``allowed`` and ``possible``, the
    others' in a forked child at the same time (``Site.iter_pages`` order: the master's first); ``forked`` is
    told which languages the child makes. ``meanwhile``: work this process does first, while the child makes its
    pages (the open data: the child's pages take about as long as this process's)."""
    languages = site.registry.languages
    here = [language for language in languages if language.master]
    there = [language for language in languages if not language.master]
    if not there or not allowed or not possible():
        if meanwhile is not None:
            meanwhile()
        yield from site.iter_pages()
        return
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child != 0 and forked is not None:
        forked([language.code for language in there])
    if child == 0:  # the child: make the other languages' pages, send them, and leave without cleaning up
        os.close(read)
        code = 0
        try:
            with os.fdopen(write, "wb") as out:
                _send(site, there, out)
        except BaseException:
            code = 1
            sys.stderr.write(traceback.format_exc())
            sys.stderr.flush()
        os._exit(code)
    os.close(write)
    received: list[Page] = []
    failures: list[str] = []
    reader = threading.Thread(target=_receive, args=(read, received, failures), daemon=True)
    reader.start()
    try:
        if meanwhile is not None:
            meanwhile()
        yield from site.iter_pages(here)
    finally:
        reader.join()
        _pid, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0 or failures:
        raise ParallelFailed(
            "making the pages of " + ", ".join(lang.code for lang in there) + f" failed in a child process: {failures}"
        )
    yield from received


def _send(site: Site, languages: list[Language], out: BinaryIO) -> None:
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    for page in site.iter_pages(languages):
        pickler.dump(page)
        pickler.clear_memo()


def _receive(read: int, received: list[Page], failures: list[str]) -> None:
    try:
        with os.fdopen(read, "rb") as source:
            unpickler = pickle.Unpickler(source)
            while True:
                try:
                    received.append(unpickler.load())
                except EOFError:
                    return
    except Exception as exc:  # a broken pipe: the child's failure is reported by its exit code
        failures.append(repr(exc))
