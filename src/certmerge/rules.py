"""Classification rules as data: (name, kind, field, pattern, weight), English and Japanese.

A rule adds its weight to its kind when its pattern matches the field (subject or the new body text).
Keep names stable: they appear in `certmerge explain` and in the stored reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import MailKind as K


@dataclass(frozen=True)
class Rule:
    name: str
    kind: K
    field: str
    pattern: re.Pattern
    weight: float


_I = re.I | re.S


def _r(name: str, kind: K, pattern: str, weight: float, field: str = "body") -> Rule:
    return Rule(name, kind, field, re.compile(pattern, _I), weight)


ON_TOPIC = re.compile(
    r"certif|認定|資格|training|トレーニング|credly|badge|バッジ|merg|統合|マージ|candidate|受験者|"
    r"アカウント|account|survey|アンケート|case|ケース|お問い合わせ",
    _I)

RULES: tuple[Rule, ...] = (
    # --- acknowledgement
    _r("ack_received", K.ACKNOWLEDGEMENT,
       r"(we have|we've|we) (received|got) your (case|inquiry|enquiry|request|message|submission|form)", 3),
    _r("ack_thanks_contact", K.ACKNOWLEDGEMENT, r"thank(s| you) for (contacting|reaching out to|writing to)", 1),
    _r("ack_created", K.ACKNOWLEDGEMENT,
       r"(case|inquiry|ticket|request)\s+(has been|was|is)\s+(created|opened|submitted|logged|registered)", 2.5),
    _r("ack_agent_will", K.ACKNOWLEDGEMENT,
       r"(an? |our )?(agent|associate|specialist|representative|team member|support team|team)"
       r" will (get back|respond|reply|contact|review|be in touch|follow up)", 1.5),
    _r("ack_automated", K.ACKNOWLEDGEMENT, r"automated (message|response|acknowledg|notification|reply)", 1),
    _r("ack_subject", K.ACKNOWLEDGEMENT, r"(received|acknowledg|case (created|opened))", 1.5, "subject"),
    _r("ack_ja_received", K.ACKNOWLEDGEMENT,
       r"(お問い合わせ|お問合せ|ご依頼|ケース)を?(受け付け|受付|承り|受領|作成)", 3),
    _r("ack_ja_agent", K.ACKNOWLEDGEMENT, r"担当(者|部署)?(より|から)[^。]{0,20}(連絡|回答|返信|ご案内)", 1.5),
    _r("ack_ja_auto", K.ACKNOWLEDGEMENT, r"自動(送信|返信|配信)", 1),
    # --- AI auto-answer
    _r("ai_generated", K.AI_AUTO_ANSWER,
       r"(generated|written|created|provided|produced) (by|using|with) (an? )?(AI|artificial intelligence|"
       r"generative AI|automated assistant|AI assistant)", 4),
    _r("ai_word", K.AI_AUTO_ANSWER, r"\bAI[- ](generated|assistant|powered|based)|generative AI", 2.5),
    _r("ai_did_help", K.AI_AUTO_ANSWER,
       r"(did|does|has) (this|the above|this answer|this response) (answer|resolve|solve|help)", 2),
    _r("ai_helpful", K.AI_AUTO_ANSWER, r"was this (answer|response|information) helpful", 2),
    _r("ai_if_not", K.AI_AUTO_ANSWER,
       r"if (this|the above|it) (did ?n[o']t|does ?n[o']t|do(es)? not) (resolve|answer|help)", 1.5),
    _r("ai_ja_generated", K.AI_AUTO_ANSWER, r"生成\s*AI|AI\s*(による|が生成|で生成|アシスタント|を活用)|人工知能", 4),
    _r("ai_ja_auto_answer", K.AI_AUTO_ANSWER, r"自動(回答|応答)", 2),
    _r("ai_ja_resolved", K.AI_AUTO_ANSWER, r"(解決|お役に立て|役に立ち)(しましたか|ましたでしょうか|ましたか)", 2),
    # --- info request
    _r("info_could_you", K.INFO_REQUEST,
       r"(could|can|would) you (please |kindly )?(provide|send|share|confirm|let us know|tell us|reply with|"
       r"supply|check)", 2),
    _r("info_please_provide", K.INFO_REQUEST,
       r"please (provide|send|share|let us know|reply with|supply|include|specify)", 2),
    _r("info_need", K.INFO_REQUEST,
       r"(we|I) (need|require|will need|would need)( the| your| some| a few| additional| more| following)", 2),
    _r("info_missing", K.INFO_REQUEST,
       r"(missing|additional|more|further|following) (information|details|info)", 2),
    _r("info_proceed", K.INFO_REQUEST,
       r"(in order to|before we can|to) (proceed|process|continue|move forward|investigate|locate)", 1),
    _r("info_unable", K.INFO_REQUEST,
       r"(unable|not able) to (locate|find|verify|identify|match)", 1.5),
    _r("info_ja_please", K.INFO_REQUEST,
       r"(ご)?(提供|送付|共有|ご連絡|教えて|お知らせ|ご教示|記載)(ください|いただけ|頂け|願え|下さい|くださいます)", 2),
    _r("info_ja_missing", K.INFO_REQUEST, r"(追加|不足|以下)(の)?(情報|事項|内容|点)", 2),
    _r("info_ja_unable", K.INFO_REQUEST, r"(確認|特定)(でき|が取れ|ができ)(ません|ず|ない|かね)", 1.5),
    # --- confirmation request
    _r("confirm_reply_to", K.CONFIRMATION_REQUEST,
       r"(reply|respond|write back|answer)[^.\n]{0,60}\bconfirm", 2.5),
    _r("confirm_want", K.CONFIRMATION_REQUEST,
       r"confirm (that |whether )?(you|this is what you) (would like|want|wish|agree|approve)", 2.5),
    _r("confirm_merge", K.CONFIRMATION_REQUEST, r"confirm[^.\n]{0,80}\bmerg|merg[^.\n]{0,60}confirm", 2),
    _r("confirm_irreversible", K.CONFIRMATION_REQUEST,
       r"(cannot|can ?not|can't|will not be able to) be (undone|reversed|reverted)|irreversible|"
       r"not reversible|permanent(ly)? (action|change)", 2),
    _r("confirm_proceed", K.CONFIRMATION_REQUEST,
       r"(before|once) (we|I) (proceed|go ahead|merge|process)|(proceed|go ahead) with the (merge|request)",
       1.5),
    _r("confirm_ja_ok", K.CONFIRMATION_REQUEST,
       r"(統合|マージ)[^。\n]{0,40}(よろしい|問題(が)?な|差し支えな|ご承認|同意)", 3),
    _r("confirm_ja_reply", K.CONFIRMATION_REQUEST,
       r"(ご)?確認(のうえ|の上|いただき|頂き|いただけ)[^。\n]{0,40}(返信|ご返信|ご連絡|お知らせ)", 2),
    _r("confirm_ja_irreversible", K.CONFIRMATION_REQUEST,
       r"(元に)?戻す(こと)?(が|は)?(でき|出来)ません|取り消(し|す)(こと)?(は|が)?(でき|出来)ません|取り消しは", 2),
    # --- completion notice
    _r("done_complete", K.COMPLETION_NOTICE,
       r"(merge|merging|request|consolidation)[^.\n]{0,40}(is|has been|was|is now) (now )?(complete|completed|"
       r"finished|done|successful|processed|finalized)", 3),
    _r("done_merged", K.COMPLETION_NOTICE,
       r"(accounts?|profiles?|records?) (have|has) (now )?been (successfully )?(merged|combined|consolidated)", 3),
    _r("done_successfully", K.COMPLETION_NOTICE,
       r"(successfully|have|has) (merged|completed the merge|combined)", 2),
    _r("done_appear", K.COMPLETION_NOTICE,
       r"(now|should now|will now) (appear|show|be visible|be listed|be reflected|reflect)", 2),
    _r("done_ja_complete", K.COMPLETION_NOTICE,
       r"(統合|マージ|移行)(作業|処理|手続き)?(が|は)?(完了|終了)(いたし|し)", 3),
    _r("done_ja_merged", K.COMPLETION_NOTICE, r"(統合|マージ)(いたし|し|させていただき)ました", 3),
    _r("done_ja_reflected", K.COMPLETION_NOTICE, r"(移行|反映|表示)(されて|いたし|され)(おります|います|ました)", 1.5),
    # --- Credly follow-up
    _r("credly_word", K.CREDLY_FOLLOWUP, r"\bcredly\b", 1.5),
    _r("credly_badge", K.CREDLY_FOLLOWUP, r"\bbadges?\b|バッジ", 1),
    _r("credly_accept", K.CREDLY_FOLLOWUP, r"(accept|claim) (your|the|this) (new )?badge|badge[^.\n]{0,20}accept", 3),
    _r("credly_moved", K.CREDLY_FOLLOWUP,
       r"(re-?issued|transferred|moved|migrated|reassigned)[^.\n]{0,50}badge|badges?[^.\n]{0,50}"
       r"(re-?issued|transferred|moved|migrated|reassigned)", 3),
    _r("credly_earned", K.CREDLY_FOLLOWUP, r"(you'?ve|you have) (earned|been issued|been awarded) (a|the|your)", 2.5),
    _r("credly_ja_moved", K.CREDLY_FOLLOWUP, r"バッジ[^。\n]{0,40}(移行|再発行|発行|移動|付け替え|受け入れ|承認)", 3),
    _r("credly_subject", K.CREDLY_FOLLOWUP, r"badge|credly|バッジ", 1.5, "subject"),
    # --- survey
    _r("survey_word", K.SURVEY, r"\bsurvey\b|questionnaire", 2.5),
    _r("survey_how_did", K.SURVEY, r"how (did|was) (we|our|your) (do|support|experience)|how did we do", 2.5),
    _r("survey_rate", K.SURVEY,
       r"(rate|rating|feedback|evaluate)[^.\n]{0,50}(experience|support|service|interaction|agent)", 2),
    _r("survey_minutes", K.SURVEY, r"(take|takes|only) (a |about )?(few|\d+|one|two) (short )?minutes?", 1),
    _r("survey_subject", K.SURVEY, r"survey|feedback|how did we do|experience|アンケート|ご意見", 1.5, "subject"),
    _r("survey_ja", K.SURVEY, r"アンケート|満足度|ご意見(を)?(お聞かせ|お寄せ)|ご評価|評価(して|を)", 3),
    # --- auto-close warning
    _r("close_not_heard", K.AUTO_CLOSE_WARNING,
       r"(haven'?t|have not|did not|didn'?t|not yet) (heard|received)[^.\n]{0,40}(from you|a (reply|response)|"
       r"your (reply|response))", 2.5),
    _r("close_will_close", K.AUTO_CLOSE_WARNING,
       r"(will|may|shall) (be )?(automatically )?(resolved|closed|close|resolve)[^.\n]{0,60}"
       r"(automatic|unless|if (we|you) (do not|don'?t)|no (reply|response)|in \d+|within \d+|after \d+)", 3),
    _r("close_auto", K.AUTO_CLOSE_WARNING,
       r"(automatically|auto)[- ]?(resolved?|closed?)|due to (inactivity|no response|lack of response)", 2),
    _r("close_reopen", K.AUTO_CLOSE_WARNING, r"reopen[^.\n]{0,60}(14|fourteen) days|within (14|fourteen) days", 1),
    _r("close_ja_no_reply", K.AUTO_CLOSE_WARNING,
       r"(ご返信|ご返答|ご回答|ご連絡|返信)(が)?(ない|いただけない|頂けない|ございません|なかった)(場合)?", 2.5),
    _r("close_ja_auto", K.AUTO_CLOSE_WARNING,
       r"自動的に(クローズ|終了|解決|完了|閉じ)|(クローズ|終了)(させて|とさせて)いただき", 3),
    _r("close_ja_reopen", K.AUTO_CLOSE_WARNING, r"14\s*日以内|(再開|再オープン)", 1),
    # --- clearly something else (hard negatives)
    _r("other_git", K.UNRELATED,
       r"pull request|merge request|\bPR ?#?\d+|git (merge|rebase|branch)|merge conflict|code review|"
       r"\bmain branch|feature branch|CI pipeline", 4),
    _r("other_marketing", K.UNRELATED,
       r"unsubscribe|newsletter|webinar|register (now|today)|limited[- ]time|promo(tion)? code|"
       r"early bird|re:?Invent|save your seat|manage (your )?(email )?preferences", 3),
    _r("other_shop", K.UNRELATED, r"order (confirmation|has shipped|number)|your order|ご注文|配送", 3),
    _r("other_ja_marketing", K.UNRELATED, r"配信停止|メールマガジン|メルマガ|セミナー|キャンペーン|ウェビナー", 3),
    _r("other_ja_company", K.UNRELATED, r"部署|組織|会社の統合|合併|人事|会議|打ち合わせ", 2),
    _r("other_howto", K.UNRELATED, r"(step[- ]by[- ]step|how to|guide|tutorial|tips)[^.\n]{0,40}merg", 2),
)

SENDER_RULES: tuple[Rule, ...] = (
    Rule("from_no_reply", K.SURVEY, "from", re.compile(r"^no-?reply-aws@", re.I), 1.0),
    Rule("from_credly", K.CREDLY_FOLLOWUP, "from", re.compile(r"@(\w+\.)*credly\.com$", re.I), 3.0),
)
