"""certmerge benchmark for a team: two racing watchers on PostgreSQL end with the same database as one.

    python bench/race_bench.py                       # 1,000 open cases, 4 support mails each + 3,000 others
    python bench/race_bench.py --cases 100 --others 300   # a quick run

Starts its own Dovecot and PostgreSQL (tests/dovecot.py, tests/postgres.py), records CASES open cases (no
support case number yet) in a PostgreSQL database, and delivers into one shared mailbox, in batches, each
case's acknowledgement (found by the accounts it names; it gives the case its number), an information
request (by its number), a confirmation request (by its thread alone) and a completion notice, mixed with
everyday mail. Two
`certmerge watch` processes, each with its own home and IMAP connection, race for every batch (both are
stopped while it is delivered and go on together), and one of them is killed with SIGKILL and started
again after every batch. Then one undisturbed watcher processes the same mailbox into a fresh SQLite file.
Prints the time each took and whether the two databases hold the same cases, mails and history.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.cases_bench import casefile  # noqa: E402
from bench.run import compile_bytecode  # noqa: E402
from tests.dovecot import Dovecot  # noqa: E402
from tests.helpers import filler_mail  # noqa: E402
from tests.postgres import Postgres  # noqa: E402
from tests.test_race import Watcher, settle, stored, team_thread  # noqa: E402


def open_cases(home: Path, n_cases: int) -> None:
    import datetime as dt

    from certmerge.app import App
    from certmerge.config import load_settings
    from certmerge.core.casefile import load_casefile

    app = App(load_settings(home))
    try:
        sample = load_casefile(ROOT / "sample_mail" / "case.toml", today=dt.date(2026, 11, 2))
        app.import_cases([(f"case {n}", casefile(n, sample)) for n in range(1, n_cases + 1)])
        for n in range(1, n_cases + 1):
            app.submitted(app.case(n))
    finally:
        app.close()


def mailbox(n_cases: int, n_others: int, rng: random.Random) -> list[bytes]:
    """Each case's support mails in their order (tests/test_race.team_thread: the acknowledgement names the
    person's accounts, the information request and the completion notice carry the case number, a reply
    its thread alone), everyday mail between, at random."""
    threads = [[raw for _folder, raw in team_thread(n)] for n in range(1, n_cases + 1)]
    threads.append([filler_mail(i) for i in range(n_others)])
    out = []
    while any(threads):
        out.append(rng.choice([t for t in threads if t]).pop(0))
    return out


def race(server: Dovecot, pg: Postgres, workdir: Path, mails: list[bytes], n_cases: int, batch: int,
         rng: random.Random) -> tuple[str, float, int, str]:
    user = server.add_user()
    shared = pg.new_database()
    a, b = (Watcher(workdir, name, server, user, shared) for name in ("a", "b"))
    open_cases(a.home, n_cases)
    a.start()
    b.start()
    t = time.perf_counter()
    try:
        for start in range(0, len(mails), batch):
            a.pause(True)
            b.pause(True)
            for raw in mails[start:start + batch]:
                server.deliver(user, raw)
            a.pause(False)
            b.pause(False)
            time.sleep(rng.uniform(0.0, 1.0))
            victim = rng.choice((a, b))
            victim.kill9()
            victim.start()
        settle([a, b], shared, len(mails), timeout=3600)
        took = time.perf_counter() - t
    finally:
        a.stop()
        b.stop()
    return user, took, a.kills + b.kills, shared


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--others", type=int, default=3000, help="everyday mails mixed in")
    ap.add_argument("--batch", type=int, default=200, help="mails delivered between two kills")
    args = ap.parse_args(argv)
    rng = random.Random(15)
    workdir = Path(tempfile.mkdtemp(prefix="certmerge-race-"))
    server, pg = Dovecot(tls=False), Postgres()
    try:
        compile_bytecode()
        server.start()
        pg.start()
        mails = mailbox(args.cases, args.others, rng)
        user, raced_s, kills, shared = race(server, pg, workdir, mails, args.cases, args.batch, rng)
        one = Watcher(workdir, "one", server, user, f"sqlite:///{workdir / 'one' / 'certmerge.sqlite3'}")
        open_cases(one.home, args.cases)
        t = time.perf_counter()
        one.cli("watch", "--once")
        alone_s = time.perf_counter() - t
        raced, alone = stored(shared), stored(f"sqlite:///{one.home / 'certmerge.sqlite3'}")
    finally:
        server.close()
        pg.close()
        shutil.rmtree(workdir, ignore_errors=True)
    same = {part: raced[part] == alone[part] for part in ("cases", "messages", "events")}
    states: dict[str, int] = {}
    for c in alone["cases"]:
        states[c["state"]] = states.get(c["state"], 0) + 1
    print(f"{args.cases} cases, {len(mails)} mails in the shared mailbox ({len(mails) - args.others} support mails)")
    print(f"  two racing watchers on PostgreSQL, {kills} SIGKILLs: {raced_s:.1f} s (delivery included)")
    print(f"  one undisturbed watcher on SQLite (watch --once): {alone_s:.1f} s")
    print(f"  stored: {len(alone['messages'])} mails, {len(alone['events'])} history events; cases by state: {states}")
    print(f"  same final database: cases {same['cases']}, mails {same['messages']}, history {same['events']}")
    return {"same": same, "raced_s": raced_s, "alone_s": alone_s, "kills": kills, "states": states}


if __name__ == "__main__":
    main()
