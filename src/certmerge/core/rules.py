"""Classification rules as data: (name, kind, field, pattern, weight, anchor), English and Japanese.

A rule adds its weight to its kind when its pattern matches the field (subject or the new body text).
A kind can win only when at least one of its ANCHOR rules fired: anchors say what the mail does ("we have
received your case", "please confirm that you want to merge", "統合が完了しました"); the other rules
(a word like "badge", a sender, a subject) only add weight. UNRELATED rules are evidence against every
kind (pull requests, newsletters, orders). KIND_CONTEXT: what a kind's mail must also mention.
Keep names stable: they appear in `certmerge explain` and in the stored reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .matcher import Alt, Literals, compile_alternatives, first_match
from .model import MailKind as K


@dataclass(frozen=True)
class Rule:
    name: str
    kind: K
    field: str
    pattern: re.Pattern  # the rule as written (re.I | re.S): what `alts` matches, faster (matcher.py)
    weight: float
    anchor: bool = True
    alts: tuple[Alt, ...] = field(default=(), compare=False, repr=False)
    needs: frozenset[str] | None = field(default=None, compare=False, repr=False)  # all alternatives' literals

    def search(self, lowered: str, present: frozenset[str]) -> re.Match | None:
        """The match in the LOWER-CASED text, given the prefilter literals present in it."""
        if self.needs is not None and self.needs.isdisjoint(present):
            return None
        return first_match(self.alts, lowered, present)


def candidates(field: str, present: frozenset[str]) -> list[Rule]:
    """The rules of `field` that can match, in order: those with a prefilter literal present in the text."""
    by_literal, always = _BY_LITERAL[field]
    picked = set(always)
    for literal in present:
        picked.update(by_literal.get(literal, ()))
    return [RULES[i] for i in sorted(picked)]


def present_literals(lowered: str, field: str) -> frozenset[str]:
    """Which of the rules' prefilter literals for `field` occur in the lower-cased text."""
    return _LITERALS[field].found_in(lowered)


_I = re.I | re.S


def _r(name: str, kind: K, pattern: str, weight: float, field: str = "body", anchor: bool = True) -> Rule:
    alts = compile_alternatives(pattern, name)
    needs = None if any(a.needs is None for a in alts) else frozenset(n for a in alts for n in a.needs)
    return Rule(name, kind, field, re.compile(pattern, _I), weight, anchor, alts, needs)


def _w(name: str, kind: K, pattern: str, weight: float, field: str = "body") -> Rule:
    """A supporting (non-anchor) rule."""
    return _r(name, kind, pattern, weight, field, anchor=False)


def _lower(pattern: str) -> re.Pattern:
    """A pattern for LOWER-CASED text (see matcher.py: faster than re.I, same matches)."""
    return re.compile(pattern.lower())


# What the merge case is about: mail without any of this is not about it (another AWS case, an alert).
# These three read lower-cased text.
TOPIC = _lower(
    r"certif|認定|資格|training|トレーニング|credly|badge|バッジ|merg|統合|マージ|candidate|受験|exam\b|試験|"
    r"aws\.training|T&C|transcript")

# Another AWS topic (a billing or EC2 case, a Free Tier alert): never the merge case.
OTHER_TOPIC = _lower(
    r"billing|invoice|charges?\b|refund|credit card|\bEC2\b|instances?\b|quota|Route ?53|\bS3\b|Lambda|\bRDS\b|"
    r"Free Tier|domain transfer|請求|インスタンス|クォータ|料金")

# Passive kinds (they never move a case) that generic case mail carries without restating the topic:
# "How did we do on your case?", "your case will be closed unless you reply".
SOFT_TOPIC_KINDS = frozenset({K.SURVEY, K.AUTO_CLOSE_WARNING})

# A kind whose mail must also mention this (in the subject or the new text) to count.
KIND_CONTEXT: dict[K, re.Pattern] = {
    # a satisfaction survey about THE SUPPORT CASE, not about a seminar or a product
    K.SURVEY: _lower(r"\bcase\b|ケース|support|サポート|お問い合わせ|問い合わせ|担当|agent|customer service|"
                     r"correspondence|interaction|対応"),
}

