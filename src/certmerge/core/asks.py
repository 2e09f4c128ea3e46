"""What a support mail asks of the user, read from its new text (never the quoted history), in English and
Japanese: the facts requested, the options offered, the exact words to reply with, questions no known fact
names, and the deadline (or, for a "resolved, reply within N days to reopen" mail, the reopen-by date).

Pure. A fact counts as asked only inside a request: a sentence that asks ("please provide", "could you",
"?", 「ご教示ください」) or that reports a value as not found; and in the list items that follow a line that
asks. Words such as "merge" or an account ID in a statement are not requests.
"""

from __future__ import annotations

import datetime as dt
import re

from .asks_dates import CLOSE_CUE, DATE_LITERALS, REOPEN, RESOLVED, reply_by
from .asks_text import lower, lowered, spans
from .matcher import Literals
from .model import Ask, Asks, Lang, Option



# A sentence (or list item) that asks something of the user: a polite imperative, a question, a need, or a
# value reported as not found. "Thank you for your reply" is not one.
_REQUEST = lowered(
    r"\bplease\b|\bkindly\b|\b(could|can|would|will) you\b|let us know|let me know|\bwe (still )?(need|require|will "
    r"need|would need)\b|\b(i|we) (also |still )?(need|require)\b|^(provide|send|share|confirm|reply|respond|tell us|"
    r"include|specify|indicate|advise)\b|\bno match\b|\b(wasn't|weren't) able to\b|"
    r"\bin your reply\b|\?|\b(could not|couldn't|unable to|were not able to|was not able to|cannot|can't) (find|locate|"
    r"verify|match|identify)|\b(does|do|did) not (match|exist|appear|include|contain)|\bnot (found|valid|recognized)\b|"
    r"\b(is|are|was|were) (missing|not (included|provided|listed))|\bwe have not (yet )?received\b|"
    r"ください|下さい|いただけ|頂け|いただきたく|願い|お知らせ(ください|いただ|願)|ご教示|ご返信|ご回答|ご提供|お送り|お聞かせ|"
    r"必要|？|見つかりません|見当たりません|確認できません|確認できず|一致しません|存在しません|不足|"
    r"いただいておりません|頂いておりません|漏れ|(記載|ご記入|情報|記述)[^。\n]{0,8}(ございません|ありません)", fast=True)
_LIST_MARK = re.compile(r"^\s*(?:[-*•・●○■□◆]|\d{1,2}[.)）]|[(（]\d{1,2}[)）]|[①-⑨]|[A-Da-d][.)）])\s*")
_ASIDE = re.compile(r"\([^()\n]*\)|（[^（）\n]*）")  # "(this can differ from the email you sign in with)"
_WHICH = lowered(r"\bwhich\b|どちら|いずれ")
# what announces a list or table of facts to give ("please send the following:"), as against one to review
_GIVE = lowered(r"send|provide|share|reply with|respond with|include|tell|let (us|me) know|give|supply|specify|fill in|need|"
           r"require|必要|"
           r"answer|お知らせ|ご教示|ご提供|お送り|ご記載|ご記入|ご返信|ご回答|教え|確認させて|ご連絡")
_CONTINUES = (",", "、", "(", "（", "，")  # an item's line that breaks off here goes on on the next line
_LIST_CUE = lowered(r"[:：]\s*$|following|below|these|\bas follows\b|\btable\b|\blisted\b|以下|下記|次の|表")
_NOT_REQUEST = lowered(r"^\s*(thank|thanks|many thanks)\b|^(ご連絡|ご返信|お問い合わせ)(いただき)?(誠に)?ありがとう")

