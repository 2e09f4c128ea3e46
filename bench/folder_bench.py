"""The folder source (a Maildir kept in sync by mbsync or offlineimap, or a folder of .eml files): a first
scan at >= 1,000 files/s, and a rescan with nothing new that costs the same whatever the folder's size.

    python bench/run.py --folder 1000,10000,30000     # this benchmark alone (no Dovecot needed)

Each size is a Maildir written by mailgen.build_maildir (20 case mails among the last 1,000, ordinary mail
before them), its directories dated a minute back as a synced Maildir's are. Measured in this process,
with the real App, store and FolderSource, as `watch --once --source DIR` runs them (the command adds its
import time, measured beside it): the first scan (headers of every file, whole candidates, each processed
and committed), a rescan with nothing new (best of 5), and a rescan after one new mail arrived. Figures,
not pass/fail: the targets are in the README.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench.mailgen import SAMPLES, build_maildir  # noqa: E402


def _age_dirs(maildir: Path, seconds: float = 60.0) -> None:
    past = time.time() - seconds
    for d in ("cur", "new", "tmp", ""):
        os.utime(maildir / d, (past, past))


def _app(home: Path):
    from certmerge.app import App
    from certmerge.core.casefile import load_casefile
    from certmerge.config import load_settings

    app = App(load_settings(home))
    app.init_case(load_casefile(SAMPLES / "case.toml"))
    return app


def _source(app, maildir: Path):
    from certmerge.sources.folder import FolderSource

    return FolderSource(maildir, vendors=app.settings.classify.vendor_domains,
                        index_dir=app.settings.home / "folders")


def _scan(app, maildir: Path) -> tuple[float, int, dict]:
    src = _source(app, maildir)
    start = time.perf_counter()
    processed = len(app.poll_once(src))
    return time.perf_counter() - start, processed, src.last_scan or {}


def measure(size: int, workdir: Path, rescans: int = 5) -> dict:
    maildir = workdir / f"maildir-{size}"
    build_maildir(maildir, size)
    _age_dirs(maildir)
    app = _app(workdir / f"home-{size}")
    try:
        first_s, processed, stats = _scan(app, maildir)
        again = [_scan(app, maildir)[0] for _ in range(rescans)]
        one = SAMPLES / "01-acknowledgement.eml"
        raw = one.read_bytes().replace(b"Message-ID: <", b"Message-ID: <bench-new.", 1)
        (maildir / "new" / f"{time.time_ns()}.bench.host").write_bytes(raw)
        one_new_s, one_new, _ = _scan(app, maildir)
    finally:
        app.close()
    return {"files": size, "first_scan_s": round(first_s, 3), "files_per_second": round(size / first_s),
            "read_whole": stats.get("candidates", 0), "skipped_by_headers": stats.get("skipped", 0),
            "processed": processed, "rescan_ms": round(min(again) * 1000, 3),
            "rescan_median_ms": round(statistics.median(again) * 1000, 3),
            "rescan_one_new_ms": round(one_new_s * 1000, 1), "rescan_one_new_processed": one_new}


def command_time(size: int, workdir: Path) -> dict:
    """`certmerge watch --once --source DIR` as a user runs it, on a fresh home: the whole command."""
    maildir = workdir / f"maildir-cmd-{size}"
    build_maildir(maildir, size, seed=11)
    _age_dirs(maildir)
    home = workdir / f"home-cmd-{size}"
    env = {**os.environ, "CERTMERGE_HOME": str(home), "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "certmerge"]
    subprocess.run([*cmd, "init", "--from", str(SAMPLES / "case.toml")], env=env, check=True, capture_output=True)
    start = time.perf_counter()
    r = subprocess.run([*cmd, "watch", "--once", "--source", str(maildir)], env=env, capture_output=True, text=True)
    first = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([*cmd, "watch", "--once", "--source", str(maildir)], env=env, capture_output=True, check=True)
    again = time.perf_counter() - start
    return {"files": size, "watch_once_s": round(first, 3), "watch_once_again_s": round(again, 3),
            "output_lines": len(r.stdout.splitlines()), "exit": r.returncode}


def run(sizes: list[int], quick: bool = False) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="certmerge-folder-bench-"))
    try:
        out = {"sizes": {str(s): measure(s, workdir, rescans=2 if quick else 5) for s in sizes}}
        out["command"] = command_time(max(sizes), workdir)
        return out
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def table(results: dict) -> str:
    sizes = list(results["sizes"])
    rows = [("folder source", *[f"{int(s):,} files" for s in sizes], "target")]
    get = lambda f: [f(results["sizes"][s]) for s in sizes]  # noqa: E731
    rows += [
        ("first scan s (files/s)", *get(lambda r: f"{r['first_scan_s']:.2f} ({r['files_per_second']:,})"),
         ">= 1,000 files/s at 30,000"),
        ("read whole / skipped by headers", *get(lambda r: f"{r['read_whole']} / {r['skipped_by_headers']:,}"),
         "only candidates read whole"),
        ("rescan, nothing new, ms (median)", *get(lambda r: f"{r['rescan_ms']:.2f} ({r['rescan_median_ms']:.2f})"),
         "flat in the folder's size"),
        ("rescan after one new mail ms", *get(lambda r: f"{r['rescan_one_new_ms']:.1f}"), "(lists the folder)"),
    ]
    c = results["command"]
    rows.append((f"watch --once, whole command, {c['files']:,} files: first / again s",
                 f"{c['watch_once_s']:.2f} / {c['watch_once_again_s']:.2f} ({c['output_lines']} lines)",
                 *[""] * (len(sizes) - 1), ""))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(v).ljust(w) for v, w in zip(r, widths)) for r in rows)
