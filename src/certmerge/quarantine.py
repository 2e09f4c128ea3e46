"""Mail that could not be read is kept in the home's quarantine/, whole and once.

A file's name is the hash of its content and of its origin (the folder file or mailbox/UID it came
from): two mails never share a name, the same content from two places (or within one second) never
overwrites another, and the same mail from the same place always gets the same name. It is written under
a temporary name and renamed, so the name always holds a whole file. Its row in the database is written
by the store in the transaction that moves the source position past it (app.py). A crash before that
commit leaves the file without its row; the mail is read again and finds its own file instead of making a
second one. Temporary files a crash left behind are removed the next time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .privacy import private_dir, write_private


def file_name(data: bytes, origin: str) -> str:
    content = hashlib.sha256(data).hexdigest()[:16]
    where = hashlib.sha256(origin.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{content}-{where}.eml"


def keep(qdir: Path, data: bytes, origin: str, write_step=lambda step: None) -> Path:
    """The mail's file in quarantine/ (written now, or found whole from an earlier attempt). OSError on a
    full disk or a read-only home; then no file of it is left."""
    private_dir(qdir)
    _remove_temporaries(qdir)
    target = qdir / file_name(data, origin)
    if target.is_file() and target.stat().st_size == len(data):
        return target  # written before a crash; the name says its content
    tmp = qdir / f".{target.name}.tmp"
    try:
        write_private(tmp, data)
        write_step("quarantine-temp")
        tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    _sync_dir(qdir)
    write_step("quarantine-file")
    return target


def _remove_temporaries(qdir: Path) -> None:
    for stale in qdir.glob(".*.tmp"):
        stale.unlink(missing_ok=True)


def _sync_dir(path: Path) -> None:
    """Make the rename durable before the database says the file is there."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