# Facts, in the order they are tested; the position of the match orders what was asked.
_FACTS: tuple[tuple[Ask, re.Pattern], ...] = tuple((a, lowered(p, fast=True)) for a, p in (
    (Ask.BUILDER_ID_EMAIL, r"builder\s*id|ビルダー\s*ID"),
    (Ask.CREDLY_EMAIL, r"credly[^.?\n。]{0,60}(e-?mail|address|account)|(e-?mail|address|account)[^.?\n。]{0,40}credly|"
                       r"credly[^。\n]{0,30}(メール|アドレス|アカウント)"),
    (Ask.PROFILE_NAME, r"profile name|name[^.?\n]{0,30}(as it appears|exactly as|on (your|the) profile|in roman|"
                       r"in english|in latin|in alphabet)|romaji|roman (letters|alphabet|characters)|legal name|"
                       r"ローマ字|英字|アルファベット|プロフィール[^。\n]{0,12}(名前|氏名|お名前)|英語表記"),
    (Ask.TRAINING_EMAIL, r"aws\.?\s?training[^.?\n。]{0,40}(notification|e-?mail|通知|メール)|"
                         r"training (notification )?e-?mail|トレーニング[^。\n]{0,10}(通知|メール)"),
    (Ask.CERTIFICATION_EMAIL, r"certification (account )?(notification )?e-?mail|e-?mail[^.?\n]{0,80}certification notification|"
                              r"e-?mail[^.?\n]{0,30}(for|on|of|in) (the |your )?certification (notification|account|profile)|"
                              r"certification notifications?|認定[^。\n、]{0,6}(通知|連絡)[^。\n]{0,6}(メール|アドレス|先)|"
                              r"認定通知|資格[^。\n]{0,4}通知"),
    (Ask.LOGIN_EMAIL, r"(login|log-in|log in|sign-in|sign in|signin)[^.?\n]{0,20}e-?mail|"
                      r"e-?mail[^.?\n]{0,40}(to |you )(log|sign) ?in|ログイン[^。\n]{0,10}(メール|アドレス)|"
                      r"サインイン[^。\n]{0,10}(メール|アドレス)|e-?mail address(es)? (associated|registered|linked|tied) "
                      r"(with|to) (both|each|the|your) (of your )?(two )?(certification )?accounts?|"
                      r"(両方|それぞれ|各)の?アカウント[^。\n]{0,12}(メール|アドレス)|(登録|ご登録)[^。\n]{0,8}メールアドレス"),
    (Ask.KEEP_ACCOUNT, r"which (of the|of your|one|account)[^.?\n]{0,60}(keep|retain|primary|main|remain|survive)|"
                       r"(account|one) (you (would like|want|wish)|to) (to )?(keep|retain|remain)|primary account|"
                       r"(どちら|いずれ)[^。\n]{0,20}(残|存続|統合先|メイン|主)|(残す|存続させる|存続する)アカウント|"
                       r"統合先の?アカウント[^。\n]{0,8}(ご教示|お知らせ|教え|ご指定|について)"),
    (Ask.ACCOUNT_ID, r"candidate\s*id|certification\s*(account\s*)?id|account\s*id|\bid\b[^.?\n]{0,30}(provided|given|"
                     r"you (gave|sent|shared))|(correct|right|valid|full) id\b|\b(the|that|this|your) id\b|受験者\s*ID|認定\s*(アカウント)?\s*ID|アカウント\s*ID|候補者\s*ID|"
                     r"candidate\s*ID"),
    (Ask.CERTIFICATIONS, r"(list|names?) of (the |your |all |each )?certifications?|certifications? (held|you hold|on|in|under|"
                         r"associated|earned|for each)|which certifications|pass(ed)? dates?|(exam|passing|certification) "
                         r"dates?|date[^.?\n]{0,20}(passed|earned|achieved)|保有[^。\n]{0,8}(認定|資格)|(認定|資格)[^。\n]{0,10}"
                         r"(一覧|名称|名前)|合格日|取得日|認定日"),
    (Ask.BENEFIT_PLAN, r"(voucher|benefit|discount)[^.?\n]{0,80}\b(use|redeem|plan)|(use|redeem|plan)[^.?\n]{0,60}"
                       r"(voucher|benefit|discount)|(バウチャー|特典|割引)[^。\n]{0,40}(ご利用|使用|利用する|ご使用|予定)"),
    (Ask.BENEFITS, r"\bbenefits?\b|vouchers?|discount|特典|バウチャー|割引"),
    (Ask.REASON, r"\breason\b|\bwhy\b|理由"),
    (Ask.NAME, r"(full|your) name|氏名|お名前"),
))

