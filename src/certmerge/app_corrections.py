"""The user's corrections of what a mail was (`relabel`, `accept`), for App: each re-runs the lifecycle from
that mail onward in one transaction, and the correction stays in the history."""

from __future__ import annotations

from .core import lifecycle
from .core import storedtext as st
from .core.errors import UserError
from .core.i18n import _, t
from .core.model import CaseState, Change, MailKind
from .core.pipeline import blocked, replay


class Corrections:
    """Mixed into App (which gives `store` and `clock`)."""

    def relabel(self, ref: str, kind: MailKind) -> tuple[dict, str]:
        """Correct a mail's kind and re-run the lifecycle from that mail onward, in one transaction; the
        correction stays in the history."""
        msg = self._stored(ref)
        detail = st.fmt(st.RELABELLED, id=msg["id"], old_kind=msg["kind"], new_kind=kind.value)
        fix = {"kind": kind.value, "needs_review": False, "confidence": 1.0}
        if not msg["case_id"]:
            self.store.update_message(msg["id"], **fix)
            return msg, t("relabelled {old} -> {new} (not part of a case)", old=msg["kind"], new=kind.value)
        summary = self._rerun(msg, fix, "relabel", detail)
        return msg, t("relabelled {old} -> {new}; {summary}", old=msg["kind"], new=kind.value, summary=summary)

    def accept(self, ref: str) -> tuple[dict, str]:
        """Act on a mail that could not move the case by itself (a forward of support mail by someone else):
        the lifecycle re-runs from it as if support had sent it to you; recorded in the history."""
        msg = self._stored(ref)
        if not msg["case_id"]:
            raise UserError(t("mail {id} is not part of a case", id=msg['id']), _("only mail of a case can be accepted"))
        if msg["authenticity"] == "fail":
            raise UserError(t("mail {id} failed the authenticity check ({auth_reason})", id=msg['id'], auth_reason=msg['auth_reason']),
                            _("forged mail is never accepted; if support really wrote it, ask them to write again"))
        if not blocked(msg):
            raise UserError(t("mail {id} already counts for the case", id=msg['id']), _("nothing to accept"))
        if lifecycle.event_for(MailKind(msg["kind"])) is None:
            raise UserError(t("mail {id} is {kind}, which does not move a case", id=msg['id'], kind=msg['kind']),
                            _("relabel it first if it is misread: `certmerge relabel N KIND`"))
        detail = st.fmt(st.ACCEPTED, id=msg["id"], kind=msg["kind"])
        effect = st.fmt(st.ACCEPTED_EFFECT, effect=msg["effect"])[:2000]
        summary = self._rerun(msg, {"effect": effect, "needs_review": False}, "accept", detail)
        return msg, t("accepted {kind}; {summary}", kind=msg["kind"], summary=summary)

    def _stored(self, ref: str) -> dict:
        msg = self.store.message(ref)
        if not msg:
            raise UserError(t("no stored mail {ref!r}", ref=ref), _("use the number or Message-ID shown by `certmerge status`"))
        return msg

    def _rerun(self, msg: dict, fix: dict, kind: str, detail: str) -> str:
        """Apply `fix` to the stored mail and re-run the lifecycle from it onward, all in one transaction."""
        case = self.store.case(msg["case_id"])
        history = self.store.history(case["id"])
        rows = {m["id"]: m for m in self.store.messages(case["id"])}
        rows[msg["id"]] = {**rows[msg["id"]], **fix}
        state = CaseState(case["state"])
        new_state = replay(history, rows, msg["id"], state)
        now = self.clock()
        move = lifecycle.record(state, new_state, now, f"{kind} of mail {msg['id']} (re-run from it)", msg["id"])
        events = [{"at": now, "type": kind, "message_ref": msg["id"], "detail": detail}, *move.events]
        updates: dict = {"updated_at": now, **move.updates}
        self.store.commit(Change(case_id=case["id"], expected_state=state.value, case_updates=updates,
                                 events=events, message_updates={msg["id"]: fix}))
        return t("{old} -> {new}", old=state.value, new=new_state.value) if new_state is not state \
            else t("state stays {state}", state=state.value)
