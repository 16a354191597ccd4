"""``mpchub reference``: print or write the field reference page."""

from __future__ import annotations

import argparse

from mpchub.project import Project
from mpchub.reference import render
from mpchub.schemas import SchemaSet


def run(project: Project, args: argparse.Namespace) -> int:
    page = render(SchemaSet(project), args.lang)
    if args.output:
        args.output.write_text(page + "\n", encoding="utf-8")
    else:
        print(page)
    return 0