# Approving the merge as described (as against giving facts).
_CONFIRM = lowered(
    r"confirm (that )?(you|you'd|you would) (still )?(want|wish|would like|like|agree|approve|are (ok|okay|fine))|"
    r"confirm (the|this|your|that the) (account )?(merge|merging|consolidation|request)|"
    r"confirm (if|whether) (you|we) (would like|want|wish|should|can|may) (to )?(proceed|go ahead|merge)|"
    r"(reply|respond|write back)[^.\n]{0,60}\bto (confirm|approve|authori[sz]e|proceed|consent)|"
    r"(approve|authori[sz]e|consent to|agree to) (the|this|that) (account )?merg|your (approval|consent|authori[sz]ation)|"
    r"do you (want|wish|agree|approve)[^.?\n]{0,100}merg|ok(ay)? (for us )?to proceed|"
    r"(would you like|do you want) (us )?to proceed|"
    r"confirm (that )?(the|these|this|above|following) (details|information|summary|is|are)[^.?\n]{0,30}(correct|accurate)|"
    r"統合[^。\n]{0,20}(同意|承認|ご了承)|同意いただけ|同意(いただける|される)|ご承認|了承いただけ|"
    r"(進めて|実施して|実行して|統合して)(も)?(よろしい|差し支え|問題)|問題(が)?(なければ|ございませんでしたら|無ければ)|"
    r"よろしければ[^。\n]{0,40}(返信|ご連絡|お知らせ)|(上記|以下|下記)[^。\n]{0,20}(内容|とおり|通り)[^。\n]{0,30}(よろしい|間違い|相違)", fast=True)

# The exact words to reply with: a cue, then the words in quotes (or alone on the next line).
_PHRASE_CUE = lowered(
    r"(reply|respond|write|type|answer|state|include|copy)[^.\n]{0,60}(with|using|the following|these|this|"
    r"exact|verbatim|words|phrase|statement|sentence)|(following|this|exact) (phrase|statement|sentence|wording|words|text)|"
    r"文言|一文|そのまま|記載の上|ご記載|記載して|ご記入|以下の?(内容|文)[^。\n]{0,10}(返信|記載|ご返信)|下記の?(内容|文)[^。\n]{0,10}(返信|記載)",
    fast=True)
_WORDS_CUE = lowered(r"phrase|statement|sentence|wording|words|verbatim|文言|一文|そのまま")
_QUOTED = re.compile(r"『([^』\n]{4,300})』|「([^」\n]{4,300})」|“([^”\n]{4,300})”|\"([^\"\n]{4,300})\"|"
                     r"(?<![A-Za-z])'([^'\n]{8,300})'(?![A-Za-z])")

# Option lists: "A) ...", "Option B: ...", "(1) ...", "2. ...", "① ...", "案A：..."
_OPTION = lowered(r"^\s*[-*•・]?\s*(?:option|choice|オプション|選択肢|案)?\s*(?:([(（][A-Da-d1-9][)）])|([A-Da-d]|[1-9])"
                     r"\s*(案)?(?:[)）.:：]|\s[-–—]\s)|([①-⑨])[.:：)）]?)\s*(\S.{2,300})$")
_CHOOSE = lowered(r"\b(choose|select|pick) (one|between|from|an option|the option|which|either)|which (option|one)\b|"
                     r"\bwhich of (these|those|the two)\b|\breply with \(?[a-d1-9]\)? or \(?[a-d1-9]\)?|"
                     r"\boption you\b|one of the following|(reply|respond|answer) with (the )?(letter|number|option)|"
                     r"\bwhich of the following\b|\bprefer(red)?\b[^.\n]{0,30}\boption|いずれか|どちらか|お選び|ご選択|選択して|"
                     r"ご希望の(方|番号|案|選択肢)", fast=True)

_REFERS = lowered(r"\b(it|them)\b|それ|こちら")
_SURVEY_Q = lowered(r"how (did|would) (we|you rate)|how satisfied|did this (answer|resolve)|was this helpful|"
                       r"満足|いかがでしたか|役に立ちましたか")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•・●○■□◆]|\d{1,2}[.)）]|[(（]\d{1,2}[)）]|[①-⑨]|[A-Da-d][.)）])\s*\S")


