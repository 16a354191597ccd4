"""The site's languages, stated once: Turkish is the master language, English the second."""

from __future__ import annotations

MASTER = "tr"
LANGUAGES = ("tr", "en")
