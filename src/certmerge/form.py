"""What to enter on the support web form, step by step, and the ready "How can we help" text. Pure."""

from __future__ import annotations

from .drafts import account_block
from .model import CaseFile, Lang

SUPPORT_PAGE = "https://support.aws.amazon.com/#/contacts/aws-training"
PORTAL = "https://www.aws.training/ (Profile > Account merge)"


def form_steps(cf: CaseFile) -> list[tuple[str, str]]:
    """(what to do, what to enter) pairs for the Training and Certification support page."""
    t = cf.target
    return [
        ("Open the AWS Training and Certification support page", SUPPORT_PAGE),
        ("Inquiry type", "AWS Training and Certification"),
        ("Issue type / category", "Account merge"),
        ("An AI-generated answer is shown first", 'it cannot merge accounts that both hold certifications: choose "Create case"'),
        ("Sign-in choice", '"Continue without signing in"'),
        ("Name", cf.user_name),
        ("Company", cf.company or "(leave empty)"),
        ("Email for the reply", t.login_email),
        ("Candidate ID / certification account ID", f"{t.account_id} (the account you keep)"),
        ('"How can we help?"', "paste the text below"),
        ("Submit, then record it", "`certmerge submitted` (the acknowledgement mail also records it)"),
    ]


def help_text(cf: CaseFile) -> str:
    """The 'How can we help' text: every fact support needs, in the case language."""
    from .casefile import casefile_to_dict

    data = casefile_to_dict(cf)
    s, t = cf.source, cf.target
    if cf.language is Lang.JA:
        head = (f"認定アカウントの統合をお願いいたします。両方のアカウントに認定があるため、ポータルのセルフサービス統合が利用できませんでした。\n"
                f"{s.account_id} を {t.account_id} に統合し、{t.account_id} を残してください。\n\n")
        tail = f"\n\n統合の理由: {cf.reason}\n\n{cf.user_name}"
    else:
        head = (f"Please merge my two AWS Certification accounts. Both hold certifications, so the self-service "
                f"merge in the portal is not available.\nPlease merge {s.account_id} into {t.account_id} and keep "
                f"{t.account_id}.\n\n")
        tail = f"\n\nReason: {cf.reason}\n\n{cf.user_name}"
    return head + account_block(data, cf.language) + tail


def self_service_steps(cf: CaseFile) -> list[tuple[str, str]]:
    return [
        ("Sign in to the portal with the account you keep", f"{cf.target.account_id} ({cf.target.login_email})"),
        ("Open", PORTAL),
        ("Enter the other account's login", f"{cf.source.account_id} ({cf.source.login_email})"),
        ("Confirm with the code sent to that address", "the merge is immediate"),
        ("Then check and record", "`certmerge verify`"),
    ]
