"""The ``mpchub`` command line: check, new, reference, bench."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpchub import __version__
from mpchub.project import Project, ProjectNotFound
from mpchub.schemas import SchemaError
from mpchub.vocabularies import VocabularyError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mpchub",
        description="Content tools for the MMU Migration Policy Center knowledge hub.",
    )
    parser.add_argument("--version", action="version", version=f"mpchub {__version__}")
    parser.add_argument("--root", type=Path, help="repository root (default: found from the working directory)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate records (default: all)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="record files or folders to report on")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument("--quiet", action="store_true", help="no summary line")

    new = commands.add_parser("new", help="create a record from the template")
    new.add_argument("collection", choices=("practice", "recommendation", "publication"))
    new.add_argument("--title", help="Turkish title (the file name is derived from it)")
    new.add_argument("--municipality", help="implementing municipality, e.g. 'Şişli Belediyesi' (practice)")
    new.add_argument("--province", help="province key or name, e.g. istanbul (practice)")
    new.add_argument("--slug", help="file name without .md (default: derived from the title)")
    new.add_argument("--force", action="store_true", help="overwrite existing files")

    reference = commands.add_parser("reference", help="write the field reference pages")
    reference.add_argument("--lang", choices=("tr", "en"), default="tr")
    reference.add_argument("--output", type=Path, help="file to write (default: standard output)")

    translations = commands.add_parser("translations", help="list untranslated and outdated English twins")
    translations.add_argument("--format", choices=("text", "github", "json"), default="text")
    translations.add_argument(
        "--stamp",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="write the master's last commit into the twins' source_commit (all, or these)",
    )

    links = commands.add_parser("links", help="check external links and report dead ones (never fails)")
    links.add_argument("--output", type=Path, help="Markdown report file (empty when all links answer)")
    links.add_argument("--timeout", type=float, default=20.0, help="seconds per request")

    forms = commands.add_parser("forms", help="write the issue form generated from the vocabularies")
    forms.add_argument("--check", action="store_true", help="only check that the committed form is current")

    from_issue = commands.add_parser("from-issue", help="write a record from a 'Propose a good practice' issue")
    from_issue.add_argument("body", nargs="?", help="file with the issue body ('-' for standard input)")
    from_issue.add_argument("--event", help="GitHub issues event payload (JSON) holding the body and number")
    from_issue.add_argument("--issue", type=int, help="issue number, when the body comes from a file")
    from_issue.add_argument("--json", type=Path, help="write the result (files, problems) as JSON here")
    from_issue.add_argument("--comment", type=Path, help="write the issue comment (Markdown) here")
    from_issue.add_argument("--pr-body", type=Path, help="write the pull request description here")
    from_issue.add_argument("--outputs", type=Path, help="append ok, branch and slug (e.g. $GITHUB_OUTPUT)")
    from_issue.add_argument("--force", action="store_true", help="overwrite existing files")

    export = commands.add_parser("export", help="write the open-data files: downloads, data package, feeds, citations")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    export.add_argument("--site-url", help="the site's public address, for absolute links (e.g. https://x.org/hub/)")

    index = commands.add_parser("index", help="make and check the search index of a built site (after mkdocs build)")
    index.add_argument("site", type=Path, metavar="SITE", help="the built site (e.g. site)")

    relevance = commands.add_parser("relevance", help="run the search relevance set in Chromium: recall@5, ranks")
    relevance.add_argument("--site", type=Path, metavar="DIR", help="a built site to search (default: build one)")
    relevance.add_argument("--queries", type=Path, help="the test set (default: tests/relevance/queries.yml)")
    relevance.add_argument("--verbose", action="store_true", help="a line for every query, not only misses")
    relevance.add_argument("--no-timing", action="store_true", help="search each query once, without timing")

    bench = commands.add_parser("bench", help="measure validation speed on synthetic records")
    bench.add_argument("--records", type=int, default=5000, help="bilingual records to generate")
    bench.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    bench.add_argument("--site", action="store_true", help="build a site and measure build time and search bytes")
    bench.add_argument(
        "--related", action="store_true", help="time related practices when every record shares every key"
    )
    bench.add_argument(
        "--serve",
        nargs="?",
        const=0,
        type=int,
        metavar="N",
        help="time the edit loop of mkdocs serve on today's content (or N synthetic records)",
    )
    bench.add_argument("--details", action="store_true", help="with --site: list the files of a first query")
    bench.add_argument(
        "--weak",
        action="store_true",
        help="the repository's site on a phone on slow and fast 3G (first search, cold cache) and offline, "
        "in Chromium; --repeat runs per profile, the median reported",
    )
    bench.add_argument("--site-dir", type=Path, help="with --weak: a site already built with its search index")
    bench.add_argument(
        "--floor",
        action="store_true",
        help="with --site: also build the same pages as empty stubs without the mpchub plugin or search "
        "(what MkDocs, Material and static-i18n alone take)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        project = Project.find(args.root) if args.root else Project.find()
    except ProjectNotFound as exc:
        print(f"mpchub: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "check":
            from mpchub.commands.check import run
        elif args.command == "new":
            from mpchub.commands.new import run
        elif args.command == "reference":
            from mpchub.commands.reference import run
        elif args.command == "translations":
            from mpchub.commands.translations import run
        elif args.command == "links":
            from mpchub.commands.links import run
        elif args.command == "forms":
            from mpchub.commands.forms import run
        elif args.command == "from-issue":
            from mpchub.commands.from_issue import run
        elif args.command == "export":
            from mpchub.commands.export import run
        elif args.command == "index":
            from mpchub.commands.index import run
        elif args.command == "relevance":
            from mpchub.commands.relevance import run
        else:
            from mpchub.commands.bench import run
        return run(project, args)
    except (SchemaError, VocabularyError) as exc:
        print(f"mpchub: the project's own definitions are broken: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
