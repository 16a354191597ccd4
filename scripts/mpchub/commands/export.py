"""``mpchub export``: write every open-data file (downloads, schemas, data package, feeds, citations)."""

from __future__ import annotations

import argparse
import sys

from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project
from mpchub.exports import build_exports
from mpchub.exports.hub import LicenceFileError


def run(project: Project, args: argparse.Namespace) -> int:
    corpus = load_corpus(project)
    if corpus.errors:
        print(
            f"mpchub export: {len(corpus.errors)} error(s) in the records; run 'mpchub check' and fix them first "
            "(invalid content is never published)",
            file=sys.stderr,
        )
        return 1
    site_url = args.site_url
    if site_url and not site_url.startswith(("https://", "http://")):
        print(f"mpchub export: --site-url must start with https:// or http://, not {site_url!r}", file=sys.stderr)
        return 2
    try:
        written = build_exports(corpus, site_url).write(args.out)
    except LicenceFileError as exc:
        print(f"mpchub export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"mpchub export: cannot write to {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files into {args.out}")
    return 0
