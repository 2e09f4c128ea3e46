"""Values that travel through the pipeline: frozen dataclasses and string enums.

Nothing here does I/O. Enum values are the names that appear in `--json` output and in the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Lang(StrEnum):
    EN = "en"
    JA = "ja"


class MailKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    AI_AUTO_ANSWER = "ai_auto_answer"
    INFO_REQUEST = "info_request"
    CONFIRMATION_REQUEST = "confirmation_request"
    COMPLETION_NOTICE = "completion_notice"
    CREDLY_FOLLOWUP = "credly_followup"
    SURVEY = "survey"
    AUTO_CLOSE_WARNING = "auto_close_warning"
    UNRELATED = "unrelated"


class Authenticity(StrEnum):
    PASS = "pass"
    UNVERIFIED = "unverified"
    FAIL = "fail"


class CaseState(StrEnum):
    PREPARING = "preparing"
    SELF_SERVICE = "self_service"
    READY_TO_SUBMIT = "ready_to_submit"
    AWAITING_SUPPORT = "awaiting_support"
    INFO_REQUESTED = "info_requested"
    CONFIRMATION_REQUESTED = "confirmation_requested"
    AWAITING_COMPLETION = "awaiting_completion"
    COMPLETED = "completed"
    CREDLY_REQUESTED = "credly_requested"
    CLOSED = "closed"


class Event(StrEnum):
    """What can happen to a case. Mail events share their names with MailKind."""

    ROUTE_SELF_SERVICE = "route_self_service"
    ROUTE_SUPPORT = "route_support"
    SELF_SERVICE_REFUSED = "self_service_refused"
    SELF_SERVICE_DONE = "self_service_done"
    SUBMITTED = "submitted"
    REPLY_SENT = "reply_sent"
    VERIFIED_OK = "verified_ok"
    VERIFIED_MISSING_CREDLY = "verified_missing_credly"
    VERIFIED_MISSING_ITEMS = "verified_missing_items"
    ACKNOWLEDGEMENT = "acknowledgement"
    AI_AUTO_ANSWER = "ai_auto_answer"
    INFO_REQUEST = "info_request"
    CONFIRMATION_REQUEST = "confirmation_request"
    COMPLETION_NOTICE = "completion_notice"
    CREDLY_FOLLOWUP = "credly_followup"


# Mail kinds that are recorded and shown but never move the state.
PASSIVE_KINDS = frozenset({MailKind.SURVEY, MailKind.AUTO_CLOSE_WARNING, MailKind.UNRELATED})


@dataclass(frozen=True)
class Certification:
    name: str
    passed: dt.date
    expires: dt.date | None = None


@dataclass(frozen=True)
class Benefit:
    name: str
    expires: dt.date | None = None


@dataclass(frozen=True)
class Account:
    account_id: str
    login_email: str
    training_email: str
    certification_email: str
    certifications: tuple[Certification, ...] = ()
    benefits: tuple[Benefit, ...] = ()


@dataclass(frozen=True)
class CaseFile:
    """Everything the user tells certmerge about the merge (the case file, `certmerge init`)."""

    user_name: str
    company: str
    language: Lang
    reason: str
    target: Account  # the account that is kept
    source: Account  # the account merged into the target
    vendor_case_id: str | None = None
    created: dt.date | None = None

    @property
    def route(self) -> str:
        """`support` when both accounts hold certifications (the portal refuses), else `self_service`."""
        both = bool(self.target.certifications) and bool(self.source.certifications)
        return "support" if both else "self_service"


@dataclass(frozen=True)
class Address:
    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()


@dataclass(frozen=True)
class Email:
    """A parsed mail: decoded headers and the decoded text of its body."""

    message_id: str
    subject: str
    sender: Address
    to: tuple[Address, ...]
    reply_to: tuple[Address, ...]
    date: dt.datetime | None
    in_reply_to: str
    references: tuple[str, ...]
    auth_results: tuple[str, ...]  # Authentication-Results values, topmost first
    text: str  # full decoded body text (HTML turned into text)
    new_text: str  # the text without quoted history: what classification reads
    forwarded: Email | None = None
    defects: tuple[str, ...] = ()
    dedupe_key: str = ""  # Message-ID, or a content hash where it is missing


@dataclass(frozen=True)
class Reason:
    rule: str
    field: str
    text: str
    weight: float

    def __str__(self) -> str:
        return f"{self.rule} ({self.field}: {self.text!r}, {self.weight:+g})"


@dataclass(frozen=True)
class Verdict:
    authenticity: Authenticity
    reason: str


@dataclass(frozen=True)
class Classification:
    kind: MailKind
    confidence: float
    reasons: tuple[Reason, ...]
    case_id: str | None
    language: Lang
    authenticity: Authenticity
    auth_reason: str
    deadline_days: int | None = None  # auto-close warnings: days until the case closes

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD


REVIEW_THRESHOLD = 0.6


@dataclass(frozen=True)
class NextAction:
    """The one next step for the user."""

    kind: str  # "draft" | "wait" | "form" | "checks" | "portal" | "done"
    title: str
    detail: str = ""
    draft_purpose: str | None = None
    wait_until: dt.datetime | None = None
    on_whom: str = "you"  # "you" | "support"

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "draft_purpose": self.draft_purpose,
            "wait_until": self.wait_until.isoformat() if self.wait_until else None,
            "on_whom": self.on_whom,
        }


@dataclass(frozen=True)
class CaseView:
    """What lifecycle.next_action and the views need to know about a stored case."""

    state: CaseState
    casefile: CaseFile
    vendor_case_id: str | None = None
    support_address: str | None = None
    last_support_mail_at: dt.datetime | None = None
    last_reply_sent_at: dt.datetime | None = None
    state_since: dt.datetime | None = None
    deadline: dt.datetime | None = None
    missing_items: tuple[str, ...] = field(default=())
