"""Where things live in a hub repository; its languages and collections are in its registry (``hub.yml``)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mpchub.content import registry
from mpchub.content.registry import Collection, Registry


class ProjectNotFound(Exception):
    """Raised when no hub repository can be found from the working directory."""


@dataclass(frozen=True)
class Project:
    root: Path

    @cached_property
    def registry(self) -> Registry:
        """The hub's languages and collections (``hub.yml``); raises ``registry.RegistryError`` when broken."""
        return registry.load(self.root)

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
            if (candidate / registry.FILE).is_file() and (candidate / "vocabularies").is_dir():
                return cls(candidate)
        raise ProjectNotFound(
            f"no hub repository found at or above {here} (looked for {registry.FILE} and vocabularies/)"
        )
