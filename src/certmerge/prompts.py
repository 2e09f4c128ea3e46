"""Interactive questions for `init` and `verify`. Each answer is checked as it is typed."""

from __future__ import annotations

from .core.i18n import _, t

import datetime as dt

import typer

from .app import VerifyAnswers
from .core.casefile import ACCOUNT_ID_RE, EMAIL_RE, parse_casefile
from .core.model import CaseFile


def _ask(question: str, check=None, default: str | None = None, problem: str = "") -> str:
    while True:
        value = typer.prompt(question, default=default, show_default=default is not None).strip()
        if check is None or check(value):
            return value
        typer.echo(f"  {problem}", err=True)


def _date_ok(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _account(label: str) -> dict:
    typer.echo(f"\n{label}")
    acc = {"account_id": _ask(_("  Certification account ID (AWS + digits)"), lambda v: bool(ACCOUNT_ID_RE.match(v.upper())),
                              problem=_("expected 'AWS' followed by digits, e.g. AWS01234567")).upper()}
    for key, q in (("login_email", "Login email"), ("training_email", "aws.training notification email"),
                   ("certification_email", "Certification notification email")):
        acc[key] = _ask(f"  {q}", lambda v: bool(EMAIL_RE.match(v)), acc.get("login_email"),
                        _("expected an email address like name@example.com"))
    acc["certifications"] = []
    while typer.confirm(_("  Add a certification held by this account?"), default=not acc["certifications"]):
        acc["certifications"].append({
            "name": _ask(_("    Name (e.g. AWS Certified Solutions Architect - Associate)")),
            "passed": _ask(_("    Pass date (YYYY-MM-DD)"), _date_ok, problem=_("expected a date like 2025-03-15")),
            "expires": _ask(_("    Expiry date (YYYY-MM-DD)"), _date_ok, problem=_("expected a date like 2028-03-15"))})
    acc["benefits"] = []
    while typer.confirm(_("  Add a leftover benefit (e.g. an exam voucher for 50%)?"), default=False):
        acc["benefits"].append({"name": _ask(_("    Benefit")),
                                "expires": _ask(_("    Expiry date (YYYY-MM-DD)"), _date_ok,
                                                problem=_("expected a date like 2027-06-10"))})
    return acc


def prompt_casefile() -> CaseFile:
    typer.echo(_("Tell certmerge about the two accounts (Ctrl-C to stop; nothing is saved until the end)."))
    data = {
        "user": {"name": _ask(_("Your name")), "company": _ask(_("Company"), default="")},
        "language": _ask(_("Language of the correspondence (en/ja)"), lambda v: v in ("en", "ja"), "en",
                         _("expected en or ja")),
        "target": _account("The account you KEEP (target):"),
        "source": _account("The account to merge INTO it (source):"),
        "reason": _ask(_("\nWhy merge (one sentence for support)")),
        "support": {},
    }
    return parse_casefile(data, "your answers")


def prompt_verify(cf: CaseFile) -> VerifyAnswers:
    kept = cf.target.account_id
    typer.echo(t("Sign in to aws.training and the certification portal as {account} and check:", account=kept))
    certs = tuple(c.name for c in cf.source.certifications
                  if not typer.confirm(t("  Does '{name}' show under {account}?", name=c.name, account=kept), default=True))
    benefits = tuple(b.name for b in cf.source.benefits
                     if not typer.confirm(t("  Does the benefit '{name}' show under {account}?", name=b.name, account=kept), default=True))
    credly = typer.confirm(t("  Do the Credly badges show for {certification_email}?", certification_email=cf.target.certification_email), default=False)
    return VerifyAnswers(certs, benefits, credly)
