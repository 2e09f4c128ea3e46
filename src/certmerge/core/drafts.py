"""case + purpose + what support asked -> an RFC 5322 reply (EmailMessage), in the language of the mail it answers.

A reply answers each asked item in the order asked (asks.py reads them): from the case record where it holds
the fact, from the user's answers (`certmerge answer`, the case file's [answers]) where only the user can
know, else a visible placeholder (PLACEHOLDER) that `draft` reports and `sent` warns about. The exact words
support asked for are written verbatim. Nothing is stated that the record and the mail do not support.

To is the support address recorded on the case (from authenticated support mail, else the known form
address), never a Reply-To. The subject keeps the case ID. Message-ID, In-Reply-To and References are
written as plain msg-ids, folded only between them, whatever their length (RFC 5322 3.6.4: a msg-id is
never an encoded-word). The Message-ID is derived from the case, the purpose and the mail it answers, so the
same draft made twice is the same draft (the IMAP Drafts folder keeps one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, formataddr

from .model import Ask, Asks, Lang, Purpose

SUPPORT_ADDRESS = "aws-cs-trainingcertification-form@amazon.com"
PURPOSES = tuple(p.value for p in Purpose)
PLACEHOLDER = "[[certmerge:"
PLACEHOLDER_RE = re.compile(r"\[\[certmerge:[^\]]*\]\]")
_PREFIX_RE = re.compile(r"^\s*((re|fw|fwd|aw|tr|sv|返信|転送)\s*[:：]\s*)+", re.I)
_MSGID_HEADERS = frozenset({"message-id", "in-reply-to", "references"})
_MSGID = re.compile(r"<[^<>\s]+>")


class _DraftPolicy(EmailPolicy):
    """The default policy, except that msg-id headers are folded only between msg-ids, never encoded."""

    def _fold_ids(self, name: str, value: str) -> str:
        ids = _MSGID.findall(str(value))
        lines, line = [], f"{name}:"
        for mid in ids:
            if len(line) + 1 + len(mid) > self.max_line_length and line != f"{name}:":
                lines.append(line)
                line = ""
            line += " " + mid
        lines.append(line)
        return self.linesep.join(lines) + self.linesep

    def fold(self, name, value):
        return self._fold_ids(name, value) if name.lower() in _MSGID_HEADERS else super().fold(name, value)

    def fold_binary(self, name, value):
        if name.lower() in _MSGID_HEADERS:
            return self._fold_ids(name, value).encode("ascii")
        return super().fold_binary(name, value)


DRAFT_POLICY = _DraftPolicy()


def reply_subject(support_subject: str | None, vendor_case_id: str | None) -> str:
    subject = _PREFIX_RE.sub("", support_subject or "").strip()
    if not subject:
        subject = "[AWS Training and Certification Form Submission] - account-assistance"
        if vendor_case_id:
            subject = f"[CASE {vendor_case_id}] {subject}"
    return f"RE: {subject}"


_L = {
    Lang.EN: {"keep": "the account to keep", "merge": "the account to merge into it", "passed": "passed",
              "expires": "expires", "none": "none", "login": "Login email",
              "training": "aws.training notification email", "cert_email": "Certification notification email",
              "certs": "Certifications", "benefits": "Benefits", "ids": "Certification account IDs",
              "reason": "Reason for the merge", "name": "Name", "profile": "Profile name",
              "builder": "AWS Builder ID email", "credly": "Credly account email", "plan": "Benefits",
              "choice": "My choice", "question": "Your question", "answer": "Answer"},
    Lang.JA: {"keep": "残すアカウント（統合先）", "merge": "統合するアカウント（統合元）", "passed": "合格日",
              "expires": "有効期限", "none": "なし", "login": "ログインメールアドレス",
              "training": "aws.training 通知メールアドレス", "cert_email": "認定通知メールアドレス",
              "certs": "保有認定", "benefits": "特典", "ids": "認定アカウント ID", "reason": "統合の理由",
              "name": "氏名", "profile": "プロフィールの氏名", "builder": "AWS Builder ID のメールアドレス",
              "credly": "Credly アカウントのメールアドレス", "plan": "特典について", "choice": "選択",
              "question": "ご質問", "answer": "回答"},
}
_EMAIL_KEYS = {Ask.LOGIN_EMAIL: ("login", "login_email"), Ask.TRAINING_EMAIL: ("training", "training_email"),
               Ask.CERTIFICATION_EMAIL: ("cert_email", "certification_email")}
_ANSWERED_BY_USER = {Ask.PROFILE_NAME: ("profile_name", "profile"), Ask.BUILDER_ID_EMAIL: ("builder_id_email", "builder"),
                     Ask.CREDLY_EMAIL: ("credly_email", "credly"), Ask.BENEFIT_PLAN: ("benefit_plan", "plan")}


def placeholder(what: str, key: str, lang: Lang) -> str:
    if lang is Lang.JA:
        return f'{PLACEHOLDER} {what}を記入してください。`certmerge answer {key} "..."` で入ります]]'
    return f'{PLACEHOLDER} fill in {what}; `certmerge answer {key} "..."` puts it here]]'


def _date(value: str, lang: Lang) -> str:
    return value or ("-" if lang is Lang.JA else "no expiry")


def _certs(acc: dict, lang: Lang, benefits: bool = True) -> str:
    w = _L[lang]
    lines = [f"  - {c['name']} ({w['passed']} {c['passed']}, {w['expires']} {_date(c.get('expires'), lang)})"
             for c in acc.get("certifications", [])]
    if benefits:
        lines += [f"  - {b['name']} ({w['expires']} {b.get('expires') or '-'})" for b in acc.get("benefits", [])]
    return "\n".join(lines) or f"  - {w['none']}"


def _benefits(acc: dict, lang: Lang) -> str:
    w = _L[lang]
    lines = [f"  - {b['name']} ({w['expires']} {b.get('expires') or '-'})" for b in acc.get("benefits", [])]
    return "\n".join(lines) or f"  - {w['none']}"


def account_block(cf: dict, lang: Lang) -> str:
    """Both accounts with every recorded fact (the support form's text; a reply when nothing was read)."""
    w = _L[lang]
    out = []
    for side, acc in (("keep", cf["target"]), ("merge", cf["source"])):
        out.append(f"{w[side]}: {acc['account_id']}\n  {w['login']}: {acc['login_email']}\n"
                   f"  {w['training']}: {acc['training_email']}\n  {w['cert_email']}: {acc['certification_email']}\n"
                   f"  {w['certs']} / {w['benefits']}:\n{_certs(acc, lang)}")
    return "\n\n".join(out)


def _sides(cf: dict, only: str) -> list[tuple[str, dict]]:
    """Both accounts, or only the one support asked about (by its ID)."""
    sides = [("keep", cf["target"]), ("merge", cf["source"])]
    role = {"@target": "keep", "@source": "merge"}.get(only)
    picked = [(side, acc) for side, acc in sides if acc["account_id"] == only or side == role]
    return picked or sides


def _per_account(cf: dict, lang: Lang, label: str, value, only: str = "") -> str:
    w = _L[lang]
    rows = [f"  {acc['account_id']} ({w[side]}): {value(acc)}" for side, acc in _sides(cf, only)]
    return f"{label}:\n" + "\n".join(rows)


def _lists(cf: dict, lang: Lang, label: str, body, only: str = "") -> str:
    w = _L[lang]
    rows = [f"  {acc['account_id']} ({w[side]}):\n{body(acc, lang)}" for side, acc in _sides(cf, only)]
    return f"{label}:\n" + "\n".join(rows)


def _choice(asks: Asks, answer: str, lang: Lang) -> str:
    w = _L[lang]
    if not answer:
        offered = "; ".join(f"{o.label}: {o.text}" for o in asks.options)
        what = f"選択肢（{offered}）から選んだもの" if lang is Lang.JA else f"the option you choose ({offered})"
        return f"{w['choice']}: {placeholder(what, 'choice', lang)}"
    key = _bare(answer)
    for o in asks.options:
        if _bare(o.label) == key:
            return f"{w['choice']}: {o.label} - {o.text}" if lang is Lang.EN else f"{w['choice']}: {o.label}（{o.text}）"
    return f"{w['choice']}: {answer}"


def _bare(label: str) -> str:
    """An option label without its dress: "(a)", "A案", "Option A" and "a" are all "A"."""
    return re.sub(r"^(option|choice|オプション)\s*|[()（）.:：\s]|案$", "", label.strip(), flags=re.I).upper()


def _confirm(cf: dict, lang: Lang) -> str:
    t, s = cf["target"]["account_id"], cf["source"]["account_id"]
    if lang is Lang.JA:
        return f"{s} を {t} に統合していただくことに同意します。統合後は {t} を使用します。"
    return f"I confirm that I want account {s} merged into account {t}. I will keep using {t}."


def _answer(ask: Ask, asks: Asks, cf: dict, answers: dict, lang: Lang) -> list[str]:
    """The lines that answer one asked item."""
    w, t, s = _L[lang], cf["target"], cf["source"]
    if ask in _EMAIL_KEYS:
        label, key = _EMAIL_KEYS[ask]
        return [_per_account(cf, lang, w[label], lambda a: a[key], asks.account(ask))]
    if ask is Ask.ACCOUNT_ID or ask is Ask.KEEP_ACCOUNT:
        return [f"{w['ids']}:\n  {w['keep']}: {t['account_id']}\n  {w['merge']}: {s['account_id']}"]
    if ask is Ask.CERTIFICATIONS:
        return [_lists(cf, lang, w["certs"], lambda a, lg: _certs(a, lg, benefits=False), asks.account(ask))]
    if ask is Ask.BENEFITS:
        return [_lists(cf, lang, w["benefits"], _benefits, asks.account(ask))]
    if ask is Ask.REASON:
        return [f"{w['reason']}: {cf['reason']}"]
    if ask is Ask.NAME:
        return [f"{w['name']}: {cf['user']['name']}"]
    if ask in _ANSWERED_BY_USER:
        key, label = _ANSWERED_BY_USER[ask]
        return [f"{w[label]}: {answers.get(key) or placeholder(w[label], key, lang)}"]
    if ask is Ask.CHOICE:
        return [_choice(asks, answers.get("choice", ""), lang)]
    if ask is Ask.PHRASE:
        return [asks.phrase]
    if ask is Ask.CONFIRM:
        return [_confirm(cf, lang)]
    if ask is Ask.QUESTION:
        note = answers.get("note") or placeholder(w["answer"], "note", lang)
        return [f"{w['question']}: {q}\n{w['answer']}: {note}" for q in asks.questions]
    return []


def answer_lines(asks: Asks, cf: dict, lang: Lang) -> list[str]:
    answers = cf.get("answers") or {}
    out: list[str] = []
    for ask in asks.items:
        out += _answer(ask, asks, cf, answers, lang)
    return out


_TEXT = {
    Lang.EN: {
        "greet": "Hello AWS Training and Certification team,\n\n",
        "thanks": "Thank you for your reply.",
        "here": "Here are the details you asked for:",
        "none_read": "Here are the details of both accounts:",
        "credly_q": "Thank you for looking into the Credly badges.",
        "reopen": "This case is not resolved yet: please reopen it and continue with the account merge.",
        "keep_open": "This case is not resolved yet, so please keep it open.",
        "follow_up": "I am writing to follow up on this case. Could you let me know how the merge is going?",
        "ids": "Account to keep: {t}; account to merge into it: {s}.",
        "close": "Thank you for your help.\n\nBest regards,",
    },
    Lang.JA: {
        "greet": "AWS Training and Certification ご担当者様\n\nお世話になっております。{name}です。\n\n",
        "thanks": "ご連絡いただきありがとうございます。",
        "here": "お問い合わせの件について、以下のとおりご回答いたします。",
        "none_read": "両アカウントの情報は以下のとおりです。",
        "credly_q": "Credly のバッジについてご確認いただきありがとうございます。",
        "reopen": "本件はまだ解決しておりませんので、ケースを再開し、アカウント統合のご対応を継続していただけますでしょうか。",
        "keep_open": "本件はまだ解決しておりませんので、ケースをクローズせずにご対応を継続していただけますようお願いいたします。",
        "follow_up": "先日お送りした内容について、その後の状況を教えていただけますでしょうか。",
        "ids": "残すアカウント（統合先）: {t}／統合するアカウント（統合元）: {s}",
        "close": "お手数をおかけしますが、どうぞよろしくお願いいたします。\n\n",
    },
}


def _body(purpose: Purpose, cf: dict, lang: Lang, asks: Asks, missing: list[str]) -> str:
    tx, name = _TEXT[lang], cf["user"]["name"]
    target, source = cf["target"], cf["source"]
    ids = tx["ids"].format(t=target["account_id"], s=source["account_id"])
    answers = answer_lines(asks, cf, lang)
    if purpose is Purpose.CONFIRM_MERGE and Ask.CONFIRM not in asks.items:
        answers.append(_confirm(cf, lang))  # an approval says what it approves, whatever else was asked
    if purpose in (Purpose.CONFIRM_MERGE, Purpose.INFO_REPLY, Purpose.CREDLY_REPLY):
        opening = tx["credly_q"] if purpose is Purpose.CREDLY_REPLY else tx["thanks"]
        if not answers and purpose is Purpose.INFO_REPLY:
            answers = [tx["none_read"], account_block(cf, lang), f"{_L[lang]['reason']}: {cf['reason']}"]
        elif not answers:
            answers = [placeholder(_L[lang]["answer"], "note", lang)]
        elif purpose is not Purpose.CONFIRM_MERGE and Ask.PHRASE not in asks.items:
            opening += ("\n" if lang is Lang.EN else "") + tx["here"]  # Japanese runs on after 。
        parts = [opening, *answers]
    elif purpose is Purpose.REOPEN:
        parts = [tx["reopen"], *answers, ids]
    elif purpose in (Purpose.KEEP_OPEN, Purpose.FOLLOW_UP):
        parts = [tx[purpose.value], ids]
    elif purpose is Purpose.CREDLY_REQUEST:
        parts = [_credly_request(cf, lang)]
    else:
        parts = [_report_missing(cf, lang, missing)]
    close = tx["close"] + (f"\n{name}" if lang is Lang.EN else name)
    company = cf["user"].get("company", "")
    greet = tx["greet"].format(name=name)
    return greet + "\n\n".join(p.strip("\n") for p in parts if p) + "\n\n" + close + (f"\n{company}" if company else "") + "\n"


def _credly_request(cf: dict, lang: Lang) -> str:
    """Asked after `verify` found everything but the badges moved: only that is claimed."""
    t, s = cf["target"], cf["source"]
    moved = "certifications and benefits" if s.get("benefits") else "certifications"
    moved_ja = "認定と特典" if s.get("benefits") else "認定"
    if lang is Lang.JA:
        return (f"アカウント統合のご対応ありがとうございました。{moved_ja}が {t['account_id']} に表示されていることを確認しましたが、"
                f"Credly のデジタルバッジがまだ {t['certification_email']} に移行されていません。\n"
                f"統合元 {s['account_id']} の以下の認定のバッジを、{t['certification_email']} 宛てに移行（再発行）していただけますでしょうか。\n\n"
                f"{_certs(s, lang, benefits=False)}")
    return (f"Thank you for merging my accounts. The {moved} now show under {t['account_id']}, but the Credly "
            f"badges have not moved to {t['certification_email']} yet.\nCould you please transfer (or re-issue) the "
            f"Credly badges of these certifications from {s['account_id']} to {t['certification_email']}?\n\n"
            f"{_certs(s, lang, benefits=False)}")


def _report_missing(cf: dict, lang: Lang, missing: list[str]) -> str:
    t = cf["target"]
    items = "\n".join(f"  - {m}" for m in missing)
    if lang is Lang.JA:
        return (f"アカウント統合のご対応ありがとうございました。ポータルで確認したところ、以下がまだ統合先 {t['account_id']} に"
                f"表示されていません。\n\n{items}\n\n恐れ入りますが、ご確認をお願いいたします。\n\n{account_block(cf, lang)}")
    return (f"Thank you for merging my accounts. After checking the portal, these items do not show under "
            f"{t['account_id']} yet:\n\n{items}\n\nCould you please look into it?\n\n{account_block(cf, lang)}")


def draft_message_id(case_id: int, purpose: str, in_reply_to: str | None, domain: str) -> str:
    digest = hashlib.sha256(f"{case_id}|{purpose}|{in_reply_to or ''}".encode()).hexdigest()[:24]
    return f"<certmerge.{digest}@{domain}>"


def build_draft(case: dict, purpose: str, now: dt.datetime, asks: Asks | None = None,
                lang: Lang | None = None) -> EmailMessage:
    """The reply for `purpose` on a stored case (a row of store.cases with its casefile), answering `asks`
    (what the mail it answers asked) in `lang` (that mail's language; default: the case's)."""
    purpose = Purpose(purpose)  # ValueError for an unknown one
    cf = case["casefile"]
    lang = lang or Lang(cf.get("language", "en"))
    sender = cf["target"]["login_email"]
    msg = EmailMessage(policy=DRAFT_POLICY)
    msg["From"] = formataddr((cf["user"]["name"], sender))
    msg["To"] = case.get("support_address") or SUPPORT_ADDRESS
    msg["Subject"] = reply_subject(case.get("support_subject"), case.get("vendor_case_id"))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = draft_message_id(case["id"], purpose.value, case.get("support_message_id"),
                                         sender.rpartition("@")[2] or "certmerge.invalid")
    if case.get("support_message_id"):
        msg["In-Reply-To"] = case["support_message_id"]
        msg["References"] = case.get("support_references") or case["support_message_id"]
    msg["X-Certmerge-Purpose"] = purpose.value
    msg.set_content(_body(purpose, cf, lang, asks or Asks(), list(case.get("missing_items") or [])), charset="utf-8")
    return msg


def placeholders(text: str) -> list[str]:
    """The placeholders left in a draft's text (or in the copy that was sent)."""
    return PLACEHOLDER_RE.findall(text)
