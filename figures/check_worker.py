"""A worker process of `figures.check_pool`: `python -m figures.check_worker`.

It reads (work, part) pairs, pickled, from its standard input, runs each and writes each
part's problems back, pickled, on what was its standard output; anything else it prints
goes to its standard error, so nothing printed can corrupt an answer. It ends when its
input closes. Being a module run by name, it imports nothing of whoever started it (a
page's script run again in a worker would load the whole corpus there).
"""

from __future__ import annotations

import gc
import os
import pickle
import sys

from figures.check_pool import check_part


def serve() -> None:
    """Answer parts until the input closes."""
    # A part's objects are freed when it is answered; the collector would only walk
    # them over and over while it is checked (`figures.collector`), so it runs once a part.
    gc.disable()
    gc.freeze()  # what was imported stays: no walk looks at it again
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    while True:
        try:
            work, part = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(check_part(work, part), answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()
        del work, part
        gc.collect()


if __name__ == "__main__":
    serve()
