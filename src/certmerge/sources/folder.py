"""A folder of .eml files, or a Maildir (new/ and cur/), as a mail source.

Each file is processed once: its key (the path below the folder, without Maildir flags) is stored in the
same transaction as its processing. Files are taken in name order, so numbered exports replay in order.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterator

from ..errors import SourceError
from .base import PositionStore, RawMail

_SKIP_NAMES = {"labels.csv", "readme.md", "case.toml"}


def _key(rel: str) -> str:
    return rel.split(":2,", 1)[0]


class FolderSource:
    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser()
        if not self.path.is_dir():
            raise SourceError(f"{self.path} is not a folder", "give a folder of .eml files or a Maildir")
        self.name = f"folder:{self.path.resolve()}"
        self.maildir = (self.path / "cur").is_dir() and (self.path / "new").is_dir()

    def _files(self) -> list[tuple[str, Path]]:
        out = []
        dirs = [self.path / "new", self.path / "cur"] if self.maildir else [self.path]
        for d in dirs:
            try:
                entries = list(os.scandir(d))
            except OSError as exc:
                raise SourceError(f"cannot read {d} ({exc.strerror})", "check the folder and its permissions") from None
            for e in entries:
                if not e.is_file() or e.name.startswith(".") or e.name.lower() in _SKIP_NAMES:
                    continue
                if not self.maildir and not e.name.lower().endswith((".eml", ".msg", ".txt", ".mail")):
                    continue
                rel = os.path.relpath(e.path, self.path)
                out.append((_key(e.name if self.maildir else rel), Path(e.path)))
        out.sort(key=lambda kv: (kv[1].stat().st_mtime_ns if self.maildir else 0, kv[0]))
        return out

    def fetch_new(self, store: PositionStore) -> Iterator[RawMail]:
        seen = store.seen_keys(self.name)
        for key, path in self._files():
            if key in seen:
                continue
            try:
                data = path.read_bytes()
            except FileNotFoundError:  # moved by a mail client meanwhile: the next poll finds it
                continue
            except OSError as exc:
                raise SourceError(f"cannot read {path} ({exc.strerror})") from None
            yield RawMail(origin=str(path), data=data, seen_key=(self.name, key))

    def wait(self, timeout: float) -> bool:
        time.sleep(timeout)
        return False

    def close(self) -> None:
        pass
