"""A short run of the benchmark (1,000 messages, few repetitions), so that it cannot rot.
Figures are not judged here (timed tests flake); only that every measure is produced and sane."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import _need_dovecot
from tests.helpers import ROOT


def test_benchmark_smoke_run(tmp_path):
    _need_dovecot()
    out = tmp_path / "results.json"
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "1000", "--quick",
                        "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "idle poll median ms" in r.stdout and "IDLE latency" in r.stdout
    data = json.loads(out.read_text())
    size = data["sizes"]["1000"]
    assert size["idle_poll"]["median_ms"] > 0 and size["idle_poll"]["polls"] > 0  # interleaved rounds
    assert size["idle_poll_alone"]["polls"] > 0 and "rss_growth_kb" in size["idle_poll_alone"]
    scan = size["first_scan"]
    assert 0 < scan["bodies_fetched"] < scan["window"]  # only candidates' bodies
    # every command timed here and by Dovecot itself; the server's share cannot exceed what was seen here
    # (Dovecot reports whole milliseconds)
    assert [c[0] for c in scan["commands"]].count("FETCH") >= 2 and scan["server_s"] > 0
    assert scan["server_s"] <= scan["imap_s"] + 0.001 * len(scan["commands"])
    assert scan["moved_case"] >= 1
    assert size["watch_floor_s"] > 0 and size["status_floor_s"] > 0
    assert size["idle_latency"]["p95_ms"] < 10_000  # every mail was seen (10 s is the give-up value)
    assert data["classification"]["mails_per_second"] > 0 and data["classification"]["stdlib_parse_mails_per_second"] > 0
