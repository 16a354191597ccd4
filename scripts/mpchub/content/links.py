"""External links of the records (sources, editions, contact sites) and whether they still answer."""

from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from mpchub.content.corpus import Corpus

USER_AGENT = "mpchub-link-check/1.0 (+MPC Knowledge Hub; weekly source check)"


def external_links(corpus: Corpus) -> dict[str, list[str]]:
    """URL → the record files that cite it."""
    found: dict[str, list[str]] = defaultdict(list)
    for collection in corpus.records.values():
        for record in collection.values():
            data = record.data
            urls = [s.get("url") for s in data.get("sources", [])]
            urls += [e.get("url") for e in data.get("editions", [])]
            if isinstance(data.get("contact"), dict):
                urls.append(data["contact"].get("url"))
            for url in urls:
                if isinstance(url, str) and record.master.relpath not in found[url]:
                    found[url].append(record.master.relpath)
    return dict(found)


@dataclass
class LinkResult:
    url: str
    ok: bool
    detail: str
    checked: bool = True  # False: the run's time budget was spent before this link was asked


def check_url(url: str, timeout: float) -> LinkResult:
    """HEAD first (cheap), GET when a server refuses HEAD. Redirects are followed."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkResult(url, True, str(response.status))
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return LinkResult(url, False, f"HTTP {exc.code}")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return LinkResult(url, False, str(reason))
    return LinkResult(url, False, "no answer")


def check_all(
    urls: Iterable[str], timeout: float = 20, workers: int = 8, total: float = 900, poll: float = 0.05
) -> list[LinkResult]:
    """Every URL checked in at most ``timeout`` seconds, and all of them in at most ``total`` seconds.

    A socket's timeout bounds each wait for a byte, not the request: a server that sends its headers one
    byte every few seconds held the weekly job until GitHub's 30-minute limit. So each request runs in a
    daemon thread that is given up (and reported as not answering) when its ``timeout`` is over, however
    the server drips; when ``total`` is spent, the links not yet asked are reported as not checked.
    Abandoned threads end when their server closes the connection or the process exits.
    """
    pending = deque(sorted(urls))
    results: dict[str, LinkResult] = {}
    running: dict[str, tuple[threading.Thread, float]] = {}
    deadline = time.monotonic() + total

    def ask(url: str) -> None:
        results.setdefault(url, check_url(url, timeout))

    while pending or running:
        now = time.monotonic()
        while pending and len(running) < workers and now < deadline:
            url = pending.popleft()
            thread = threading.Thread(target=ask, args=(url,), daemon=True, name=f"link-check {url[:60]}")
            running[url] = (thread, now)
            thread.start()
        for url, (thread, started) in list(running.items()):
            if not thread.is_alive():
                del running[url]
            elif now - started > timeout or now > deadline:
                results.setdefault(url, LinkResult(url, False, f"no complete answer within {timeout:g} s"))
                del running[url]
        if now > deadline:
            for url in pending:
                results[url] = LinkResult(url, False, f"not checked: the run's {total:g} s were spent", False)
            pending.clear()
        if running:
            time.sleep(poll)
    return [results[url] for url in sorted(results)]


MAX_REPORT_CHARACTERS = 60_000  # a GitHub issue body holds 65,536; rows past this are counted, not shown
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"  # RFC 3986 characters; everything else is percent-encoded


def markdown_url(url: str) -> str:
    """An autolink ``<https://…>`` that cannot break out: characters outside RFC 3986 are percent-encoded.

    Inside an autolink Markdown does nothing (no @mention, no #reference, no HTML); ``|`` (which would
    split the table row), ``<``, ``>``, spaces and quotes are not RFC 3986 characters, so they are encoded.
    Anything but http(s) is shown as code, never as a link.
    """
    encoded = urllib.parse.quote(url, safe=_URL_SAFE)
    if re.match(r"^https?://[^/]", encoded):
        return f"<{encoded}>"
    return markdown_code(url)


def markdown_code(text: str) -> str:
    """``text`` as an inline code span a table cell can hold: no @mention, link, HTML or row break inside."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def report(dead: list[LinkResult], cited_by: dict[str, list[str]], checked: int, unchecked: int = 0) -> str:
    """A Markdown report of dead links for the tracking issue; empty when every link answers.

    Every URL, server message and file name in it comes from a contribution or from a server, so each
    is written as an encoded autolink or a code span: nothing in the issue can mention a person, link
    an issue, inject HTML or break the table.
    """
    if not dead:
        return ""
    lines = [
        f"The weekly check found **{len(dead)}** of {checked} external links not answering. "
        "Find a new address (or an archived copy) and update the record.",
        *([f"{unchecked} links were not checked: the run's time budget was spent."] if unchecked else []),
        "",
        "| Link | Problem | Cited by |",
        "|---|---|---|",
    ]
    size = sum(len(line) + 1 for line in lines)
    for shown, result in enumerate(dead):
        files = ", ".join(markdown_code(path) for path in cited_by[result.url])
        row = f"| {markdown_url(result.url)} | {markdown_code(result.detail)} | {files} |"
        if size + len(row) + 1 > MAX_REPORT_CHARACTERS:
            lines += ["", f"… and {len(dead) - shown} more; the workflow run's summary lists them all."]
            break
        lines.append(row)
        size += len(row) + 1
    return "\n".join(lines) + "\n"
