"""The database's schema, for App: which revision it is (`certmerge db current`) and its upgrade
(`certmerge db upgrade`, the only way a shared PostgreSQL database is upgraded; an SQLite home upgrades
itself when opened)."""

from __future__ import annotations

from .store_schema import HEAD


class Schema:
    """Mixed into App (which gives `settings` and `close`)."""

    def database_revision(self) -> tuple[str, str]:
        """(the database's schema state, this program's head), reading only."""
        from .home import check_database
        from .store_open import current

        check_database(self.settings, create=False)
        return current(self.settings.db_url), HEAD

    def upgrade_database(self) -> tuple[str, str]:
        """Bring the schema to this program's head: (the state before, after)."""
        from .home import check_database
        from .store import Store

        check_database(self.settings, create=False)
        self.close()
        store = Store(self.settings.db_url, upgrade=True)
        try:
            return store.schema
        finally:
            store.close()
