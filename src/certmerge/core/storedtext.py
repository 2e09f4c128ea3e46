"""Texts that are stored (a mail's effect, history details, verdict reasons) and shown later, in the
language of whoever looks.

The database keeps them in English, as data: other code reads some of them (a blocked forward's effect,
a "by <event>" state change), and a home outlives a change of language. Each is written from one of the
TEMPLATES below with `fmt`; `localize` recognises a stored text by its template and writes it again in the
interface language, its fields shown as the interface shows them (states, kinds, verdicts as labels, times
in the local zone, nested stored texts localized too). A text no template matches is shown as stored.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import labels
from .i18n import N_, _, language, when

# pipeline.py: what a mail did
NO_CASE = N_("{kind}: not part of a case, recorded")
AMBIGUOUS = N_("{kind}: could be case {candidates}; not routed, needs review (`certmerge assign MAIL --case N`)")
ASSIGNED = N_("mail {id} assigned to this case by the user")
MAIL_EVENT = N_("{kind} from {sender} [{auth}]: {subject}")
NOT_TRUSTED = N_("NOT trusted ({reason}): ignored, the case did not move")
UNVERIFIED = N_("unverified ({reason}) and require_authenticated is on: the case did not move")
FORWARD = N_("a forward from {sender}, {who}: it reads as {kind}; the case did not move "
             "(`certmerge accept` it if it is real)")
FORWARD_NOT_AUTHENTICATED = N_("not authenticated as yours")
FORWARD_NOT_YOURS = N_("not from you")
STAYS = N_("{kind}: recorded, state stays {state}")
NEEDS_REVIEW = N_("{kind} (confidence {confidence}): needs review, the case did not move")
UNEXPECTED = N_("{kind} was not expected ({reason}); recorded for review, state unchanged")
NOT_ALLOWED = N_("event {event} is not allowed in state {state}")
MOVED = N_("{kind}: {from_state} -> {to_state}")
BY = N_("by {event}")
REOPEN = N_("support resolved the case: a reply by {at} reopens it")
AUTO_CLOSE = N_("auto-close warning: reply before {at}{words} or the case closes")
REPLY_BY = N_("{kind}: reply by {at}{words}")
SENT_MOVED = N_("your reply was sent ({from_state} -> {to_state})")
SENT = N_("your reply was sent")
SENT_WARNING = N_("{summary}; WARNING: it still holds {n} placeholder(s)")
REPLY_SENT = N_("reply sent: {subject}")
PLACEHOLDERS_LEFT = N_("your sent reply still holds {n} placeholder(s) to fill in: {placeholder}; send support "
                       "the missing answer")
OWN_MAIL = N_("your own mail, from {sender}")
# app.py: what the user did
CASE_RECORDED = N_("case file recorded")
SUBMITTED = N_("support case created on the web form")
SENT_BY_HAND = N_("reply sent (recorded by hand)")
ANSWER_RECORDED = N_("answer recorded: {key}")
PORTAL_REFUSED = N_("the portal refused the self-service merge")
PORTAL_MERGED = N_("merged in the portal (self-service)")
CHECKED_MISSING = N_("checked the portal: missing {items}")
MISSING_CERT = N_("certification: {name}")
MISSING_BENEFIT = N_("benefit: {name}")
CHECKED_NO_CREDLY = N_("checked: the Credly badges did not move")
CHECKED_OK = N_("checked: certifications, benefits and Credly badges moved")
RELABELLED = N_("mail {id} relabelled {old_kind} -> {new_kind} by the user")
ACCEPTED = N_("mail {id} ({kind}) accepted by the user")
ACCEPTED_EFFECT = N_("accepted by you: {effect}")
RERUN = N_("by {how} of mail {id} (re-run from it)")
# authenticity.py: why a mail got its verdict
AUTH_NAME_CLAIMS = N_("the display name {name} claims to be AWS/Credly")
AUTH_NAME_IMITATES = N_("the display name {name} imitates a vendor")
AUTH_SUBJECT_TAG = N_("the subject carries an AWS case tag")
AUTH_SELF_ID = N_("it introduces itself as AWS/Credly ({quote})")
AUTH_QUOTES_ID = N_("it quotes an AWS case ID")
AUTH_SPEAKS = N_("it speaks for AWS/Credly")
AUTH_FROM_ELSEWHERE = N_("{claim} but comes from {where}")
AUTH_IMITATING_DOMAIN = N_("{domain}, which imitates a vendor domain")
AUTH_NO_ADDRESS = N_("no address")
AUTH_NO_SENDER = N_("no sender address")
AUTH_MULTIPLE_FROM = N_("it has more than one From header or author: no single sender can be verified "
                        "(RFC 5322 allows one)")
AUTH_NO_RESULTS = N_("no Authentication-Results on the mail")
AUTH_NO_TRUSTED_RESULTS = N_("no Authentication-Results from a trusted server on the mail")
AUTH_VENDOR_UNPROVEN = N_("it claims {domain}, but {reason}")
AUTH_NO_RESULTS_FOR = N_("no authentication results for {domain}{server}")
AUTH_DMARC_PASS = N_("dmarc=pass for {domain}{server}")
AUTH_DMARC_FAIL = N_("dmarc={result} for {domain}{server}")
AUTH_DKIM_PASS = N_("dkim=pass d={d} aligned with {domain}{server}")
AUTH_NO_ALIGNED = N_("no aligned DKIM or DMARC pass for {domain}{server}")
AUTH_FAILED = N_("{failed} for {domain}{server}")
# parse.py and app.py: why a mail went to quarantine
PARSE_EMPTY = N_("empty file")
PARSE_TOO_BIG = N_("{size} MB is larger than any mail ({limit} MB)")
PARSE_BINARY = N_("binary data, not a mail")
PARSE_UNPARSEABLE = N_("unparseable ({name})")
PARSE_NO_HEADERS = N_("no mail headers found")
PARSE_TOO_DEEP = N_("MIME structure nested too deep")
PARSE_INTERNAL = N_("internal error while parsing ({name})")

TEMPLATES = (NO_CASE, AMBIGUOUS, ASSIGNED, MAIL_EVENT, NOT_TRUSTED, UNVERIFIED, FORWARD, FORWARD_NOT_AUTHENTICATED, FORWARD_NOT_YOURS,
             STAYS, NEEDS_REVIEW, UNEXPECTED, NOT_ALLOWED, MOVED, BY, REOPEN, AUTO_CLOSE, REPLY_BY, SENT_MOVED,
             SENT, SENT_WARNING, REPLY_SENT, PLACEHOLDERS_LEFT, OWN_MAIL, CASE_RECORDED, SUBMITTED, SENT_BY_HAND,
             ANSWER_RECORDED, PORTAL_REFUSED, PORTAL_MERGED, CHECKED_MISSING, MISSING_CERT, MISSING_BENEFIT,
             CHECKED_NO_CREDLY, CHECKED_OK, RELABELLED, ACCEPTED, ACCEPTED_EFFECT, RERUN, AUTH_NAME_CLAIMS,
             AUTH_NAME_IMITATES, AUTH_SUBJECT_TAG, AUTH_SELF_ID, AUTH_QUOTES_ID, AUTH_SPEAKS, AUTH_FROM_ELSEWHERE,
             AUTH_IMITATING_DOMAIN, AUTH_NO_ADDRESS, AUTH_NO_SENDER, AUTH_MULTIPLE_FROM, AUTH_NO_RESULTS,
             AUTH_NO_TRUSTED_RESULTS, AUTH_VENDOR_UNPROVEN, AUTH_NO_RESULTS_FOR, AUTH_DMARC_PASS, AUTH_DMARC_FAIL,
             AUTH_DKIM_PASS, AUTH_NO_ALIGNED, PARSE_EMPTY, PARSE_TOO_BIG, PARSE_BINARY, PARSE_UNPARSEABLE,
             PARSE_NO_HEADERS, PARSE_TOO_DEEP, PARSE_INTERNAL, AUTH_FAILED)  # the generic AUTH_FAILED last

_CODE = r"[a-z_]+"
_FIELD_RE = {"kind": _CODE, "old_kind": _CODE, "new_kind": _CODE, "state": _CODE, "from_state": _CODE,
             "to_state": _CODE, "event": _CODE, "how": _CODE, "auth": _CODE, "id": r"\d+", "n": r"\d+",
             "at": r"\d{4}-\d\d-\d\d \d\d:\d\d [A-Za-z+\-0-9:]+", "words": r"(?: \(.*\))?", "confidence": r"[\d.]+",
             "server": r"(?: \([^()]*\))?", "domain": r"[^\s,()]*", "d": r"\S+", "result": r"[a-z]+",
             "failed": r"[a-z]+=[a-z]+(?:, [a-z]+=[a-z]+)*"}
_NESTED = {"reason", "summary", "effect", "who", "items", "claim", "where"}
_AT_FORMAT = "%Y-%m-%d %H:%M %Z"  # how stored times are written (UTC)


def fmt(template: str, **fields: object) -> str:
    """A text to store: the English template, filled in."""
    return template.format(**fields)


def stored_time(moment: dt.datetime) -> str:
    return moment.strftime(_AT_FORMAT)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for tpl in TEMPLATES:
        parts = re.split(r"\{(\w+)\}", tpl)
        rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>{_FIELD_RE.get(p, '.+?')})"
                     for i, p in enumerate(parts))
        out.append((tpl, re.compile(rx, re.S)))
    return tuple(out)


def localize(text: str | None, depth: int = 0) -> str:
    """`text` in the interface language when a template matches it; else as stored."""
    if not text or language() == "en" or depth > 3:
        return text or ""
    for tpl, rx in _patterns():
        m = rx.fullmatch(text)
        if m:
            return _(tpl).format(**{k: _field(k, v, depth) for k, v in m.groupdict().items()})
    return text


def _field(name: str, value: str, depth: int) -> str:
    if name in ("kind", "old_kind", "new_kind"):
        return labels.kind(value)
    if name in ("state", "from_state", "to_state"):
        return labels.state(value)
    if name == "auth":
        return labels.auth(value)
    if name in ("event", "how"):
        return labels.label("lifecycle", value)
    if name == "at":
        try:
            return when(dt.datetime.strptime(value.replace(" UTC", " +0000"), "%Y-%m-%d %H:%M %z"))
        except ValueError:
            return value
    if name in _NESTED:
        return ", ".join(localize(part, depth + 1) for part in value.split(", ")) if name == "items" \
            else localize(value, depth + 1)
    return value
