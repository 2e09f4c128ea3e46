"""Terminal views (rich). Only cli.py imports this. Plain text when output is not a terminal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

_AUTH_STYLE = {"pass": "green", "unverified": "yellow", "fail": "bold red", "own": "cyan"}


def _ago(delta: dt.timedelta) -> str:
    secs = int(delta.total_seconds())
    if secs < 3600:
        return f"{max(secs // 60, 0)} min"
    if secs < 86400:
        return f"{secs // 3600} h"
    return f"{secs // 86400} d {secs % 86400 // 3600} h"


def _when(t: dt.datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else "-"


def _why_auth(m: dict) -> str:
    """Why a stored mail got its authenticity verdict, in one line."""
    return f"{m['authenticity']}: {m['auth_reason'] or 'no reason recorded'}"


_NOISE = re.compile(r"^\s*((re|fw|fwd)\s*:\s*)+|\[AWS Training and Certification Form Submission\]\s*-?\s*"
                    r"|account-assistance", re.I)


def short_subject(subject: str | None, width: int = 60) -> str:
    """The part of a subject that differs between mails of one thread."""
    text = " ".join(_NOISE.sub(" ", subject or "").split()) or "(no subject)"
    return text if len(text) <= width else text[:width - 1] + "…"


def asks_text(asks: dict | None) -> str:
    """What a support mail asked, in one line ("" when nothing): facts, exact words, options, questions."""
    if not asks or not (asks.get("items") or asks.get("deadline") or asks.get("reopen_by")):
        return ""
    parts = []
    facts = [a for a in asks.get("items", []) if a not in ("phrase", "choice", "question")]
    if facts:
        parts.append(", ".join(a.replace("_", " ") for a in facts))
    if asks.get("phrase"):
        parts.append(f"reply with the exact words «{asks['phrase']}»")
    if asks.get("options"):
        parts.append("choose one of: " + "; ".join(f"{label}: {text}" for label, text in asks["options"]))
    for q in asks.get("questions", []):
        parts.append(f"question: {q}")
    if asks.get("deadline"):
        parts.append(f"reply by {asks['deadline'][:16].replace('T', ' ')} ({asks.get('deadline_text')})")
    if asks.get("reopen_by"):
        parts.append(f"resolved; a reply by {asks['reopen_by'][:16].replace('T', ' ')} reopens it")
    return " | ".join(parts)


def action_text(nxt) -> str:
    line = f"{nxt.title}"
    if nxt.detail:
        line += f" — {nxt.detail}"
    if nxt.wait_until and nxt.kind == "draft":
        line += f" ({'OVERDUE since' if nxt.overdue else 'reply by'} {_when(nxt.wait_until)} UTC)"
    elif nxt.wait_until:
        line += f" (expected by {_when(nxt.wait_until)} UTC)"
    if nxt.draft_purpose:
        line += f"  [run: certmerge draft  → {nxt.draft_purpose}]"
    return line


def outcomes(console: Console, items: Iterable) -> None:
    for o in items:
        if o.status == "quarantined":
            console.print(f"[red]quarantined[/] {o.origin}: {o.summary}")
            continue
        if o.status == "duplicate":
            console.print(f"[dim]skipped {o.origin}: already processed[/]")
            continue
        auth = _AUTH_STYLE.get(o.authenticity, "")
        console.print(Text.assemble(("• ", "bold"), (o.kind or "?", "bold"), " [", (o.authenticity, auth), "] ",
                                    (short_subject(o.subject, 90), "italic")))
        console.print(f"  {o.summary}", markup=False)
        if o.next_action is not None and o.case is not None:
            console.print(Text.assemble(("  next: ", "cyan"), action_text(o.next_action)))


def notices(console: Console, rows: list[dict]) -> None:
    """Notification events the watcher recorded (they also go to the configured channels)."""
    for row in rows:
        console.print(Text.assemble(("» ", "bold magenta"), (row["title"], "bold")))
        for line in row["body"].splitlines():
            console.print(f"  {line}", markup=False, highlight=False)


def status(console: Console, cases: list[dict], quarantined: list, now: dt.datetime) -> None:
    if not cases:
        console.print("No case yet. Run `certmerge init` (or `certmerge demo` to see one play out).")
        return
    for item in cases:
        _case(console, item, now)
    if quarantined:
        console.print(f"[yellow]{len(quarantined)} mail(s) could not be read and are kept in quarantine:[/]")
        for path, reason in quarantined[-5:]:
            console.print(f"  {path.name}: {reason}", markup=False)


def _case(console: Console, item: dict, now: dt.datetime) -> None:
    case, nxt = item["case"], item["next_action"]
    cf = case["casefile"]
    head = Table.grid(padding=(0, 2))
    head.add_row("Case", f"{case['id']}  (support case {case['vendor_case_id'] or 'not known yet'})")
    head.add_row("Merge", f"{cf['source']['account_id']} → {cf['target']['account_id']} (kept)")
    head.add_row("State", f"[bold]{case['state']}[/] for {_ago(item['waited'])}")
    head.add_row("Waiting on", nxt.on_whom)
    for label, text in _deadline_lines(case, now):
        head.add_row(f"[red]{label}[/]", Text(text, style="red"))
    if item.get("pending"):
        head.add_row("Support asked", Text(asks_text(item["pending"])))
    head.add_row("[cyan]Next[/]", Text(action_text(nxt)))
    msgs = Table(title="Latest mail", show_lines=False, expand=False)
    for col in ("#", "date", "kind", "auth", "subject / effect"):
        msgs.add_column(col, overflow="fold")
    for m in item["messages"]:
        kind = m["kind"] + (" (needs review)" if m["needs_review"] else "")
        if m["direction"] == "out":
            kind = "your reply"
        msgs.add_row(str(m["id"]), _when(m["date"] or m["processed_at"])[5:], kind,
                     Text(m["authenticity"], style=_AUTH_STYLE.get(m["authenticity"], "")),
                     Text(f"{short_subject(m['subject'])}\n{m['effect'] or ''}\n{_why_auth(m)}"))
    hist = Table(title="History", expand=False)
    hist.add_column("when")
    hist.add_column("what", overflow="fold")
    for h in item["history"][-12:]:
        what = h["detail"] or ""
        if h["type"] == "state":
            what = f"{h['from_state']} → {h['to_state']} ({what})"
        style = "red" if h["type"] == "warning" else ("bold" if h["type"] == "state" else "")
        hist.add_row(_when(h["at"]), Text(what, style=style))
    console.print(Panel(head, title=f"certmerge · case {case['id']}", expand=False))
    console.print(msgs)
    console.print(hist)


def _deadline_lines(case: dict, now: dt.datetime) -> list[tuple[str, str]]:
    """The reply-by and reopen-by dates; one that has passed stays, marked overdue."""
    out = []
    if case["deadline"]:
        late = "OVERDUE: " if case["deadline"] <= now else ""
        out.append(("Deadline", f"{late}{_when(case['deadline'])} UTC: support closes the case unless you reply"))
    if case.get("reopen_by"):
        late = "OVERDUE: " if case["reopen_by"] <= now else ""
        out.append(("Reopen by", f"{late}{_when(case['reopen_by'])} UTC: support resolved the case; a reply reopens it"))
    return out


def status_plain(cases: list[dict], quarantined: list, now: dt.datetime) -> str:
    """The same facts as `status`, as plain lines (for pipes and logs)."""
    if not cases:
        return "No case yet. Run `certmerge init` (or `certmerge demo`)."
    lines = []
    for item in cases:
        case, nxt, cf = item["case"], item["next_action"], item["case"]["casefile"]
        lines += [f"case {case['id']} (support case {case['vendor_case_id'] or '-'}): "
                  f"{cf['source']['account_id']} -> {cf['target']['account_id']}",
                  f"  state: {case['state']} for {_ago(item['waited'])}, waiting on {nxt.on_whom}"]
        lines += [f"  {label.upper()}: {text}" for label, text in _deadline_lines(case, now)]
        if item.get("pending"):
            lines.append(f"  support asked: {asks_text(item['pending'])}")
        lines.append(f"  next: {action_text(nxt)}")
        for m in item["messages"]:
            flag = " NEEDS REVIEW" if m["needs_review"] else ""
            kind = "your reply" if m["direction"] == "out" else m["kind"]
            lines.append(f"  mail {m['id']}: {_when(m['date'] or m['processed_at'])} {kind} [{m['authenticity']}]"
                         f"{flag} {(m['subject'] or '')[:70]}")
            lines.append(f"    {_why_auth(m)}")
        for h in item["history"][-12:]:
            what = f"{h['from_state']} -> {h['to_state']}" if h["type"] == "state" else h["detail"]
            lines.append(f"  {_when(h['at'])} {h['type']}: {what}")
    if quarantined:
        lines.append(f"{len(quarantined)} mail(s) in quarantine: " + ", ".join(p.name for p, _ in quarantined[-5:]))
    return "\n".join(lines)


def steps(console: Console, title: str, rows: list[tuple[str, str]], text: str | None = None) -> None:
    table = Table(title=title, show_header=False, expand=False)
    table.add_column("#", justify="right")
    table.add_column("do")
    table.add_column("enter / choose", overflow="fold")
    for i, (what, value) in enumerate(rows, 1):
        table.add_row(str(i), what, Text(value))
    console.print(table)
    if text:
        console.print(Panel(Text(text), title='Text for "How can we help?"', expand=False))


def classify_table(console: Console, reports: list[dict]) -> None:
    table = Table(expand=False)
    for col in ("file", "kind", "conf", "auth", "case", "lang"):
        table.add_column(col, overflow="fold")
    for r in reports:
        if "error" in r:
            table.add_row(r["file"], Text(f"error: {r['error']}", style="red"), "", "", "", "")
            continue
        table.add_row(r["file"], r["kind"] + (" ?" if r["needs_review"] else ""), f"{r['confidence']:.2f}",
                      Text(r["authenticity"], style=_AUTH_STYLE.get(r["authenticity"], "")), r["case_id"] or "-",
                      r["language"])
    console.print(table)


def explain(console: Console, info: dict) -> None:
    console.print(f"[bold]{info['kind']}[/] (confidence {info['confidence']:.2f}), authenticity "
                  f"[{_AUTH_STYLE.get(info['authenticity'], '')}]{info['authenticity']}[/]: {info['auth_reason']}")
    console.print(f"case ID: {info.get('case_id') or '-'}   language: {info.get('language')}")
    asked = asks_text(info.get("asks"))
    console.print(f"asks: {asked or 'nothing'}", markup=False)
    table = Table(title="Rules that fired", expand=False)
    for col in ("rule", "on", "text", "weight"):
        table.add_column(col, overflow="fold")
    for rule, field, text, weight in info["reasons"]:
        table.add_row(rule, field, Text(text), f"{weight:+g}")
    console.print(table)
    for key in ("defects", "attachments"):
        if info.get(key):
            console.print(f"{key}: {', '.join(map(str, info[key]))}", markup=False)
    if info.get("text"):
        console.print(Panel(Text(info["text"][:1500]), title="The new text that was read", expand=False))
