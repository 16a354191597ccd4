"""``./dev.sh bench`` (``python -m mpchub_tools.bench``): speed and size, measured on synthetic corpora (never by
timed tests).

* validation: how long checking N bilingual records takes;
* ``--serve [N]``: the edit loop of ``mkdocs serve --dirty`` on today's content (or N synthetic records):
  the time from saving a record to the server answering with the rebuilt page;
* ``--related``: related practices on the worst case, N records that all share every theme, target group
  and province;
* ``--site``: build a site of N bilingual records as it is published (``mpchub index site --build mkdocs
  build --strict``: both languages, the search index included), and report in one run its time, CPU seconds and
  peak memory (summed PSS), each step's share of the CPU, the floor (the same pages, the staged stubs, built
  with the same configuration less the ``mpchub`` plugin and search: what MkDocs, Material and static-i18n take
  by themselves; ``--no-floor`` skips it), and in Chromium the bytes a visitor downloads for search on page
  load and for a first query (raw, and compressed as a web server would send them) and the time from the last
  key to the results with the index cached, for a query that matches most records too;
* ``--hostile``: the check of the repository, of records of about 1 MB, and the rendering of the slowest
  bodies against the budget the check and the build share (``mpchub_tools.hostile_bench``);
* ``--mailto``: the longest ``mailto:`` link Chromium hands to the mail program (``mpchub_tools.mailto_limit``).

Synthetic records go to a scratch folder that is deleted afterwards; they are never published.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from mpchub.content import body as body_module
from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project
from mpchub.search.pagefind import bundle_dir
from mpchub_tools.synthetic import DEFINITIONS, copy_items, make_project


def run(project: Project, args: argparse.Namespace) -> int:
    if args.mailto:
        from mpchub_tools.mailto_limit import report

        return report()
    if args.weak:
        from mpchub_tools.bench_network import run as weak_network

        return weak_network(project, args)
    if args.hostile:
        from mpchub_tools import hostile_bench

        return hostile_bench.run(project, args.repeat)
    if args.related:
        return _related(project, args.records, max(args.repeat, 1))
    if args.serve is not None:
        return _serve(project, args.serve, max(args.repeat, 1))
    if args.site:
        return _site(project, args)
    with tempfile.TemporaryDirectory(prefix="mpchub-bench-") as scratch:
        bench = make_project(project, Path(scratch), args.records)
        files = 2 * args.records
        timings = []
        for _ in range(max(args.repeat, 1)):
            rendered_bodies = getattr(body_module, "rendered", None)
            if rendered_bodies is not None:
                rendered_bodies.cache_clear()  # each run renders every body, as a fresh `mpchub check` does
            started = time.perf_counter()
            corpus = load_corpus(bench)
            timings.append(time.perf_counter() - started)
        errors = len(corpus.errors)
    best = min(timings)
    print(
        f"validated {args.records} bilingual records ({files} files) in {best:.2f} s "
        f"(best of {len(timings)}; {1000 * best / files:.3f} ms per file; {errors} errors)"
    )
    return 0 if errors == 0 else 1


def _site(project: Project, args: argparse.Namespace) -> int:
    """The published build (``mpchub index site --build mkdocs build --strict``), its steps, the floor and search."""
    with tempfile.TemporaryDirectory(prefix="mpchub-bench-site-") as scratch:
        root = site_project(project, Path(scratch) / "hub", args.records)
        site = Path(scratch) / "site"
        steps_file = Path(scratch) / "steps.jsonl"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "MPCHUB_TIMINGS": str(steps_file)}
        build = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(root / "mkdocs.yml"), "-d"]
        command = [
            sys.executable,
            "-m",
            "mpchub",
            "--root",
            str(root),
            "index",
            str(site),
            "--build",
            *build,
            str(site),
        ]
        load = os.getloadavg()[0]
        process, seconds, cpu, peak = measured(command, env, pss=True)
        if process.returncode != 0:
            print(process.stdout, file=sys.stderr)
            return 1
        steps = [json.loads(line) for line in steps_file.read_text(encoding="utf-8").splitlines()]
        floor = _floor(root, Path(scratch), env) if not args.no_floor else None
        if floor is None and not args.no_floor:
            return 1
        addresses = {
            path.name: (path.stat().st_size, len(gzip.compress(path.read_bytes())))
            for language in project.registry.languages
            for path in sorted((site / bundle_dir(language)).glob("mpc-addresses.*.json"))
        }
        pages = sum(1 for _ in site.rglob("*.html"))
        page_bytes = (site / "practices" / "sentetik-uygulama-00001" / "index.html").stat().st_size
        print(
            f"site of {args.records} bilingual records, as published (both languages, search index included): "
            f"{pages} HTML pages in {seconds:.1f} s, {cpu:.1f} s of CPU (the build, Pagefind and the indexing "
            f"command); peak memory {peak:.0f} MiB (summed PSS of every process at once); load average "
            f"{load:.1f} at the start; a practice page is {page_bytes / 1024:.1f} KB"
        )
        _print_steps(steps, cpu)
        if floor is not None:
            print(
                f"floor: the same {floor[0]} pages as stubs, MkDocs + Material + static-i18n without the mpchub "
                f"plugin or search: {floor[1]:.1f} s, {floor[2]:.1f} s of CPU; this build takes "
                f"{cpu / floor[2]:.2f}x the floor's CPU and {seconds / floor[1]:.2f}x its time, measured in one run"
            )
        for name, (raw, packed) in addresses.items():
            print(f"catalog address list {name}: {packed / 1024:.1f} KB compressed ({raw / 1024:.1f} KB raw)")
        for lang, path, query in SEARCHES:
            load_bytes, first, millis, found = _search_bytes(site, path, query)
            print(
                f"search ({lang}, query {query!r}): page load {_kb(load_bytes)}; first query {_kb(first)}; "
                f"{found} results, on screen {millis:.0f} ms after the last key with the index cached"
            )
            if args.details:
                for url, (_raw, wire) in sorted(first, key=lambda item: -item[1][1]):
                    print(f"    {wire / 1024:7.1f} KB  {url.split('/hub/', 1)[-1]}")
    return 0


# The searches measured: a first query in each language, and queries that match most records (every synthetic
# practice is implemented by a "Sentetik Belediyesi N": one word on every page, and two).
SEARCHES = (
    ("tr", "practices/sentetik-uygulama-00001/", "göçmen"),
    ("en", "en/practices/sentetik-uygulama-00001/", "refugees"),
    ("tr", "practices/sentetik-uygulama-00001/", "belediyesi"),
    ("tr", "practices/sentetik-uygulama-00001/", "sentetik belediyesi"),
)


def _print_steps(steps: list[dict[str, Any]], total_cpu: float) -> None:
    """Each step's CPU seconds and share of the whole run's CPU (the build process's steps, MkDocs' own work as
    the rest of that process, Pagefind as what the run's other processes spent)."""
    build = {s["step"]: s for s in steps if s["process"] == "build"}
    index = {s["step"]: s for s in steps if s["process"] == "index"}
    build_cpu = index.get("the build process (all of it)", {}).get("cpu", 0.0)
    own_cpu = index.get("this process (reading and handing pages to Pagefind)", {}).get("cpu", 0.0)
    nested = {"search copies": "write the pages into their shells"}  # a step within another
    rows = [(name, step["cpu"]) for name, step in build.items() if name not in nested]
    ours = sum(cpu for _name, cpu in rows)
    for inner, outer in nested.items():
        at = next((i for i, (name, _cpu) in enumerate(rows) if name == outer), None)
        if inner in build and at is not None:
            rows.insert(at + 1, (inner, build[inner]["cpu"]))
    rows.append(("MkDocs, Material and static-i18n (the rest of the build process)", build_cpu - ours))
    rows.append(("mpchub index: reading pages and handing them to Pagefind", own_cpu))
    rows.append(("Pagefind (parsing while the site builds, then writing the index)", total_cpu - build_cpu - own_cpu))
    print("where the CPU goes (seconds, share of the run's CPU):")
    for name, cpu in rows:
        within = " (within the line above)" if name in nested else ""
        print(f"    {cpu:7.2f} s  {100 * cpu / total_cpu:5.1f} %  {name}{within}")
    for name in ("pages still to index once the build has exited", "write the index"):
        if name in index:
            print(f"    after the build: {name}: {index[name]['wall']:.1f} s")


SITE_URL = "http://127.0.0.1/hub/"
PLUGIN_ENTRY = re.compile(r"\n  - mpchub:\n(?:      .*\n)*")  # the plugin and its indented options in mkdocs.yml


def site_project(project: Project, root: Path, records: int) -> Path:
    """A hub of ``records`` synthetic bilingual records at ``root`` with the project's pages, theme overrides
    and configuration, ready for ``mkdocs build``."""
    make_project(project, root, records)
    copy_items(project.root, root, ("docs", "overrides", "mkdocs.yml", "package.json"))
    return root


Run = tuple[subprocess.CompletedProcess[str], float, float, float]  # process, seconds, CPU seconds, peak MiB


def measured(command: list[str], env: dict[str, str], cwd: Path | None = None, pss: bool = False) -> Run:
    """Run ``command``: the process (its output in ``stdout``), its wall-clock seconds, its CPU seconds and its
    peak memory in MiB, each counting its own children (Pagefind's runs): ``os.wait4`` gives the usage of this
    one child, so nothing run before it in this process is counted. CPU time is the steadier figure on a
    shared machine. Peak memory: ru_maxrss, the largest resident size of any one process of the run (KiB on
    Linux); with ``pss``, the largest sum over the run's processes alive at once of their proportional set
    size (PSS: pages shared between them counted once), sampled every 50 ms."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, text=True)
        peak = [0]
        sampler = threading.Thread(target=_sample_pss, args=(child, peak), daemon=True)
        if pss:
            sampler.start()
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        if pss:
            sampler.join()
        output.seek(0)
        process = subprocess.CompletedProcess(command, child.returncode, output.read(), "")
    memory = peak[0] / 1024 if pss else usage.ru_maxrss / 1024
    return process, seconds, usage.ru_utime + usage.ru_stime, memory


def _sample_pss(child: subprocess.Popen[str], peak: list[int]) -> None:
    """Keep in ``peak[0]`` the largest summed PSS (KiB) of ``child`` and its descendants, until it exits."""
    while child.returncode is None and os.path.exists(f"/proc/{child.pid}"):
        total = 0
        pending = [child.pid]
        while pending:
            pid = pending.pop()
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                        pending += [int(c) for c in children.read().split()]
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                    total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            except (OSError, ValueError):
                continue  # a process that has just exited
        peak[0] = max(peak[0], total)
        time.sleep(0.05)


def mkdocs_build(root: Path, site: Path, env: dict[str, str], strict: bool) -> Run:
    """``mkdocs build`` of ``root`` into ``site``, measured."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return measured([*command, *(["--strict"] if strict else [])], env)


FLOOR_HOOK = '''"""The floor's languages and words, from hub.yml and the catalogue, as the mpchub plugin sets them."""
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import event_priority

from mpchub.hub import Project, catalogue_of
from mpchub.render import strings
from mpchub_mkdocs import languages


@event_priority(100)
def on_config(config):
    project = Project(Path(config.config_file_path).resolve().parent)
    strings.use(project.root)
    languages.configure(config, SimpleNamespace(registry=project.registry, catalogue=lambda: catalogue_of(project)))
    return config
'''


def _floor(root: Path, scratch: Path, env: dict[str, str]) -> tuple[int, float, float] | None:
    """Build the staged stubs of the site just built at ``root`` without the mpchub plugin: (pages, s, CPU s)."""
    floor = scratch / "floor"
    # the pages, not the shells (mpchub_mkdocs.shells): what the floor builds is what the site publishes
    shutil.copytree(
        root / ".cache" / "mpchub" / "docs", floor / "docs", ignore=shutil.ignore_patterns("mpchub-shell-*")
    )
    _stub_every_page(root, floor / "docs")
    shutil.copytree(root / "overrides", floor / "overrides")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    without_plugin = PLUGIN_ENTRY.sub("\n", config)
    if without_plugin == config:
        print("mpchub bench: mkdocs.yml does not list the plugin as '  - mpchub:': no floor", file=sys.stderr)
        return None
    # The languages still come from hub.yml, as the plugin sets them (static-i18n alone would build only the
    # master): a hook does that part of the plugin's work, and nothing else.
    copy_items(root, floor, ("hub.yml", "schemas", "strings"))
    (floor / "floor_hook.py").write_text(FLOOR_HOOK, encoding="utf-8")
    (floor / "mkdocs.yml").write_text(without_plugin + "\nhooks:\n  - floor_hook.py\n", encoding="utf-8")
    # Not strict: hand-written pages link to generated downloads, which only the plugin writes.
    process, seconds, cpu, _peak = mkdocs_build(floor, scratch / "floor-site", env, strict=False)
    if process.returncode != 0:
        print(process.stdout, file=sys.stderr)
        return None
    return sum(1 for _ in (scratch / "floor-site").rglob("*.html")), seconds, cpu


def _stub_every_page(root: Path, docs: Path) -> None:
    """Stubs for the generated pages the build did not stage (those it writes into shells are only named to
    MkDocs): the floor builds every page of the site."""
    from mpchub.hub import Hub
    from mpchub_mkdocs.staging import stub

    for page in Hub.load(root, SITE_URL).pages():
        path = docs / page.source_path
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(stub(page), encoding="utf-8")


def _kb(sizes: list[tuple[str, tuple[int, int]]]) -> str:
    raw = sum(r for _, (r, _) in sizes)
    wire = sum(w for _, (_, w) in sizes)
    return f"{wire / 1024:.1f} KB compressed ({raw / 1024:.1f} KB raw, {len(sizes)} requests)"


Sizes = list[tuple[str, tuple[int, int]]]  # (url, (raw bytes, bytes on the wire))


def _search_bytes(site: Path, path: str, query: str) -> tuple[Sizes, Sizes, float, int]:
    """Bytes of the search files fetched on page load and of everything fetched by a first query; then, with the
    index cached, the milliseconds from the last key to the results on screen and how many there are."""
    from playwright.sync_api import sync_playwright

    from mpchub_tools.browser import launch, serve
    from mpchub_tools.relevance_command import TIMER, timed_search

    def size(body: bytes, url: str) -> tuple[int, int]:
        already_compressed = url.endswith((".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind"))
        return len(body), len(body) if already_compressed else len(gzip.compress(body, 6))

    with serve(site, "/hub/") as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        seen: list[tuple[str, bytes]] = []
        page.on("response", lambda r: seen.append((r.url, r.body())) if r.ok else None)
        page.goto(base + path, wait_until="networkidle")
        # each file once: a page may ask again for what it preloaded (a cached answer is no new byte on the wire)
        searching = {url: size(body, url) for url, body in seen if "search.js" in url or "/pagefind/" in url}
        on_load = list(searching.items())
        seen.clear()
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".mpc-search__results li")
        page.wait_for_load_state("networkidle")
        loaded = {url for url, _size in on_load}
        first_query = list({url: size(body, url) for url, body in seen if url not in loaded}.items())
        page.evaluate(TIMER)
        _found, millis = timed_search(page, query)
        shown = page.locator(".mpc-search__results li").count()
        browser.close()
    return on_load, first_query, millis, shown


