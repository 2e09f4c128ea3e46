"""`certmerge demo` (a command of the CLI, so it renders with rich): a whole case played from the bundled
sample mail, offline, in a temporary home.

The sample mails are copied one at a time into a folder that a real FolderSource watches, so the demo
runs the same code as `certmerge watch --source`. The demo's clock follows the mails' dates, and a
scripted user answers where a real one would (drafts sent, portal checks recorded).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule

from . import render
from .app import App, VerifyAnswers
from .core.casefile import load_casefile
from .config import load_settings
from .core.errors import UserError
from .core.i18n import _, t
from .core.parse import parse_bytes
from .sources.folder import FolderSource


def sample_dir() -> Path:
    """The bundled sample mail: inside the installed package, or beside src/ in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample_mail", here.parent.parent / "sample_mail"):
        if (candidate / "case.toml").is_file():
            return candidate
    raise UserError("the bundled sample mail is missing", "reinstall certmerge (pip install .)")


class _Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance_to(self, t: dt.datetime | None, minutes: int = 1) -> None:
        t = (t or self.now) + dt.timedelta(minutes=minutes)
        self.now = max(self.now, t)


# what the scripted user does after a mail (by the file's number)
_USER_SCRIPT = {
    "04": [("draft", None), ("sent", None)],
    "07": [("draft", None), ("sent", None)],
    "09": [("verify", VerifyAnswers(credly_ok=False)), ("draft", None), ("sent", None)],
    "13": [("verify", VerifyAnswers())],
}


def _user_step(con: Console, app: App, clock: _Clock, what: str, arg) -> None:
    clock.advance_to(None, minutes=90)
    case = app.case()
    if what == "draft":
        path, msg = app.draft(case)
        body = msg.get_content().strip().splitlines()
        preview = "\n".join([f"To: {msg['To']}", f"Subject: {msg['Subject']}", f"In-Reply-To: {msg['In-Reply-To']}",
                             "", *body[:12], "…" if len(body) > 12 else ""])
        con.print(Panel(preview, title=f"you: draft {path.name}", expand=False))
    elif what == "sent":
        case = app.sent(case)
        con.print(t("[green]you:[/] sent the reply → state [bold]{state}[/]", state=case['state']))
    elif what == "verify":
        case = app.verify(case, arg)
        checks = "all moved" if arg.credly_ok else "certifications and voucher moved, Credly badges did not"
        con.print(t("[green]you:[/] checked the portal ({checks}) → state [bold]{state}[/]", checks=checks, state=case['state']))
    con.print(t("  next: {action_text}", action_text=render.action_text(app.next_action(case))), markup=False, style="cyan")


def run_demo(con: Console, keep: bool = False, pause: float = 0.0) -> Path:
    """The whole case on the sample mail, in a temporary home (kept with `keep`): the case is opened, each
    mail arrives at its own date with the user's steps after it, then the final status."""
    samples = sample_dir()
    home = Path(tempfile.mkdtemp(prefix="certmerge-demo-"))
    inbox = home / "inbox"
    inbox.mkdir()
    clock = _Clock(dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.timezone.utc))
    app = App(load_settings(home), clock=clock)
    try:
        con.print(Rule(_("certmerge demo: merging AWS01357913 into AWS02468135")))
        _open_case(con, app, samples)
        source = FolderSource(inbox)
        for mail_file in sorted(samples.glob("*.eml")):
            _deliver(con, app, clock, source, mail_file)
            if pause:
                time.sleep(pause)
        _finish(con, app, clock)
        if keep:
            con.print(t("The demo home is kept at {home} (try: certmerge --home {home} status)", home=home))
        return home
    finally:
        app.close()
        if not keep:
            shutil.rmtree(home, ignore_errors=True)


def _open_case(con: Console, app: App, samples: Path) -> None:
    """`init` from the sample case file, then `submitted`."""
    cf = load_casefile(samples / "case.toml", today=dt.date(2026, 11, 2))
    case = app.init_case(cf)
    con.print(t("[bold]init[/]: case recorded, route = {route} (both accounts hold certifications)", route=cf.route))
    con.print(_("[bold]form[/]: `certmerge form` shows what to enter on the support page; the user submits it"))
    case = app.submitted(case)
    con.print(t("[bold]submitted[/] → state [bold]{state}[/]", state=case['state']))


def _deliver(con: Console, app: App, clock: "_Clock", source: FolderSource, mail_file: Path) -> None:
    """One sample mail arrives at its date (the clock moves there) and is processed; the user's steps follow."""
    try:
        when = parse_bytes(mail_file.read_bytes()).date
    except Exception:  # noqa: BLE001 - a broken sample mail is still replayed (and quarantined)
        when = None
    clock.advance_to(when)
    shutil.copy2(mail_file, source.path / mail_file.name)
    con.print(Rule(t("{now:%Y-%m-%d %H:%M} UTC · new mail {name}", now=clock.now, name=mail_file.name), style="dim"))
    render.outcomes(con, app.poll_once(source))
    for what, arg in _USER_SCRIPT.get(mail_file.name[:2], []):
        _user_step(con, app, clock, what, arg)


def _finish(con: Console, app: App, clock: "_Clock") -> None:
    """The final status, the drafts written and the state the case ended in."""
    con.print(Rule(_("final status")))
    render.status_full(con, app.status(), app.quarantined(), clock())
    final = app.case()["state"]
    con.print(t("Drafts written: {join}", join=', '.join(sorted(p.name for p in app.settings.drafts_dir.glob('*.eml')))))
    con.print(t("Demo finished: the case is [bold]{final}[/].", final=final))
