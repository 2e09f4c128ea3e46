"""The codes the interface shows (states, mail kinds, verdicts, who the case waits on), marked for the
catalog with their context. English shows the code itself; Japanese a word (i18n.label)."""

from __future__ import annotations

from .i18n import NP_, label

STATES = (NP_("state", "preparing"), NP_("state", "self_service"), NP_("state", "ready_to_submit"),
          NP_("state", "awaiting_support"), NP_("state", "info_requested"), NP_("state", "confirmation_requested"),
          NP_("state", "awaiting_completion"), NP_("state", "completed"), NP_("state", "credly_requested"),
          NP_("state", "closed"))
KINDS = (NP_("kind", "acknowledgement"), NP_("kind", "ai_auto_answer"), NP_("kind", "info_request"),
         NP_("kind", "confirmation_request"), NP_("kind", "completion_notice"), NP_("kind", "credly_followup"),
         NP_("kind", "survey"), NP_("kind", "auto_close_warning"), NP_("kind", "unrelated"),
         NP_("kind", "your reply"))
AUTH = (NP_("auth", "pass"), NP_("auth", "unverified"), NP_("auth", "fail"), NP_("auth", "own"))
WHO = (NP_("who", "you"), NP_("who", "support"), NP_("who", "nobody"))
EVENTS = (NP_("event", "mail"), NP_("event", "state"), NP_("event", "action"), NP_("event", "warning"),
          NP_("event", "relabel"), NP_("event", "accept"), NP_("event", "assign"))

LIFECYCLE = (NP_("lifecycle", "route_self_service"), NP_("lifecycle", "route_support"),
             NP_("lifecycle", "self_service_refused"), NP_("lifecycle", "self_service_done"),
             NP_("lifecycle", "submitted"), NP_("lifecycle", "reply_sent"), NP_("lifecycle", "missing_reported"),
             NP_("lifecycle", "verified_ok"), NP_("lifecycle", "verified_missing_credly"),
             NP_("lifecycle", "verified_missing_items"), NP_("lifecycle", "acknowledgement"),
             NP_("lifecycle", "ai_auto_answer"), NP_("lifecycle", "info_request"),
             NP_("lifecycle", "confirmation_request"), NP_("lifecycle", "completion_notice"),
             NP_("lifecycle", "credly_followup"), NP_("lifecycle", "survey"), NP_("lifecycle", "auto_close_warning"),
             NP_("lifecycle", "unrelated"), NP_("lifecycle", "relabel"), NP_("lifecycle", "accept"))

ASKS = (NP_("ask", "account id"), NP_("ask", "login email"), NP_("ask", "training email"),
        NP_("ask", "certification email"), NP_("ask", "certifications"), NP_("ask", "benefits"),
        NP_("ask", "keep account"), NP_("ask", "reason"), NP_("ask", "name"), NP_("ask", "builder id email"),
        NP_("ask", "profile name"), NP_("ask", "credly email"), NP_("ask", "benefit plan"), NP_("ask", "choice"),
        NP_("ask", "phrase"), NP_("ask", "confirm"), NP_("ask", "question"))


def ask(code: str) -> str:
    return label("ask", code.replace("_", " "))


def state(code: str | None) -> str:
    return label("state", code)


def kind(code: str | None) -> str:
    return label("kind", code)


def auth(code: str | None) -> str:
    return label("auth", code)


def who(code: str | None) -> str:
    return label("who", code)


def event(code: str | None) -> str:
    return label("event", code)
