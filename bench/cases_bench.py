"""certmerge benchmark for a team: many open cases and a big store, one shared mailbox.

    python bench/cases_bench.py                      # 1,000 open cases, 100,000 stored mails
    python bench/cases_bench.py --cases 200 --mails 10000 --runs 5   # a quick run

Builds a home with CASES open cases (most with a support case number, some still waiting for their first
support mail) and MAILS stored mails (a fifth of them the cases' own, the rest unrelated mail), written
straight through the store outside the timings. Then prints:

- routing: the time to decide which case a new mail belongs to (what the store looks up for it, by index,
  and the core's decision: lookup_for + Store.snapshot + route), per mail, median and p99, for mail found
  by its case number, by its thread (References only), by the accounts it names (a first acknowledgement),
  and unrelated mail; and the whole App.process of a new mail (parse, classify, route, commit) for context;
- `certmerge cases` (piped, in a fresh process) against its import floor: `python -c "import certmerge.cli"`
  and the same plus the modules `cases` needs (the app, the store with SQLAlchemy), in interleaved rounds.

Figures, not pass/fail: the targets (routing under 5 ms, `cases` under 1.3x its floor) are in the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.run import ms  # noqa: E402
from certmerge.app import App  # noqa: E402
from certmerge.config import load_settings  # noqa: E402
from certmerge.core.casefile import load_casefile  # noqa: E402
from certmerge.core.routing import lookup_for, route  # noqa: E402
from certmerge.sources.base import RawMail  # noqa: E402
from certmerge.store_cases import refresh_pending  # noqa: E402
from certmerge.store_schema import messages  # noqa: E402

T0 = dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc)
AR = "mx.corp.example; dkim=pass header.d=amazon.com; dmarc=pass header.from=amazon.com"
SUPPORT = "AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"
ACK = ("Hello,\n\nThank you for contacting AWS Training and Certification Support. This message confirms that we "
       "have received your inquiry. Your case ID is {cid}.\n\nOur team reviews requests in the order they are "
       "received.\n\nYour request:\nPlease merge {src} into {tgt}.\n")
INFO = ("Hello,\n\nTo continue, please reply with the following information:\n- the email address of each "
        "account\n- the certification account ID of each account\n\nCase ID: {cid}\n")


def casefile(n: int, sample):
    tgt = replace(sample.target, account_id=f"AWS{n:08d}", login_email=f"user{n}@corp.example",
                  training_email=f"user{n}@corp.example", certification_email=f"user{n}@corp.example")
    src = replace(sample.source, account_id=f"AWS{n + 5_000_000:08d}", login_email=f"user{n}@home.example",
                  training_email=f"user{n}@home.example", certification_email=f"user{n}.n@home.example")
    return replace(sample, user_name=f"Person {n}", target=tgt, source=src, vendor_case_id=None)


def case_id(n: int) -> str:
    return f"{170000000000000 + n}"


def build(home: Path, n_cases: int, n_mails: int, seed: int = 7) -> App:
    """The home: n_cases open cases (every 50th without a support case number yet) and n_mails stored mails."""
    app = App(load_settings(home), clock=lambda: T0 + dt.timedelta(days=3))
    sample = load_casefile(ROOT / "sample_mail" / "case.toml", today=dt.date(2026, 11, 2))
    cfs = [casefile(n, sample) for n in range(1, n_cases + 1)]
    app.import_cases([(f"case {i}", cf) for i, cf in enumerate(cfs, 1)])
    rng = random.Random(seed)
    with app.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE cases SET state = 'awaiting_support'")
        conn.exec_driver_sql(f"UPDATE cases SET vendor_case_id = '{case_id(0)}' || id WHERE id % 50 != 0")
        conn.exec_driver_sql("UPDATE cases SET vendor_case_id = substr(vendor_case_id, 1, 15) || id "
                             "WHERE vendor_case_id IS NOT NULL")
        rows = []
        for i in range(n_mails):
            owner = rng.randint(1, n_cases) if i % 5 == 0 else None
            asks = json.dumps({"items": ["account_id", "login_email"]}) if owner and i % 15 == 0 else None
            rows.append({"case_id": owner, "dedupe_key": f"<stored{i}@bench>", "message_id": f"<stored{i}@bench>",
                         "origin": f"INBOX/{i}", "subject": f"mail {i}", "sender": "someone@example.org",
                         "sender_name": "", "date": T0 + dt.timedelta(seconds=i), "processed_at": T0,
                         "kind": "info_request" if asks else "unrelated", "confidence": 0.9, "authenticity": "pass",
                         "auth_reason": "", "reasons": "[]", "vendor_case_id": None, "language": "en",
                         "needs_review": False, "effect": "", "in_reply_to": "", "refs": "", "text": "",
                         "direction": "in", "asks": asks})
            if len(rows) == 5000:
                conn.execute(messages.insert(), rows)
                rows = []
        if rows:
            conn.execute(messages.insert(), rows)
        refresh_pending(conn)  # written around the store: keep what it derives from each case's mail in step
    return app


def mail(subject: str, body: str, to: str = "aws-certs@corp.example", refs: str = "", n: int = 0) -> bytes:
    msg = EmailMessage()
    msg["Authentication-Results"] = AR
    msg["From"], msg["To"], msg["Subject"] = SUPPORT, to, subject
    msg["Date"] = "Thu, 5 Nov 2026 00:14:07 +0000"
    msg["Message-ID"] = f"<new{n}-{time.monotonic_ns()}@email.amazonses.com>"
    if refs:
        msg["In-Reply-To"] = msg["References"] = refs
    msg.set_content(body)
    return msg.as_bytes()


def new_mails(app: App, n_cases: int, per_kind: int, seed: int = 11) -> dict[str, list[bytes]]:
    rng = random.Random(seed)
    stored = [r[0] for r in app.store.engine.connect().exec_driver_sql(
        "SELECT message_id FROM messages WHERE case_id IS NOT NULL LIMIT 2000").all()]
    out: dict[str, list[bytes]] = {"by case ID": [], "by thread": [], "by accounts": [], "unrelated": []}
    for i in range(per_kind):
        n = rng.choice([k for k in range(1, n_cases + 1) if k % 50 != 0])
        cid = app.store.case(n)["vendor_case_id"]
        out["by case ID"].append(mail(f"RE: [CASE {cid}] account merge", INFO.format(cid=cid), n=i))
        out["by thread"].append(mail("RE: account merge", INFO.format(cid="-"), refs=rng.choice(stored), n=i))
        m = rng.choice([k for k in range(50, n_cases + 1, 50)])  # a case with no support case number yet
        out["by accounts"].append(mail(f"[CASE {case_id(900000 + i)}] received", ACK.format(
            cid=case_id(900000 + i), src=f"AWS{m + 5_000_000:08d}", tgt=f"AWS{m:08d}"), n=i))
        out["unrelated"].append(mail("lunch?", "See you on Friday.\n" * 20, to="user1@corp.example", n=i))
    return out


def routing_times(app: App, mails: dict[str, list[bytes]], rounds: int) -> dict[str, dict]:
    """Per kind of mail: the routing step's time (median, p99 ms) and where the mails went."""
    out = {}
    for name, datas in mails.items():
        parsed = [app.classify_raw(d) for d in datas]
        times, went = [], {}
        for _ in range(rounds):
            for m, c in parsed:
                t = time.perf_counter()
                snap = app.store.snapshot(m.dedupe_key, lookup_for(m, c, app.policy.vendors))
                r = route(snap.found)
                times.append(time.perf_counter() - t)
                key = "case" if r.case else ("review" if r.candidates else "no case")
                went[key] = went.get(key, 0) + 1
        times.sort()
        out[name] = {"median_ms": ms(statistics.median(times)), "p99_ms": ms(times[int(len(times) * 0.99) - 1]),
                     "n": len(times), "went": went}
    return out