def _serve(project: Project, records: int, repeat: int) -> int:
    """Save a record's title again and again under ``mkdocs serve --dirty``; report how long until the server
    answers with the rebuilt page (the browser's own reload adds a few milliseconds)."""
    import socket
    import urllib.request

    with tempfile.TemporaryDirectory(prefix="mpchub-bench-serve-") as scratch:
        root = Path(scratch) / "hub"
        if records:
            make_project(project, root, records)
        else:
            folders = [project.collection_dir(c).name for c in project.registry.collections]
            root.mkdir(parents=True)
            copy_items(project.root, root, (*DEFINITIONS, *folders))
        copy_items(project.root, root, ("docs", "overrides", "mkdocs.yml"))
        record = sorted(p for p in (root / "practices").glob("*.md") if not p.name.endswith(".en.md"))[0]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        page = f"http://127.0.0.1:{port}/practices/{record.stem}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def wait_for(text: str, limit: float) -> float | None:
            started = time.perf_counter()
            while time.perf_counter() - started < limit:
                try:
                    with urllib.request.urlopen(page, timeout=5) as response:
                        if text in response.read().decode("utf-8"):
                            return time.perf_counter() - started
                except OSError:
                    pass
                time.sleep(0.02)
            return None

        try:
            if wait_for("<html", 900) is None:
                print("mpchub bench: mkdocs serve did not answer within 15 minutes", file=sys.stderr)
                return 1
            original = record.read_text(encoding="utf-8")
            timings = []
            for run in range(repeat):
                marker = f"Bench Edit {run}"
                record.write_text(_retitled(original, marker), encoding="utf-8")
                took = wait_for(marker, 600)
                if took is None:
                    print("mpchub bench: the edited page was not rebuilt within 10 minutes", file=sys.stderr)
                    return 1
                timings.append(took)
                time.sleep(1)  # let the background search indexing finish before the next save
        finally:
            server.terminate()
            server.wait(timeout=30)
    content = f"{records} synthetic bilingual records" if records else "today's content"
    timings.sort()
    print(
        f"edit loop on {content}: saved record to rebuilt page in {timings[0]:.2f} s best, "
        f"{timings[len(timings) // 2]:.2f} s median of {len(timings)} (mkdocs serve --dirty)"
    )
    return 0


