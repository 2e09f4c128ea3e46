"""`certmerge status`: a short view that fits the terminal (the state, the next action with its deadline,
the last few mails) and the full one (every mail, the history), in the interface language. Only cli.py
imports this. On a terminal every line of the short view is cropped to its width; piped, nothing is.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.text import Text

from .core import labels
from .core.i18n import _, nt, t, when
from .core.storedtext import localize

_AUTH_STYLE = {"pass": "green", "unverified": "yellow", "fail": "bold red", "own": "cyan"}
SHORT_MAILS = 5  # the short view shows at most this many mails


def ago(delta: dt.timedelta) -> str:
    secs = max(int(delta.total_seconds()), 0)
    if secs < 3600:
        return t("{m} min", m=secs // 60)
    if secs < 86400:
        return t("{h} h", h=secs // 3600)
    return t("{d} d {h} h", d=secs // 86400, h=secs % 86400 // 3600)


def deadline_lines(case: dict, now: dt.datetime) -> list[tuple[str, str]]:
    """The reply-by and reopen-by dates; one that has passed stays, marked overdue."""
    out = []
    if case["deadline"]:
        text = t("{when}: support closes the case unless you reply", when=when(case["deadline"]))
        out.append((_("Deadline"), (_("OVERDUE: ") if case["deadline"] <= now else "") + text))
    if case.get("reopen_by"):
        text = t("{when}: support resolved the case; a reply reopens it", when=when(case["reopen_by"]))
        out.append((_("Reopen by"), (_("OVERDUE: ") if case["reopen_by"] <= now else "") + text))
    return out


def action_lines(nxt) -> list[str]:
    """The next action: its title (with its date), its detail, and the command to run for a draft."""
    head = nxt.title
    if nxt.wait_until and nxt.kind == "draft":
        head += " (" + (t("OVERDUE since {when}", when=when(nxt.wait_until)) if nxt.overdue
                        else t("reply by {when}", when=when(nxt.wait_until))) + ")"
    elif nxt.wait_until:
        head += " (" + t("expected by {when}", when=when(nxt.wait_until)) + ")"
    lines = [head]
    if nxt.detail:
        lines.append(nxt.detail)
    if nxt.draft_purpose:
        lines.append(t("run: certmerge draft (writes the {purpose} reply)", purpose=nxt.draft_purpose))
    return lines


def action_text(nxt) -> str:
    return " — ".join(action_lines(nxt))


def mail_kind(m: dict) -> str:
    if m["direction"] == "out":
        return labels.kind("your reply")
    return labels.kind(m["kind"]) + (" " + _("(needs review)") if m["needs_review"] else "")


def _line(console: Console, text: Text | str, style: str = "") -> None:
    """One line of the short view: cropped with an ellipsis on a terminal, whole when piped."""
    text = Text(text, style=style) if isinstance(text, str) else text
    if console.is_terminal:
        console.print(text, no_wrap=True, overflow="ellipsis", crop=True)
    else:
        console.print(text, soft_wrap=True)


def short(console: Console, cases: list[dict], quarantined: list, now: dt.datetime, asks_text) -> None:
    """The newest case in a screen: who, state, deadlines, what support asked, next action, latest mail."""
    if not cases:
        _line(console, _("No case yet. Run `certmerge init` (or `certmerge demo` to see one play out)."))
        return
    item = cases[-1]
    case, nxt = item["case"], item["next_action"]
    cf = case["casefile"]
    title = t("certmerge · case {id} · support case {vendor}", id=case["id"],
              vendor=case["vendor_case_id"] or _("not known yet"))
    _line(console, title, "bold")
    _line(console, t("Merge: {source} → {target} (kept)", source=cf["source"]["account_id"],
                     target=cf["target"]["account_id"]))
    _line(console, Text.assemble(_("State: "), (labels.state(case["state"]), "bold"),
                                 t(" for {ago}; waiting on {who}", ago=ago(item["waited"]), who=labels.who(nxt.on_whom))))
    for label, text in deadline_lines(case, now):
        _line(console, f"{label}: {text}", "red")
    if item.get("pending"):
        _line(console, t("Support asked: {what}", what=asks_text(item["pending"])))
    lines = action_lines(nxt)
    _line(console, Text.assemble((_("Next: "), "bold cyan"), (lines[0], "bold")))
    for extra in lines[1:]:
        _line(console, "  " + extra, "cyan")
    _mail_rows(console, item)
    others = cases[:-1]
    for other in others[-2:]:  # the newest others; all of them in --full
        _line(console, t("case {id}: {state}", id=other["case"]["id"], state=labels.state(other["case"]["state"])),
              "dim")
    if len(others) > 2:
        _line(console, nt("{n} older case: certmerge status --full", "{n} older cases: certmerge status --full",
                          len(others) - 2), "dim")
    if quarantined:
        _line(console, nt("{n} mail could not be read (kept in quarantine): certmerge status --full",
                          "{n} mails could not be read (kept in quarantine): certmerge status --full",
                          len(quarantined)), "yellow")


def _mail_rows(console: Console, item: dict) -> None:
    msgs = item["messages"][:SHORT_MAILS]
    total = item.get("messages_total", len(item["messages"]))
    if not msgs:
        _line(console, _("No mail yet."), "dim")
        return
    _line(console, "")
    head = t("Latest mail ({shown} of {total}; all of it and the history: certmerge status --full)",
             shown=len(msgs), total=total)
    _line(console, head, "bold")
    kinds = [mail_kind(m) for m in msgs]
    width = max(console.measure(Text(k)).maximum for k in kinds)
    for m, kind in zip(msgs, kinds):
        auth = labels.auth(m["authenticity"])
        row = Text.assemble((f"{m['id']:>3} ", "dim"), when(m["date"] or m["processed_at"], zone=False)[5:], "  ",
                            kind + " " * (width - console.measure(Text(kind)).maximum), "  ",
                            (auth, _AUTH_STYLE.get(m["authenticity"], "")), "  ", (m["subject"] or "", "italic"))
        _line(console, row)


def plain(cases: list[dict], quarantined: list, now: dt.datetime, asks_text) -> str:
    """Every fact of `status --full` as plain lines (for pipes and logs): all mail and the whole history."""
    if not cases:
        return _("No case yet. Run `certmerge init` (or `certmerge demo` to see one play out).")
    lines = []
    for item in cases:
        case, nxt, cf = item["case"], item["next_action"], item["case"]["casefile"]
        lines += [t("case {id} (support case {vendor}): {source} -> {target}", id=case["id"],
                    vendor=case["vendor_case_id"] or "-", source=cf["source"]["account_id"],
                    target=cf["target"]["account_id"]),
                  "  " + t("state: {state} for {ago}, waiting on {who}", state=labels.state(case["state"]),
                           ago=ago(item["waited"]), who=labels.who(nxt.on_whom))]
        lines += [f"  {label}: {text}" for label, text in deadline_lines(case, now)]
        if item.get("pending"):
            lines.append("  " + t("support asked: {what}", what=asks_text(item["pending"])))
        lines.append("  " + t("next: {action}", action=action_text(nxt)))
        for m in item["messages"]:
            lines.append("  " + t("mail {id}: {when} {kind} [{auth}] {subject}", id=m["id"],
                                  when=when(m["date"] or m["processed_at"]), kind=mail_kind(m),
                                  auth=labels.auth(m["authenticity"]), subject=m["subject"] or ""))
            lines.append(f"    {localize(m['effect'] or '')}")
            lines.append(f"    {labels.auth(m['authenticity'])}: {localize(m['auth_reason'] or '')}")
        for h in item["history"]:
            lines.append(f"  {when(h['at'])} {labels.event(h['type'])}: {history_text(h)}")
    if quarantined:
        lines.append(nt("{n} mail in quarantine:", "{n} mails in quarantine:", len(quarantined)))
        lines += [f"  {p.name}: {localize(reason)}" for p, reason in quarantined]
    return "\n".join(lines)


def history_text(h: dict) -> str:
    if h["type"] == "state":
        return f"{labels.state(h['from_state'])} → {labels.state(h['to_state'])} ({localize(h['detail'] or '')})"
    return localize(h["detail"] or "")
