"""``mpchub from-issue``: write a proposed practice from a "Propose a good practice" issue.

The proposal workflow calls it with the event file GitHub gives every run (``--event
"$GITHUB_EVENT_PATH"``), so the issue body never passes through a shell; a maintainer can run it on a
saved body (``mpchub from-issue body.md``), such as the text of an e-mail sent from the Contribute page's
form (Windows line endings, wrapped lines and a signature are fine). Exit status: 0 when the record was
written and passes the check, 1 when the proposal has problems (listed; nothing is left in the content
folders), 2 when the input cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from mpchub import exitcodes
from mpchub.content.project import Project
from mpchub.contribute.from_issue import as_json, comment, propose, pull_request_body


class InputError(Exception):
    """The body or event file cannot be read: a usage error, reported in one line."""


def _read_text(path: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return raw.decode("utf-8", errors="replace")


def _from_event(path: str) -> tuple[str, int | None]:
    """The issue body and number from a GitHub ``issues`` event payload."""
    try:
        event: Any = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a JSON event payload: {exc.msg} at line {exc.lineno}") from None
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict):
        raise InputError(f"{path}: not an issue event: it has no 'issue' object")
    body = issue.get("body")
    number = issue.get("number")
    return (body if isinstance(body, str) else ""), (number if isinstance(number, int) else None)


def _write(path: Path | None, text: str) -> None:
    if path is not None:
        path.write_text(text, encoding="utf-8")


def run(project: Project, args: argparse.Namespace) -> int:
    try:
        if args.event:
            body, issue = _from_event(args.event)
        elif args.body:
            body, issue = _read_text(args.body), args.issue
        else:
            print("mpchub from-issue: give the issue body (a file, or -) or --event", file=sys.stderr)
            return exitcodes.USAGE
    except InputError as exc:
        print(f"mpchub from-issue: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    outcome = propose(project, body, force=args.force)
    result = as_json(outcome, issue)
    try:
        _write(args.json, json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        _write(args.comment, comment(outcome))
        if outcome.ok:
            _write(args.pr_body, pull_request_body(outcome, issue))
        if args.outputs is not None:
            with args.outputs.open("a", encoding="utf-8") as outputs:  # only our own, safe values
                outputs.write(f"ok={'true' if outcome.ok else 'false'}\n")
                outputs.write(f"branch={result['branch']}\nslug={outcome.slug}\n")
    except OSError as exc:
        print(f"mpchub from-issue: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return exitcodes.USAGE
    for name in outcome.files:
        print(name)
    lang = outcome.proposal.language
    for problem in outcome.problems:
        where = f"{problem.label}: " if problem.label else ""
        line = " ".join(f"{where}{problem.message(lang)}".split())  # one line: never a workflow command
        print(f"{problem.severity}: {line}", file=sys.stderr)
    if not outcome.ok:
        count = len(outcome.errors)
        print(f"mpchub from-issue: {count} problem{'' if count == 1 else 's'}: nothing to open yet", file=sys.stderr)
        return exitcodes.INVALID
    return exitcodes.OK
