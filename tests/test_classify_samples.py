"""The classifier on the bundled sample mail (issue: core). The labeled corpus has its own tests."""

from __future__ import annotations

from certmerge.evaluate import evaluate, format_report
from tests.helpers import SAMPLES


def test_sample_mail_accuracy_at_least_95_percent():
    report = evaluate(SAMPLES)
    print(format_report(report, "sample_mail"))
    assert len(report.rows) >= 14
    assert report.accuracy("kind") >= 0.95, format_report(report, "sample_mail")
    assert report.accuracy("authenticity") == 1.0
    assert report.accuracy("case_id") >= 0.95
    assert report.accuracy("language") == 1.0


def test_sample_mail_covers_every_kind_and_both_languages():
    report = evaluate(SAMPLES)
    assert {r["want_kind"] for r in report.rows} == {
        "acknowledgement", "ai_auto_answer", "info_request", "confirmation_request", "completion_notice",
        "credly_followup", "survey", "auto_close_warning", "unrelated"}
    assert {r["want_language"] for r in report.rows} == {"en", "ja"}
    assert "fail" in {r["want_authenticity"] for r in report.rows}
