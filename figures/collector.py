"""Pause Python's cycle collector while a large table is built or read back.

Building a large corpus's figure table makes millions of objects that all live on (rows,
number phrases, labels); every so many new objects the collector walks all that it
tracks, over and over as they pile up: a fifth of a 100,000-claim corpus's check went to
those walks, and they find nothing to free. Paused, the objects are freed as ever when
no longer used (reference counting); only a cycle made meanwhile waits for the next walk.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collector walks inside this block (the collector's state is restored after it,
    so blocks nest)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
