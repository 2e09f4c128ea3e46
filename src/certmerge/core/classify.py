"""Email -> Classification: one kind, a confidence and the reasons (which rule fired on which text).

The rules are data (rules.py): (name, kind, field, pattern, weight, anchor), English and Japanese, matched fast
and exactly by matcher.py. Only the subject and the new text (quoted history cut, hard-wrapped lines joined)
are read; a forwarded mail is read by what it forwards. How a kind is decided:

1. Topic gate. A mail is about the merge case only when it is from a vendor (or claims to be one) AND speaks
   of certification, training, badges or a merge. Colleagues, another AWS case (EC2, billing), a Free Tier
   alert are `unrelated` whatever phrases they contain. Vendor mail that names no topic at all may only be one
   of the passive kinds (survey, auto-close warning), which never move a case.
2. Anchors. A kind wins only with one of its anchor rules and more weight than the `unrelated` evidence
   (pull requests, newsletters, orders); outside a case thread (no case ID) such evidence wins outright.
3. Review. Vendor mail in a case thread that no anchor reads gets the kind its weaker cues point to, or
   `unrelated`, at confidence 0.5: below the review threshold, so it is shown as "needs review" and does not
   move the case.

Authenticity is decided separately (authenticity.py) and carried along; it is always the outer sender's.
"""

from __future__ import annotations

import re
from collections import defaultdict

from . import asks as asks_mod
from .authenticity import CASE_ID_IN_TEXT, CASE_TAG, is_badge_platform, is_vendor, vendor_claim, verdict
from .charsets import japanese_ratio
from .model import APPROVAL_ASKS, WEAK_CONFIDENCE, Ask, Asks, Classification, Email, Lang, MailKind, Reason
from .rules import KIND_CONTEXT, OTHER_TOPIC, SENDER_RULES, SOFT_TOPIC_KINDS, TOPIC, candidates, present_literals

_NORMALIZE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                            "\u2032": "'", "\u3000": " "})
# On a tie the more consequential reading wins: what moves the case furthest, then what asks the user to act.
_PRIORITY = {k: i for i, k in enumerate((
    MailKind.COMPLETION_NOTICE, MailKind.CONFIRMATION_REQUEST, MailKind.INFO_REQUEST, MailKind.AUTO_CLOSE_WARNING,
    MailKind.CREDLY_FOLLOWUP, MailKind.ACKNOWLEDGEMENT, MailKind.AI_AUTO_ANSWER, MailKind.SURVEY))}
_EN_END, _EN_START = frozenset("abcdefghijklmnopqrstuvwxyz,;"), frozenset("abcdefghijklmnopqrstuvwxyz(")
# Support mail that can ask something of the user (asks.py reads what); the badge platform's own
# notifications never ask anything of the case.
ASKING_KINDS = frozenset({MailKind.INFO_REQUEST, MailKind.CONFIRMATION_REQUEST, MailKind.CREDLY_FOLLOWUP,
                          MailKind.AUTO_CLOSE_WARNING, MailKind.SURVEY, MailKind.COMPLETION_NOTICE})
ASKS_CONFIDENCE = 0.75  # a kind that what the mail asks confirms (above the default review threshold)
MIN_SCORE = 2.0
WEAK_SCORE = 1.5  # weak cues enough for a "needs review" guess in a case thread
EXCERPT = 60
_BODY_CHARS = 20000


def find_case_id(mail: Email) -> str | None:
    m = CASE_TAG.search(mail.subject) or CASE_ID_IN_TEXT.search(mail.subject)
    if m:
        return m.group(1)
    m = CASE_ID_IN_TEXT.search(mail.new_text[:4000])
    return m.group(1) if m else None


def language_of(mail: Email) -> Lang:
    sample = mail.subject + "\n" + (mail.new_text or mail.text)[:3000]
    return Lang.JA if japanese_ratio(sample) >= 0.15 else Lang.EN


