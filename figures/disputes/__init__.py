"""Disputes: the figures that cannot all hold as stated, and the ones that agree.

Claims are compared only where a rule says they can be (`rules`), each claim standing for
the range its qualifier allows (`ranges`), within scopes that nest (`scope`). Claims the
rules read alike are compared once (`readings`); `find` returns every dispute and what
was compared (`found`), from which checks and agreements are counted in any view;
`frame` lays them out for the command line, the downloads and the page.
"""

from figures.disputes.find import find_disputes
from figures.disputes.found import Dispute, Disputes

__all__ = ["Dispute", "Disputes", "find_disputes"]
