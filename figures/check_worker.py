"""A worker process of `figures.check_pool`: `python -m figures.check_worker`.

It reads (work, part) pairs, pickled, from its standard input, runs each in turn and
writes each part's problems back, pickled, on what was its standard output; anything else
it prints goes to its standard error, so nothing printed can corrupt an answer. It ends
when its input closes. A thread of its own reads the parts as they come, so the next part
is at hand when one is answered, and a caller writing a part never waits for an answer
to be read (nor the worker, writing a long answer, for the caller to stop writing).
Being a module run by name, it imports nothing of whoever started it (a page's script
run again in a worker would load the whole corpus there).
"""

from __future__ import annotations

import gc
import os
import pickle
import queue
import sys
import threading
from typing import BinaryIO

from figures.check_pool import check_part


def serve() -> None:
    """Answer parts until the input closes."""
    # A part's objects are freed when it is answered; the collector would only walk
    # them over and over while it is checked (`figures.collector`), so it runs once a part.
    gc.disable()
    gc.freeze()  # what was imported stays: no walk looks at it again
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests: queue.Queue[tuple[object, object] | None] = queue.Queue()
    threading.Thread(target=read_requests, args=(sys.stdin.buffer, requests),
                     daemon=True).start()
    while (request := requests.get()) is not None:
        work, part = request
        pickle.dump(check_part(work, part), answers,  # type: ignore[arg-type]
                    protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()
        del work, part, request
        gc.collect()


def read_requests(stream: BinaryIO, requests: queue.Queue[tuple[object, object] | None]
                  ) -> None:
    """Put each (work, part) read in `requests`, then None when the input ends (or
    cannot be read: the caller then finds this process gone and checks the rest)."""
    try:
        while True:
            requests.put(pickle.load(stream))
    except Exception:  # noqa: BLE001 (the end of the input, or a request unreadable)
        pass
    finally:
        requests.put(None)


if __name__ == "__main__":
    serve()