def unwrap(text: str, verbatim: bool = False) -> str:
    """Text as the rules read it: typographic quotes made plain, and hard-wrapped lines joined again
    (a Japanese sentence broken between two characters, an English one before a lower-case word).

    `verbatim` (for asks.py, which quotes words back): characters kept as written, and a list item's first
    line joined to the next in Japanese only where it breaks off mid-phrase (after a particle or a comma):
    「1. 統合元アカウントの認定通知用メールアドレス」 is the item, the lines under it explain it."""
    lines = (text if verbatim or text.isascii() else text.translate(_NORMALIZE)).split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1].rstrip(" \t")
        if prev:
            ja_next = line.lstrip(" \t\u3000")
            item_head = verbatim and _ITEM_START.match(prev) and prev[-1] not in _JA_MID
            if ja_next and prev[-1] in _JA_END and ja_next[0] in _JA_START and not item_head:
                out[-1] = prev + ja_next
                continue
            en_next = line.lstrip(" \t")
            if en_next and prev[-1] in _EN_END and en_next[0] in _EN_START:
                out[-1] = prev + " " + en_next
                continue
        out.append(line)
    return "\n".join(out)


class _CharClass:
    """`ch in _CharClass(...)` for Japanese ranges plus a few extra characters."""

    def __init__(self, extra: str, ascii_alnum: bool = False) -> None:
        self.extra, self.alnum = frozenset(extra), ascii_alnum

    def __contains__(self, ch: str) -> bool:
        return ("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or ch in self.extra
                or (self.alnum and ch.isascii() and ch.isalnum()))


_JA_END = _CharClass("、，（）「」")
_JA_MID = frozenset("のをにがはとでもへや、，（「")  # a Japanese line that ends here breaks off mid-phrase
_ITEM_START = re.compile(r"\s*(?:[-*•・●○■□◆]|\d{1,2}[.)）]|[(（]\d{1,2}[)）]|[①-⑨])\s*\S")
_JA_START = _CharClass("（「", ascii_alnum=True)


def _excerpt(text: str, m: re.Match) -> str:
    s = text[m.start():m.end()]
    return s if len(s) <= EXCERPT else s[:EXCERPT - 1] + "…"


def score(mail: Email, body: str | None = None) -> tuple[dict[MailKind, float], set[MailKind], list[Reason]]:
    """Sum rule weights per kind over the subject, the new text (`body`: already unwrapped) and the sender;
    which kinds have an anchor."""
    subject = mail.subject if mail.subject.isascii() else mail.subject.translate(_NORMALIZE)
    fields = {"subject": subject, "body": unwrap(mail.new_text[:_BODY_CHARS]) if body is None else body}
    scores: dict[MailKind, float] = defaultdict(float)
    anchored: set[MailKind] = set()
    reasons: list[Reason] = []
    lowered = {name: text.lower() for name, text in fields.items()}
    present = {name: present_literals(low, name) for name, low in lowered.items()}
    for rule in candidates("subject", present["subject"]) + candidates("body", present["body"]):
        low = lowered[rule.field]
        m = rule.search(low, present[rule.field])
        if m:
            scores[rule.kind] += rule.weight
            if rule.anchor:
                anchored.add(rule.kind)
            text = fields[rule.field] if len(fields[rule.field]) == len(low) else low
            reasons.append(Reason(rule.name, rule.field, _excerpt(text, m), rule.weight))
    sender = mail.sender.email
    for rule in SENDER_RULES:
        if rule.pattern.search(sender):
            scores[rule.kind] += rule.weight
            reasons.append(Reason(rule.name, "from", sender, rule.weight))
    context = lowered["subject"] + "\n" + lowered["body"]
    for kind, pattern in KIND_CONTEXT.items():
        if kind in anchored and not pattern.search(context):
            anchored.discard(kind)
            reasons.append(Reason(f"no_{kind.value}_context", "gate", "no mention of a support case", 0.0))
    return scores, anchored, reasons


def on_topic(mail: Email, vendors: tuple[str, ...], claim: str | None = None) -> tuple[str, str]:
    """Whether a mail is about the merge case: "yes" when it is from (or claims to be) a vendor and speaks of
    certification; "soft" when such a mail names no topic at all (only passive kinds may then win); else "no".
    `claim`: the mail's vendor_claim when its verdict has already worked it out."""
    if is_vendor(mail.sender.domain, vendors):
        who = f"vendor {mail.sender.domain}"
    elif claim if claim is not None else vendor_claim(mail, vendors):
        who = "claims to be a vendor"
    else:
        return "no", f"not from a vendor ({mail.sender.domain or 'no address'}) and not claiming to be one"
    text = (mail.subject + "\n" + mail.new_text[:5000]).lower()
    if TOPIC.search(text):
        return "yes", who
    other = OTHER_TOPIC.search(text)
    if other:
        return "no", f"about another topic ({other.group(0)!r}), not certification, training, badges or a merge"
    return "soft", f"{who}; names no topic"


