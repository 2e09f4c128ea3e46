"""Email -> Verdict (pass / unverified / fail), from the user's own server's Authentication-Results only.

RFC 8601 headers are trustworthy only when the user's receiving server added them: the topmost one, or
the first whose authserv-id is configured as trusted (`trusted_authserv_ids`; a configured id also
matches its subdomains, since Exchange Online stamps per-front-end names). A sender can add its own
"dkim=pass" lower down; it never counts.

`pass` needs DMARC pass for the From domain, or DKIM pass whose d= is aligned with the From domain.
An explicit failure (dmarc/dkim/spf/compauth=fail) is `fail`. Mail from a vendor domain that your server's
results do not prove (a pass only for another domain, dkim=none, dmarc=none, "none") is `fail` too, and so
is mail with more than one From header or author. `unverified` is only mail without trusted results.
A mail that claims to be AWS or Credly (display name, self-introduction, a case ID) from any other domain,
look-alikes included, is `fail` whatever its own DMARC says. A forward is judged by its outer sender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import storedtext as st
from .model import Authenticity, Email, Verdict
from .parse import MULTIPLE_FROM

_PAIR_RE = re.compile(r"([A-Za-z0-9_.-]+(?:\s*/\s*\d+)?)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|[^\s;\"]+)")
_TWO_LEVEL = {"co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp", "co.uk", "org.uk",
              "ac.uk", "com.au", "net.au", "co.kr", "com.br", "com.mx", "com.tr", "com.cn", "com.tw", "com.sg",
              "co.in", "co.nz", "com.hk", "co.za"}
# Domains Amazon really owns that are not vendors of the support case: never "look-alikes".
_BRAND_FAMILY = {"amazon.co.jp", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.ca",
                 "amazon.com.au", "amazon.in", "amazon.com.br", "amazon.com.mx", "amazon.nl", "amazon.sg",
                 "amazon.ae", "amazon.sa", "amazon.se", "amazon.pl", "amazon.com.tr", "amazon.com.be",
                 "amazonaws.com", "awscloud.com", "aws.com", "amazontrust.com", "a2z.com"}
_BRAND_NAME_RE = re.compile(
    r"\bAWS\b|Amazon\s*Web\s*Services|アマゾン\s*ウェブ\s*サービス|\bCredly\b|Training\s*(?:and|&)\s*Certification|"
    r"トレーニングと認定", re.I)
_BRAND_LOOSE_RE = re.compile(r"amazon|aws|credly|アマゾン", re.I)
# The one owner of "which support case does this name": the tag AWS puts in a subject ("[CASE 1765...]",
# "[CASE: 1765...]") and a case ID written in a text ("Case ID: 1765...", "ケース番号：1765...").
CASE_TAG = re.compile(r"\[\s*CASE\s*[:#]?\s*(\d{8,20})\s*\]", re.I)
CASE_ID_IN_TEXT = re.compile(r"(?:case|ケース)\s*(?:id|number|no\.?|#|番号)?\s*[:：#]?\s*(\d{12,20})", re.I)
# The badge platform: a vendor whose mail is never support writing to the user (no reply goes there).
BADGE_PLATFORM = ("credly.com",)
_FORWARD_SUBJECT_RE = re.compile(r"(?:^|[\s:\]])(?:fwd?|fw|wg|tr|転送)\s*[:：]", re.I)
_SELF_ID_RE = re.compile(
    r"^[ \t\-—–]*(?:AWS|Amazon\s+Web\s+Services)\s*(?:Training|トレーニング|Support|サポート|Customer|カスタマー|"
    r"Certification\s+Team|T&C)[^\n]{0,50}$|"
    r"\b(?:I'?m|I am|this is|my name is)\b[^.\n]{0,40}\b(?:from|with|at|of)\s+(?:AWS|Amazon Web Services)\b|"
    r"AWS\s*(?:トレーニングと認定|サポート|カスタマーサポート)[^。\n]{0,20}(?:です|と申します|でございます)|"
    r"^[ \t]*(?:The\s+)?Credly\s+(?:Support|Team)[^\n]{0,30}$",
    re.I | re.M)
_FORWARD_LINE_RE = re.compile(r"^\s*(?:-{3,}\s*(?:Forwarded message|転送メッセージ|転送されたメッセージ)\s*-{3,}|"
                              r"Begin forwarded message:)\s*$", re.I | re.M)
_FAILURES = {"dmarc": {"fail", "quarantine", "reject"}, "dkim": {"fail"}, "spf": {"fail"}, "compauth": {"fail"}}


@dataclass(frozen=True)
class Result:
    method: str
    result: str
    props: dict[str, str]


def org_domain(domain: str) -> str:
    """The registrable domain (a small public-suffix table: enough for alignment of real vendor mail)."""
    labels = domain.lower().strip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_vendor(domain: str, vendors: tuple[str, ...]) -> bool:
    """The one owner of "is this address's domain one of the vendors' (or a subdomain of one)"."""
    domain = domain.lower()
    return any(domain == v or domain.endswith("." + v) for v in vendors)


def is_badge_platform(domain: str) -> bool:
    return is_vendor(domain, BADGE_PLATFORM)


def is_support_person(address: str, vendors: tuple[str, ...]) -> bool:
    """Support writing from an address a reply can go to: a vendor's, not a no-reply one, not the badge
    platform's notifications."""
    domain = address.rpartition("@")[2]
    return is_vendor(domain, vendors) and not address.startswith("no-reply") and not is_badge_platform(domain)


