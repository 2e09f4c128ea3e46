"""case + purpose -> an RFC 5322 reply (EmailMessage), in the case's language.

To is the support address recorded on the case (from authenticated support mail, else the known form
address), never a Reply-To. The subject keeps the case ID; In-Reply-To and References thread it.
The Message-ID is derived from the case, the purpose and the mail it answers, so the same draft made twice
is the same draft (the IMAP Drafts folder keeps one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from .model import Lang

SUPPORT_ADDRESS = "aws-cs-trainingcertification-form@amazon.com"
PURPOSES = ("confirm_merge", "info_reply", "credly_request", "keep_open", "follow_up", "report_missing")
_PREFIX_RE = re.compile(r"^\s*((re|fw|fwd|aw|tr|sv|返信|転送)\s*[:：]\s*)+", re.I)


def reply_subject(support_subject: str | None, vendor_case_id: str | None) -> str:
    subject = _PREFIX_RE.sub("", support_subject or "").strip()
    if not subject:
        subject = "[AWS Training and Certification Form Submission] - account-assistance"
        if vendor_case_id:
            subject = f"[CASE {vendor_case_id}] {subject}"
    return f"RE: {subject}"


def _certs(acc: dict, lang: Lang, benefits: bool = True) -> str:
    lines = []
    for c in acc.get("certifications", []):
        exp = c.get("expires") or ("-" if lang is Lang.JA else "no expiry")
        lines.append(f"  - {c['name']} ({'合格日' if lang is Lang.JA else 'passed'} {c['passed']}, "
                     f"{'有効期限' if lang is Lang.JA else 'expires'} {exp})")
    for b in acc.get("benefits", []) if benefits else []:
        lines.append(f"  - {b['name']} ({'有効期限' if lang is Lang.JA else 'expires'} {b.get('expires') or '-'})")
    return "\n".join(lines) or ("  - なし" if lang is Lang.JA else "  - none")


def account_block(cf: dict, lang: Lang) -> str:
    t, s = cf["target"], cf["source"]
    if lang is Lang.JA:
        label = ("残すアカウント（統合先）", "統合するアカウント（統合元）", "ログインメール", "aws.training 通知メール",
                 "認定通知メール", "認定・特典")
    else:
        label = ("Account to KEEP (target)", "Account to merge INTO it (source)", "Login email",
                 "aws.training notification email", "Certification notification email", "Certifications and benefits")
    out = []
    for title, acc in ((label[0], t), (label[1], s)):
        out.append(f"{title}: {acc['account_id']}\n  {label[2]}: {acc['login_email']}\n"
                   f"  {label[3]}: {acc['training_email']}\n  {label[4]}: {acc['certification_email']}\n"
                   f"  {label[5]}:\n{_certs(acc, lang)}")
    return "\n\n".join(out)


def _body(purpose: str, cf: dict, lang: Lang, missing: list[str]) -> str:
    t, s, name = cf["target"], cf["source"], cf["user"]["name"]
    block = account_block(cf, lang)
    if lang is Lang.JA:
        greet = "AWS Training and Certification ご担当者様\n\nお世話になっております。" f"{name}です。\n\n"
        close = f"\n\nお手数をおかけしますが、どうぞよろしくお願いいたします。\n\n{name}\n{cf['user'].get('company', '')}".rstrip()
        texts = {
            "confirm_merge": f"アカウント統合の内容について確認いたしました。\n{s['account_id']} を {t['account_id']} に統合していただくことに同意します。"
                             f"統合後は {t['account_id']} を使用します。統合が元に戻せないことも理解しております。\n\n{block}",
            "info_reply": f"ご依頼の情報をお送りします。\n\n{block}\n\n統合の理由: {cf['reason']}\n\n"
                          "ほかに必要な情報がございましたらお知らせください。",
            "credly_request": f"アカウント統合のご対応ありがとうございました。認定とバウチャーは {t['account_id']} に移行されていることを確認しましたが、"
                              f"Credly のデジタルバッジがまだ {t['certification_email']} に移行されていません。\n"
                              f"統合元 {s['account_id']} の以下の認定のバッジを、{t['certification_email']} 宛てに移行（再発行）していただけますでしょうか。\n\n"
                              f"{_certs(s, lang, benefits=False)}",
            "keep_open": "本件はまだ解決しておりませんので、ケースをクローズせずにご対応を継続していただけますようお願いいたします。\n"
                         f"統合の内容は以下のとおりです。\n\n{block}",
            "follow_up": "先日お送りした内容について、その後の状況を教えていただけますでしょうか。\n"
                         f"ご多忙のところ恐縮ですが、ご確認をお願いいたします。\n\n{block}",
            "report_missing": "アカウント統合のご対応ありがとうございました。ポータルで確認したところ、以下がまだ統合先 "
                              f"{t['account_id']} に表示されていません。\n\n" + "\n".join(f"  - {m}" for m in missing)
                              + f"\n\n恐れ入りますが、ご確認をお願いいたします。\n\n{block}",
        }
    else:
        greet = "Hello AWS Training and Certification team,\n\n"
        close = f"\n\nThank you for your help.\n\nBest regards,\n{name}\n{cf['user'].get('company', '')}".rstrip()
        texts = {
            "confirm_merge": f"I confirm that I want account {s['account_id']} merged into account {t['account_id']}. "
                             f"I will keep using {t['account_id']} and understand that the merge cannot be undone.\n\n{block}",
            "info_reply": f"Here are the details you asked for.\n\n{block}\n\nReason for the merge: {cf['reason']}\n\n"
                          "Please let me know if you need anything else.",
            "credly_request": f"Thank you for merging my accounts. The certifications and benefits now show under "
                              f"{t['account_id']}, but the Credly badges have not moved to {t['certification_email']} yet.\n"
                              f"Could you please transfer (or re-issue) the Credly badges of these certifications from "
                              f"{s['account_id']} to {t['certification_email']}?\n\n{_certs(s, lang, benefits=False)}",
            "keep_open": "This case is not resolved yet, so please keep it open. "
                         f"Here is the merge I am asking for once more:\n\n{block}",
            "follow_up": "I am writing to follow up on this case. Could you let me know how the merge is going?\n\n"
                         f"{block}",
            "report_missing": f"Thank you for merging my accounts. After checking the portal, these items do not show "
                              f"under {t['account_id']} yet:\n\n" + "\n".join(f"  - {m}" for m in missing)
                              + f"\n\nCould you please look into it?\n\n{block}",
        }
    return greet + texts[purpose] + close + "\n"


def draft_message_id(case_id: int, purpose: str, in_reply_to: str | None, domain: str) -> str:
    digest = hashlib.sha256(f"{case_id}|{purpose}|{in_reply_to or ''}".encode()).hexdigest()[:24]
    return f"<certmerge.{digest}@{domain}>"


def build_draft(case: dict, purpose: str, now: dt.datetime) -> EmailMessage:
    """The reply for `purpose` on a stored case (a row of store.cases with its casefile)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown draft purpose {purpose!r}")
    cf = case["casefile"]
    lang = Lang(cf.get("language", "en"))
    sender = cf["target"]["login_email"]
    msg = EmailMessage()
    msg["From"] = formataddr((cf["user"]["name"], sender))
    msg["To"] = case.get("support_address") or SUPPORT_ADDRESS
    msg["Subject"] = reply_subject(case.get("support_subject"), case.get("vendor_case_id"))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = draft_message_id(case["id"], purpose, case.get("support_message_id"),
                                         sender.rpartition("@")[2] or "certmerge.invalid")
    if case.get("support_message_id"):
        msg["In-Reply-To"] = case["support_message_id"]
        msg["References"] = case.get("support_references") or case["support_message_id"]
    msg["X-Certmerge-Purpose"] = purpose
    msg.set_content(_body(purpose, cf, lang, list(case.get("missing_items") or [])), charset="utf-8")
    return msg