def classify(mail: Email, vendors: tuple[str, ...], trusted_ids: tuple[str, ...] = (),
             country: str = "") -> Classification:
    """`country`: whose public holidays a deadline in business days skips (default: by the mail's language)."""
    v = verdict(mail, vendors, trusted_ids)
    subject_of = mail.forwarded if mail.forwarded is not None and mail.forwarded.new_text else mail
    case_id = find_case_id(subject_of) or find_case_id(mail)
    language = language_of(subject_of)
    topic, why = on_topic(subject_of, vendors, v.claim if subject_of is mail else None)
    if topic == "no" and subject_of is not mail:
        topic, why = on_topic(mail, vendors, v.claim)
    verbatim = unwrap(subject_of.new_text[:_BODY_CHARS], verbatim=True)  # asks.py quotes words back from it
    scores, anchored, reasons = score(subject_of, verbatim if verbatim.isascii() else verbatim.translate(_NORMALIZE))
    if subject_of is not mail:
        why_fwd = f"read as the forwarded mail from {subject_of.sender.email or 'an unknown sender'}"
        reasons.insert(0, Reason("forwarded", "gate", why_fwd, 0.0))
    if topic == "soft":
        anchored &= SOFT_TOPIC_KINDS
    kind, confidence = _decide(scores, anchored, topic != "no", bool(case_id))
    if topic == "no" or (topic == "soft" and kind is MailKind.UNRELATED):
        reasons.insert(0, Reason("off_topic", "gate", why, 0.0))
    asked = Asks()
    weak = kind is MailKind.UNRELATED and confidence == WEAK_CONFIDENCE  # vendor mail in a case thread
    if (kind in ASKING_KINDS or weak) and not is_badge_platform(subject_of.sender.domain):
        asked = asks_mod.extract(verbatim, subject_of.date or mail.date, language, country,
                                 dates_only=kind in (MailKind.SURVEY, MailKind.COMPLETION_NOTICE))
        kind, why_kind, agree = refine(kind, asked)
        if why_kind:
            reasons.append(Reason(why_kind, "asks", ", ".join(a.value for a in asked.items), 0.0))
        if agree and confidence < ASKS_CONFIDENCE:
            # what the mail asks and the kind agree: two readings of one mail, trusted as one strong one
            confidence = ASKS_CONFIDENCE
            reasons.append(Reason("asks_agree", "asks", ", ".join(a.value for a in asked.items), 0.0))
        if kind in (MailKind.SURVEY, MailKind.COMPLETION_NOTICE):
            asked = Asks(reopen_by=asked.reopen_by)  # they ask nothing (a survey may say how to reopen)
    return Classification(kind, round(confidence, 3), tuple(reasons), case_id, language, v.authenticity,
                          v.reason, asked)


def refine(kind: MailKind, asked: Asks) -> tuple[MailKind, str, bool]:
    """The kind as what the mail asks shows it: (kind, why it changed or "", whether the two agree).

    A follow-up that offers options or wants the merge approved is a confirmation request; one that only asks
    for facts (a mistyped ID, a missing e-mail) is an info request, whatever its wording of "confirm"; one that
    only asks about Credly is a Credly follow-up; a "resolved, reply within N days to reopen" mail is a warning
    (it closes nothing of ours: the reply reopens it)."""
    approval = APPROVAL_ASKS.intersection(asked.items)
    facts = [a for a in asked.items if a not in APPROVAL_ASKS and a is not Ask.QUESTION]
    if kind is MailKind.UNRELATED:  # thread mail no rule reads: what it asks may still say what it is
        if approval:
            return MailKind.CONFIRMATION_REQUEST, "asks_to_approve_or_choose", True
        if facts:
            return MailKind.INFO_REQUEST, "asks_for_facts", True
        return kind, "", False
    if asked.reopen_by and kind in (MailKind.INFO_REQUEST, MailKind.CONFIRMATION_REQUEST):
        return MailKind.AUTO_CLOSE_WARNING, "resolved_reply_to_reopen", False
    if asked.deadline and not asked.items and kind in (MailKind.INFO_REQUEST, MailKind.CONFIRMATION_REQUEST):
        # "we are still waiting for what we asked; we close the case on the 18th": a reminder, asks nothing new
        return MailKind.AUTO_CLOSE_WARNING, "reminder_with_deadline", False
    if kind is MailKind.INFO_REQUEST and facts and set(facts) <= _CREDLY_ASKS and not approval:
        return MailKind.CREDLY_FOLLOWUP, "asks_only_about_credly", True
    if kind is MailKind.INFO_REQUEST and approval:
        return MailKind.CONFIRMATION_REQUEST, "asks_to_approve_or_choose", True
    if kind is MailKind.CONFIRMATION_REQUEST and facts and not approval:
        return MailKind.INFO_REQUEST, "asks_only_for_facts", True
    agree = (kind is MailKind.INFO_REQUEST and bool(facts)) or (kind is MailKind.CONFIRMATION_REQUEST and bool(approval))
    return kind, "", agree


