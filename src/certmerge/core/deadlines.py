"""Deadlines written in mail: absolute dates (English and Japanese forms, with or without the year) and
durations in hours, days and business days, turned into an aware datetime.

Pure; reads lower-cased text (its English patterns are compiled without re.I, several times faster).
Business days skip weekends and the public holidays of the support team's country, from the
maintained `holidays` package (imported on first use: only mail that names business days needs it).
An absolute date means the end of that day in the mail's own time zone; "within N days" counts from the
mail's Date; "N business days" ends at the end of the Nth business day after the mail's day.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "fourteen": 14, "thirty": 30, "forty-eight": 48, "seventy-two": 72, "twenty-four": 24}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_MONTH_NAME = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# "by December 11", "before Dec. 11th, 2026", "by Friday, 11 December", "by 2026-12-11", "by 12/11/2026"
_EN_DATE = re.compile(
    r"\b(?:by|before|until|till|on or before|no later than|through)\s+(?:the end of\s+)?" + _WEEKDAY +
    r"(?:" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?"
    r"|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r"(?:,?\s+(\d{4}))?"
    r"|(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})(?:/(\d{4}))?)")
# 「12月11日までに」「2026年12月11日（金）まで」「2026/12/11まで」
_JA_DATE = re.compile(r"(?:(\d{4})\s*[年/]\s*)?(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?\s*(?:[（(][^）)]{1,4}[）)])?\s*"
                      r"(?:の[^。\n]{0,6})?(?:まで|迄)")
_EN_SPAN = re.compile(r"\b" + _NUM + r"[\s-]+(?:\(\d+\)\s+)?(business|working|calendar)?[\s-]*(days?|hours?)\b")
_JA_SPAN = re.compile(r"(?<![月\d])(\d{1,3})\s*(営業日|日間|日以内|日後|時間)")  # not the 3 of 「12月3日」


@dataclass(frozen=True)
class Found:
    when: dt.datetime
    text: str  # the words that set it


def normalize(text: str) -> str:
    """Full-width digits and letters made plain (「１２月１１日」 -> 「12月11日」)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _end_of_day(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tz)


def _next_date(month: int, day: int, year: int | None, sent: dt.datetime) -> dt.date | None:
    """The date as written; without a year, the first such date on or after the mail's day."""
    try:
        if year:
            return dt.date(year, month, day)
        found = dt.date(sent.year, month, day)
        return found if found >= sent.date() else dt.date(sent.year + 1, month, day)
    except ValueError:
        return None


def absolute(text: str, sent: dt.datetime) -> Found | None:
    """The first date the text gives as a limit ("by December 11", 「12月11日までに」)."""
    for m in _EN_DATE.finditer(text):
        g = m.groups()
        if g[0]:
            month, day, year = _MONTHS[g[0][:3].lower()], int(g[1]), g[2]
        elif g[4]:
            month, day, year = _MONTHS[g[4][:3].lower()], int(g[3]), g[5]
        elif g[6]:
            month, day, year = int(g[7]), int(g[8]), g[6]
        else:
            month, day, year = int(g[9]), int(g[10]), g[11]
        found = _next_date(month, day, int(year) if year else None, sent)
        if found:
            return Found(_end_of_day(found, sent.tzinfo), m.group(0).strip())
    for m in _JA_DATE.finditer(text):
        found = _next_date(int(m.group(2)), int(m.group(3)), int(m.group(1)) if m.group(1) else None, sent)
        if found:
            return Found(_end_of_day(found, sent.tzinfo), m.group(0).strip())
    return None


def span(text: str, sent: dt.datetime, country: str) -> Found | None:
    """The first duration the text names ("within 3 business days", 「48時間以内」), counted from `sent`."""
    en, ja = _EN_SPAN.search(text), _JA_SPAN.search(text)
    if en and (ja is None or en.start() < ja.start()):
        n = int(en.group(1)) if en.group(1).isdigit() else _WORDS[en.group(1).lower()]
        kind = "hours" if en.group(3).lower().startswith("hour") else (en.group(2) or "").lower()
        return Found(_after(sent, n, kind, country), en.group(0).strip())
    if ja:
        unit = ja.group(2)
        kind = "hours" if unit == "時間" else "business" if unit == "営業日" else ""
        return Found(_after(sent, int(ja.group(1)), kind, country), ja.group(0).strip())
    return None


def _after(sent: dt.datetime, n: int, kind: str, country: str) -> dt.datetime:
    if kind == "hours":
        return sent + dt.timedelta(hours=n)
    if kind in ("business", "working"):
        return _end_of_day(add_business_days(sent.date(), n, country), sent.tzinfo)
    return sent + dt.timedelta(days=n)


def add_business_days(start: dt.date, n: int, country: str) -> dt.date:
    """The Nth business day after `start`: weekends and the country's public holidays skipped."""
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and not is_holiday(day, country):
            n -= 1
    return day


def is_holiday(day: dt.date, country: str) -> bool:
    return day in _holidays(country, day.year)


@lru_cache(maxsize=16)
def _holidays(country: str, year: int):
    import holidays  # maintained holiday tables; ~0.1 s to load a country, so only when needed

    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return {}
