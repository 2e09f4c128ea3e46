"""The home is private: its directories 0700, every file certmerge writes 0600, whatever the umask.

The CLI also sets umask 077 when it starts; the explicit modes here cover library users and what exists
already: a home written under umask 022 by an older certmerge is tightened when it is opened, and
`certmerge doctor` says what was changed. A shared directory (sticky bit, like /tmp) or one owned by
someone else is never changed: it is reported instead.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
SUBDIRS = ("drafts", "logs", "quarantine", "folders")  # folders/: what a folder scan skipped (sources/folder.py)
DB_COMPANIONS = ("", "-wal", "-shm", "-journal")  # SQLite's database file and the files beside it


def opener(path: str, flags: int) -> int:
    """An `open(..., opener=opener)` that creates files 0600 and tightens an existing one."""
    fd = os.open(path, flags, FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, FILE_MODE)
    except OSError:
        pass  # not ours (or a read-only file system): tighten() reports it
    return fd


def private_dir(path: Path, tighten: bool = True) -> None:
    """Create a directory 0700 (its missing parents too), or tighten it when it is ours and `tighten`."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(path, DIR_MODE)  # mkdir's mode is cut by the umask
    elif tighten:
        _tighten(path, DIR_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file 0600 (created or truncated) and flush it to the disk."""
    with open(path, "wb", opener=opener) as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def replace_private(path: Path, data: bytes) -> None:
    """Write a file 0600 under a temporary name, then rename it into place: a reader sees the old file or
    the new one, never a part. On an error (a full disk) the temporary file is removed and OSError raised."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write_private(tmp, data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def create_private(path: Path) -> None:
    """Create an empty file 0600 unless it exists (a database file before SQLite writes into it)."""
    os.close(opener(str(path), os.O_WRONLY | os.O_CREAT))


def _tighten(path: Path, wanted: int) -> str | None:
    """Take group and other permissions away; a description of the change, or None when none was needed."""
    try:
        st = path.lstat()
    except OSError:
        return None
    mode = stat.S_IMODE(st.st_mode)
    if stat.S_ISLNK(st.st_mode) or not mode & 0o077:
        return None
    if st.st_mode & stat.S_ISVTX or st.st_uid != os.geteuid():
        return f"{path} is {mode:04o} and left so (a shared directory, or not yours): use a home of your own"
    try:
        os.chmod(path, mode & wanted if stat.S_ISDIR(st.st_mode) else wanted)
    except OSError as exc:
        return f"{path} is {mode:04o} and could not be tightened ({exc.strerror})"
    return f"{path}: {mode:04o} -> {stat.S_IMODE(path.lstat().st_mode):04o}"


def tighten_home(home: Path, db_file: Path | None = None) -> list[str]:
    """Make an existing home private: the directories certmerge made, its files, the database and the
    files SQLite keeps beside it. Returns what was changed (or could not be), one line each."""
    home = Path(home)
    found = [_tighten(home, DIR_MODE)]
    for name in SUBDIRS:
        sub = home / name
        found.append(_tighten(sub, DIR_MODE))
        if sub.is_dir() and not sub.is_symlink():
            found += [_tighten(p, FILE_MODE) for p in sorted(sub.iterdir()) if p.is_file() and not p.is_symlink()]
    files = [home / "watch.lock", home / "holidays.json"]
    if db_file is not None:
        files += [db_file.with_name(db_file.name + suffix) for suffix in DB_COMPANIONS]
    found += [_tighten(p, FILE_MODE) for p in files if p.is_file()]
    return [line for line in found if line]


class PrivateLogFile(logging.FileHandler):
    """The home's log: created 0600 at its first line, and quiet when it cannot be written (a full disk):
    the error that matters is told on one line by the command, not as pages of "--- Logging error ---"."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def _open(self):
        return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=opener)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: ARG002 - nothing to do but go on
        pass
