"""External links of the records (sources, editions, contact sites) and whether they still answer."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mpchub.corpus import Corpus

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


def check_all(urls: Iterable[str], timeout: float = 20, workers: int = 8) -> list[LinkResult]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda u: check_url(u, timeout), sorted(urls)))


def report(dead: list[LinkResult], cited_by: dict[str, list[str]], checked: int) -> str:
    """A Markdown report of dead links for the tracking issue; empty when every link answers."""
    if not dead:
        return ""
    lines = [
        f"The weekly check found **{len(dead)}** of {checked} external links not answering. "
        "Find a new address (or an archived copy) and update the record.",
        "",
        "| Link | Problem | Cited by |",
        "|---|---|---|",
    ]
    for result in dead:
        files = ", ".join(f"`{path}`" for path in cited_by[result.url])
        lines.append(f"| <{result.url}> | {result.detail.replace('|', '/')} | {files} |")
    return "\n".join(lines) + "\n"
