"""Many cases in one home, for App: choosing the case a command acts on (`--case`), the list of every case
(`certmerge cases`), putting a mail that could belong to several cases into one (`assign`), and recording
many cases at once (`init --from` a CSV file or a folder of case files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .core import lifecycle
from .core.caselist import CaseHead
from .core import storedtext as st
from .core.errors import UserError
from .core.i18n import _, nt, t
from .core.model import (Address, Asks, Authenticity, CaseFile, CaseRecord, Classification, Email, Lang, MailKind,
                         NextAction, Reason)
from .core.pipeline import effect_of


@dataclass(frozen=True)
class CaseLine:
    """One case in `certmerge cases`."""

    record: CaseHead
    next_action: NextAction
    waited: dt.timedelta  # in its state, until now

    @property
    def waiting_on(self) -> str:
        return self.next_action.on_whom


class Cases:
    """Mixed into App (which gives `store`, `clock`, `policy`, `scheduled`)."""

    def case(self, ref: int | None = None, changing: bool = False) -> dict:
        """The case `ref`; without it the newest case, but a command that changes a case (`changing`) takes
        the one open case, and refuses to guess among several."""
        if ref is not None:
            found = self.store.case(ref)
            if not found:
                raise UserError(t("there is no case {ref}", ref=ref), _("`certmerge cases` lists the cases"))
            return found
        ids = self.store.case_ids()
        if not ids:
            raise UserError(t("no case yet in {home}", home=self.settings.home), _("run `certmerge init` first"))
        if changing:
            open_ids = self.store.case_ids(open_only=True)
            if len(open_ids) > 1:
                raise UserError(nt("{n} case is open; say which with --case N",
                                   "{n} cases are open; say which with --case N", len(open_ids)),
                                _("`certmerge cases` lists them"))
            if open_ids:
                return self.store.case(open_ids[0])
        return self.store.case(ids[-1])

    def overview(self, state: str | None = None) -> list[CaseLine]:
        """Every case (or those in `state`) with its next action, read in bulk: the cases' heads (the row and four
        values of the case file), then what support asked of each since the user's last reply (the summary the
        store keeps in step with each case's mail)."""
        records = [r for r in self.store.heads() if state is None or r.state.value == state]
        pending = self.store.pending_summaries(records) if records else {}
        now, scheduled = self.clock(), self._schedules()
        out = []
        for rec in records:
            asks, kind, _lang = pending[rec.id]
            view = scheduled(rec.view(asks, kind), rec.language.value)
            out.append(CaseLine(rec, lifecycle.next_action(view, now), now - rec.state_since))
        return out

    def _schedules(self):
        """App.scheduled for many cases: a schedule depends only on the day the wait began, its usual length and
        the language's calendar, so cases that began waiting on the same day share one."""
        from .core.workdays import schedule, with_schedule

        calendars: dict = {}
        memo: dict = {}
        follow_up = self.settings.reminders.follow_up_after

        def scheduled(view, lang: str):
            wait = lifecycle.support_wait(view)
            if wait is None:
                return view
            cal = calendars.get(lang) or calendars.setdefault(lang, self.calendar(lang))
            key = (lang, cal.local_date(wait[0]), wait[1])
            if key not in memo:
                memo[key] = schedule(view, cal, follow_up)
            return with_schedule(view, memo[key])

        return scheduled

    def assign(self, ref: str, case_ref: int) -> tuple[dict, str]:
        """Put a stored mail that no case took (it could belong to several) into case `case_ref`, and run it
        through that case as if it had been routed there: its effect is decided again, now, on the case."""
        msg = self._stored(ref)
        if msg["case_id"]:
            raise UserError(t("mail {id} is already part of case {case}", id=msg["id"], case=msg["case_id"]),
                            _("`certmerge relabel` corrects its kind; a mail moves between cases only from review"))
        rec = self.store.records([case_ref])
        if not rec:
            raise UserError(t("there is no case {ref}", ref=case_ref), _("`certmerge cases` lists the cases"))
        now = self.clock()
        mail, cls = _stored_mail(msg)
        eff = effect_of(mail, cls, rec[0], self.policy, msg["origin"] or "", now)
        change = eff.change
        row = change.message
        change.message = None
        change.message_updates = {msg["id"]: {"case_id": rec[0].id, "effect": row["effect"],
                                              "needs_review": row["needs_review"], "direction": row["direction"],
                                              "authenticity": row["authenticity"], "auth_reason": row["auth_reason"]}}
        change.events = [{"at": now, "type": "assign", "message_ref": msg["id"],
                          "detail": st.fmt(st.ASSIGNED, id=msg["id"])},
                         *({**e, "message_ref": msg["id"]} for e in change.events)]
        self.store.commit(change)
        return msg, t("mail {id} assigned to case {case}: {summary}", id=msg["id"], case=rec[0].id,
                      summary=st.localize(eff.summary))

    def import_cases(self, casefiles: list[tuple[str, CaseFile]]) -> tuple[list[int], list[str]]:
        """Record many cases at once, all or nothing; a case whose accounts are already recorded (or that
        repeats an earlier one of `casefiles`) is left out. (new case numbers, what was left out and why)."""
        from .core.casefile import casefile_to_dict

        self._open_store(create=True)
        known = self.store.account_pairs()
        new, skipped = [], []
        for where, cf in casefiles:
            pair = frozenset((cf.target.account_id, cf.source.account_id))
            if pair in known:
                skipped.append(t("{where}: the case of {target} and {source} is already recorded", where=where,
                                 target=cf.target.account_id, source=cf.source.account_id))
                continue
            known.add(pair)
            new.append(cf)
        rows = [(casefile_to_dict(cf), cf.language.value, self.route_move(cf), cf.vendor_case_id) for cf in new]
        return self.store.create_cases(rows, self.clock()), skipped


def _stored_mail(msg: dict) -> tuple[Email, Classification]:
    """A stored mail as the pipeline reads it (what the row keeps of it: no forwarded part, no headers)."""
    text = msg["text"] or ""
    mail = Email(message_id=msg["message_id"] or "", subject=msg["subject"] or "",
                 sender=Address(msg["sender_name"] or "", msg["sender"] or ""), to=(), reply_to=(), date=msg["date"],
                 in_reply_to=msg["in_reply_to"] or "", references=tuple((msg["refs"] or "").split()),
                 auth_results=(), text=text, new_text=text, dedupe_key=msg["dedupe_key"])
    reasons = tuple(Reason(*r) for r in msg["reasons"] or ())
    cls = Classification(MailKind(msg["kind"]), msg["confidence"], reasons, msg["vendor_case_id"],
                         Lang(msg["language"] or "en"), Authenticity(msg["authenticity"]), msg["auth_reason"] or "",
                         Asks.from_dict(msg["asks"]))
    return mail, cls


