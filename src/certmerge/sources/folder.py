"""A folder of .eml files, or a Maildir (new/ and cur/), as a mail source, read as the IMAP source reads a
mailbox: headers first, the whole mail only for candidates.

- Each file's key is its name (without Maildir flags). A candidate is yielded whole and its key is stored
  with its processing, in one transaction, as before. Files are taken in name order (Maildir: arrival
  order), so numbered exports replay in order.
- Of every other file only the header section is read (the first bytes, up to the blank line) and decided
  on by candidates.is_candidate, as IMAP's header FETCH is. A file whose header section cannot be read as
  mail headers is a candidate too, so that an unreadable mail is still quarantined and told.
- What was skipped is kept in a per-folder index in the home (`folders/<hash>.json`: each skipped file's
  key, size and mtime, and each directory's mtime), so a rescan neither re-reads a file nor, when no
  directory changed since, lists one: a rescan with nothing new costs a stat per directory, whatever the
  folder's size. A directory's mtime is trusted only when it is older than the scan by MTIME_SLACK (as git
  treats "racy" timestamps), and only after a scan that ran to its end.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..config import DEFAULT_VENDOR_DOMAINS
from ..core.errors import SourceError
from ..core.i18n import _, t
from .base import PositionStore, RawMail
from .candidates import Hints, is_candidate

_SKIP_NAMES = {"labels.csv", "readme.md", "case.toml"}
_SUFFIXES = (".eml", ".msg", ".txt", ".mail")
HEAD_CHUNK = 8192  # the first read of a file; most header sections fit
HEAD_MAX = 1 << 20  # a header section longer than this is read whole (and parsed, or quarantined)
MTIME_SLACK_NS = 2_000_000_000  # a directory mtime this close to the scan may hide a file added just after
PROGRESS_MIN = 300  # a scan of at least this many new files reports progress
PROGRESS_EVERY = 250
INDEX_VERSION = 1

Progress = Callable[[int, int, str], None]  # (done, total, folder)
# the header fields the IMAP source fetches (HEADER.FIELDS): a candidate is decided on them alone
_FIELDS_RE = re.compile(rb"^(?:from|subject|message-id|in-reply-to|references)[ \t]*:.*(?:\r?\n[ \t].*)*",
                        re.I | re.M)


def _key(name: str) -> str:
    return name.split(":2,", 1)[0]


def _header_end(data: bytes) -> int:
    """Where the header section ends (the blank line), or -1."""
    if data.startswith((b"\n", b"\r\n")):
        return 0
    ends = [i for i in (data.find(b"\n\n"), data.find(b"\r\n\r\n")) if i >= 0]
    return min(ends) if ends else -1


def _looks_like_headers(head: bytes) -> bool:
    """Plain header fields (or an mbox From_ line first), no NUL: else the file is read whole and parsed."""
    if not head or b"\0" in head:
        return False
    first = head.split(b"\n", 1)[0]
    name = first.split(b":", 1)[0]
    return first.startswith(b"From ") or (b":" in first and bool(name) and b" " not in name.strip())


def _fields(head: bytes) -> bytes:
    """The header section cut to the fields a candidate is decided on, as IMAP's HEADER.FIELDS returns it
    (parsing Received and Authentication-Results lines of every file would cost twice the time)."""
    return b"\n".join(m.group(0) for m in _FIELDS_RE.finditer(head)) + b"\n\n"


@dataclass
class ScanStats:
    name: str
    listed: int = 0
    new: int = 0
    candidates: int = 0
    skipped: int = 0
    seconds: float = 0.0
    listing_skipped: bool = False

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class FolderSource:
    def __init__(self, path: Path, *, vendors: tuple[str, ...] = DEFAULT_VENDOR_DOMAINS,
                 index_dir: Path | None = None, progress: Progress | None = None) -> None:
        self.path = Path(path).expanduser()
        if not self.path.is_dir():
            raise SourceError(t("{path} is not a folder", path=self.path),
                              _("give a folder of .eml files or a Maildir"))
        resolved = self.path.resolve()
        self.name = f"folder:{resolved}"
        self.maildir = (self.path / "cur").is_dir() and (self.path / "new").is_dir()
        self.vendors = tuple(vendors)
        self.progress = progress
        digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.index_path = Path(index_dir) / f"{digest}.json" if index_dir else None  # the files skipped
        self.marks_path = Path(index_dir) / f"{digest}.dirs.json" if index_dir else None  # directory mtimes
        self.last_scan: dict | None = None

    # --- the index of what was looked at -------------------------------------------------------------------
    def _load(self, path: Path | None, default: dict) -> dict:
        if path is None:
            return default
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == INDEX_VERSION and data.get("folder") == self.name:
                return data
        except (OSError, ValueError, AttributeError):
            pass  # missing or damaged: a scan reads headers again, nothing is lost
        return default

    def _save(self, path: Path | None, data: dict) -> None:
        if path is None:
            return
        from ..privacy import private_dir, replace_private

        data = {"version": INDEX_VERSION, "folder": self.name, **data}
        try:
            private_dir(path.parent)
            replace_private(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # only speed is lost: the next scan reads the headers again

    def _dir_mtimes(self) -> dict[str, int]:
        out = {}
        for d in self._dirs():
            try:
                out[str(d)] = d.stat().st_mtime_ns
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SourceError(t("cannot read {path} ({why})", path=d, why=exc.strerror),
                                  _("check the folder and its permissions")) from None
        return out

    # --- listing ---------------------------------------------------------------------------------------------
    def _dirs(self) -> list[Path]:
        return [self.path / "new", self.path / "cur"] if self.maildir else [self.path]

    def _list(self, d: Path) -> list[os.DirEntry]:
        try:
            with os.scandir(d) as it:
                return [e for e in it if self._wanted(e)]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise SourceError(t("cannot read {path} ({why})", path=d, why=exc.strerror),
                              _("check the folder and its permissions")) from None

    def _wanted(self, e: os.DirEntry) -> bool:
        name = e.name
        if name.startswith(".") or name.lower() in _SKIP_NAMES:
            return False
        if not self.maildir and not name.lower().endswith(_SUFFIXES):
            return False
        return e.is_file()

    def _new_files(self, seen: set[str], skipped: dict, marks: dict, mtimes: dict,
                   stats: ScanStats) -> list[tuple[str, str, int, int]]:
        """(key, path, size, mtime_ns) of the files not yet looked at, in the order to process them."""
        out = []
        present: set[str] = set()
        for d in self._dirs():
            if str(d) not in mtimes:
                continue
            if marks.get(str(d)) == mtimes[str(d)]:  # nothing came or went since a whole scan
                present.update(k for k, v in skipped.items() if v[2] == str(d))
                continue
            for e in self._list(d):
                key = _key(e.name)
                stats.listed += 1
                present.add(key)
                if key in seen:
                    continue
                st = e.stat()
                known = skipped.get(key)
                if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
                    known[2] = str(d)  # a Maildir file moved from new/ to cur/ keeps its key
                    continue
                out.append((key, e.path, st.st_size, st.st_mtime_ns))
        for key in [k for k in skipped if k not in present]:  # deleted files leave the index
            del skipped[key]
        out.sort(key=lambda f: (f[3], f[0]) if self.maildir else f[0])
        return out

    # --- reading ---------------------------------------------------------------------------------------------
    @staticmethod
    def _read(path: str, hints: Hints) -> bytes | None:
        """The whole file when it is a candidate (or not plainly a mail), else None; only the header section
        is read for that. Raises FileNotFoundError when the file went away meanwhile."""
        with open(path, "rb") as fh:
            data = fh.read(HEAD_CHUNK)
            end = _header_end(data)
            while end < 0 and len(data) < HEAD_MAX:
                more = fh.read(max(len(data), HEAD_CHUNK))
                if not more:
                    break
                data += more
                end = _header_end(data)
            head = data[:end] if end >= 0 else data
            if end >= 0 and _looks_like_headers(head) and not is_candidate(_fields(head), hints):
                return None
            return data + fh.read()

    def _look(self, file: tuple[str, str, int, int], hints: Hints, skipped: dict, stats: ScanStats) -> RawMail | None:
        """The mail to process (a candidate, whole), or None: skipped by its headers (and noted), or gone."""
        key, path, size, mtime = file
        try:
            data = self._read(path, hints)
        except FileNotFoundError:  # moved by a mail client meanwhile: the next poll finds it
            return None
        except OSError as exc:
            raise SourceError(t("cannot read {path} ({why})", path=path, why=exc.strerror)) from None
        if data is None:
            skipped[key] = [size, mtime, os.path.dirname(path)]
            stats.skipped += 1
            return None
        stats.candidates += 1
        return RawMail(origin=path, data=data, seen_key=(self.name, key))

    def fetch_new(self, store: PositionStore) -> Iterator[RawMail]:
        started = time.monotonic()
        scan_ns = time.time_ns()
        stats = ScanStats(self.name)
        self.last_scan = None
        mtimes = self._dir_mtimes()
        marks = self._load(self.marks_path, {}).get("dirs", {})
        if marks and marks == mtimes:  # no directory changed since a whole scan: nothing to list or read
            stats.listing_skipped = True
            self.last_scan = stats.as_dict()
            return
        skipped = self._load(self.index_path, {}).get("skipped", {})
        before = len(skipped)
        files = self._new_files(store.seen_keys(self.name), skipped, marks, mtimes, stats)
        stats.new = len(files)
        case_ids, message_ids = store.candidate_hints() if files else (set(), set())
        hints = Hints(self.vendors, frozenset(case_ids), frozenset(message_ids))
        report = self.progress if (self.progress and len(files) >= PROGRESS_MIN) else None
        complete = False
        try:
            for done, file in enumerate(files, 1):
                item = self._look(file, hints, skipped, stats)
                if item is not None:
                    yield item
                if report and (done % PROGRESS_EVERY == 0 or done == len(files)):
                    report(done, len(files), self.path.name)
            complete = True
        finally:
            if report and not complete and files:
                report(len(files), len(files), self.path.name)  # the bar goes away
            if stats.skipped or len(skipped) != before:
                self._save(self.index_path, {"skipped": skipped})
            # a directory counts as looked at only after a whole scan, and only with an mtime older than it
            trusted = {d: m for d, m in mtimes.items() if complete and m < scan_ns - MTIME_SLACK_NS}
            if trusted != marks:
                self._save(self.marks_path, {"dirs": trusted})
            stats.seconds = time.monotonic() - started
            self.last_scan = stats.as_dict()

    def wait(self, timeout: float) -> bool:
        time.sleep(timeout)
        return False

    def close(self) -> None:
        pass
