"""The ``mpchub`` command line: check, new, format, admin, reference, translations, links, forms, from-issue,
export, index.

Each command is a module of ``mpchub.commands`` with ``run(project, args)``; this module only parses the
arguments and hands over. Measurement tools (``./dev.sh bench``, the relevance runner) live beside the product
in ``mpchub_tools``."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from mpchub import __version__, exitcodes
from mpchub.content.problems import DefinitionError
from mpchub.content.project import Project, ProjectNotFound
from mpchub.render import strings

COMMANDS = {
    name: f"mpchub.commands.{name.replace('-', '_')}"
    for name in (
        *("check", "new", "format", "admin", "reference", "translations", "links", "forms", "from-issue"),
        *("export", "index"),
    )
}


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
    new.add_argument("collection", help="a collection of hub.yml, e.g. practice")
    new.add_argument("--title", help="Turkish title (the file name is derived from it)")
    new.add_argument("--municipality", help="implementing municipality, e.g. 'Şişli Belediyesi' (practice)")
    new.add_argument("--province", help="province key or name, e.g. istanbul (practice)")
    new.add_argument("--slug", help="file name without .md (default: derived from the title)")
    new.add_argument("--force", action="store_true", help="overwrite existing files")

    reference = commands.add_parser("reference", help="write the field reference pages")
    reference.add_argument("--lang", help="a language code of hub.yml (default: the master language)")
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
    links.add_argument("--timeout", type=float, default=20.0, help="seconds per request, however slowly it answers")
    links.add_argument("--total", type=float, default=900.0, help="seconds for all requests (the job has 30 minutes)")

    forms = commands.add_parser("forms", help="write the issue form generated from the vocabularies")
    forms.add_argument("--check", action="store_true", help="only check that the committed form is current")

    from_issue = commands.add_parser(
        "from-issue", help="write a record from a 'Propose a good practice' issue or e-mail (nothing on problems)"
    )
    from_issue.add_argument(
        "body", nargs="?", help="file with the issue body or the e-mail's text ('-' for standard input)"
    )
    from_issue.add_argument("--event", help="GitHub issues event payload (JSON) holding the body and number")
    from_issue.add_argument("--issue", type=int, help="issue number, when the body comes from a file")
    from_issue.add_argument("--json", type=Path, help="write the result (files, problems) as JSON here")
    from_issue.add_argument("--comment", type=Path, help="write the issue comment (Markdown) here")
    from_issue.add_argument("--pr-body", type=Path, help="write the pull request description here")
    from_issue.add_argument("--outputs", type=Path, help="append ok, branch and slug (e.g. $GITHUB_OUTPUT)")
    from_issue.add_argument("--force", action="store_true", help="overwrite existing files")

    fmt = commands.add_parser("format", help="rewrite records as the web editor (/admin/) writes them")
    fmt.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="record files or folders (default: all)")
    fmt.add_argument("--check", action="store_true", help="only list the records that are not in that layout")
    fmt.add_argument("--format", choices=("text", "github"), default="text", help="github: warning annotations")

    admin = commands.add_parser("admin", help="write the web editor's files (/admin/) into a folder")
    admin.add_argument("--out", type=Path, metavar="DIR", help="folder to write admin/ into")
    admin.add_argument("--config-only", action="store_true", help="print the generated configuration")
    admin.add_argument("--repo-url", help="the GitHub repository's address (default: the clone's origin)")
    admin.add_argument("--branch", default="main", help="the branch the editor proposes changes to")
    admin.add_argument("--auth-url", help="the OAuth helper's address, if the MPC runs one")

    export = commands.add_parser("export", help="write the open-data files: downloads, data package, feeds, citations")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    export.add_argument("--site-url", help="the site's public address, for absolute links (e.g. https://x.org/hub/)")

    index = commands.add_parser("index", help="make and check the search index of a built site (after mkdocs build)")
    index.add_argument("site", type=Path, metavar="SITE", help="the built site (e.g. site)")
    index.add_argument(
        "--build",
        nargs=argparse.REMAINDER,
        metavar="COMMAND",
        help="run COMMAND (the site's build, e.g. mkdocs build --strict) and index its pages as it writes them; the "
        "index is written once it has exited",
    )

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return exitcodes.USAGE
    try:
        project = Project.find(args.root) if args.root else Project.find()
    except ProjectNotFound as exc:
        print(f"mpchub: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    strings.use(project.root)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(project, args)
    except DefinitionError as exc:
        print(f"mpchub: the project's own definitions are broken: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