_CREDLY_ASKS = frozenset({Ask.CREDLY_EMAIL})


def _decide(scores: dict[MailKind, float], anchored: set[MailKind], topic: bool,
            in_thread: bool = False) -> tuple[MailKind, float]:
    """The kind and a confidence. Vendor mail in a case thread that no rule can read is `unrelated` with a
    confidence below the review threshold: the user is asked to look at it rather than told it is nothing."""
    unrelated = scores.get(MailKind.UNRELATED, 0.0)
    ranked = sorted(((s, -_PRIORITY[k], k) for k, s in scores.items() if k in anchored and k in _PRIORITY),
                    reverse=True)
    if not topic:
        best = ranked[0][0] if ranked else 0.0
        return MailKind.UNRELATED, 0.95 if best < MIN_SCORE else 0.8
    if not ranked or ranked[0][0] < MIN_SCORE or unrelated >= ranked[0][0]:
        top = ranked[0][0] if ranked else 0.0
        if in_thread and unrelated < MIN_SCORE:
            return _weak_guess(scores, unrelated)
        margin = (max(unrelated, MIN_SCORE) - top) / MIN_SCORE
        return MailKind.UNRELATED, min(0.95, 0.6 + 0.2 * max(margin, 0.0))
    top, _p, kind = ranked[0]
    rivals = {kind, MailKind.UNRELATED}
    if kind is MailKind.CREDLY_FOLLOWUP and MailKind.COMPLETION_NOTICE in anchored:
        # a mail that reports the merge done is the completion notice, whatever it adds about the badges
        # ("the badges will be re-issued in a few days"): what it says of them does not argue against it
        kind, top = MailKind.COMPLETION_NOTICE, scores[MailKind.COMPLETION_NOTICE]
        rivals = {kind, MailKind.UNRELATED, MailKind.CREDLY_FOLLOWUP}
    if not in_thread and unrelated >= MIN_SCORE and kind is not MailKind.CREDLY_FOLLOWUP:
        # outside any case thread, newsletter/marketing/git evidence outweighs phrases ("generated with AI"...);
        # Credly's own notifications are never in a case thread and carry unsubscribe links
        return MailKind.UNRELATED, min(0.9, 0.6 + 0.1 * unrelated)
    second = max([s for k, s in scores.items() if k not in rivals] + [unrelated])
    margin = (top - second) / 3.0
    strength = min(1.0, top / 4.0)
    return kind, min(0.99, 0.4 + 0.35 * max(min(margin, 1.0), 0.0) + 0.25 * strength)


def _weak_guess(scores: dict[MailKind, float], unrelated: float) -> tuple[MailKind, float]:
    """Vendor mail in a case thread that no anchor rule read: the kind its weaker cues point to, if any, at a
    confidence below the review threshold, so that it is shown as "needs review" and never moves the case."""
    weak = sorted(((s, -_PRIORITY[k], k) for k, s in scores.items() if k in _PRIORITY), reverse=True)
    if weak and weak[0][0] >= WEAK_SCORE and weak[0][0] > unrelated:
        return weak[0][2], WEAK_CONFIDENCE
    return MailKind.UNRELATED, WEAK_CONFIDENCE
