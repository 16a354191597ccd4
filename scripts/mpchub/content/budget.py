"""A per-record budget of processor time, shared by ``mpchub check`` and the build.

The limits on a body's source (``mpchub.content.limits``, checked in ``mpchub.content.body``) are what keeps
rendering fast: each one was found by timing the shapes that made Python-Markdown slow (50 KB of ``##``
lines took 62.6 s). They are judged on the text, so the check and the build always agree on them. This
budget is the last line behind them, for a shape nobody has timed yet: a body whose rendering uses more
than ``RENDER_SECONDS`` of processor time is refused, in the check and in the build alike, because both
render through ``mpchub.content.body.render``.

Processor time, not wall-clock time: the machine that checks a pull request and the one that builds the
site are shared with other jobs, and a body must not pass on a quiet machine and fail on a busy one. The
worst body the source limits accept renders in a small fraction of the budget (``mpchub bench --hostile``
measures it), so the two never disagree in practice.

Where a timer can interrupt the work (the main thread, where ``mpchub check`` and ``mkdocs build`` render),
a ``SIGPROF`` timer stops it when the budget is spent; elsewhere (``mkdocs serve`` builds in a thread) the
time is measured and a body over budget is refused afterwards. Python has no portable way to stop a
computation in a thread; the source limits keep that case short.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

RENDER_SECONDS = 2.0  # processor seconds to render one body (the slowest accepted shape takes about 0.2 s)


class BudgetExceeded(Exception):
    """The work used more than its budget of processor time."""


def _interrupt(signum: int, frame: object) -> None:
    raise BudgetExceeded


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """Run the block with at most ``seconds`` of processor time; raise ``BudgetExceeded`` when it uses more.

    In the main thread a ``SIGPROF`` timer interrupts the block; elsewhere, or when another timer is
    already running (a profiler), the block runs to its end and the time it took is compared afterwards.
    """
    started = time.thread_time()
    timer = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    )
    previous = signal.signal(signal.SIGPROF, _interrupt) if timer else None
    if timer:
        signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
    if time.thread_time() - started > seconds:
        raise BudgetExceeded