def _retitled(record: str, marker: str) -> str:
    """The record with ``marker`` at the start of its title, inside the quotes where the title is quoted (the
    synthetic records' titles are: 'title: Bench Edit 0 "SENTETİK 1: …"' broke the YAML, so the bench at N
    records waited for a page that the failed rebuild never wrote)."""
    for start in ('\ntitle: "', "\ntitle: '", "\ntitle: "):
        if start in record:
            return record.replace(start, f"{start}{marker} ", 1)
    raise ValueError("the record has no title line")


def _related(project: Project, records: int, repeat: int) -> int:
    """Time related practices where every record shares every key (the case that was quadratic)."""
    from mpchub.site.index import SiteIndex

    with tempfile.TemporaryDirectory(prefix="mpchub-bench-related-") as scratch:
        corpus = load_corpus(make_project(project, Path(scratch), records, shared=True))
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            related = SiteIndex(corpus).related
            timings.append(time.perf_counter() - started)
    shown = sum(len(r) for r in related.values())
    print(
        f"related practices for {records} records sharing every key: {min(timings):.2f} s "
        f"(best of {len(timings)}; {shown / max(len(related), 1):.1f} shown per practice)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev.sh bench", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, help="repository root (default: found from the working directory)")
    parser.add_argument("--records", type=int, default=5000, help="bilingual records to generate")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--site", action="store_true", help="build a site and measure build time and search bytes")
    parser.add_argument(
        "--related", action="store_true", help="time related practices when every record shares every key"
    )
    parser.add_argument(
        "--serve",
        nargs="?",
        const=0,
        type=int,
        metavar="N",
        help="time the edit loop of mkdocs serve on today's content (or N synthetic records)",
    )
    parser.add_argument(
        "--mailto", action="store_true", help="the longest mailto: link Chromium hands to the mail program"
    )
    parser.add_argument("--details", action="store_true", help="with --site: list the files of a first query")
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="time the check of the repository, of 1 MB hostile records and of the slowest bodies (issue 20)",
    )
    parser.add_argument(
        "--no-floor",
        action="store_true",
        help="with --site: do not build the floor (the same pages as empty stubs without the mpchub plugin or "
        "search: what MkDocs, Material and static-i18n alone take)",
    )
    parser.add_argument(
        "--weak",
        action="store_true",
        help="the repository's site on a phone on slow and fast 3G (first search, cold cache) and offline, "
        "in Chromium; --repeat runs per profile, the median reported",
    )
    parser.add_argument("--site-dir", type=Path, help="with --weak: a site already built with its search index")
    args = parser.parse_args(argv)
    return run(Project.find(args.root), args)


if __name__ == "__main__":
    raise SystemExit(main())