_ACK_RULES = (
    _r("ack_received", K.ACKNOWLEDGEMENT,
       r"\b(we have|we've|we) (received|got|logged|registered|recorded|opened|created) your (case|inquiry|enquiry|"
       r"request|message|submission|form|e-?mail|support request|ticket)", 3),
    _r("ack_was_received", K.ACKNOWLEDGEMENT,
       r"\byour (case|inquiry|enquiry|request|support request|submission|message|ticket|form)\b[^.\n]{0,40}"
       r"\b(has been|was|is|have been) (successfully )?(received|logged|created|opened|submitted|registered|recorded)",
       3),
    _r("ack_confirms_receipt", K.ACKNOWLEDGEMENT,
       r"(confirms?|acknowledges?|confirmation) (that )?(we('ve| have)? received|(the )?receipt of)|"
       r"automated (confirmation|acknowledge?ment|receipt)", 3),
    _r("ack_created", K.ACKNOWLEDGEMENT,
       r"\b(created|opened|logged) (a |your |the )?(support )?case\b|assigned (it|your (case|request)) (the |a )?case "
       r"(id|number)|(case|inquiry|ticket|request) (has been|was|is) (created|opened|logged|registered)", 2.5),
    _w("ack_thanks_contact", K.ACKNOWLEDGEMENT, r"thank(s| you) for (contacting|reaching out to|writing to)", 1),
    _w("ack_agent_will", K.ACKNOWLEDGEMENT,
       r"(agent|associate|specialist|representative|team member|member of|support team|team)[^.\n]{0,50}"
       r" will (get back|respond|reply|contact|review|be in touch|follow up|reach out)|you'll hear from", 1.5),
    _w("ack_no_resubmit", K.ACKNOWLEDGEMENT,
       r"(no need|do not need|don't need) to (re-?submit|submit[^.\n]{0,20}again|send[^.\n]{0,20}again)|"
       r"(don't|do not) (open|create|submit) a new case", 1.5),
    _w("ack_wait_time", K.ACKNOWLEDGEMENT,
       r"(response|reply)[^.\n]{0,20}(may|might|can|will|usually) take|"
       r"(usually|typically|normally|generally) within[^.\n]{0,25}(business )?days|"
       r"in the order (they|it) (arrive|are received)|appreciate your patience", 1),
    _w("ack_automated", K.ACKNOWLEDGEMENT, r"automated (message|notification|reply|e-?mail)", 1),
    _w("ack_queue", K.ACKNOWLEDGEMENT, r"\b(in|to) (our|the) queue\b|expect (a|an|our) (reply|response|answer)", 1),
    _w("ack_subject", K.ACKNOWLEDGEMENT, r"received|acknowledg|case (created|opened)|受け付け|受付|受領", 1.5, "subject"),
    _r("ack_ja_received", K.ACKNOWLEDGEMENT,
       r"(お問い合わせ|お問合せ|ご依頼|ケース|リクエスト|ご相談)[^。\n]{0,30}?(を|が|は)(受け付け|受付|承り|受領|作成|登録)"
       r"(いたし|し|され|まし|完了)|(お問い合わせ|お問合せ|ご依頼)(受付|受領)(の|を|完了)", 3),
    _w("ack_ja_agent", K.ACKNOWLEDGEMENT,
       r"担当(者|部署)?(より|から)[^。]{0,20}(連絡|回答|返信|ご案内)|順番に(確認|対応)", 1.5),
    _w("ack_ja_wait", K.ACKNOWLEDGEMENT, r"しばらくお待ち|お待ちください", 1),
    _w("ack_ja_thanks", K.ACKNOWLEDGEMENT, r"お問い合わせ(いただき|頂き)[^。\n]{0,6}ありがとう", 1),
    _w("ack_ja_auto", K.ACKNOWLEDGEMENT, r"自動(送信|返信|配信)|システムにより", 1),
    _w("ack_ja_days", K.ACKNOWLEDGEMENT, r"\d\s*[～〜~-]?\s*\d*\s*営業日以内", 1),
)