def _skeleton(s: str) -> str:
    return s.lower().replace("rn", "m").replace("vv", "w").translate(str.maketrans("0135@!|", "olesaii")) \
        .replace("-", "").replace("_", "")


def looks_alike(domain: str, vendors: tuple[str, ...]) -> bool:
    """A non-vendor domain that imitates one (amaz0n.com, amazon-support.com, amazon.com.evil.net, aws-cert.com)."""
    domain = domain.lower()
    if not domain or is_vendor(domain, vendors) or org_domain(domain) in _BRAND_FAMILY:
        return False
    sk = _skeleton(domain)
    if any(_skeleton(v.split(".")[0]) in sk for v in vendors):
        return True
    return "aws" in re.split(r"[.\-_]", domain)


_INNER_COMMENT = re.compile(r"\([^()\\\"]*\)")


def strip_comments(value: str) -> str:
    """An RFC 5322 structured value without (comments), quoted strings kept as they are."""
    if "(" not in value:
        return value
    if '"' not in value and "\\" not in value:  # the common case: nested comments, no quoting
        while "(" in value:
            value, n = _INNER_COMMENT.subn(" ", value)
            if not n:
                break
        if "(" not in value:
            return value
    out, depth, quoted, escaped = [], 0, False, False
    for ch in value:
        if escaped:
            escaped = False
            if not depth:
                out.append(ch)
            continue
        if ch == "\\":
            escaped = True
            if not depth:
                out.append(ch)
        elif quoted:
            out.append(ch)
            quoted = ch != '"'
        elif ch == '"' and not depth:
            quoted = True
            out.append(ch)
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if not depth:
                out.append(" ")
        elif not depth:
            out.append(ch)
    return "".join(out)


def _split_semicolons(value: str) -> list[str]:
    if '"' not in value:
        return value.split(";")
    parts, cur, quoted = [], [], False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _resinfo(segment: str) -> Result | None:
    pairs = _PAIR_RE.findall(segment)
    if not pairs:
        return None
    method, result = pairs[0]
    props = {}
    for key, value in pairs[1:]:
        key = key.lower()
        if "." in key or key == "reason":
            props[key] = value.strip('"').lower().lstrip("@")
    return Result(method.split("/")[0].strip().lower(), result.strip('"').lower(), props)


def parse_results(header: str) -> tuple[str, list[Result]]:
    """(authserv-id, results) of one Authentication-Results value (RFC 8601).

    Microsoft's servers write the header without an authserv-id ("spf=pass ...; dkim=pass ...");
    then the first segment is already a result and the authserv-id is empty."""
    segments = _split_semicolons(strip_comments(header))
    head = segments[0].strip()
    authserv = ""
    if head and not re.match(r"^[A-Za-z0-9_.-]+(?:\s*/\s*\d+)?\s*=", head):
        authserv = head.split()[0].lower()
        segments = segments[1:]
    results = [r for r in map(_resinfo, segments) if r is not None]
    return authserv, results


def trusted_results(mail: Email, trusted_ids: tuple[str, ...]) -> tuple[str, list[Result]] | None:
    """The results of the header our own server added, or None when there is none."""
    if not mail.auth_results:
        return None
    if not trusted_ids:
        return parse_results(mail.auth_results[0])
    wanted = [t.lower().strip(".") for t in trusted_ids if t.strip()]
    for value in mail.auth_results:
        authserv, results = parse_results(value)
        if authserv and any(authserv == t or authserv.endswith("." + t) for t in wanted):
            return authserv, results
    return None


def is_forward(mail: Email) -> bool:
    return bool(_FORWARD_SUBJECT_RE.search(mail.subject)) or mail.forwarded is not None


def own_text(mail: Email) -> str:
    """The sender's own words: the new text above a forwarded message."""
    text = mail.new_text[:6000]
    m = _FORWARD_LINE_RE.search(text)
    return text[:m.start()] if m else text


