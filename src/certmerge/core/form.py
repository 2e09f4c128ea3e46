"""What to enter on the support web form, step by step, and the ready "How can we help" text. Pure."""

from __future__ import annotations

from .drafts import account_block
from .i18n import _, t
from .model import CaseFile, Lang

SUPPORT_PAGE = "https://support.aws.amazon.com/#/contacts/aws-training"
PORTAL = "https://www.aws.training/ (Profile > Account merge)"


def form_steps(cf: CaseFile) -> list[tuple[str, str]]:
    """(what to do, what to enter) pairs for the Training and Certification support page."""
    tgt = cf.target
    return [
        (_("Open the AWS Training and Certification support page"), SUPPORT_PAGE),
        (_("Inquiry type"), "AWS Training and Certification"),
        (_("Issue type / category"), "Account merge"),
        (_("An AI-generated answer is shown first"),
         _('it cannot merge accounts that both hold certifications: choose "Create case"')),
        (_("Sign-in choice"), '"Continue without signing in"'),
        (_("Name"), cf.user_name),
        (_("Company"), cf.company or _("(leave empty)")),
        (_("Email for the reply"), tgt.login_email),
        (_("Candidate ID / certification account ID"), t("{id} (the account you keep)", id=tgt.account_id)),
        ('"How can we help?"', _("paste the text below")),
        (_("Submit, then record it"), _("`certmerge submitted` (the acknowledgement mail also records it)")),
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
        (_("Sign in to the portal with the account you keep"), f"{cf.target.account_id} ({cf.target.login_email})"),
        (_("Open"), PORTAL),
        (_("Enter the other account's login"), f"{cf.source.account_id} ({cf.source.login_email})"),
        (_("Confirm with the code sent to that address"), _("the merge is immediate")),
        (_("Then check and record"), "`certmerge verify`"),
    ]
