"""Values that travel through the pipeline: frozen dataclasses and string enums.

Nothing here does I/O. Enum values are the names that appear in `--json` output and in the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    EN = "en"
    JA = "ja"


# Classifier confidence: a weak guess (vendor mail in a case thread that no rule reads) has WEAK_CONFIDENCE;
# anything under the review threshold (configurable, [classify] review_threshold, above WEAK_CONFIDENCE so a
# weak guess never moves a case) waits for the user.
WEAK_CONFIDENCE = 0.5
REVIEW_THRESHOLD = 0.6


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
    OWN = "own"  # the user's own mail (from one of the case's addresses, found in Sent)


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
    MISSING_REPORTED = "missing_reported"  # after completion, the user told support what did not move
    VERIFIED_OK = "verified_ok"
    VERIFIED_MISSING_CREDLY = "verified_missing_credly"
    VERIFIED_MISSING_ITEMS = "verified_missing_items"
    ACKNOWLEDGEMENT = "acknowledgement"
    AI_AUTO_ANSWER = "ai_auto_answer"
    INFO_REQUEST = "info_request"
    CONFIRMATION_REQUEST = "confirmation_request"
    COMPLETION_NOTICE = "completion_notice"
    CREDLY_FOLLOWUP = "credly_followup"


class Ask(StrEnum):
    """What a support mail asks of the user (asks.py reads it). The first group the case record answers; the
    ANSWER_KEYS only the user can (`certmerge answer KEY VALUE` or the case file's [answers])."""

    ACCOUNT_ID = "account_id"
    LOGIN_EMAIL = "login_email"
    TRAINING_EMAIL = "training_email"
    CERTIFICATION_EMAIL = "certification_email"
    CERTIFICATIONS = "certifications"
    BENEFITS = "benefits"
    KEEP_ACCOUNT = "keep_account"
    REASON = "reason"
    NAME = "name"
    BUILDER_ID_EMAIL = "builder_id_email"
    PROFILE_NAME = "profile_name"
    CREDLY_EMAIL = "credly_email"
    BENEFIT_PLAN = "benefit_plan"
    CHOICE = "choice"
    PHRASE = "phrase"
    CONFIRM = "confirm"
    QUESTION = "question"  # a question no key names: answered with `note`


ANSWER_KEYS = ("choice", "profile_name", "builder_id_email", "credly_email", "benefit_plan", "note")
# what asks to approve or choose (a confirmation request), as against asking for facts (an info request)
APPROVAL_ASKS = frozenset({Ask.CONFIRM, Ask.PHRASE, Ask.CHOICE})


class Purpose(StrEnum):
    """What a draft is for."""

    CONFIRM_MERGE = "confirm_merge"
    INFO_REPLY = "info_reply"
    CREDLY_REPLY = "credly_reply"  # answers support's question about the badges
    CREDLY_REQUEST = "credly_request"  # asks support to move the badges
    KEEP_OPEN = "keep_open"
    REOPEN = "reopen"
    FOLLOW_UP = "follow_up"
    REPORT_MISSING = "report_missing"


@dataclass(frozen=True)
class Option:
    label: str  # as the mail writes it: "A", "2", "①"
    text: str


@dataclass(frozen=True)
class Asks:
    """What one support mail asks of the user, read from its new text (never the quoted history)."""

    items: tuple[Ask, ...] = ()  # in the order asked
    options: tuple[Option, ...] = ()
    phrase: str = ""  # the exact words the user is asked to reply with, verbatim
    questions: tuple[str, ...] = ()  # questions that name no known fact, as written
    deadline: dt.datetime | None = None  # reply by then (an auto-close warning, "please reply by ...")
    deadline_text: str = ""  # the words that set it
    reopen_by: dt.datetime | None = None  # "resolved; reply within N days to reopen"
    accounts: tuple[tuple[Ask, str], ...] = ()  # a fact asked about one account only: (fact, its ID)

    def account(self, ask: Ask) -> str:
        """The one account `ask` is asked about ("" for both)."""
        return dict(self.accounts).get(ask, "")

    def __bool__(self) -> bool:
        return bool(self.items or self.deadline or self.reopen_by)

    def as_dict(self) -> dict:
        return {"items": [a.value for a in self.items], "options": [[o.label, o.text] for o in self.options],
                "phrase": self.phrase, "questions": list(self.questions),
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "deadline_text": self.deadline_text,
                "reopen_by": self.reopen_by.isoformat() if self.reopen_by else None,
                "accounts": [[a.value, acc] for a, acc in self.accounts]}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Asks":
        if not d:
            return cls()
        when = (lambda v: dt.datetime.fromisoformat(v) if v else None)
        return cls(tuple(Ask(a) for a in d.get("items", ())), tuple(Option(*o) for o in d.get("options", ())),
                   d.get("phrase", ""), tuple(d.get("questions", ())), when(d.get("deadline")),
                   d.get("deadline_text", ""), when(d.get("reopen_by")),
                   tuple((Ask(a), acc) for a, acc in d.get("accounts", ())))


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
    answers: tuple[tuple[str, str], ...] = ()  # (ANSWER_KEYS key, value): what the record cannot hold

    def answer(self, key: str) -> str:
        return dict(self.answers).get(key, "")

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
    claim: str = ""  # why a mail not from a vendor presents itself as one ("" when it does not, or is from one)


@dataclass(frozen=True)
class Classification:
    kind: MailKind
    confidence: float
    reasons: tuple[Reason, ...]
    case_id: str | None
    language: Lang
    authenticity: Authenticity
    auth_reason: str
    asks: Asks = Asks()


@dataclass(frozen=True)
class NextAction:
    """The one next step for the user."""

    kind: str  # "draft" | "wait" | "form" | "checks" | "portal" | "done"
    title: str
    detail: str = ""
    draft_purpose: str | None = None
    wait_until: dt.datetime | None = None
    on_whom: str = "you"  # "you" | "support"
    overdue: bool = False  # wait_until is a deadline that has passed

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "draft_purpose": self.draft_purpose,
            "wait_until": self.wait_until.isoformat() if self.wait_until else None,
            "on_whom": self.on_whom,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class CaseView:
    """What lifecycle.next_action and the views need to know about a stored case."""

    state: CaseState
    casefile: CaseFile | None  # None where no reader needs it (the list of cases: next_action reads none)
    vendor_case_id: str | None = None
    support_address: str | None = None
    last_support_mail_at: dt.datetime | None = None
    last_reply_sent_at: dt.datetime | None = None
    state_since: dt.datetime | None = None
    deadline: dt.datetime | None = None
    missing_items: tuple[str, ...] = field(default=())
    reopen_by: dt.datetime | None = None  # support resolved the case; a reply by then reopens it
    pending: Asks = Asks()  # what support's latest asking mail asked, when no reply went out since
    pending_kind: MailKind | None = None
    # from workdays.schedule (business days, holidays): when support's answer is expected, and when its
    # silence deserves a follow-up; None: counted in calendar days (a view built without a calendar)
    expected_by: dt.datetime | None = None
    follow_up_at: dt.datetime | None = None


@dataclass(frozen=True)
class CaseRecord:
    """A stored case as the core reads it: the row's values typed, its case file already parsed (the store
    keeps it as JSON; it is parsed once when read, not at every decision)."""

    id: int
    state: CaseState
    language: Lang
    casefile: CaseFile
    created_at: dt.datetime
    state_since: dt.datetime
    updated_at: dt.datetime
    vendor_case_id: str | None = None
    support_address: str | None = None
    support_subject: str | None = None
    support_message_id: str | None = None
    support_references: str | None = None
    last_support_mail_at: dt.datetime | None = None
    last_reply_sent_at: dt.datetime | None = None
    deadline: dt.datetime | None = None
    reopen_by: dt.datetime | None = None
    missing_items: tuple[str, ...] = ()

    @property
    def person(self) -> str:
        return self.casefile.user_name

    def updated(self, updates: dict[str, Any]) -> "CaseRecord":
        """The record as it reads once `updates` (a Change's case_updates) are written."""
        from dataclasses import fields, replace

        names = {f.name for f in fields(self)} - {"id", "casefile"}
        values = {k: v for k, v in updates.items() if k in names}
        if "state" in values:
            values["state"] = CaseState(values["state"])
        if "language" in values:
            values["language"] = Lang(values["language"])
        if "missing_items" in values:
            values["missing_items"] = tuple(values["missing_items"] or ())
        return replace(self, **values)

    def view(self, pending: "Asks | None" = None, pending_kind: "MailKind | None" = None) -> "CaseView":
        """The case as lifecycle.next_action reads it (without its business-day schedule)."""
        return CaseView(state=self.state, casefile=self.casefile, vendor_case_id=self.vendor_case_id,
                        support_address=self.support_address, last_support_mail_at=self.last_support_mail_at,
                        last_reply_sent_at=self.last_reply_sent_at, state_since=self.state_since,
                        deadline=self.deadline, missing_items=self.missing_items, reopen_by=self.reopen_by,
                        pending=pending or Asks(), pending_kind=pending_kind)


def merge_asks(asks: list[Asks]) -> Asks:
    """What several unanswered mails asked, oldest first, as one: every item once, in the order first asked;
    the latest options, exact words, deadline and reopen-by date; the account named, if all name the same."""
    items: list[Ask] = []
    for a in asks:
        items += [i for i in a.items if i not in items]
    latest = {name: next((getattr(a, name) for a in reversed(asks) if getattr(a, name)), None)
              for name in ("options", "phrase", "deadline", "reopen_by")}
    with_deadline = next((a for a in reversed(asks) if a.deadline), None)
    scopes: dict[Ask, set[str]] = {}
    for a in asks:
        for item in a.items:
            scopes.setdefault(item, set()).add(a.account(item))
    questions = tuple(q for a in asks for q in a.questions)
    return Asks(tuple(items), latest["options"] or (), latest["phrase"] or "", questions, latest["deadline"],
                with_deadline.deadline_text if with_deadline else "", latest["reopen_by"],
                tuple((i, next(iter(s))) for i, s in scopes.items() if len(s) == 1 and "" not in s))


@dataclass
class Change:
    """Everything one step writes, committed together or not at all: what the core decides for one mail or
    action (pipeline.py, app.py), and the store writes in one transaction."""

    case_id: int | None = None
    expected_state: str | None = None  # the update applies only if the case is still in this state
    case_updates: dict[str, Any] = field(default_factory=dict)
    message: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    quarantine: dict[str, Any] | None = None  # a row of the quarantine table (the file is already written)
    position: tuple[str, int, int] | None = None  # (source, uidvalidity, last_uid)
    seen_key: tuple[str, str] | None = None
    drafts_sent_at: dt.datetime | None = None  # the user's reply went out: the case's unsent drafts are sent
    message_updates: dict[int, dict[str, Any]] = field(default_factory=dict)  # stored mail rows to correct
    notices: list[dict[str, Any]] = field(default_factory=list)  # outbox rows (a mail's: message_ref = the mail)
    channels: tuple[str, ...] = ()  # where each notice is to be delivered (a deliveries row each)
