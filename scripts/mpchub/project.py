"""Where things live in a hub repository, and which collections it has."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("tr", "en")
MASTER_LANGUAGE = "tr"


@dataclass(frozen=True)
class Collection:
    """A kind of record: its schema name and the folder its files live in.

    The three collections sit side by side at the repository root (not under ``docs/``) because they
    are data, not hand-written pages: the MkDocs adapter turns them into pages, and ``docs/`` stays the
    place for prose only.
    """

    name: str  # singular, as in the schema file name and in x-reference
    folder: str  # plural, the folder and URL segment


COLLECTIONS: tuple[Collection, ...] = (
    Collection("practice", "practices"),
    Collection("recommendation", "recommendations"),
    Collection("publication", "publications"),
)
COLLECTION_BY_NAME = {c.name: c for c in COLLECTIONS}
COLLECTION_BY_FOLDER = {c.folder: c for c in COLLECTIONS}


class ProjectNotFound(Exception):
    """Raised when no hub repository can be found from the working directory."""


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    @property
    def vocabularies_dir(self) -> Path:
        return self.root / "vocabularies"

    @property
    def docs_dir(self) -> Path:
        """Hand-written pages and assets, copied into the site by the build."""
        return self.root / "docs"

    def collection_dir(self, collection: Collection) -> Path:
        return self.root / collection.folder

    def relative(self, path: Path) -> str:
        """A path as the contributor sees it: relative to the repository root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()  # the common case, without touching the disk
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The hub repository containing ``start`` (default: $MPCHUB_ROOT or the working directory)."""
        env = os.environ.get("MPCHUB_ROOT")
        here = Path(env) if env and start is None else (start or Path.cwd())
        here = here.resolve()
        for candidate in (here, *here.parents):
            if (candidate / "schemas" / "practice.schema.json").is_file() and (candidate / "vocabularies").is_dir():
                return cls(candidate)
        raise ProjectNotFound(
            f"no hub repository found at or above {here} (looked for schemas/practice.schema.json and vocabularies/)"
        )