_AI_RULES = (
    _r("ai_generated", K.AI_AUTO_ANSWER,
       r"(generated|written|created|provided|produced|prepared|composed|drafted) (by|using|with|from) (an? |our )?"
       r"(AI|artificial intelligence|generative AI|automated assistant|AI assistant|virtual assistant|"
       r"chat ?bot|bot)\b", 4),
    _r("ai_disclosure", K.AI_AUTO_ANSWER,
       r"\b(using|with|by|from) generative AI\b|\bAI[- ](generated|assistant|powered)|"
       r"\b(AI|artificial intelligence)\b[^.\n]{0,40}\b(generated|created|written|produced|drafted)\b|"
       r"\b(generated|created|written|produced|drafted)\b[^.\n]{0,40}\b(AI|artificial intelligence)\b", 3),
    _r("ai_automated_answer", K.AI_AUTO_ANSWER,
       r"\b(automated|automatic|auto-?generated|instant) (answer|response)\b(?! (from|by) (an? )?(agent|person))", 2.5),
    _r("ai_did_help", K.AI_AUTO_ANSWER,
       r"(did|does|has) (this|the above|this answer|this response|that) (answer|resolve|solve|help)", 2),
    _r("ai_helpful", K.AI_AUTO_ANSWER, r"was this (answer|response|information|article|reply) (helpful|useful)", 2),
    _w("ai_if_not", K.AI_AUTO_ANSWER,
       r"if (this|the above|it) (did ?n[o']t|does ?n[o']t|do(es)? not) (resolve|answer|help|solve)|"
       r"(need|want) (an? )?(agent|person|human)|still (review|help)[^.\n]{0,20}if you need", 1.5),
    _w("ai_subject", K.AI_AUTO_ANSWER, r"automated answer|\bAI\b|自動回答", 1, "subject"),
    _r("ai_ja_generated", K.AI_AUTO_ANSWER,
       r"(生成\s*AI|AI\s*アシスタント|(?<![A-Za-z])AI(?![A-Za-z])|人工知能|チャットボット)[^。\n]{0,20}"
       r"(作成|生成|作ら|自動)|自動(生成|作成)[^。\n]{0,20}(?<![A-Za-z])AI(?![A-Za-z])", 4),
    _r("ai_ja_auto_answer", K.AI_AUTO_ANSWER, r"自動(回答|応答)(です|を(お送り|お届け))|による自動(回答|応答)", 3),
    _w("ai_ja_auto_word", K.AI_AUTO_ANSWER, r"自動(回答|応答)", 1),
    _r("ai_ja_resolved", K.AI_AUTO_ANSWER,
       r"(解決|お役に立て|役に立ち)(しましたか|ましたでしょうか|ましたか)|この回答で[^。\n]{0,10}解決", 2),
)

