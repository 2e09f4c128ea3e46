"""The reply-by and reopen-by dates a support mail names (for asks.py): the sentences that set the user a
limit, read with deadlines.py."""

from __future__ import annotations

import datetime as dt
import re

from . import deadlines
from .asks_text import Narrowed, lowered, spans
from .matcher import Literals, compile_alternatives
from .model import Lang

RESOLVED = lowered(
    r"(has been|have been|was|is now|we have|we've) (marked as )?(resolved|closed)|"
    r"(解決済み|クローズ)(と|に)?(させていただき|いたし|し|なり|とな)ました|解決済みとして", fast=True)
REOPEN = lowered(r"re-?open|再開|再オープン|再度オープン", fast=True)
# A sentence that sets the user a limit: support closes (or resolved) the case, or wants the reply by then.
# "An agent will respond within 2 business days" is support's own promise, not the user's deadline.
CLOSE_CUE = lowered(r"\bclos(e|ed|ing)\b|\bresolved?\b|\bre-?open|hear (back )?from you|\b(your|a) (reply|response|answer)"
                        r"\b[^.\n]{0,40}\b(by|within|before)\b|\b(please|kindly) (reply|respond|get back|send)[^.\n]{0,60}\b(by|"
                        r"within|in|before|no later)\b|(^|\byou\b[^.\n]{0,20})(reply|respond) (by|within|in|before|no later)\b|"
                        r"\bdeadline\b|"
                        r"クローズ|解決済|再開|(ご返信|ご回答|ご連絡)(が|を)?(いただけない|いただけなかった|ない|なかった)|"
                        r"(まで|以内)(に)?[^。\n]{0,10}(ご返信|ご回答|ご連絡|お知らせ|返信)|(返信|回答)(の)?期限", fast=True)
_NUMBER = re.compile(r"[0-9０-９]|\b(one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|forty-eight|"
                     r"seventy-two|twenty-four)\b")  # every deadline the patterns read holds one
_NUMBERED = Narrowed(_NUMBER, compile_alternatives(_NUMBER.pattern))
DATE_LITERALS = Literals(x for f in (CLOSE_CUE, RESOLVED, REOPEN) for x in f.literals.literals)


def reply_by(text: str, sent: dt.datetime | None, lang: Lang, country: str, present=None):
    """(when, the words, whether it is a reopen-by date)."""
    if sent is None:
        return None, "", False
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=dt.timezone.utc)
    country = country or ("JP" if lang is Lang.JA else "US")
    reopen_cue = REOPEN.within(text, present)
    reopen = RESOLVED.within(text, present).anywhere(text) and reopen_cue.anywhere(text)
    cue = CLOSE_CUE.within(text, present)
    if not cue.anywhere(text):
        return None, "", reopen  # no sentence anywhere sets a limit
    numbered = _NUMBERED.lines(text)  # a limit names a number: a date or a duration
    for n, line in enumerate(text.splitlines()):
        if n not in numbered or not cue.search(line):
            continue
        found = _deadline_in(line, cue, reopen_cue, reopen, sent, country)
        if found:
            return found.when, found.text, reopen
    return None, "", reopen


def _deadline_in(line: str, cue, reopen_cue, reopen: bool, sent: dt.datetime,
                 country: str) -> deadlines.Found | None:
    for a, b in spans(line):
        part = line[a:b]
        if not cue.search(part) or reopen != bool(reopen_cue.search(part)):
            continue  # a window to reopen a resolved case is not a deadline to keep it open, and vice versa
        part = deadlines.normalize(part)  # 「１２月１１日」 as 「12月11日」 (only here: a phrase stays verbatim)
        found = deadlines.absolute(part, sent) or deadlines.span(part, sent, country)
        if found:
            return found
    return None
