"""Pagefind fed page by page while the site is still being built: one ``pagefind --service`` per language.

``pagefind --site`` indexes a finished site, so a build waited for its last page before indexing its first. The
service (the same binary, ``--service``: messages of base64 JSON on its standard input, see Pagefind's
``service/requests.rs``) indexes a page as soon as it is given, so each language's pages are parsed, on the second
core, while the build still writes the next ones; only writing the index waits for the last page. The Python
wrapper of the same service (``pagefind.index``) was measured and dropped: it reads one answer per 0.1 s, so 200
pages took 40 s; this client writes its requests without waiting and reads the answers on a thread.

Memory: what a service holds grows with the pages given (about 50 KB a Turkish page, its words and text); writing
the index takes about four times that for a moment (950 MiB for 5,004 Turkish pages). ``Indexer.finish`` writes
the bundles one after the other, the smallest first, and ``mpchub index --build`` calls it only after the build
has exited, so that the build's memory and these peaks never add up (PERFORMANCE.md).
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import threading
import time
from pathlib import Path

from mpchub.content.registry import Language
from mpchub.search import pagefind
from mpchub.search.pagefind import PagefindFailed


def _executable() -> str:
    from pagefind_bin import get_executable  # the binary inside the pinned pagefind[bin] wheel

    return str(get_executable())


class Service:
    """One ``pagefind --service`` process building one index (one language's bundle)."""

    def __init__(self, exclude: list[str]) -> None:
        self.process = subprocess.Popen(
            [_executable(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._next = 0
        self._lock = threading.Lock()
        self._answers: dict[int, dict[str, object]] = {}
        self._arrived = threading.Condition()
        self.errors: list[str] = []
        self.indexed = 0
        self.stderr = b""
        self._reading = True  # until the answers' reader has stopped (the service ended, or an answer was unreadable)
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        index = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": exclude}}))
        if index.get("type") != "NewIndex":
            raise PagefindFailed(f"Pagefind's service refused a new index: {index}")
        self.index_id = index["index_id"]

    def _send(self, payload: dict[str, object]) -> int:
        with self._lock:
            self._next += 1
            message = json.dumps({"message_id": self._next, "payload": payload}).encode("utf-8")
            assert self.process.stdin is not None
            try:
                self.process.stdin.write(base64.b64encode(message) + b",")
                self.process.stdin.flush()
            except (BrokenPipeError, OSError):
                raise PagefindFailed(f"Pagefind's service stopped: {self.stderr.decode(errors='replace')}") from None
            return self._next

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        try:
            while chunk := self.process.stdout.read1(1 << 16):
                pending += chunk
                *messages, pending = pending.split(b",")
                for message in messages:
                    self._take(json.loads(base64.b64decode(message)))
        except (ValueError, OSError) as exc:  # an answer that is not base64 JSON: say so, never wait for it
            self.errors.append(f"unreadable answer from Pagefind's service: {exc}")
        finally:
            with self._arrived:
                self._reading = False
                self._arrived.notify_all()

    def _take(self, answer: dict[str, object]) -> None:
        payload = answer.get("payload", {})
        assert isinstance(payload, dict)
        if payload.get("type") == "Error":
            self.errors.append(str(payload.get("message")))
        elif payload.get("type") == "IndexedFile":
            self.indexed += 1
        identity = answer.get("message_id")
        if isinstance(identity, int):
            with self._arrived:
                if payload.get("type") != "IndexedFile":  # a page's answer is counted, not kept
                    self._answers[identity] = payload
                self._arrived.notify_all()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()

    def _wait(self, identity: int) -> dict[str, object]:
        with self._arrived:
            while identity not in self._answers:
                if not self._reading or self.process.poll() is not None:
                    stopped = "; ".join(self.errors[-1:]) or self.stderr.decode(errors="replace")
                    raise PagefindFailed(f"Pagefind's service stopped answering: {stopped}")
                self._arrived.wait(0.5)
            return self._answers.pop(identity)

    def resident(self) -> int:
        """The memory the service holds now (KiB; the pages it has been given, as a last resort): writing an index
        takes several times that, so the service holding the least writes first, and the largest writes alone."""
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
                return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration, ValueError):
            return self.indexed

    def add(self, url: str, html: str) -> None:
        """Give one page (its site-relative address as Pagefind writes it, ``/practices/x/``)."""
        self._send({"type": "AddFile", "index_id": self.index_id, "file_path": None, "url": url, "file_contents": html})

    def write(self, output: Path) -> None:
        """Build the index of every page given and write the bundle to ``output``; then the service ends."""
        answer = self._wait(self._send({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(output)}))
        if answer.get("type") != "WriteFiles":
            raise PagefindFailed(f"Pagefind could not write {output}: {answer.get('message', answer)}")
        _written(output)
        self.close()

    def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()  # the service ends at the end of its input
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _written(output: Path, patience: float = 30.0) -> None:
    """Wait until the bundle's files are on disk before the service is ended.

    Pagefind answers WriteFiles once it has handed each file to tokio, whose writes finish on a background thread;
    ending the service at once (closing its input) could leave a file created but empty (seen under load: an
    empty ``pagefind-entry.json``). The bundle is taken as written when its entry parses, it holds a fragment for
    every page the entry counts, no file is empty and the sizes are the same twice in a row; past ``patience``
    it is a failure, so an incomplete index is never published."""
    deadline = time.monotonic() + patience
    before: dict[str, int] | None = None
    while time.monotonic() < deadline:
        sizes = {path.as_posix(): path.stat().st_size for path in output.rglob("*") if path.is_file()}
        complete = sizes and all(sizes.values()) and sizes == before
        if complete and _pages(output / "pagefind-entry.json") <= len(list(output.glob("fragment/*.pf_fragment"))):
            return
        before = sizes
        time.sleep(0.02)
    raise PagefindFailed(f"Pagefind's bundle in {output} was not written within {patience:.0f} s")


def _pages(entry: Path) -> float:
    """The pages a bundle's entry counts (infinite while it cannot be read: not written yet)."""
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        return sum(int(language["page_count"]) for language in languages.values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return float("inf")


_DIV = re.compile(r"<div\b|</div\s*>")
# What Pagefind reads outside a page's data-pagefind-body besides the head: its filter, meta and sort attributes
# (and another body), the first <h1> and the first image after it (its default title and image), script and link
# addresses of old bundles. (data-pagefind-ignore and -weight matter only inside the body.)
_READ_ANYWHERE = (
    "data-pagefind-filter",
    "data-pagefind-meta",
    "data-pagefind-default-meta",
    "data-pagefind-sort",
    "data-pagefind-body",
    "<h1",
    "<img",
    "_pagefind",
)


def trimmed(html: str) -> str:
    """The page as Pagefind needs it: its head and the element marked ``data-pagefind-body``, without Material's
    frame around it (navigation, header, footer: two thirds of a record page, parsed by Pagefind for nothing).
    Pagefind reads nothing else of the page, so the index is the same (tests/test_search_service.py compares);
    a page whose frame holds anything Pagefind reads (``_READ_ANYWHERE``) is given whole."""
    head = html.find("</head>")
    start = html.find(pagefind.MARK.decode())
    if head < 0 or start < head or "<!--" in html[start:]:  # a "</div>" in a comment would end the element early
        return html
    depth = 0
    for match in _DIV.finditer(html, start):
        depth += -1 if match.group(0).startswith("</") else 1
        if depth == 0:
            end = match.end()
            break
    else:
        return html
    frame = (html[head:start], html[end:])
    if any(mark in part for part in frame for mark in _READ_ANYWHERE):
        return html
    return f"{html[: head + len('</head>')]}<body>{html[start:end]}</body></html>"


def url_of(site_path: str) -> str:
    """Pagefind's address of a built page: ``practices/x/index.html`` → ``/practices/x/``."""
    return "/" + (site_path[: -len("index.html")] if site_path.endswith("index.html") else site_path)


class Indexer:
    """The site's search index, fed page by page: a service per language, started with its first page."""

    def __init__(self, site_dir: Path, languages: tuple[Language, ...]) -> None:
        self.site_dir = site_dir
        self.languages = {language.code: language for language in languages}
        self.services: dict[str, Service] = {}
        self._exclude = list(pagefind.EXCLUDED)

    def add(self, lang: str, site_path: str, html: str | None = None) -> None:
        """Index the page at ``site_path`` (relative to the site, ``practices/x/index.html``) of language ``lang``;
        its HTML is read from the site unless given."""
        service = self.services.get(lang)
        if service is None:
            service = self.services[lang] = Service(self._exclude)
        if html is None:
            html = (self.site_dir / site_path).read_text(encoding="utf-8")
        service.add(url_of(site_path), trimmed(html))

    def finish(self, marked: dict[str, int], at_once: int = 1) -> dict[str, int]:
        """Write each language's bundle (``at_once`` at a time, the service holding the least memory first, since
        writing takes several times what it holds) with its address list, check it holds at least
        ``pagefind.MIN_SHARE`` of the pages ``marked`` for it, and return the pages indexed per language."""
        order = sorted(self.services, key=lambda code: self.services[code].resident())
        counts: dict[str, int] = {}
        failures: list[BaseException] = []

        def write(code: str) -> None:
            try:
                service = self.services[code]
                if service.errors:
                    raise PagefindFailed(f"Pagefind could not index '{code}' pages: {service.errors[:3]}")
                output = self.site_dir / pagefind.bundle_dir(self.languages[code])
                service.write(output)
                for found, pages in pagefind.finish_bundle(output).items():
                    counts[found] = counts.get(found, 0) + pages
            except BaseException as exc:  # reported after the others are written
                failures.append(exc)

        for start in range(0, len(order), max(at_once, 1)):
            threads = [threading.Thread(target=write, args=(code,)) for code in order[start : start + at_once]]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        if failures:
            raise failures[0]
        pagefind.check(counts, marked)
        return counts

    def close(self) -> None:
        """Stop every service without writing (a failed build)."""
        for service in self.services.values():
            service.close()


FEED = "MPCHUB_INDEX_FEED"  # the file descriptor a build reports its indexed pages on (``mpchub index --build``)


class Feed:
    """Where a build sends the pages it has written for the index: to the ``mpchub index --build`` that runs it
    (a pipe named by ``MPCHUB_INDEX_FEED``; that process indexes them while the build goes on and writes the index
    once the build has exited), or to an ``Indexer`` of its own."""

    def __init__(self, site_dir: Path, languages: tuple[Language, ...], pipe: int | None = None) -> None:
        self.site_dir = site_dir
        self.pipe = open(pipe, "w", encoding="utf-8", buffering=1, closefd=True) if pipe is not None else None  # noqa: SIM115
        self.indexer = Indexer(site_dir, languages) if pipe is None else None

    @classmethod
    def for_build(cls, site_dir: Path, languages: tuple[Language, ...], environ: dict[str, str]) -> Feed:
        descriptor = environ.get(FEED)
        return cls(site_dir, languages, int(descriptor) if descriptor else None)

    def page(self, lang: str, path: Path | str, html: str | None = None) -> None:
        """A page of ``lang`` written at ``path`` (absolute, or relative to the site) is ready for the index."""
        site_path = Path(path).relative_to(self.site_dir).as_posix() if Path(path).is_absolute() else str(path)
        if self.pipe is not None:
            self.pipe.write(f"page\t{lang}\t{site_path}\n")
        elif self.indexer is not None:
            self.indexer.add(lang, site_path, html)

    def done(self, marked: dict[str, int]) -> dict[str, int] | None:
        """The build is over: the pages indexed per language (None when ``mpchub index --build`` writes the index)."""
        if self.pipe is not None:
            for lang, count in sorted(marked.items()):
                self.pipe.write(f"marked\t{lang}\t{count}\n")
            self.pipe.close()
            return None
        assert self.indexer is not None
        return self.indexer.finish(marked)

    def close(self) -> None:
        if self.pipe is not None and not self.pipe.closed:
            self.pipe.close()
        if self.indexer is not None:
            self.indexer.close()