_INFO_RULES = (
    _r("info_could_you", K.INFO_REQUEST,
       r"(could|can|would) you (please |kindly |also )?(provide|send|share|let (me|us) know|tell (me|us)|reply with|"
       r"supply|check|attach|forward|give (me|us)|confirm (the|your|which|whether|if))", 2),
    _r("info_please_provide", K.INFO_REQUEST,
       r"(please|kindly) (provide|send|share|let (me|us) know|reply with|respond with|supply|include|specify|"
       r"tell (me|us)|attach|forward|upload|confirm (the|your|which|whether|if))|"
       r"\b(reply|respond) with (a|the|your|both|copies|a copy)\b", 2),
    _r("info_need", K.INFO_REQUEST,
       r"\b(we|I)( will|'ll| would|'d| still)? (need|require)\b(?! (you )?to (confirm|reply))", 2),
    _r("info_missing", K.INFO_REQUEST,
       r"(missing|additional|more|further|following) (information|details|info|documents?|items?)", 2),
    _r("info_which", K.INFO_REQUEST,
       r"which (account|profile|e-?mail|address|one)\b[^.\n?]{0,40}(should|would|do|you|to keep|is)", 2),
    _w("info_proceed", K.INFO_REQUEST,
       r"(in order to|before (I|we) can|so that (I|we) can|to) (proceed|process|continue|move (ahead|forward)|go ahead|"
       r"investigate|locate|verify|find)", 1),
    _w("info_unable", K.INFO_REQUEST,
       r"(unable|not able|could ?n[o']t|can ?n[o']t|cannot) (to )?(locate|find|verify|identify|match)", 1.5),
    _w("info_attach", K.INFO_REQUEST,
       r"attach (the|a|your)|(photo|scan|copy) of (a |your )?(government|ID|passport)|validation number|"
       r"notification e-?mail|full name", 1),
    _r("info_ja_please", K.INFO_REQUEST,
       r"(提供|送付|共有|教えて|お知らせ|ご教示|記載|ご提出|添付)(ください|いただけ|頂け|願え|下さい|くださいます|いただきたく)", 2),
    _r("info_ja_missing", K.INFO_REQUEST,
       r"(追加|不足)の?(情報|事項|書類)(?!が?(ある|あれば|ござい))|情報が不足|以下の(情報|点|事項)(を|について)|"
       r"(ご提供|ご送付|ご提出|ご教示)を?(お願い|願い)", 2),
    _r("info_ja_reply_with", K.INFO_REQUEST,
       r"[）)A-Za-z0-9\u3040-\u30ff\u4e00-\u9fff]を[^。、\n]{0,15}(ご返信|ご回答|ご連絡|お知らせ)(ください|いただけ|願い)", 2),
    _r("info_ja_ask", K.INFO_REQUEST,
       r"確認させて(ください|いただけ)|どちら(でしょうか|ですか|になりますか|をお)|(いずれ|どれ)(でしょうか|ですか)", 2),
    _w("info_ja_unable", K.INFO_REQUEST, r"(確認|特定)(でき|が取れ|ができ)(ません|ず|ない|かね)|異なって(おり|い)", 1.5),
)

_CONFIRM_RULES = (
    _r("confirm_reply_to", K.CONFIRMATION_REQUEST,
       r"(reply|respond|write back|answer)[^.\n]{0,60}\bconfirm\b|"
       r"\bconfirm\b[^.\n]{0,60}by (replying|responding)", 2.5),
    _r("confirm_want", K.CONFIRMATION_REQUEST,
       r"confirm (that |whether )?(you|this is what you) (would like|want|wish|agree|approve)", 2.5),
    _r("confirm_merge", K.CONFIRMATION_REQUEST, r"\bconfirm\b[^.\n]{0,80}\bmerg|merg[^.\n]{0,60}\bconfirm\b", 2),
    _r("confirm_yes_reply", K.CONFIRMATION_REQUEST,
       r"[\"'](yes|confirmed?|I confirm|I agree|agreed?|approved?|I approve|go ahead|proceed|OK)\b"
       r"[^\"'\n]{0,25}[\"']", 2),
    _r("confirm_about_to", K.CONFIRMATION_REQUEST,
       r"(before|once) (we|I) (proceed|go ahead|merge|process|press|do this)|"
       r"(proceed|go ahead) with the (merge|request)|"
       r"what (I'm|I am|we're|we are) about to do|about to merge|"
       r"(we|I)('ll| will) (then )?(begin|start|proceed with|perform|carry out|process) the merge", 1.5),
    _w("confirm_irreversible", K.CONFIRMATION_REQUEST,
       r"(cannot|can ?not|can't|will not be able to) be (undone|reversed|reverted|restored)|irreversible|"
       r"not reversible|(is|are) (permanent|final)\b|permanent(ly)? (action|change)|for good", 2),
    _w("confirm_correct", K.CONFIRMATION_REQUEST, r"\bcorrect\?|is (this|that|the above) (correct|right)\b", 1),
    _r("confirm_ja_ok", K.CONFIRMATION_REQUEST,
       r"(統合|マージ)[^。\n]{0,40}(よろしい(でしょうか|ですか|か)|問題(が)?な(いか|ければ|いでしょうか)|差し支えな|"
       r"ご承認(ください|いただけ|をお願い)|同意(いただけ|します|の上|のうえ))", 3),
    _r("confirm_ja_reply", K.CONFIRMATION_REQUEST,
       r"ご確認(のうえ|の上|いただき|頂き|いただけ)[^。\n]{0,40}(返信|ご返信|ご連絡|お知らせ)|"
       r"「[^」\n]{1,12}」(と|とだけ)(ご返信|返信|お書き|お送り)", 2),
    _r("confirm_ja_as_follows", K.CONFIRMATION_REQUEST, r"以下の内容で(統合|マージ)", 2),
    _w("confirm_ja_irreversible", K.CONFIRMATION_REQUEST,
       r"戻す(こと)?(が|は)?(でき|出来)ません|取り消(し|す)(こと)?(は|が)?(でき|出来)(ません|かね)|取り消しは|"
       r"取り消しできません", 2),
)