def extract(text: str, sent: dt.datetime | None, lang: Lang, country: str = "", dates_only: bool = False) -> Asks:
    """What the new text of a support mail asks; `sent` (the mail's Date) anchors relative deadlines. Patterns
    read the lower-cased text; what is quoted back (options, exact words, questions) comes from the text.
    `dates_only`: only the reply-by and reopen-by dates (for mail that asks nothing, such as a survey)."""
    low = lower(text)
    if dates_only:
        deadline, words, reopen = reply_by(low, sent, lang, country, DATE_LITERALS.found_in(low))
        return Asks(deadline=None if reopen else deadline, deadline_text=words, reopen_by=deadline if reopen else None)
    present = _TEXT_LITERALS.found_in(low)  # one pass for the patterns read over the whole text
    raw = text.splitlines()
    lines = [(r.strip(), lo.strip()) for r, lo in zip(raw, low.splitlines())]
    indented = [r[:1] in (" ", "\t", "\u3000") for r in raw]
    choose = _CHOOSE.within(low, present)
    options = _options(lines) if choose.anywhere(low) else ()
    if options:
        kept = [i for i, (_ln, lo) in enumerate(lines) if not _OPTION.match(lo)]
        lines, indented = [lines[i] for i in kept], [indented[i] for i in kept]
    request = _REQUEST.within(low, present)
    requests = _request_parts(lines, request, indented, None if options else request.lines(low))
    low_parts = [lo.partition(_CONTEXT)[0] for _orig, lo in requests]
    joined = "\n".join(lo for _o, lo in requests)
    found = _FACT_LITERALS.found_in(joined)
    facts = tuple((a, w) for a, p in _FACTS if (w := p.within(joined, found)).alts)  # those that can match at all
    items, scoped = _facts([lo for _orig, lo in requests], facts, choose)
    phrase_cue = _PHRASE_CUE.within(low, present)
    phrase = _phrase(lines, phrase_cue) if phrase_cue.anywhere(low) else ""  # no cue anywhere: no exact words
    confirm_pattern = _CONFIRM.within(low, present)
    confirm = confirm_pattern.anywhere(low)
    asked = _asked(bool(options), phrase, confirm, items, low_parts)
    questions = tuple(orig for orig, lo in zip((o for o, _l in requests), low_parts)
                      if _is_question(orig, lo) and not _fact_in(lo, facts, confirm_pattern)
                      and not (items and _REFERS.search(lo)))  # "could you check it and send it again?"
    if questions:
        asked.append(Ask.QUESTION)
    deadline, words, reopen = reply_by(low, sent, lang, country, present)
    return Asks(tuple(asked), options, phrase, questions, None if reopen else deadline,
                words, deadline if reopen else None, tuple((a, scoped[a]) for a in asked if a in scoped))


def _request_parts(lines: list[tuple[str, str]], request=_REQUEST, indented: list[bool] | None = None,
                   asking_lines: set[int] | None = None) -> list[tuple[str, str]]:
    """The sentences that ask, and the items of a list announced by one ("please send the following:"); an
    item's wrapped lines are joined to it, and only its first sentence counts (the rest explains it).
    (text, lower-cased text) pairs; a list item's lower-cased text carries its announcing request after
    _CONTEXT."""
    reader = _Reader(request, asking_lines)
    indented = indented or [False] * len(lines)
    for n, ((line, low), inset) in enumerate(zip(lines + [("", "")], indented + [False])):
        reader.read(n, line, low, inset)
    return reader.out


class _Reader:
    """_request_parts' state as it reads a text line by line: inside a block a request announced, inside
    its list, the item being read."""

    def __init__(self, request, asking_lines: set[int] | None) -> None:
        self.request, self.asking_lines = request, asking_lines
        self.out: list[tuple[str, str]] = []
        self.block = self.in_list = False
        self.item: list[tuple[str, str]] = []
        self.announced = ""
        self.prose = 0

    def read(self, n: int, line: str, low: str, inset: bool) -> None:
        if not low:
            self.close_item()
            return
        is_item = _LIST_ITEM.match(low)
        if self.in_list and not inset and not is_item:
            self.close_item()
            self.block = self.in_list = False  # a line back at the margin: the list is over
        if is_item:
            self.close_item()
            if self.block:
                mark = _LIST_MARK.match(low).end()
                self.item.append((line[mark:], low[mark:]))
                self.in_list = True
        elif self.item and self.item[-1][1].endswith(_CONTINUES):
            self.item.append((line, low))  # the item's own words wrapped onto this line
        else:
            self.close_item()  # lines under an item explain it: read as any other line
            self.prose_line(n, line, low)

    def close_item(self) -> None:
        if self.item:
            text, low = " ".join(i[0] for i in self.item), " ".join(i[1] for i in self.item)
            parts = spans(low)
            end = parts[0][1] if parts else len(low)
            self.out.append((text[:end].strip(), low[:end].strip() + _CONTEXT + self.announced))
            self.item.clear()

    def prose_line(self, n: int, line: str, low: str) -> None:
        asking = self.asking(n, line, low)
        self.out += asking
        if asking and any(_LIST_CUE.search(lo) and _GIVE.search(lo) for _t, lo in asking):
            self.block, self.in_list, self.prose = True, False, 0
            self.announced = " ".join(lo for _t, lo in asking)
        elif self.block and not self.in_list and not asking and len(low) < 100 and not low.endswith((".", "。")):
            self.out.append((line, low + _CONTEXT + self.announced))  # a table cell or a label under the request
        elif not self.in_list:
            self.prose += 1
            self.block = self.block and self.prose < 2  # "You'll find them on your Profile page." may stand between

    def asking(self, n: int, line: str, low: str) -> list[tuple[str, str]]:
        """The sentences of a line that ask (only a line that asks is split into sentences)."""
        if not (n in self.asking_lines if self.asking_lines is not None else self.request.search(low)):
            return []
        return [(line[a:b].strip(), low[a:b].strip()) for a, b in spans(low)
                if self.request.search(low[a:b]) and not _NOT_REQUEST.search(low[a:b].strip())]


