"""certmerge benchmarks: a poll must cost the same at 1k and 100k messages.

    python bench/run.py                  # 1,000 / 10,000 / 100,000 messages (about 3 minutes)
    python bench/run.py --sizes 1000 --quick   # the smoke run the test suite does
    python bench/run.py --folder 1000,10000,30000   # the folder source alone (bench/folder_bench.py)

Starts its own Dovecot on loopback (tests/dovecot.py; Dovecot must be installed and this must run as
root), writes each mailbox as Maildir files directly and lets Dovecot index it once outside the timings,
then prints a table and writes bench/results/results.json. Figures, not pass/fail: the targets are in
the README ("Benchmarks").

Conditions: the processes run this checkout (src/ first on PYTHONPATH) with its bytecode compiled
first, as an installed wheel has it; without that, an environment with PYTHONDONTWRITEBYTECODE=1
recompiles certmerge on every start. The idle polls of the sizes are compared in interleaved rounds
(all mailboxes open at once), so that a change in the machine's load falls on every size alike.
"""

from __future__ import annotations

import argparse
import json
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.mailgen import build_maildir  # noqa: E402
from tests.dovecot import Dovecot  # noqa: E402

PW_ENV = "CERTMERGE_BENCH_PASSWORD"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def timed_runs(cmds: dict[str, list[str]], env: dict, runs: int) -> dict[str, list[float]]:
    """Wall time of each command, `runs` times, in interleaved rounds (a change in the machine's load
    falls on every command alike)."""
    out: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            out[name].append(time.perf_counter() - t)
            if r.returncode != 0:
                raise SystemExit(f"{' '.join(cmd[1:])} failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    return out


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Mailbox:
    """One user's mailbox of `size` messages and a certmerge home watching it."""

    def __init__(self, server: Dovecot, size: int, workdir: Path) -> None:
        self.server, self.size = server, size
        self.user = server.add_user()
        maildir = server.root / "mail" / self.user / "Maildir"
        t = time.perf_counter()
        build_maildir(maildir, size)
        subprocess.run(["chown", "-R", "dovecot:dovecot", str(server.root / "mail" / self.user)], check=True)
        server.doveadm("force-resync", "-u", self.user, "INBOX")
        server.doveadm("fetch", "-u", self.user, "uid date.received", "mailbox", "INBOX", "all")
        self.build_seconds = time.perf_counter() - t
        self.home = workdir / f"home-{size}"
        self.home.mkdir()
        (self.home / "config.toml").write_text(
            f'[imap]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "plain"\nusername = "{self.user}"\n'
            f'password_env = "{PW_ENV}"\nuse_keyring = false\nfolders = ["INBOX"]\n', encoding="utf-8")
        self.env = {**os.environ, "CERTMERGE_HOME": str(self.home), PW_ENV: server.password_of(self.user),
                    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
        subprocess.run([sys.executable, "-m", "certmerge", "init", "--from", str(ROOT / "sample_mail" / "case.toml")],
                       env=self.env, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "certmerge", "submitted"], env=self.env, check=True, capture_output=True)

    def app_and_source(self):
        from certmerge.app import App
        from certmerge.config import load_settings
        from certmerge.sources.imap import ImapSource

        os.environ[PW_ENV] = self.env[PW_ENV]  # read once, by from_settings: each mailbox has its own user
        settings = load_settings(self.home)
        return App(settings), ImapSource.from_settings(settings)


_DOVECOT_SECS = re.compile(rb"\(([\d.]+)(?: \+ [\d.]+)* secs\)")  # "Fetch completed (0.320 + 0.000 + 0.319 secs)."


@contextmanager
def imap_commands():
    """Every IMAP command completed meanwhile: [name, seconds here, seconds the server says it spent].
    Dovecot ends each tagged answer with its own timing; its first figure is the command's whole time
    in the server."""
    import imaplib

    log: list[list] = []
    real = imaplib.IMAP4._command_complete

    def timed(self, name, tag):
        t = time.perf_counter()
        typ, data = real(self, name, tag)
        found = _DOVECOT_SECS.search(b" ".join(d for d in data if isinstance(d, bytes)))
        log.append([name, time.perf_counter() - t, float(found.group(1)) if found else None])
        return typ, data

    imaplib.IMAP4._command_complete = timed
    try:
        yield log
    finally:
        imaplib.IMAP4._command_complete = real


def first_scan(box: Mailbox) -> dict:
    """The first scan from the default start date: IMAP time (fetching only) and all of it, with the
    share the server itself reports for its commands."""
    app, source = box.app_and_source()
    since = source.scan_start(app.store)
    window = len(box.server.doveadm("search", "-u", box.user, "mailbox", "INBOX", "since",
                                    since.isoformat()).splitlines())
    with imap_commands() as commands:
        t = time.perf_counter()
        items = list(source.fetch_new(app.store))
        imap_s = time.perf_counter() - t
    fetched = [i for i in items if i.data is not None]
    t = time.perf_counter()
    outcomes = [app.process(i) for i in items]
    process_s = time.perf_counter() - t
    source.close()
    app.close()
    return {"imap_s": round(imap_s, 4), "server_s": round(sum(c[2] or 0 for c in commands), 4),
            "commands": [[name, ms(here), ms(server) if server is not None else None]
                         for name, here, server in commands],
            "process_s": round(process_s, 4), "window": window, "since": str(since),
            "bodies_fetched": len(fetched), "body_bytes": sum(len(i.data) for i in fetched),
            "moved_case": sum(1 for o in outcomes if o is not None and o.moved)}


def idle_polls(box: Mailbox, polls: int) -> dict:
    """A poll with no new mail inside a running watcher (the connection stays open), and the RSS."""
    app, source = box.app_and_source()
    app.poll_once(source)  # connect and catch up
    times = []
    rss_start = rss_kb()
    for _ in range(polls):
        t = time.perf_counter()
        app.poll_once(source)
        times.append(time.perf_counter() - t)
    rss_end = rss_kb()
    source.close()
    app.close()
    return {**_spread(times), "polls": polls, "rss_start_kb": rss_start, "rss_end_kb": rss_end,
            "rss_growth_kb": rss_end - rss_start}


def _spread(times: list[float]) -> dict:
    q = statistics.quantiles(times, n=20)
    return {"median_ms": ms(statistics.median(times)), "p5_ms": ms(q[0]), "p95_ms": ms(q[-1])}


def interleaved_polls(boxes: list[Mailbox], rounds: int, per_round: int) -> dict[int, dict]:
    """Idle polls of every size in turn, `per_round` at a time, all watchers connected at once."""
    opened = [(box.size, *box.app_and_source()) for box in boxes]
    times: dict[int, list[float]] = {size: [] for size, _a, _s in opened}
    try:
        for _size, app, source in opened:
            app.poll_once(source)
        for _ in range(rounds):
            for size, app, source in opened:
                for _ in range(per_round):
                    t = time.perf_counter()
                    app.poll_once(source)
                    times[size].append(time.perf_counter() - t)
    finally:
        for _size, app, source in opened:
            source.close()
            app.close()
    return {size: {**_spread(t), "polls": len(t)} for size, t in times.items()}


def idle_latency(box: Mailbox, mails: int) -> dict:
    """From APPEND by another connection to the state change being committed (IDLE)."""
    from certmerge import watch

    app, source = box.app_and_source()
    app.poll_once(source)
    seen: list[float] = []
    done = threading.Event()
    stop = threading.Event()
    report = lambda outs: (seen.extend(time.perf_counter() for _ in outs), done.set())  # noqa: E731
    thread = threading.Thread(target=watch.run, args=(app, source), daemon=True,
                              kwargs={"once": False, "interval": 60, "report": report, "stop": stop,
                                      "notify": lambda line: None})
    thread.start()
    time.sleep(0.5)  # let IDLE start
    raw = next((ROOT / "sample_mail").glob("01-*.eml")).read_bytes()
    lat = []
    with box.server.client(box.user) as other:
        for i in range(mails):
            done.clear()
            n = len(seen)
            t = time.perf_counter()
            other.append("INBOX", raw.replace(b"Message-ID: <", f"Message-ID: <lat{i}.".encode(), 1))
            if not done.wait(10) or len(seen) <= n:
                lat.append(10.0)
                continue
            lat.append(seen[n] - t)
    stop.set()
    thread.join(5)
    source.close()
    app.close()
    q = statistics.quantiles(lat, n=20)
    return {"mails": mails, "p50_ms": ms(statistics.median(lat)), "p95_ms": ms(q[-1]), "max_ms": ms(max(lat))}


def compile_bytecode() -> None:
    """Compile certmerge's bytecode (into src/, ignored by git), as `pip install` does for a wheel."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "certmerge")], check=True)


def process_costs(box: Mailbox, runs: int) -> dict:
    """`certmerge watch --once` and `certmerge status` as whole processes, beside their import floors."""
    py = sys.executable
    t = timed_runs({"once": [py, "-m", "certmerge", "watch", "--once"],
                    "status": [py, "-m", "certmerge", "status"],
                    "floor_watch": [py, "-c", "import typer, rich, sqlalchemy.orm, imapclient"],
                    "floor_status": [py, "-c", "import typer, rich, sqlalchemy.orm"]}, box.env, runs)
    med = {name: statistics.median(v) for name, v in t.items()}
    return {"watch_once_s": round(med["once"], 4), "watch_floor_s": round(med["floor_watch"], 4),
            "watch_ratio": round(med["once"] / med["floor_watch"], 3),
            "status_s": round(med["status"], 4), "status_floor_s": round(med["floor_status"], 4),
            "status_ratio": round(med["status"] / med["floor_status"], 3)}


def classification(count: int) -> dict:
    """Parse + classify on one core, in a process of its own (bench/classify_bench.py: CPU time, the best
    of 3 runs, as timeit reports; the garbage this process has gathered would otherwise count)."""
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "classify_bench.py"), "--count", str(count), "--json"],
                       capture_output=True, text=True, check=True)
    figures = json.loads(r.stdout.strip().splitlines()[-1])
    return {"mails": figures["mails"], "cpu_s": round(figures["cpu_seconds"], 3),
            "mails_per_second": round(figures["rate"], 1),
            "stdlib_parse_mails_per_second": round(figures["stdlib_parse_rate"], 1)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (the suite's smoke run)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "results.json"))
    ap.add_argument("--folder", default="", help="sizes for the folder source benchmark alone (no Dovecot), "
                                                 "e.g. 1000,10000,30000")
    args = ap.parse_args(argv)
    if args.folder:
        return folder_main([int(s) for s in args.folder.split(",")], args.quick, Path(args.out))
    sizes = [int(s) for s in args.sizes.split(",")]
    polls, runs, lat_mails, cls_count = (50, 2, 5, 300) if args.quick else (1000, 9, 50, 3000)
    rounds = 5 if args.quick else 10
    results: dict = {"sizes": {}, "quick": args.quick}
    workdir = Path(tempfile.mkdtemp(prefix="certmerge-bench-"))
    server = Dovecot(tls=False)
    boxes = []
    try:
        compile_bytecode()
        server.start()
        for size in sizes:
            box = Mailbox(server, size, workdir)
            boxes.append(box)
            r = {"build_s": round(box.build_seconds, 2), "first_scan": first_scan(box),
                 "idle_poll_alone": idle_polls(box, polls), **process_costs(box, runs)}
            if size == sizes[0]:
                r["idle_latency"] = idle_latency(box, lat_mails)
            results["sizes"][size] = r
            print(f"measured {size} messages", file=sys.stderr)
        for size, figures in interleaved_polls(boxes, rounds, polls // rounds).items():
            results["sizes"][size]["idle_poll"] = figures
        results["classification"] = classification(cls_count)
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)
    _ratios(results, sizes)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results, sizes))
    print(f"\nJSON: {out}")
    return results


def folder_main(sizes: list[int], quick: bool, out: Path) -> dict:
    from bench import folder_bench

    compile_bytecode()
    results = folder_bench.run(sizes, quick)
    out = out.with_name("folder.json") if out.name == "results.json" else out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(folder_bench.table(results))
    print(f"\nJSON: {out}")
    return results


def _ratios(results: dict, sizes: list[int]) -> None:
    if len(sizes) > 1:
        lo, hi = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
        results["idle_poll_ratio_largest_to_smallest"] = round(
            hi["idle_poll"]["median_ms"] / max(lo["idle_poll"]["median_ms"], 1e-9), 3)


def table(results: dict, sizes: list[int]) -> str:
    rows = [("measure", *[f"{s:,} msgs" for s in sizes], "target")]
    get = lambda f: [f(results["sizes"][s]) for s in sizes]  # noqa: E731
    rows += [
        ("idle poll median ms (p5-p95), interleaved", *get(lambda r: f"{r['idle_poll']['median_ms']:.3f} "
                                                        f"({r['idle_poll']['p5_ms']:.3f}-{r['idle_poll']['p95_ms']:.3f})"),
         "<= 1 ms, 100k/1k <= 1.2"),
        ("watch --once s / import floor s", *get(lambda r: f"{r['watch_once_s']:.3f} / {r['watch_floor_s']:.3f} "
                                                           f"= {r['watch_ratio']:.2f}x"), "<= 1.3x"),
        ("first scan IMAP s (of which server)", *get(lambda r: f"{r['first_scan']['imap_s']:.3f} "
                                                                f"({r['first_scan']['server_s']:.3f})"),
         "<= 0.5 s at 100k"),
        ("first scan window / bodies / body KB", *get(lambda r: f"{r['first_scan']['window']} / "
                                                                 f"{r['first_scan']['bodies_fetched']} / "
                                                                 f"{r['first_scan']['body_bytes'] // 1024}"),
         "only candidate bodies"),
        ("status s / import floor s", *get(lambda r: f"{r['status_s']:.3f} / {r['status_floor_s']:.3f} "
                                                     f"= {r['status_ratio']:.2f}x"), "<= 1.3x"),
        ("RSS growth over polls KB", *get(lambda r: f"{r['idle_poll_alone']['rss_growth_kb']} "
                                                    f"({r['idle_poll_alone']['polls']})"),
         "<= 5 MB over 1,000"),
    ]
    lat = results["sizes"][sizes[0]].get("idle_latency")
    if lat:
        rows.append((f"IDLE latency p50 / p95 ms ({lat['mails']} mails)", f"{lat['p50_ms']:.1f} / {lat['p95_ms']:.1f}",
                     *[""] * (len(sizes) - 1), "p95 <= 1 s"))
    c = results["classification"]
    rows.append(("classification mails/s, one core (stdlib parse alone)",
                 f"{c['mails_per_second']:,.0f} ({c['stdlib_parse_mails_per_second']:,.0f})",
                 *[""] * (len(sizes) - 1), ">= 1,000"))
    if "idle_poll_ratio_largest_to_smallest" in results:
        rows.append(("idle poll ratio largest/smallest", f"{results['idle_poll_ratio_largest_to_smallest']:.2f}",
                     *[""] * (len(sizes) - 1), "<= 1.2"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(str(v).ljust(w) for v, w in zip(r, widths)) for r in rows)


if __name__ == "__main__":
    main()
