"""Replay labelled support threads mail by mail, at each mail's own date, and score what certmerge concludes.

A thread is a folder (tests/threads/README.md gives the format): `case.toml`, an optional `answers.toml`
([answers], what the user tells `certmerge answer`), the mails `NN-*.eml` in the order they arrived (the
user's own replies among them, as found in Sent) and `expect.toml` (one [[mail]] per file: the state after
it, the deadline or reopen-by date it sets, whether the user must `accept` it, and, where a reply is due,
the facts the draft must hold and the claims it must not make).

Scored: states, deadlines, drafts due and their facts, false statements (a listed claim, or an account ID,
e-mail address or date that neither the case record, the answers nor the thread gives), threading headers
(both of Python's parsers read back the msg-ids; no encoded-word; no line over 998) and language. Each
thread runs in a fresh temporary home on SQLite, through the same App the CLI uses.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path

from .app import App
from .core.casefile import load_casefile
from .core.charsets import japanese_ratio
from .config import Settings
from .sources.base import RawMail

_AWS_ID = re.compile(r"\bAWS\d{5,12}\b")
_ADDR = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass
class Result:
    thread: str
    states: list[tuple[str, str, str]] = field(default_factory=list)  # (file, want, got)
    deadlines: list[tuple[str, str, str]] = field(default_factory=list)
    drafts: list[dict] = field(default_factory=list)  # one per expected draft: see _check_draft
    errors: list[str] = field(default_factory=list)


def _date_of(raw: bytes) -> dt.datetime:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    return parsedate_to_datetime(str(msg["Date"]))


def _local_date(when: dt.datetime | None, tz: dt.tzinfo) -> str:
    return when.astimezone(tz).date().isoformat() if when else "-"


def run_thread(folder: Path, home: Path) -> Result:
    expect = tomllib.loads((folder / "expect.toml").read_text(encoding="utf-8"))["mail"]
    answers_file = folder / "answers.toml"
    answers = tomllib.loads(answers_file.read_text(encoding="utf-8")).get("answers", {}) \
        if answers_file.is_file() else {}
    cf = load_casefile(folder / "case.toml", today=dt.date.max)
    res = Result(folder.name)
    raws = [(folder / e["file"]).read_bytes() for e in expect]
    now = [_date_of(raws[0]) - dt.timedelta(hours=1)]
    app = App(Settings(home=home), clock=lambda: now[0])
    try:
        case = app.init_case(cf)
        case = app.submitted(case)
        for key, value in answers.items():
            if hasattr(app, "answer"):  # (the evaluation also runs on versions without it)
                case = app.answer(case, key, value)
        seen = [(folder / "case.toml").read_text(encoding="utf-8"), str(answers)]
        for e, raw in zip(expect, raws):
            sent = _date_of(raw)
            now[0] = max(now[0], sent) + dt.timedelta(minutes=1)
            seen.append(raw.decode("utf-8", "replace") + _decoded(raw))
            _one_mail(app, res, folder, e, raw, sent, "\n".join(seen))
    finally:
        app.close()
    return res


def _decoded(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body = msg.get_body(("plain", "html"))
    try:
        return body.get_content() if body is not None else ""
    except (LookupError, ValueError):
        return ""


def _one_mail(app: App, res: Result, folder: Path, e: dict, raw: bytes, sent: dt.datetime, seen: str) -> None:
    outcome = app.process(RawMail(origin=str(folder / e["file"]), data=raw))
    case = app.case()
    if e.get("accept"):
        res.states.append((e["file"] + " (before accept)", e["state"], case["state"]))
        row = app.store.message(_message_ref(raw)) if outcome else None
        if row and hasattr(app, "accept"):
            try:
                app.accept(str(row["id"]))
            except Exception as exc:  # noqa: BLE001 - a refusal is a scored miss, not a crash of the evaluation
                res.errors.append(f"{e['file']}: accept refused: {exc}")
        case = app.case()
        res.states.append((e["file"], e.get("state_after_accept", e["state"]), case["state"]))
    else:
        res.states.append((e["file"], e["state"], case["state"]))
    for key, column in (("deadline", "deadline"), ("reopen_by", "reopen_by")):
        if key in e:
            res.deadlines.append((f"{e['file']} {key}", str(e[key]), _local_date(case.get(column), sent.tzinfo)))
    if "draft" in e:
        res.drafts.append(_check_draft(app, case, e, seen))


def _message_ref(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    found = _MSGID.search(str(msg["Message-ID"] or ""))
    return found.group(0) if found else ""


def _check_draft(app: App, case: dict, e: dict, seen: str) -> dict:
    want = e["draft"]
    out = {"file": e["file"], "due": False, "missing": [], "false": [], "headers_ok": False, "lang_ok": False,
           "placeholders": 0, "facts": len(want.get("must_contain", []))}
    try:
        _path, msg = app.draft(case)
    except Exception as exc:  # noqa: BLE001 - "no reply is due" is a scored miss
        out["missing"] = list(want.get("must_contain", []))
        out["error"] = str(exc)
        return out
    out["due"] = True
    data = msg.as_bytes()
    body = email.message_from_bytes(data, policy=email.policy.default).get_body(("plain",)).get_content()
    out["missing"] = [f for f in want.get("must_contain", []) if f not in body]
    out["false"] = [f"says {f!r}" for f in want.get("must_not_contain", []) if f in body]
    out["false"] += _unsupported(body, seen)
    out["headers_ok"] = _headers_ok(data, case)
    is_ja = japanese_ratio(body) >= 0.15
    out["lang_ok"] = is_ja == (want.get("lang", "en") == "ja")
    out["placeholders"] = body.count("[[certmerge:")
    out["purpose"] = str(msg["X-Certmerge-Purpose"])
    return out


def _unsupported(body: str, known: str) -> list[str]:
    """Account IDs, e-mail addresses and ISO dates in the draft that neither the case file, the answers nor
    the mail so far gives."""
    out = []
    for pattern, what in ((_AWS_ID, "account ID"), (_ADDR, "address"), (_ISO_DATE, "date")):
        for value in set(pattern.findall(body)):
            if value not in known:
                out.append(f"unsupported {what} {value}")
    return out


def _headers_ok(data: bytes, case: dict) -> bool:
    head = data.split(b"\n\n", 1)[0].decode("ascii", "replace")
    if any(len(line) > 998 for line in head.splitlines()):
        return False
    want = case["support_message_id"]
    for policy in (email.policy.compat32, email.policy.default):
        msg = email.message_from_bytes(data, policy=policy)
        for name in ("Message-ID", "In-Reply-To", "References"):
            value = str(msg[name] or "")
            if "=?" in value or not _MSGID.fullmatch(value.split()[0] if value.split() else ""):
                return False
        if want and (str(msg["In-Reply-To"]).strip() != want or want not in str(msg["References"]).split()):
            return False
    return True


@dataclass
class Totals:
    results: list[Result]

    def figures(self) -> dict[str, tuple[int, int]]:
        r = self.results
        states = [s for x in r for s in x.states]
        deadlines = [d for x in r for d in x.deadlines]
        drafts = [d for x in r for d in x.drafts]
        facts = sum(d["facts"] for d in drafts)
        return {
            "states right": (sum(w == g for _f, w, g in states), len(states)),
            "deadlines right": (sum(w == g for _f, w, g in deadlines), len(deadlines)),
            "drafts due when expected": (sum(d["due"] for d in drafts), len(drafts)),
            "asked facts in drafts": (facts - sum(len(d["missing"]) for d in drafts), facts),
            "drafts without a false statement": (sum(not d["false"] for d in drafts), len(drafts)),
            "valid threading headers": (sum(d["headers_ok"] for d in drafts if d["due"]), sum(d["due"] for d in drafts)),
            "drafts in the right language": (sum(d["lang_ok"] for d in drafts if d["due"]), sum(d["due"] for d in drafts)),
            "drafts without a placeholder left": (sum(not d["placeholders"] for d in drafts if d["due"]),
                                                  sum(d["due"] for d in drafts)),
        }


def evaluate_threads(root: Path) -> Totals:
    threads = sorted(p for p in root.iterdir() if (p / "expect.toml").is_file())
    results = []
    for folder in threads:
        with tempfile.TemporaryDirectory(prefix="certmerge-eval-") as home:
            results.append(run_thread(folder, Path(home)))
    return Totals(results)


def format_totals(totals: Totals, verbose: bool = True) -> str:
    lines = []
    for name, (ok, n) in totals.figures().items():
        lines.append(f"{name:36} {ok:3} / {n:3}")
    if verbose:
        for r in totals.results:
            for f, w, g in r.states + r.deadlines:
                if w != g:
                    lines.append(f"  {r.thread}/{f}: expected {w}, got {g}")
            for d in r.drafts:
                for problem in (["not due: " + d.get("error", "")] if not d["due"] else []) + \
                        [f"missing {m!r}" for m in d["missing"]] + d["false"] + \
                        ([] if d["headers_ok"] or not d["due"] else ["bad threading headers"]) + \
                        ([] if d["lang_ok"] or not d["due"] else ["wrong language"]) + \
                        ([f"{d['placeholders']} placeholder(s)"] if d["placeholders"] else []):
                    lines.append(f"  {r.thread}/{d['file']} draft ({d.get('purpose', '-')}): {problem}")
            lines += [f"  {r.thread}: {err}" for err in r.errors]
    return "\n".join(lines)
