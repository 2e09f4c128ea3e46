"""Email -> Verdict (pass / unverified / fail), from the user's own server's Authentication-Results only.

RFC 8601 headers are trustworthy only when the user's receiving server added them: the topmost one, or
the first whose authserv-id is configured as trusted. A sender can add its own "dkim=pass" lower down;
it never counts. `pass` needs DMARC pass, or DKIM pass whose d= is aligned with a vendor From domain.
A mail that claims to be AWS or Credly from any other domain (look-alikes included) is `fail`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Authenticity, Email, Verdict

_METHOD_RE = re.compile(r"\b(dkim|dmarc|spf|arc)\s*=\s*([a-z]+)([^;]*)", re.I)
_PROP_RE = re.compile(r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom)\s*=\s*\"?([^\s;\"]+)", re.I)
_CLAIM_NAME_RE = re.compile(r"\b(aws|amazon|credly)\b|アマゾン", re.I)
_CLAIM_TEXT_RE = re.compile(r"\[CASE\s*\d{6,}\]|AWS Training (and|&) Certification|Amazon Web Services", re.I)
_TWO_LEVEL = {"co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.uk", "org.uk", "com.au", "co.kr", "com.br"}


@dataclass(frozen=True)
class Result:
    method: str
    result: str
    props: dict[str, str]


def org_domain(domain: str) -> str:
    labels = domain.lower().strip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_vendor(domain: str, vendors: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == v or domain.endswith("." + v) for v in vendors)


def _skeleton(s: str) -> str:
    return s.lower().replace("rn", "m").translate(str.maketrans("0135@", "olesa")).replace("-", "")


def looks_alike(domain: str, vendors: tuple[str, ...]) -> bool:
    """A non-vendor domain that imitates one (amaz0n.com, amazon-support.com, amazon.com.evil.net)."""
    if is_vendor(domain, vendors):
        return False
    sk = _skeleton(domain)
    return any(_skeleton(v.split(".")[0]) in sk for v in vendors)


def parse_results(header: str) -> tuple[str, list[Result]]:
    """(authserv-id, results) of one Authentication-Results value."""
    authserv, _, rest = header.partition(";")
    authserv = authserv.strip().split()[0].lower() if authserv.strip() else ""
    results = []
    for clause in rest.split(";"):
        m = _METHOD_RE.search(clause)
        if not m:
            continue
        props = {k.lower(): v.lower().lstrip("@") for k, v in _PROP_RE.findall(clause)}
        results.append(Result(m.group(1).lower(), m.group(2).lower(), props))
    return authserv, results


def trusted_results(mail: Email, trusted_ids: tuple[str, ...]) -> tuple[str, list[Result]] | None:
    """The results of the header our own server added, or None when there is none."""
    if not mail.auth_results:
        return None
    if not trusted_ids:
        return parse_results(mail.auth_results[0])
    wanted = {t.lower() for t in trusted_ids}
    for value in mail.auth_results:
        authserv, results = parse_results(value)
        if authserv in wanted:
            return authserv, results
    return None


def claims_vendor(mail: Email) -> bool:
    return bool(_CLAIM_NAME_RE.search(mail.sender.name) or _CLAIM_TEXT_RE.search(mail.subject)
                or _CLAIM_TEXT_RE.search(mail.new_text[:2000]))


def verdict(mail: Email, vendors: tuple[str, ...], trusted_ids: tuple[str, ...] = ()) -> Verdict:
    domain = mail.sender.domain
    if not domain:
        return Verdict(Authenticity.FAIL if claims_vendor(mail) else Authenticity.UNVERIFIED, "no sender address")
    vendor = is_vendor(domain, vendors)
    if not vendor and looks_alike(domain, vendors):
        return Verdict(Authenticity.FAIL, f"{domain} imitates a vendor domain")
    if not vendor and claims_vendor(mail):
        return Verdict(Authenticity.FAIL, f"claims to be AWS/Credly but comes from {domain}")
    found = trusted_results(mail, trusted_ids)
    if found is None:
        where = "from a trusted server " if trusted_ids else ""
        return Verdict(Authenticity.UNVERIFIED, f"no Authentication-Results {where}on the mail")
    authserv, results = found
    by = {r.method: r for r in results}
    org = org_domain(domain)
    dmarc = by.get("dmarc")
    if dmarc and dmarc.result == "pass":
        hf = dmarc.props.get("header.from", domain)
        if org_domain(hf) == org:
            return Verdict(Authenticity.PASS, f"dmarc=pass for {domain} ({authserv})")
    if dmarc and dmarc.result in ("fail", "quarantine", "reject"):
        return Verdict(Authenticity.FAIL, f"dmarc={dmarc.result} for {domain} ({authserv})")
    dkims = [r for r in results if r.method == "dkim"]
    for r in dkims:
        d = r.props.get("header.d") or r.props.get("header.i", "").rpartition("@")[2]
        if r.result == "pass" and d and org_domain(d) == org:
            return Verdict(Authenticity.PASS, f"dkim=pass d={d} aligned with {domain} ({authserv})")
    if any(r.result in ("fail", "permerror", "policy") for r in dkims):
        return Verdict(Authenticity.FAIL, f"dkim failed for {domain} ({authserv})")
    if vendor:
        return Verdict(Authenticity.UNVERIFIED, f"no aligned DKIM or DMARC pass for {domain} ({authserv})")
    return Verdict(Authenticity.UNVERIFIED, f"{domain} is not a vendor domain; no aligned pass")
