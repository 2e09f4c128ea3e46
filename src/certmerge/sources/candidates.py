"""Which mail of a mailbox is worth fetching whole: decided on its header fields alone (From, Subject,
Message-ID, In-Reply-To, References), before any body is fetched. A candidate has a vendor or look-alike
sender, a sender name claiming AWS, a case tag or known case ID in the subject, or a reference to mail of
a case. Never raises, whatever the header bytes."""

from __future__ import annotations

import email.policy
import re
from dataclasses import dataclass
from email.parser import BytesParser
from email.utils import getaddresses

from ..core.authenticity import CASE_TAG, is_vendor, looks_alike
from ..core.parse import decode_header_value

_CLAIM_RE = re.compile(r"\b(aws|amazon|credly)\b|アマゾン", re.I)
_MSGID_RE = re.compile(r"<[^<>\s]+>")
_PARSER = BytesParser(policy=email.policy.compat32)


@dataclass(frozen=True)
class Hints:
    vendors: tuple[str, ...]
    case_ids: frozenset[str]
    message_ids: frozenset[str]


def _header(msg, name: str) -> str:
    value = msg.get(name)
    return str(value) if value is not None else ""


def header_facts(raw: bytes) -> tuple[str, str, str, set[str], str]:
    """(sender display name, sender domain, subject, referenced Message-IDs, Message-ID) from header bytes.
    Parsed with compat32 and decoded here (RFC 2047, raw ISO-2022-JP, 8-bit), as parse.py does: the
    `default` policy's header objects cost ~10x more, on every header a first scan looks at."""
    try:
        msg = _PARSER.parsebytes(raw, headersonly=True)
        sender, subject = _header(msg, "From"), decode_header_value(msg.get("Subject"))
        refs = _header(msg, "In-Reply-To") + " " + _header(msg, "References")
        own = _header(msg, "Message-ID")
    except Exception:  # noqa: BLE001 - a malformed header must not stop the scan
        text = raw.decode("latin-1")
        sender = subject = refs = own = text
    pairs = getaddresses([sender]) if sender else []
    name, addr = pairs[0] if pairs else ("", "")
    domain = addr.rpartition("@")[2].strip().lower().rstrip(">")
    ids = set(_MSGID_RE.findall(own))
    return decode_header_value(name), domain, subject, set(_MSGID_RE.findall(refs)), next(iter(ids), "")


def is_candidate(raw_headers: bytes, hints: Hints) -> bool:
    """Worth a whole body: vendor or look-alike sender, a case in the subject, or a reference to a case."""
    name, domain, subject, refs, _own = header_facts(raw_headers)
    if domain and (is_vendor(domain, hints.vendors) or looks_alike(domain, hints.vendors)):
        return True
    if _CLAIM_RE.search(name):  # claims to be AWS from elsewhere: processed so it is flagged as forged
        return True
    if CASE_TAG.search(subject) or any(cid in subject for cid in hints.case_ids):
        return True
    return bool(refs & hints.message_ids)
