"""`status --json`: a stable, documented shape (field names are part of the interface)."""

from __future__ import annotations

import datetime as dt


def _iso(t: dt.datetime | None) -> str | None:
    return t.isoformat() if t else None


def status_json(items: list[dict], quarantined: list) -> dict:
    cases = []
    for item in items:
        case = item["case"]
        cases.append({
            "id": case["id"],
            "case_id": case["vendor_case_id"],
            "state": case["state"],
            "state_since": _iso(case["state_since"]),
            "waiting_seconds": int(item["waited"].total_seconds()),
            "waiting_on": item["next_action"].on_whom,
            "deadline": _iso(case["deadline"]),
            "reopen_by": _iso(case["reopen_by"]),
            "support_asked": item["pending"],
            "support_address": case["support_address"],
            "target": case["casefile"]["target"]["account_id"],
            "source": case["casefile"]["source"]["account_id"],
            "next_action": item["next_action"].as_dict(),
            "messages": [{
                "id": m["id"], "message_id": m["message_id"], "date": _iso(m["date"]), "subject": m["subject"],
                "from": m["sender"], "kind": m["kind"], "confidence": m["confidence"],
                "authenticity": m["authenticity"], "auth_reason": m["auth_reason"],
                "needs_review": bool(m["needs_review"]), "direction": m["direction"], "effect": m["effect"],
                "asks": m["asks"],
            } for m in item["messages"]],
            "history": [{"at": _iso(h["at"]), "type": h["type"], "from_state": h["from_state"],
                         "to_state": h["to_state"], "detail": h["detail"]} for h in item["history"]],
            "drafts": [{"purpose": d["purpose"], "path": d["path"], "created_at": _iso(d["created_at"]),
                        "sent_at": _iso(d["sent_at"])} for d in item["drafts"]],
        })
    return {"cases": cases, "quarantined": [{"file": str(p), "reason": r} for p, r in quarantined]}