def _asked(options: bool, phrase: str, confirm: bool, items: list[Ask], low_parts: list[str]) -> list[Ask]:
    """What was asked, in order: a choice, the exact words (else an approval), then the facts (`items` loses
    an account ID that an approval only names)."""
    asked: list[Ask] = []
    if options:
        asked.append(Ask.CHOICE)
    if phrase:
        asked.append(Ask.PHRASE)
    if confirm and not phrase:
        asked.append(Ask.CONFIRM)
    if (confirm or phrase) and Ask.ACCOUNT_ID in items and not _asks_for_id("\n".join(low_parts)):
        items.remove(Ask.ACCOUNT_ID)  # "confirm the merge of AWS0135 into AWS0246" names IDs, does not ask
    return asked + [a for a in items if a not in asked]


def _facts(requests: list[str], patterns=_FACTS, choose=_CHOOSE) -> tuple[list[Ask], dict[Ask, str]]:
    """The facts asked, in order, and for each the one account it is asked about ("" for both)."""
    found: list[tuple[int, int, Ask]] = []
    scopes: dict[Ask, set[str]] = {}
    for i, part in enumerate(requests):
        text, _sep, context = part.partition(_CONTEXT)
        if choose.search(text):
            continue  # "how to handle the voucher: choose one of..." asks for a choice, not for facts
        hits = _facts_of(_ASIDE.sub(" ", text) if "(" in text or "（" in text else text, patterns)
        if not hits:
            continue
        named = _named(text) or _named(context)
        one = next(iter(named)) if len(named) == 1 else ""
        for pos, ask in hits:
            found.append((i, pos, ask))
            scopes.setdefault(ask, set()).add(one)
    out: list[Ask] = []
    for _i, _pos, ask in sorted(found, key=lambda f: (f[0], f[1])):
        if ask not in out:
            out.append(ask)
    if Ask.BENEFIT_PLAN in out and Ask.BENEFITS in out:
        out.remove(Ask.BENEFITS)
    return out, {a: next(iter(s)) for a, s in scopes.items() if len(s) == 1 and "" not in s}


_ACCOUNT_ID = re.compile(r"\baws\d{5,12}\b")  # in lower-cased text
_CONTEXT = "\x00"  # a list item carries the line that announced it after this mark (for whose account)
_SOURCE_WORDS = lowered(r"統合元|source account|account (?:you want |you'd like |you would like )?to (?:be )?merged?\b|"
                           r"account being merged|merged account|(?:second|other) account")
_TARGET_WORDS = lowered(r"統合先|残す|存続|target account|account (?:you want |you'd like |you would like )?to keep|"
                           r"account being kept|kept account|account you (?:want|would like|wish) to keep")


def _named(text: str) -> set[str]:
    """The accounts a request is about: the IDs it names, else the role it names (@source, @target)."""
    ids = {i.upper() for i in _ACCOUNT_ID.findall(text)}
    if ids:
        return ids
    roles = {"@source"} if _SOURCE_WORDS.search(text) else set()
    return roles | ({"@target"} if _TARGET_WORDS.search(text) else set())
_SPECIFIC_EMAILS = frozenset({Ask.BUILDER_ID_EMAIL, Ask.CREDLY_EMAIL, Ask.TRAINING_EMAIL, Ask.CERTIFICATION_EMAIL})