_DONE_RULES = (
    _r("done_complete", K.COMPLETION_NOTICE,
       r"(merge|merging|request|consolidation)[^.\n]{0,40}\b(is|has been|was|is now) (now )?(complete|completed|"
       r"finished|done|successful|processed|finalized)", 3),
    _r("done_merged", K.COMPLETION_NOTICE,
       r"(accounts?|profiles?|records?)[^.\n]{0,20}(have|has) (now )?been (successfully )?"
       r"(merged|combined|consolidated)|"
       r"(has been|have been|is now|are now|was|were) (successfully )?(merged|combined|consolidated) (into|with)|"
       r"(accounts?|profiles?|records?)[^.\n]{0,30}\b(are|is) now (merged|combined|consolidated|one|a single)", 3),
    _r("done_moved_over", K.COMPLETION_NOTICE,
       r"(everything|all( of)? (your|the)|certifications?|exam history|benefits|vouchers?)[^.\n]{0,60}\b(has|have) "
       r"(now )?been (successfully )?(transferred|moved|migrated|copied) (to|into|over)", 2.5),
    _r("done_i_merged", K.COMPLETION_NOTICE,
       r"\b(I|we)('ve| have)? (successfully |now |just )?(merged|combined|consolidated|completed|finished) "
       r"(the merge|your|the (two )?accounts|the profiles|AWS\d)", 3),
    _w("done_appear", K.COMPLETION_NOTICE,
       r"(now|should now|will now) (appear|show|be visible|be listed|be reflected|reflect)|(are|is) now listed|"
       r"shows? (up )?on the account", 1.5),
    _w("done_all_set", K.COMPLETION_NOTICE, r"\b(all set|all done|done!)|good news", 1),
    _r("done_now_under", K.COMPLETION_NOTICE,
       r"\b(certifications?|everything|all of (it|them)|history|transcript)\b[^.\n]{0,40}\bnow (live|lives|shows?|"
       r"appears?|sits?|are listed|is listed|resides?)\b[^.\n]{0,20}\b(under|on|in)\b", 3),
    _r("done_ja_complete", K.COMPLETION_NOTICE,
       r"(統合|マージ|移行)[^。\n]{0,30}?(完了|終了|終わり|済み|終え)(いたし|し|して|まし|です|となり|て(お|い))"
       r"(?!(ましたら|たら|次第|た後|てから|ます前))|(統合|マージ)[^。\n]{0,20}を[^。\n]{0,10}(実施|実行)(いたし|し)ました", 3),
    _r("done_ja_merged", K.COMPLETION_NOTICE, r"(統合|マージ)(いたし|し|させていただき)ました", 3),
    _w("done_ja_reflected", K.COMPLETION_NOTICE,
       r"(移行|反映|表示)(されて|いたし|され|される(ように)?なって)(おります|います|ました)", 1.5),
    _w("done_subject", K.COMPLETION_NOTICE, r"complete|merged|完了", 1.5, "subject"),
)

