"""Terminal views (rich). Only cli.py (and the demo) import this. Plain text when output is not a terminal.
The short and plain status views are in render_status.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .core import labels
from .core.i18n import _, nt, t, when
from .render_status import _AUTH_STYLE, action_text, ago, deadline_lines, history_text, mail_kind
from .core.storedtext import localize

__all__ = ["action_text", "asks_text", "outcomes", "OutcomeReport", "status_full", "form", "draft",
           "classify_table", "explain", "short_subject"]

_NOISE = re.compile(r"^\s*((re|fw|fwd)\s*:\s*)+|\[AWS Training and Certification Form Submission\]\s*-?\s*"
                    r"|account-assistance", re.I)


def short_subject(subject: str | None, width: int = 60) -> str:
    """The part of a subject that differs between mails of one thread."""
    text = " ".join(_NOISE.sub(" ", subject or "").split()) or _("(no subject)")
    return text if len(text) <= width else text[:width - 1] + "…"


def asks_text(asks: dict | None) -> str:
    """What a support mail asked, in one line ("" when nothing): facts, exact words, options, questions."""
    if not asks or not (asks.get("items") or asks.get("deadline") or asks.get("reopen_by")):
        return ""
    parts = []
    facts = [a for a in asks.get("items", []) if a not in ("phrase", "choice", "question")]
    if facts:
        parts.append(", ".join(labels.ask(a) for a in facts))
    if asks.get("phrase"):
        parts.append(t("reply with the exact words «{phrase}»", phrase=asks["phrase"]))
    if asks.get("options"):
        parts.append(t("choose one of: {options}",
                       options="; ".join(f"{label}: {text}" for label, text in asks["options"])))
    for q in asks.get("questions", []):
        parts.append(t("question: {question}", question=q))
    if asks.get("deadline"):
        parts.append(t("reply by {when} ({words})", when=when(_iso(asks["deadline"])), words=asks.get("deadline_text")))
    if asks.get("reopen_by"):
        parts.append(t("resolved; a reply by {when} reopens it", when=when(_iso(asks["reopen_by"]))))
    return " | ".join(parts)


def _iso(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


# --- watch -----------------------------------------------------------------------------------------------
class OutcomeReport:
    """What `watch` prints: each mail that matters (with the next action), while duplicates and unrelated
    mail are counted and told in one line at the end of each sync (`end_sync`), with the source's scan."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.quiet = {"duplicate": 0, "unrelated": 0}

    def __call__(self, items: Iterable) -> None:
        for o in items:
            if o.status == "duplicate":
                self.quiet["duplicate"] += 1
            elif o.status == "processed" and o.case is None and o.kind == "unrelated":
                self.quiet["unrelated"] += 1
            else:
                outcomes(self.console, [o])

    def end_sync(self, scan: dict | None = None) -> None:
        parts = []
        if scan and scan.get("skipped"):
            parts.append(nt("{n} file was not support mail (its headers were enough)",
                            "{n} files were not support mail (their headers were enough)", scan["skipped"]))
        if self.quiet["unrelated"]:
            parts.append(nt("{n} unrelated mail recorded", "{n} unrelated mails recorded", self.quiet["unrelated"]))
        if self.quiet["duplicate"]:
            parts.append(nt("{n} already processed", "{n} already processed", self.quiet["duplicate"]))
        if parts:
            head = t("{source}: ", source=scan["name"]) if scan and scan.get("name") else ""
            self.console.print(Text(head + "; ".join(parts), style="dim"), soft_wrap=True)
        self.quiet = {"duplicate": 0, "unrelated": 0}


def outcomes(console: Console, items: Iterable) -> None:
    for o in items:
        if o.status == "quarantined":
            console.print(Text.assemble((_("quarantined") + " ", "red"), f"{o.origin}: {localize(o.summary)}"))
            continue
        if o.status == "duplicate":
            console.print(Text(t("skipped {origin}: already processed", origin=o.origin), style="dim"))
            continue
        auth = _AUTH_STYLE.get(o.authenticity, "")
        kind = labels.kind(o.kind) if o.kind else "?"
        console.print(Text.assemble(("• ", "bold"), (kind, "bold"), " [", (labels.auth(o.authenticity), auth), "] ",
                                    (short_subject(o.subject, 90), "italic")))
        console.print(Text("  " + localize(o.summary)))
        if o.next_action is not None and o.case is not None:
            console.print(Text.assemble(("  " + _("next: "), "cyan"), action_text(o.next_action)))


def notices(console: Console, rows: list[dict]) -> None:
    """Notification events the watcher recorded that no mail caused (a timer, the mailbox out of reach): the
    report already told each mail's. They also go to the configured channels (`watch --json` prints all)."""
    for row in rows:
        if row.get("message_ref") is not None:
            continue
        console.print(Text.assemble(("» ", "bold magenta"), (row["title"], "bold")))
        for line in row["body"].splitlines():
            console.print(f"  {line}", markup=False, highlight=False)


# --- status --full ---------------------------------------------------------------------------------------
def status_full(console: Console, cases: list[dict], quarantined: list, now: dt.datetime) -> None:
    if not cases:
        console.print(_("No case yet. Run `certmerge init` (or `certmerge demo` to see one play out)."),
                      markup=False)
        return
    for item in cases:
        _case(console, item, now)
    if quarantined:
        console.print(Text(nt("{n} mail could not be read and is kept in quarantine:",
                              "{n} mails could not be read and are kept in quarantine:", len(quarantined)),
                           style="yellow"))
        for path, reason in quarantined:
            console.print(Text(f"  {path.name}: {localize(reason)}"))


