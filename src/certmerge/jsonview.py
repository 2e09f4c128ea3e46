"""`status --json`: a stable, documented shape (field names are part of the interface; README lists them).

SCHEMA counts changes that could break a reader: a field removed, renamed or changing meaning. New fields
may appear within a schema. Nothing is cut silently: every mail and every history event is listed unless
`--limit N` asked for the newest N mails, and then "messages_total" and "messages_truncated" say so.
"""

from __future__ import annotations

import datetime as dt

SCHEMA = 1


def _iso(t: dt.datetime | None) -> str | None:
    return t.isoformat() if t else None


def _message(m: dict) -> dict:
    return {"id": m["id"], "message_id": m["message_id"], "date": _iso(m["date"]),
            "processed_at": _iso(m["processed_at"]), "subject": m["subject"], "from": m["sender"], "kind": m["kind"],
            "confidence": m["confidence"], "authenticity": m["authenticity"], "auth_reason": m["auth_reason"],
            "needs_review": bool(m["needs_review"]), "direction": m["direction"], "effect": m["effect"],
            "case_id": m["vendor_case_id"], "language": m["language"], "asks": m["asks"]}


def _case(item: dict) -> dict:
    case = item["case"]
    total = item.get("messages_total", len(item["messages"]))
    return {
        "id": case["id"],
        "case_id": case["vendor_case_id"],
        "language": case["language"],
        "state": case["state"],
        "state_since": _iso(case["state_since"]),
        "created_at": _iso(case["created_at"]),
        "waiting_seconds": int(item["waited"].total_seconds()),
        "waiting_on": item["next_action"].on_whom,
        "deadline": _iso(case["deadline"]),
        "reopen_by": _iso(case["reopen_by"]),
        "last_support_mail_at": _iso(case["last_support_mail_at"]),
        "last_reply_sent_at": _iso(case["last_reply_sent_at"]),
        "missing_items": list(case["missing_items"] or []),
        "support_asked": item["pending"],
        "support_address": case["support_address"],
        "target": case["casefile"]["target"]["account_id"],
        "source": case["casefile"]["source"]["account_id"],
        "next_action": item["next_action"].as_dict(),
        "messages_total": total,
        "messages_truncated": len(item["messages"]) < total,
        "messages": [_message(m) for m in item["messages"]],
        "history": [{"at": _iso(h["at"]), "type": h["type"], "from_state": h["from_state"],
                     "to_state": h["to_state"], "detail": h["detail"], "message": h.get("message_ref"),
                     "event": h.get("event")} for h in item["history"]],
        "drafts": [{"purpose": d["purpose"], "path": d["path"], "created_at": _iso(d["created_at"]),
                    "sent_at": _iso(d["sent_at"])} for d in item["drafts"]],
    }


def status_json(items: list[dict], quarantined: list, limit: int | None = None) -> dict:
    return {"schema": SCHEMA, "limit": limit, "cases": [_case(item) for item in items],
            "quarantined": [{"file": str(p), "reason": r} for p, r in quarantined]}


def cases_json(items: list, now: dt.datetime) -> dict:
    """`certmerge cases --json` (its fields are listed in the README)."""
    return {"schema": SCHEMA, "cases": [{
        "id": c.record.id, "case_id": c.record.vendor_case_id, "person": c.record.person,
        "company": c.record.company, "language": c.record.language.value, "state": c.record.state.value,
        "state_since": _iso(c.record.state_since), "waiting_on": c.waiting_on,
        "waiting_seconds": int(c.waited.total_seconds()), "deadline": _iso(c.record.deadline),
        "target": c.record.target, "source": c.record.source,
        "next_action": c.next_action.as_dict()} for c in items]}
