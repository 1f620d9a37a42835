"""What each site could hold when a week began: the bound a tally's recorded counts must keep.

A tally typo (5000 for 50) would otherwise wipe out a village's backlog and show a recorded
count no village has. The bound is the site's backlog in the district as it stood before the
week (the tables minus every earlier recorded week): the village's backlog, the school's
unrecorded students, 1 for a resident still waiting (0 once recorded).
"""

from __future__ import annotations

from planner.ledger.apply import apply_done, site_backlogs
from planner.ledger.queries import LedgerQueries
from planner.model import District


def site_limits(district: District, ledger: LedgerQueries, week: str) -> dict[str, int]:
    """Site id → the most people a tally of ``week`` may record there (all stops together).

    ``district`` is the campaign's start (the tables), as for ``apply_ledger``; weeks recorded
    before ``week`` count, ``week`` itself and later ones do not (a corrected tally replaces
    the week's earlier one)."""
    # Backlogs only: apply_ledger would also walk every stock movement for a figure unused here.
    state = apply_done(district, ledger.totals_by_site(before_week=week), 0)
    return {b.site: b.backlog for b in site_backlogs(district, state)}