def _case(console: Console, item: dict, now: dt.datetime) -> None:
    case, nxt = item["case"], item["next_action"]
    cf = case["casefile"]
    head = Table.grid(padding=(0, 2))
    head.add_row(_("Case"), t("{id}  (support case {vendor})", id=case["id"],
                              vendor=case["vendor_case_id"] or _("not known yet")))
    head.add_row(_("Merge"), t("{source} → {target} (kept)", source=cf["source"]["account_id"],
                               target=cf["target"]["account_id"]))
    head.add_row(_("State"), Text.assemble((labels.state(case["state"]), "bold"), " ",
                                           t("for {ago}", ago=ago(item["waited"]))))
    head.add_row(_("Waiting on"), labels.who(nxt.on_whom))
    for label, text in deadline_lines(case, now):
        head.add_row(Text(label, style="red"), Text(text, style="red"))
    if item.get("pending"):
        head.add_row(_("Support asked"), Text(asks_text(item["pending"])))
    head.add_row(Text(_("Next"), style="cyan"), Text(action_text(nxt)))
    console.print(Panel(head, title=t("certmerge · case {id}", id=case["id"]), expand=False))
    msgs = Table(title=_("Mail"), show_lines=False, expand=False)
    for col in (_("#"), _("date"), _("kind"), _("auth"), _("subject / effect")):
        msgs.add_column(col, overflow="fold")
    for m in item["messages"]:
        msgs.add_row(str(m["id"]), when(m["date"] or m["processed_at"]), mail_kind(m),
                     Text(labels.auth(m["authenticity"]), style=_AUTH_STYLE.get(m["authenticity"], "")),
                     Text(f"{short_subject(m['subject'])}\n{localize(m['effect'] or '')}\n"
                          f"{labels.auth(m['authenticity'])}: {localize(m['auth_reason'] or '')}"))
    console.print(msgs)
    hist = Table(title=_("History"), expand=False)
    hist.add_column(_("when"))
    hist.add_column(_("what"), overflow="fold")
    for h in item["history"]:
        style = "red" if h["type"] == "warning" else ("bold" if h["type"] == "state" else "")
        hist.add_row(when(h["at"]), Text(history_text(h), style=style))
    console.print(hist)


# --- texts to paste or send: never in a table, never cropped ------------------------------------------------
def form(console: Console, title: str, rows: list[tuple[str, str]]) -> None:
    """Numbered steps, each on its own line(s): the value whole (the terminal may wrap it, nothing else does)."""
    console.print(Text(title, style="bold"), soft_wrap=True)
    for i, (what, value) in enumerate(rows, 1):
        console.print(Text.assemble(f"{i:>2}. ", (what, "bold"), ": ", value), soft_wrap=True)


def draft(console: Console, msg) -> None:
    """A draft as a person reads it: its headers decoded, then its body as text (not MIME)."""
    for name in ("From", "To", "Cc", "Subject", "In-Reply-To", "References"):
        if msg[name]:
            console.print(Text.assemble((f"{name}: ", "bold"), " ".join(str(msg[name]).split())), soft_wrap=True)
    console.print()
    body = msg.get_body(("plain",)) if msg.is_multipart() else msg
    console.print(Text(body.get_content()), soft_wrap=True)


# --- classify / explain ----------------------------------------------------------------------------------------
def classify_table(console: Console, reports: list[dict]) -> None:
    table = Table(expand=False)
    for col in (_("file"), _("kind"), _("conf"), _("auth"), _("case"), _("lang")):
        table.add_column(col, overflow="fold")
    for r in reports:
        if "error" in r:
            table.add_row(r["file"], Text(t("error: {error}", error=r["error"]), style="red"), "", "", "", "")
            continue
        table.add_row(r["file"], labels.kind(r["kind"]) + (" ?" if r["needs_review"] else ""), f"{r['confidence']:.2f}",
                      Text(labels.auth(r["authenticity"]), style=_AUTH_STYLE.get(r["authenticity"], "")),
                      r["case_id"] or "-", r["language"])
    console.print(table)


def explain(console: Console, info: dict) -> None:
    auth = info["authenticity"]
    console.print(Text.assemble((labels.kind(info["kind"]), "bold"), " ",
                                t("(confidence {confidence:.2f}), authenticity ", confidence=info["confidence"]),
                                (labels.auth(auth), _AUTH_STYLE.get(auth, "")), ": ", localize(info["auth_reason"])))
    console.print(t("case ID: {case}   language: {lang}", case=info.get("case_id") or "-", lang=info.get("language")),
                  markup=False)
    console.print(t("asks: {what}", what=asks_text(info.get("asks")) or _("nothing")), markup=False)
    table = Table(title=_("Rules that fired"), expand=False)
    for col in (_("rule"), _("on"), _("text"), _("weight")):
        table.add_column(col, overflow="fold")
    for rule, field, text, weight in info["reasons"]:
        table.add_row(rule, field, Text(text), f"{weight:+g}")
    console.print(table)
    for key, label in (("defects", _("defects")), ("attachments", _("attachments"))):
        if info.get(key):
            console.print(f"{label}: {', '.join(map(str, info[key]))}", markup=False)
    if info.get("text"):
        console.print(Panel(Text(info["text"][:1500]), title=_("The new text that was read"), expand=False))
