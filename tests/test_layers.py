"""The core's modules import each other along straight layers and never in a circle, checked by a maintained tool.

The layers are import-linter contracts in pyproject.toml ([tool.importlinter]): the model at the bottom, the
shared rendering helpers above it, the site, the open data, the search and the contribution tools as siblings
above those, the facade above them, then the commands and the command line; the MkDocs adapter uses the facade
only, and the core imports neither MkDocs nor the measurement tools. In every package its modules and
subpackages import each other one way only (import-linter's acyclic_siblings contract). No contract may be
ignored.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from hubs import REPO


def test_the_import_linter_contracts_hold_with_nothing_ignored() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert not any("ignore_imports" in contract for contract in config["contracts"])
    command = [str(Path(sys.executable).with_name("lint-imports")), "--config", str(REPO / "pyproject.toml")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(config['contracts'])} kept, 0 broken" in result.stdout
