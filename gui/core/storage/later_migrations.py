"""The library's migrations after the eighth, each in a module of its own, registered in order.

gui.core.storage.migrations holds the first eight and calls register_later(); a new migration
is a module with a register(migrations) function, added at the end of LATER.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from gui.core.storage import migration_09_finding_rows as m9
from gui.core.storage import migration_10_library_list as m10
from gui.core.storage import migration_11_source_grades as m11
from gui.core.storage import migration_12_cross_claim_relations as m12
from gui.core.storage import migration_13_source_totals as m13
from gui.core.storage import migration_14_source_groups as m14
from gui.core.storage import migration_15_article_count as m15

# m11 indexes m9's tables; m13 sums m9's sources; m14 groups m13's sums.
LATER = (m9, m10, m11, m12, m13, m14, m15)


def register_later(migrations: Migrations) -> None:
    """Add every later migration to the library's migrations, in LATER's order."""
    for module in LATER:
        module.register(migrations)
