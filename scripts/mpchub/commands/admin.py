"""``mpchub admin --out DIR``: write the web editor's files (/admin/) into a folder, as the build does.

The build writes them itself (the MkDocs adapter calls ``mpchub.cms.admin``); this command shows the generated
configuration without building a site (``--config-only`` prints it)."""

from __future__ import annotations

import argparse
import sys

from mpchub.cms import admin
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.exitcodes import OK as EXIT_OK
from mpchub.exitcodes import USAGE as EXIT_USAGE


def run(project: Project, args: argparse.Namespace) -> int:
    schemas = SchemaSet(project)
    repository = admin.repository(project, args.repo_url)
    if args.config_only:
        print(admin.config_text(schemas, repository, args.branch, args.auth_url), end="")
        return EXIT_OK
    if args.out is None:
        print("mpchub admin: --out DIR (or --config-only) is needed", file=sys.stderr)
        return EXIT_USAGE
    try:
        files = admin.files(project, schemas, repository, args.branch, args.auth_url)
    except admin.EditorMissing as exc:
        print(f"mpchub admin: {exc}", file=sys.stderr)
        return EXIT_USAGE
    written = admin.write(args.out, files)
    print(f"mpchub admin: {len(files)} files, {written:,} bytes in {args.out / admin.FOLDER}", file=sys.stderr)
    return EXIT_OK
