"""``mpchub reference``: print or write the field reference page."""

from __future__ import annotations

import argparse
import sys

from mpchub import exitcodes
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.site.reference import render


def run(project: Project, args: argparse.Namespace) -> int:
    registry = project.registry
    lang = args.lang or registry.master.code
    if lang not in registry.codes:
        print(
            f"mpchub reference: '{lang}' is not a language of hub.yml; allowed: {', '.join(registry.codes)}",
            file=sys.stderr,
        )
        return exitcodes.USAGE
    page = render(SchemaSet(project), lang)
    if args.output:
        args.output.write_text(page + "\n", encoding="utf-8")
    else:
        print(page)
    return 0
