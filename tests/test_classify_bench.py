"""The throughput benchmark (bench/classify_bench.py) runs; speed is measured there, not asserted here."""

from __future__ import annotations

import importlib.util

from tests.helpers import ROOT


def test_benchmark_smoke(capsys):
    spec = importlib.util.spec_from_file_location("classify_bench", ROOT / "bench" / "classify_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.main(["--count", "60", "--repeat", "1"])
    assert result["mails"] == 60 and result["rate"] > 0
    assert "mails/s per CPU-second on one core" in capsys.readouterr().out