def _facts_of(part: str, patterns=_FACTS) -> list[tuple[int, Ask]]:
    """The facts one request asks for, with their positions. A more specific ask wins over the generic words
    it contains: "the email of the Builder ID you sign in with" is not the login e-mail; "the email where the
    account you want to keep gets notifications" does not ask which account to keep."""
    taken: list[tuple[int, int]] = []
    hits: list[tuple[int, Ask]] = []
    for ask, pattern in patterns:
        m = pattern.search(part)
        while m is not None and any(s <= m.start() < e for s, e in taken):
            m = pattern.search(part, m.start() + 1)  # "certification notification email" is not "certifications"
        if m is not None:
            taken.append((m.start(), m.end()))
            hits.append((m.start(), ask))
    asks = {a for _p, a in hits}
    drop = set()
    if asks & {Ask.BUILDER_ID_EMAIL, Ask.CREDLY_EMAIL}:
        drop.add(Ask.LOGIN_EMAIL)
    others = asks - {Ask.KEEP_ACCOUNT, Ask.ACCOUNT_ID, Ask.NAME}
    if others and not _WHICH.search(part):
        drop.add(Ask.KEEP_ACCOUNT)
    if asks & (_SPECIFIC_EMAILS | {Ask.PROFILE_NAME}):
        drop.add(Ask.NAME)
    return [(p, a) for p, a in hits if a not in drop]


def _fact_in(text: str, patterns=_FACTS, confirm=_CONFIRM) -> bool:
    return any(p.search(text) for _a, p in patterns) or bool(confirm.search(text))


_ASKS_FOR_ID = lowered(r"(provide|send|share|what is|check|verify|correct|not found|could not|unable|教え|ご教示|"
                  r"お知らせ|見つかりません|確認できません|一致しません)[^.?\n。]{0,60}(id\b|ｉｄ)|"
                  r"id\b[^.?\n。]{0,60}(not found|does not|doesn't|invalid|incorrect|見つかりません|確認できません|一致しません|誤)")


def _asks_for_id(text: str) -> bool:
    return bool(_ASKS_FOR_ID.search(text))


def _is_question(text: str, low: str) -> bool:
    """A question put to the user ("Do you still use the personal address?"), not "Questions?" or a survey's."""
    return text.rstrip().endswith(("?", "？")) and 15 <= len(text) < 300 and not _SURVEY_Q.search(low)


def _options(lines: list[tuple[str, str]]) -> tuple[Option, ...]:
    found: list[Option] = []
    for line, low in lines:
        m = _OPTION.match(low)
        if m:  # the label as the mail writes it: "(a)", "B", "A案", "①" (taken from the text, not lower-cased)
            bracketed, letter, an, circled, text = (line[a:b] if a >= 0 else None for a, b in
                                                    (m.span(g) for g in range(1, 6)))
            found.append(Option(bracketed or (letter + (an or "") if letter else circled), text.strip()))
        elif found and line and len(found) == 1 and not line.endswith((":", "：")):
            found = []  # a lone numbered line is not an option list
    labels = [o.label for o in found]
    return tuple(found) if len(found) >= 2 and len(set(labels)) == len(labels) else ()


_QUOTE_MARK = re.compile("[\"“『「']")


def _phrase(lines: list[tuple[str, str]], phrase_cue=_PHRASE_CUE) -> str:
    """The exact words to reply with: quoted after a cue, or alone on the next line after "...statement:"."""
    near: set[int] = set()
    for i, (_line, low) in enumerate(lines):
        if low.endswith((":", "：")):
            near.add(i)
        if _QUOTE_MARK.search(low):
            near.update(range(i - 3, i + 1))  # a cue up to three lines above quoted words
    for i in sorted(x for x in near if x >= 0):
        line, low = lines[i]
        cue = phrase_cue.search(low)
        if not cue:
            continue
        here = _QUOTED.search(line[cue.start():])
        if here:
            return next(g for g in here.groups() if g).strip()
        for nxt, nxt_low in lines[i + 1:i + 4]:  # the words on a line (or quoted) of their own
            if not nxt:
                continue
            quoted = _QUOTED.fullmatch(nxt.strip(" >\t"))
            if quoted:
                return next(g for g in quoted.groups() if g).strip()
            if low.endswith((":", "：")) and _WORDS_CUE.search(low) and len(nxt) < 200 \
                    and not _LIST_ITEM.match(nxt_low):
                return nxt.strip(" >\t")
            break
    return ""


_TEXT_LITERALS = Literals(x for f in (_REQUEST, _CHOOSE, _CONFIRM, CLOSE_CUE, RESOLVED, REOPEN, _PHRASE_CUE)
                         for x in f.literals.literals)
_FACT_LITERALS = Literals(x for _a, f in _FACTS for x in f.literals.literals)
