"""Words for notifications: states, mail kinds and next actions in English and Japanese. Pure data.

The Japanese next action is chosen by what the action is (its kind, draft purpose and state), not by
translating lifecycle's English title, so a new English wording cannot leave a notification untranslated:
tests/test_notify_core.py checks that every action lifecycle can give has its Japanese words.
"""

from __future__ import annotations

from .model import CaseState as S
from .model import NextAction

STATE_JA = {
    S.PREPARING: "準備中", S.SELF_SERVICE: "ポータルで自分で統合", S.READY_TO_SUBMIT: "サポートケース作成前",
    S.AWAITING_SUPPORT: "サポートの返信待ち", S.INFO_REQUESTED: "情報の提供を依頼されています",
    S.CONFIRMATION_REQUESTED: "統合の確認を依頼されています", S.AWAITING_COMPLETION: "統合の完了待ち",
    S.COMPLETED: "統合完了（確認待ち）", S.CREDLY_REQUESTED: "Credly バッジの移行を依頼中", S.CLOSED: "完了",
}

_KIND = {
    "acknowledgement": ("an acknowledgement", "受付確認"),
    "ai_auto_answer": ("an automatic answer", "自動回答"),
    "info_request": ("a request for information", "情報提供の依頼"),
    "confirmation_request": ("a request to confirm the merge", "統合の確認依頼"),
    "completion_notice": ("the completion notice", "完了通知"),
    "credly_followup": ("a question about the Credly badges", "Credly バッジについての連絡"),
    "survey": ("a survey", "アンケート"),
    "auto_close_warning": ("an auto-close warning", "自動クローズの予告"),
    "unrelated": ("a mail", "メール"),
}

_DRAFT_JA = {
    "info_reply": "サポートの質問に回答してください",
    "confirm_merge": "統合の確認を返信してください",
    "credly_reply": "Credly バッジについての質問に回答してください",
    "credly_request": "Credly バッジの移行をサポートに依頼してください",
    "keep_open": "ケースが閉じられないよう返信してください",
    "reopen": "ケースを再開するには返信してください",
    "follow_up": "サポートからの返信が途絶えています。丁寧な確認の連絡を送ってください",
    "report_missing": "移行されなかったものをサポートに伝えてください",
}

_WAIT_JA = {
    S.AWAITING_SUPPORT: "担当者からの返信を待ってください",
    S.AWAITING_COMPLETION: "完了通知を待ってください",
    S.CREDLY_REQUESTED: "Credly バッジの移行を待ってください",
}

_OTHER_JA = {
    "form": "certmerge form の手順でサポートケースを作成し、certmerge submitted を実行してください",
    "portal": "aws.training のプロフィール > Account merge で自分で統合し、certmerge verify を実行してください",
    "checks": "ポータルと Credly を確認し、certmerge verify で記録してください",
    "done": "統合は確認済みです。残りの作業はありません",
}


def kind_label(kind: str, lang: str) -> str:
    en, ja = _KIND.get(kind, (kind, kind))
    return ja if lang == "ja" else en


def action_ja(nxt: NextAction, state: S | None = None) -> str:
    """The next action in Japanese, from what it is."""
    if nxt.kind == "draft" and nxt.draft_purpose in _DRAFT_JA:
        return _DRAFT_JA[nxt.draft_purpose]
    if nxt.kind == "wait":
        for st, words in _WAIT_JA.items():
            if nxt.title == _WAIT_TITLES.get(st):
                return words
        return "サポートの返信を待ってください"
    return _OTHER_JA.get(nxt.kind, nxt.title)


_WAIT_TITLES = {S.AWAITING_SUPPORT: "Wait for an agent's reply", S.AWAITING_COMPLETION: "Wait for the completion notice",
                S.CREDLY_REQUESTED: "Wait for the Credly badges"}
