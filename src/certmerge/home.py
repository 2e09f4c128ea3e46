"""The home's database file: a case is never lost without a word.

A missing or empty (0-byte) database is a new home only while nothing shows that the home was used;
where drafts, a log or quarantined mail exist it is reported as damaged and nothing is created. Only
`init` (and `import`, and the demo in its own home) create a database; every other command says that
there is no case yet.
"""

from __future__ import annotations

from .config import Settings
from .core.errors import StoreError, UserError
from .core.i18n import _, t


class NoCase(UserError):
    """The home has no database yet: nothing to show or do before `certmerge init`."""


def traces(settings: Settings) -> list[str]:
    """What shows that this home was used (besides its database)."""
    found = []
    drafts = list(settings.drafts_dir.glob("*.eml")) if settings.drafts_dir.is_dir() else []
    if drafts:
        found.append(t("{n} draft(s)", n=len(drafts)))
    log = settings.logs_dir / "certmerge.log"
    if log.is_file() and log.stat().st_size:
        found.append(_("a log"))
    kept = [p for p in settings.quarantine_dir.iterdir() if p.is_file()] if settings.quarantine_dir.is_dir() else []
    if kept:
        found.append(t("{n} quarantined file(s)", n=len(kept)))
    db = settings.db_file
    if db is not None and db.with_name(db.name + "-wal").is_file():
        found.append(_("its write-ahead log"))
    return found


def check_database(settings: Settings, create: bool) -> None:
    """Refuse to open a database file that is missing or empty where the home shows it held one; refuse to
    create one unless `create` (init, import). Other databases (a URL) are not looked at."""
    db = settings.db_file
    if db is None:
        return
    try:
        size = db.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError as exc:
        raise StoreError(t("the database {db} cannot be read ({strerror})", db=db, strerror=exc.strerror),
                         _("check the permissions of the certmerge home")) from None
    if size:
        return
    used = traces(settings)
    if used and not create:
        what = _("missing") if size is None else _("empty (0 bytes)")
        raise StoreError(t("the database {db} is {what}, but this home was in use ({join}): the case record was lost or moved; nothing was created", db=db, what=what, join=', '.join(used)),
                         _("put the file back from a backup, or `certmerge import` an export; "
                         "`certmerge init` starts over"))
    if not create:
        raise NoCase(t("no case yet in {home}", home=settings.home), _("run `certmerge init` first"))