def process_times(app: App, mails: dict[str, list[bytes]]) -> dict:
    times = []
    for name, datas in mails.items():
        for i, d in enumerate(datas):
            t = time.perf_counter()
            app.process(RawMail(f"bench/{name}/{i}", d))
            times.append(time.perf_counter() - t)
    times.sort()
    return {"median_ms": ms(statistics.median(times)), "p99_ms": ms(times[int(len(times) * 0.99) - 1]),
            "n": len(times)}


def command_times(home: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "CERTMERGE_HOME": str(home), "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "certmerge")], check=True)
    cmds = {"import certmerge.cli": [sys.executable, "-c", "import certmerge.cli"],
            "import cli + app + store": [sys.executable, "-c", "import certmerge.cli, certmerge.app, certmerge.store, "
                                         "certmerge.render_cases"],
            "certmerge cases": [sys.executable, "-m", "certmerge", "cases"],
            "certmerge cases --json": [sys.executable, "-m", "certmerge", "cases", "--json"]}
    got: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            got[name].append(time.perf_counter() - t)
            if r.returncode:
                raise SystemExit(f"{name} failed: {r.stderr[-400:]}")
    return {k: ms(statistics.median(v)) for k, v in got.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--mails", type=int, default=100_000)
    ap.add_argument("--per-kind", type=int, default=50, help="new mails of each kind to route")
    ap.add_argument("--rounds", type=int, default=4, help="times each new mail is routed")
    ap.add_argument("--runs", type=int, default=9, help="runs of each command")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t = time.perf_counter()
        app = build(home, args.cases, args.mails)
        print(f"built {args.cases} open cases and {args.mails} stored mails in {time.perf_counter() - t:.1f} s")
        mails = new_mails(app, args.cases, args.per_kind)
        print(f"\nrouting a new mail ({args.cases} cases, {app.store.count('messages')} stored mails), ms:")
        for name, r in routing_times(app, mails, args.rounds).items():
            print(f"  {name:<12} median {r['median_ms']:>6.3f}  p99 {r['p99_ms']:>6.3f}  (n={r['n']}, {r['went']})")
        whole = process_times(app, mails)
        print(f"  whole App.process (parse, classify, route, commit): median {whole['median_ms']:.3f}  "
              f"p99 {whole['p99_ms']:.3f}  (n={whole['n']})")
        app.close()
        times = command_times(home, args.runs)
        floor = times["import certmerge.cli"]
        print(f"\ncommands, median of {args.runs} runs in interleaved rounds, ms (ratio to `import certmerge.cli`, "
              f"to the imports `cases` needs):")
        for name, v in times.items():
            print(f"  {name:<26} {v:>8.1f}  {v / floor:5.2f}x  {v / times['import cli + app + store']:5.2f}x")


if __name__ == "__main__":
    main()
