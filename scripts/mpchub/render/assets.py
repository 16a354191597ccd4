"""Content-hashed names for the site's own scripts and styles.

A browser (and GitHub Pages' ``Cache-Control: max-age=600``) may keep a script for a while; a page of a new
build that asked for ``search.js`` could then run the old one. With the content's hash in the name
(``search.1a2b3c4d.js``) a new build asks for a new address and an old name is never reused for other
bytes, so the service worker (``mpchub.offline``) and the browser can keep such files without asking again.
Material's own bundle already has hashed names; these are ours (``extra_css``, ``extra_javascript`` and the
generated ``mpc-text.js``). Under ``mkdocs serve`` names stay plain: its server sends no caching headers, and
a ``--dirty`` rebuild would leave unchanged pages pointing at an old hashed name.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

HASH_LENGTH = 8
# Names a build gives content-addressed files: ours and Material's (name.HASH.ext, name.HASH.min.ext),
# Pagefind's index files (their names are hashes), and vendored files named by their version.
IMMUTABLE = re.compile(
    r"\.[0-9a-f]{8,}(\.min)?\.(js|css|mjs)$|\.pf_(meta|index|fragment|filter)$|/vendor/[^/]+-\d[^/]*$"
)


def digest(content: bytes) -> str:
    """The short content hash that goes into a name."""
    return hashlib.sha256(content).hexdigest()[:HASH_LENGTH]


def hashed_name(path: str, content: bytes) -> str:
    """``assets/javascripts/search.js`` → ``assets/javascripts/search.1a2b3c4d.js``."""
    pure = PurePosixPath(path)
    return str(pure.with_name(f"{pure.stem}.{digest(content)}{pure.suffix}"))


def is_immutable(path: str) -> bool:
    """Whether a site path names content that never changes under that name (see ``IMMUTABLE``)."""
    return IMMUTABLE.search(path) is not None
