"""``mpchub forms``: write (or with ``--check``, verify) the generated GitHub issue form."""

from __future__ import annotations

import argparse
import sys

from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.contribute.forms import FORM_PATH, render


def run(project: Project, args: argparse.Namespace) -> int:
    wanted = render(SchemaSet(project))
    path = project.root / FORM_PATH
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if args.check:
        if current != wanted:
            print(f"mpchub forms: {FORM_PATH} does not match the vocabularies; run 'mpchub forms'", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(wanted, encoding="utf-8")
    print(FORM_PATH)
    return 0
