"""certmerge benchmark for a team's shared mailbox: does the watcher's idle turn stay flat with 1,000 cases?

    python bench/teams_bench.py                        # 100,000 mails in the mailbox, 1 case against 1,000
    python bench/teams_bench.py --mails 10000 --cases 200 --turns 200   # a quick run

Starts its own Dovecot on loopback (tests/dovecot.py, as bench/run.py does), writes one mailbox of MAILS
messages, and points two homes at it: one with the single sample case, one with CASES open cases and
100,000 stored mails (bench/cases_bench.build). Each home's watcher catches up once; then its idle turn is
timed, as `certmerge watch` runs it between two waits: a poll of the mailbox with nothing new
(App.poll_once) and the step after it (Keeper.step: the timers of every case, the deliveries due, the
heartbeat), in interleaved rounds so that a change in the machine's load falls on both alike.

The routing figures and `certmerge cases` are in bench/cases_bench.py; two racing watchers on PostgreSQL
against one on SQLite in tests/test_race.py. Figures, not pass/fail; the targets are in the README.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.cases_bench import build  # noqa: E402
from bench.run import Mailbox, _spread, compile_bytecode  # noqa: E402
from tests.dovecot import Dovecot  # noqa: E402


def team_home(box: Mailbox, workdir: Path, n_cases: int, n_stored: int) -> Path:
    """A home on the same mailbox as `box`, holding n_cases open cases and n_stored stored mails."""
    home = workdir / "team"
    home.mkdir()
    shutil.copy(box.home / "config.toml", home / "config.toml")
    build(home, n_cases, n_stored).close()
    return home


def watcher(home: Path, env_password: tuple[str, str]):
    """(app, source, keeper) as `certmerge watch` builds them for `home`."""
    import os

    from certmerge.alerts import Keeper
    from certmerge.app import App
    from certmerge.config import load_settings
    from certmerge.sources.imap import ImapSource

    os.environ[env_password[0]] = env_password[1]
    settings = load_settings(home)
    app, source = App(settings), ImapSource.from_settings(settings)
    return app, source, Keeper(app, source.name)


def idle_turns(homes: dict[str, Path], password: tuple[str, str], rounds: int, per_round: int) -> dict[str, dict]:
    opened = {name: watcher(home, password) for name, home in homes.items()}
    times: dict[str, list[float]] = {name: [] for name in opened}
    try:
        for name, (app, source, keeper) in opened.items():
            t = time.perf_counter()
            app.poll_once(source)  # connect and catch up
            keeper.step()
            print(f"{name}: caught up in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        for _ in range(rounds):
            for name, (app, source, keeper) in opened.items():
                for _ in range(per_round):
                    t = time.perf_counter()
                    app.poll_once(source)
                    keeper.step()
                    times[name].append(time.perf_counter() - t)
    finally:
        for app, source, _keeper in opened.values():
            source.close()
            app.close()
    return {name: {**_spread(got), "n": len(got)} for name, got in times.items()}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mails", type=int, default=100_000, help="mails in the shared mailbox")
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--stored", type=int, default=100_000, help="mails stored in the team's database")
    ap.add_argument("--turns", type=int, default=1000, help="idle turns timed per home")
    args = ap.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="certmerge-teams-"))
    server = Dovecot(tls=False)
    try:
        compile_bytecode()
        server.start()
        box = Mailbox(server, args.mails, workdir)
        print(f"mailbox of {args.mails} mails built in {box.build_seconds:.1f} s", file=sys.stderr)
        team = team_home(box, workdir, args.cases, args.stored)
        from bench.run import PW_ENV

        homes = {"1 case": box.home, f"{args.cases} cases": team}
        results = idle_turns(homes, (PW_ENV, box.env[PW_ENV]), 10, max(1, args.turns // 10))
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nidle watcher turn (poll with nothing new + timers, deliveries, heartbeat), mailbox of {args.mails:,} "
          f"mails, ms:")
    for name, r in results.items():
        print(f"  {name:<12} median {r['median_ms']:.3f}  (p5 {r['p5_ms']:.3f}, p95 {r['p95_ms']:.3f}, n={r['n']})")
    names = list(results)
    print(f"  ratio {names[1]} / {names[0]}: {results[names[1]]['median_ms'] / results[names[0]]['median_ms']:.2f}x")
    return results


if __name__ == "__main__":
    main()
