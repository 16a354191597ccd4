"""The records' git history, for the feeds' published and updated times: see ``mpchub.history``."""

from __future__ import annotations

from mpchub.history import FileDates, History, read_history

__all__ = ["FileDates", "History", "read_history"]
