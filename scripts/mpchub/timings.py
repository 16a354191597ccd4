"""How long each step of a build takes, for the bench (``./dev.sh bench --site``): wall and CPU seconds of the
process, appended as JSON lines to the file ``MPCHUB_TIMINGS`` names. Without it, nothing is written."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENVIRONMENT = "MPCHUB_TIMINGS"


class Timings:
    def __init__(self, process: str) -> None:
        self.process = process  # "build" or "index"
        self.seconds: dict[str, list[float]] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            spent = self.seconds.setdefault(name, [0.0, 0.0])
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu

    def write(self) -> None:
        path = os.environ.get(ENVIRONMENT)
        if not path:
            return
        with open(path, "a", encoding="utf-8") as out:
            for name, (wall, cpu) in self.seconds.items():
                out.write(json.dumps({"process": self.process, "step": name, "wall": wall, "cpu": cpu}) + "\n")
        self.seconds.clear()
