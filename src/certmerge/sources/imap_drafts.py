"""The IMAP source's one write: a draft APPENDed to the Drafts folder with \\Draft, once per Message-ID."""

from __future__ import annotations

from email.message import EmailMessage

import imapclient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from ..config import Settings
from ..core.errors import UserError
from ..core.i18n import _, t
from .imap_session import DRAFTS, SENT, effective_port, guard, logout, open_session, short, special_folder


def _find_message_id(client, folder: str, message_id: str, where: str, timeout: float) -> bool:
    with guard(where, timeout):
        client.select_folder(folder, readonly=True)
        return bool(client.search(["HEADER", "Message-ID", message_id]))


def append_draft(settings: Settings, msg: EmailMessage) -> str:
    """APPEND the draft to the Drafts folder with \\Draft, unless a mail with its Message-ID is there
    (or already in Sent). Returns one line saying what happened."""
    imap = settings.imap
    where = f"{imap.host}:{effective_port(imap)}"
    message_id = str(msg["Message-ID"] or "").strip()
    if not message_id:
        raise UserError(_("the draft has no Message-ID"), _("this is a bug in certmerge"))
    client = open_session(imap)
    try:
        with guard(where, imap.timeout):
            drafts = special_folder(client, imap.drafts_folder, DRAFTS)
            sent = special_folder(client, imap.sent_folder, SENT)
        if not drafts:
            raise UserError(t("no Drafts folder found on {where}", where=where), _("set imap.drafts_folder in config.toml"))
        if _find_message_id(client, drafts, message_id, where, imap.timeout):
            return f"already in {drafts} (same Message-ID); nothing appended"
        if sent and _find_message_id(client, sent, message_id, where, imap.timeout):
            return f"already sent (found in {sent}); nothing appended"
        data = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
        with guard(where, imap.timeout):
            try:
                client.append(drafts, data, flags=(imapclient.DRAFT,))
            except (IMAPClientAbortError, OSError):
                raise
            except IMAPClientError as exc:
                raise UserError(t("{where} refused to store the draft in {drafts} ({short})", where=where, drafts=drafts, short=short(exc)),
                                _("check imap.drafts_folder and the mailbox quota")) from None
        return f"draft appended to {drafts}"
    finally:
        logout(client)