_CREDLY_RULES = (
    _w("credly_word", K.CREDLY_FOLLOWUP, r"\bcredly\b", 1.5),
    _w("credly_badge", K.CREDLY_FOLLOWUP, r"\bbadges?\b|バッジ", 1),
    _r("credly_accept", K.CREDLY_FOLLOWUP,
       r"\b(accept|claim|re-?claim)\b[^.\n]{0,25}\bbadges?|badges?\b[^.\n]{0,30}\b(accept|claim)|accept them", 3),
    _r("credly_moved", K.CREDLY_FOLLOWUP,
       r"(re-?issued|transferred|moved|migrated|reassigned)[^.\n]{0,50}badge|badges?[^.\n]{0,50}"
       r"(re-?issued|transferred|moved|migrated|reassigned)", 3),
    _r("credly_issued", K.CREDLY_FOLLOWUP,
       r"(you'?ve|you have) (earned|been issued|been awarded|received) (a|the|your|new)|issued you (a|the|your)\b|"
       r"badge (is )?waiting", 3),
    _r("credly_ja_moved", K.CREDLY_FOLLOWUP,
       r"バッジ[^。\n]{0,40}(移行|再発行|発行|移動|付け替え|受け入れ|承認)|(再発行|発行)[^。\n]{0,20}バッジ", 3),
    _w("credly_subject", K.CREDLY_FOLLOWUP, r"badge|credly|バッジ", 1.5, "subject"),
)

_SURVEY_RULES = (
    _r("survey_word", K.SURVEY, r"\bsurvey\b|questionnaire", 2.5),
    _r("survey_how_did", K.SURVEY, r"how (did|was) (we|our|your) (do|support|experience)|how did we do", 2.5),
    _r("survey_rate", K.SURVEY,
       r"(rate|rating|evaluate)[^.\n]{0,50}(experience|support|service|interaction|agent|correspondence)|"
       r"how (satisfied|likely|would you rate)|on a scale of", 2.5),
    _w("survey_feedback", K.SURVEY, r"(your|share|value|love) (your )?feedback", 1),
    _w("survey_minutes", K.SURVEY, r"(take|takes|only) (a |about |less than )?(few|\d+|one|two|a) (short )?"
                                   r"(minutes?|seconds?)|\d+-second", 1),
    _w("survey_subject", K.SURVEY, r"survey|feedback|how did we do|experience|アンケート|ご意見|満足度", 1.5, "subject"),
    _r("survey_ja", K.SURVEY,
       r"アンケート|満足度|(ご意見|ご感想|お声|ご評価)[^。\n]{0,10}(お聞かせ|お寄せ|ご協力)|評価(して|を)", 3),
)

_CLOSE_RULES = (
    _r("close_not_heard", K.AUTO_CLOSE_WARNING,
       r"(haven'?t|have not|did not|didn'?t|not yet|still not) (heard|received)[^.\n]{0,40}"
       r"(from you|a (reply|response)|"
       r"your (reply|response)|back)", 2.5),
    _r("close_will_close", K.AUTO_CLOSE_WARNING,
       r"(will|'ll|may|shall) (be )?(automatically )?(resolved|closed|close|resolve)[^.\n]{0,60}"
       r"(automatic|unless|if (we|you) (do not|don'?t)|no (reply|response)|in \d+|within \d+|after \d+)", 3),
    _r("close_auto", K.AUTO_CLOSE_WARNING,
       r"(automatically|auto)[- ]?(resolved?|closed?)|(resolved|closed) automatically|"
       r"due to (inactivity|no response|lack of response)", 2.5),
    _r("close_mark_resolved", K.AUTO_CLOSE_WARNING,
       r"(mark|consider|set|treat)[^.\n]{0,25}\b(as )?(resolved|closed|inactive)\b[^.\n]{0,40}"
       r"(\b(in|within|after) (\d+|one|two|three|five|seven)|unless|if (we|you) (do not|don'?t))", 3),
    _r("close_resolved_because", K.AUTO_CLOSE_WARNING,
       r"(has been|was|were|is) (resolved|closed) (because|as|since|due to)", 2.5),
    _r("close_if_no_reply", K.AUTO_CLOSE_WARNING,
       r"if (we|I) (don'?t|do not|haven'?t) (hear|receive|get)|unless (we|I) hear", 2),
    _w("close_awaiting", K.AUTO_CLOSE_WARNING,
       r"awaiting your (response|reply)|waiting (for|on) your (response|reply)|pending customer action|"
       r"waiting on", 1.5),
    _w("close_reopen", K.AUTO_CLOSE_WARNING, r"reopen[^.\n]{0,60}(14|fourteen) days|within (14|fourteen) days", 1),
    _r("close_ja_no_reply", K.AUTO_CLOSE_WARNING,
       r"(ご返信|ご返答|ご回答|ご連絡|返信)(が|を)?(ない|いただけない|頂けない|ございません|なかった|いただけなかった|"
       r"いただいておりません|いただけておりません|確認できておりません)", 2.5),
    _r("close_ja_auto", K.AUTO_CLOSE_WARNING,
       r"自動的に(クローズ|終了|解決|完了|閉じ)|(クローズ|終了|解決済み」?)(させて|とさせて)いただき", 3),
    _w("close_ja_reopen", K.AUTO_CLOSE_WARNING, r"14\s*日以内|(再開|再オープン)", 1),
)

