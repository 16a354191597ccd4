"""The exit codes of every ``mpchub`` command (and the tools beside it), in one place."""

from __future__ import annotations

OK = 0  # done; content valid
INVALID = 1  # the content has errors (or, for from-issue, the proposal has problems)
USAGE = 2  # wrong arguments, a broken project definition, or nothing to work on