def vendor_claim(mail: Email, vendors: tuple[str, ...] = ()) -> str:
    """Why this mail presents itself as AWS or Credly ("" when it does not)."""
    name = mail.sender.name
    if _BRAND_NAME_RE.search(name) or any(_names_domain(name, v) for v in vendors):
        return st.fmt(st.AUTH_NAME_CLAIMS, name=repr(name))
    alike = looks_alike(mail.sender.domain, vendors) if vendors else False
    if alike and _BRAND_LOOSE_RE.search(name):
        return st.fmt(st.AUTH_NAME_IMITATES, name=repr(name))
    forward = is_forward(mail)
    if not forward and CASE_TAG.search(mail.subject):
        return st.AUTH_SUBJECT_TAG
    text = own_text(mail)
    m = _SELF_ID_RE.search(text)
    if m:
        return st.fmt(st.AUTH_SELF_ID, quote=repr(m.group(0).strip()[:40]))
    if not forward and CASE_ID_IN_TEXT.search(text):
        return st.AUTH_QUOTES_ID
    if alike and _BRAND_NAME_RE.search(mail.subject + "\n" + text):
        return st.AUTH_SPEAKS
    return ""


def _names_domain(name: str, vendor: str) -> bool:
    """The display name carries the vendor's domain ("support@amazonses.com" <x@elsewhere.example>)."""
    return bool(name) and re.search(rf"(?<![\w.-]){re.escape(vendor)}(?![\w-])", name, re.I) is not None


def verdict(mail: Email, vendors: tuple[str, ...], trusted_ids: tuple[str, ...] = ()) -> Verdict:
    """How far the mail is proven to come from its sender; a mail claiming to be a vendor's without coming from
    one fails, and its verdict carries the claim (vendor_claim, worked out once: classify reads it too)."""
    domain = mail.sender.domain
    vendor = bool(domain) and is_vendor(domain, vendors)
    if not vendor:
        claim = vendor_claim(mail, vendors)
        if claim:
            where = domain or st.AUTH_NO_ADDRESS
            if looks_alike(domain, vendors):
                where = st.fmt(st.AUTH_IMITATING_DOMAIN, domain=domain)
            return Verdict(Authenticity.FAIL, st.fmt(st.AUTH_FROM_ELSEWHERE, claim=claim, where=where), claim)
        if not domain:
            return Verdict(Authenticity.UNVERIFIED, st.AUTH_NO_SENDER)
    if MULTIPLE_FROM in mail.defects:
        return Verdict(Authenticity.FAIL, st.AUTH_MULTIPLE_FROM)
    found = trusted_results(mail, trusted_ids)
    if found is None:
        return Verdict(Authenticity.UNVERIFIED, st.AUTH_NO_TRUSTED_RESULTS if trusted_ids else st.AUTH_NO_RESULTS)
    judged = _judge(domain, found)
    if vendor and judged.authenticity is Authenticity.UNVERIFIED:
        # your own server checked this mail and found no proof that the vendor sent it: a forgery
        return Verdict(Authenticity.FAIL, st.fmt(st.AUTH_VENDOR_UNPROVEN, domain=domain, reason=judged.reason))
    return judged


def _judge(domain: str, found: tuple[str, list[Result]]) -> Verdict:
    authserv, results = found
    at = f" ({authserv})" if authserv else ""
    if not results:
        return Verdict(Authenticity.UNVERIFIED, st.fmt(st.AUTH_NO_RESULTS_FOR, domain=domain, server=at))
    org = org_domain(domain)
    dmarc = next((r for r in results if r.method == "dmarc"), None)
    if dmarc and dmarc.result == "pass" and org_domain(dmarc.props.get("header.from", domain)) == org:
        return Verdict(Authenticity.PASS, st.fmt(st.AUTH_DMARC_PASS, domain=domain, server=at))
    if dmarc and dmarc.result in _FAILURES["dmarc"]:
        return Verdict(Authenticity.FAIL, st.fmt(st.AUTH_DMARC_FAIL, result=dmarc.result, domain=domain, server=at))
    # Only a signature ALIGNED with the From domain counts. amazonses.com signs the mail of every SES
    # customer, so `dkim=pass header.d=amazonses.com` proves only that the mail went through SES, not that
    # Amazon wrote it: a From: @amazon.com mail with just that signature (DMARC failing or absent) never
    # passes here, although amazonses.com is a vendor domain for mail that is really From: @amazonses.com.
    for r in results:
        if r.method == "dkim" and r.result == "pass":
            d = r.props.get("header.d") or r.props.get("header.i", "").rpartition("@")[2]
            if d and org_domain(d) == org:
                return Verdict(Authenticity.PASS, st.fmt(st.AUTH_DKIM_PASS, d=d, domain=domain, server=at))
    failed = [f"{r.method}={r.result}" for r in results if r.result in _FAILURES.get(r.method, ())]
    if failed:
        return Verdict(Authenticity.FAIL, st.fmt(st.AUTH_FAILED, failed=", ".join(failed), domain=domain, server=at))
    return Verdict(Authenticity.UNVERIFIED, st.fmt(st.AUTH_NO_ALIGNED, domain=domain, server=at))