_OTHER_RULES = (
    _r("other_git", K.UNRELATED,
       r"pull request|merge request [!#]\d+|\bMR ?!\d+|\bPR ?#?\d+|\bgit\b|rebase|merge conflict|code review|"
       r"\bmain branch|"
       r"feature branch|feature/|squash|CI (pipeline|is green)|プルリクエスト|ブランチ|リポジトリ|コンフリクト", 4),
    _r("other_marketing", K.UNRELATED,
       r"unsubscribe|newsletter|webinar|register (now|today)|limited[- ]time|promo(tion)? code|early bird|"
       r"re:?Invent|save your seat|manage (your )?(email )?preferences|opted in|you are receiving this (e-?mail|"
       r"newsletter)|in this issue|read the full article|\*terms apply", 3),
    _r("other_shop", K.UNRELATED, r"order (confirmation|has shipped|number)|your order|ご注文|配送|お届け予定", 3),
    _r("other_ja_marketing", K.UNRELATED,
       r"配信停止|メールマガジン|メルマガ|セミナー|キャンペーン|ウェビナー|勉強会|ダイジェスト|人気記事", 3),
    _r("other_ja_company", K.UNRELATED, r"部署|組織|会社の統合|合併|経営統合|人事|会議|打ち合わせ|社員各位|関係各位", 2),
    _r("other_howto", K.UNRELATED, r"(step[- ]by[- ]step|how to|guide|tutorial|tips)[^.\n]{0,40}merg|step \d+ -", 2),
)

RULES: tuple[Rule, ...] = (_ACK_RULES + _AI_RULES + _INFO_RULES + _CONFIRM_RULES + _DONE_RULES + _CREDLY_RULES
                           + _SURVEY_RULES + _CLOSE_RULES + _OTHER_RULES)

SENDER_RULES: tuple[Rule, ...] = (
    Rule("from_no_reply", K.SURVEY, "from", re.compile(r"^no-?reply-aws@", re.I), 1.0, False),
    Rule("from_credly", K.CREDLY_FOLLOWUP, "from", re.compile(r"@(\w+\.)*credly\.com$", re.I), 2.0, False),
)



_LITERALS = {f: Literals(n for r in RULES if r.field == f for a in r.alts if a.needs
                      for n in (*a.needs, *(x for s in a.also for x in s)))
             for f in ("subject", "body")}


def _index(field: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    by_literal: dict[str, list[int]] = {}
    always = []
    for i, rule in enumerate(RULES):
        if rule.field != field:
            continue
        if rule.needs is None:
            always.append(i)
            continue
        for literal in rule.needs:
            by_literal.setdefault(literal, []).append(i)
    return {k: tuple(v) for k, v in by_literal.items()}, tuple(always)


_BY_LITERAL = {f: _index(f) for f in ("subject", "body")}
