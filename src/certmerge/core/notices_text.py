"""Words of notifications: states, mail kinds and next actions as a notification says them, marked for the
catalog (their Japanese is in locale/ja/LC_MESSAGES/certmerge.po). Pure.

A notification is written in its case's language (i18n.speaking), whatever the interface speaks. A state is
shown as its code in English and as a phrase in Japanese ("notice state", not the shorter labels of
`status`); a mail kind as a phrase ("a request for information"). The next action's words are chosen by what
the action is (its kind, its draft purpose, the state it waits in), not by translating lifecycle's title
(which is already in the interface's language), so a new English wording cannot leave a notification
untranslated: where the catalog has no words for an action, its own title is used, as English does.
tests/test_notify_core.py checks that every action lifecycle can give has its Japanese words.
"""

from __future__ import annotations

from .i18n import N_, NP_, _, label
from .model import NextAction

STATES = (NP_("notice state", "preparing"), NP_("notice state", "self_service"),
          NP_("notice state", "ready_to_submit"), NP_("notice state", "awaiting_support"),
          NP_("notice state", "info_requested"), NP_("notice state", "confirmation_requested"),
          NP_("notice state", "awaiting_completion"), NP_("notice state", "completed"),
          NP_("notice state", "credly_requested"), NP_("notice state", "closed"))

KINDS = {
    "acknowledgement": N_("an acknowledgement"),
    "ai_auto_answer": N_("an automatic answer"),
    "info_request": N_("a request for information"),
    "confirmation_request": N_("a request to confirm the merge"),
    "completion_notice": N_("the completion notice"),
    "credly_followup": N_("a question about the Credly badges"),
    "survey": N_("a survey"),
    "auto_close_warning": N_("an auto-close warning"),
    "unrelated": N_("a mail"),
}

# what an action is -> its words; English has none of its own (the action's title is shown)
ACTIONS = (NP_("notice action", "draft:info_reply"), NP_("notice action", "draft:confirm_merge"),
           NP_("notice action", "draft:credly_reply"), NP_("notice action", "draft:credly_request"),
           NP_("notice action", "draft:keep_open"), NP_("notice action", "draft:reopen"),
           NP_("notice action", "draft:follow_up"), NP_("notice action", "draft:report_missing"),
           NP_("notice action", "wait:awaiting_support"), NP_("notice action", "wait:awaiting_completion"),
           NP_("notice action", "wait:credly_requested"), NP_("notice action", "wait"),
           NP_("notice action", "form"), NP_("notice action", "portal"), NP_("notice action", "checks"),
           NP_("notice action", "done"))


def state_words(code: str | None) -> str:
    return label("notice state", code)


def kind_words(kind: str) -> str:
    return _(KINDS[kind]) if kind in KINDS else kind


def action_words(nxt: NextAction, state: str | None) -> str:
    """The next action in the current language, from what it is (`state`: the one the case is in then)."""
    if nxt.kind == "draft":
        keys: tuple[str, ...] = (f"draft:{nxt.draft_purpose}",)
    elif nxt.kind == "wait":
        keys = (f"wait:{state}", "wait")
    else:
        keys = (nxt.kind,)
    for key in keys:
        words = label("notice action", key)
        if words != key:
            return words
    return nxt.title
