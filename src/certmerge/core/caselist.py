"""A case as `certmerge cases` lists it (CaseHead): what lifecycle.next_action reads of the stored row, and the
four values of the case file that the line and its JSON show. The store reads those four from the stored
case-file JSON in the database (one path each), so that listing a thousand cases parses no case file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Asks, CaseState, CaseView, Lang, MailKind


@dataclass(frozen=True)
class CaseHead:
    id: int
    state: CaseState
    language: Lang
    state_since: dt.datetime
    updated_at: dt.datetime  # the case's version (its cached pending summary is kept at it)
    person: str  # the case file's user name
    company: str
    target: str  # the account kept, and the one merged into it (account IDs)
    source: str
    vendor_case_id: str | None = None
    support_address: str | None = None
    last_support_mail_at: dt.datetime | None = None
    last_reply_sent_at: dt.datetime | None = None
    deadline: dt.datetime | None = None
    reopen_by: dt.datetime | None = None
    missing_items: tuple[str, ...] = ()

    def view(self, pending: Asks | None = None, pending_kind: MailKind | None = None) -> CaseView:
        """The case as lifecycle.next_action reads it, as CaseRecord.view gives it (next_action reads no case
        file, so the view carries none)."""
        return CaseView(state=self.state, casefile=None, vendor_case_id=self.vendor_case_id,
                        support_address=self.support_address, last_support_mail_at=self.last_support_mail_at,
                        last_reply_sent_at=self.last_reply_sent_at, state_since=self.state_since,
                        deadline=self.deadline, missing_items=self.missing_items, reopen_by=self.reopen_by,
                        pending=pending or Asks(), pending_kind=pending_kind)
