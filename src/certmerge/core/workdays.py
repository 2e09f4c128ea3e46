"""Business days for reminders: support's working days, the user's working days, and the case's schedule.

Pure: the public holidays come from a lookup passed in (the `holidays` package, through a cache in the
shell: `holiday_cache.py`), the time zone and the clock from the caller.

- "Support has been silent" is due when support's usual time for the state (lifecycle: 2 business days
  for an agent's answer, 5 for the merge or the badges) plus `follow_up_after` more business days have
  passed in the support team's country; the reminder then comes at 09:00 of the user's next working day
  (weekends and the user's country's public holidays skipped).
- "Expected by" is the end of the last of support's usual business days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Container

from . import lifecycle
from .model import CaseView

HolidayLookup = Callable[[str, int], Container[dt.date]]  # (country, year) -> that year's public holidays
REMIND_AT = dt.time(9, 0)  # reminders come at the start of the user's working day


@dataclass(frozen=True)
class Calendar:
    support_country: str
    user_country: str
    tz: dt.tzinfo
    holidays: HolidayLookup

    def working(self, day: dt.date, country: str) -> bool:
        return day.weekday() < 5 and (not country or day not in self.holidays(country, day.year))

    def add_business_days(self, start: dt.date, n: int, country: str) -> dt.date:
        """The Nth working day after `start` in `country` (start itself when n is 0)."""
        day = start
        while n > 0:
            day += dt.timedelta(days=1)
            if self.working(day, country):
                n -= 1
        return day

    def next_working_day(self, day: dt.date, country: str) -> dt.date:
        """`day` itself when it is a working day in `country`, else the first one after it."""
        for _ in range(60):  # no country rests for two months; a broken lookup must not hang
            if self.working(day, country):
                return day
            day += dt.timedelta(days=1)
        return day

    def local_date(self, when: dt.datetime) -> dt.date:
        return when.astimezone(self.tz).date()

    def at(self, day: dt.date, time: dt.time) -> dt.datetime:
        return dt.datetime.combine(day, time, self.tz)


@dataclass(frozen=True)
class Schedule:
    """When support's answer is expected and when its silence deserves a follow-up (None: not waiting)."""

    expected_by: dt.datetime | None = None
    follow_up_at: dt.datetime | None = None
    since: dt.datetime | None = None  # when the case was handed to support
    business_days: int = 0  # support's usual time plus follow_up_after


def schedule(case: CaseView, cal: Calendar, follow_up_after: int) -> Schedule:
    wait = lifecycle.support_wait(case)
    if wait is None:
        return Schedule()
    since, usual = wait
    start = cal.local_date(since)
    expected_day = cal.add_business_days(start, usual, cal.support_country)
    silent_day = cal.add_business_days(start, usual + follow_up_after, cal.support_country)
    remind_day = cal.next_working_day(silent_day + dt.timedelta(days=1), cal.user_country)
    return Schedule(cal.at(expected_day, dt.time(23, 59, 59)), cal.at(remind_day, REMIND_AT), since,
                    usual + follow_up_after)


def with_schedule(case: CaseView, sched: Schedule) -> CaseView:
    """The case view that lifecycle.next_action reads, with the business-day times filled in."""
    from dataclasses import replace

    return replace(case, expected_by=sched.expected_by, follow_up_at=sched.follow_up_at)


def countries(support_country: str, user_country: str, language: str) -> tuple[str, str]:
    """(support's, the user's): the configured ones; else JP for a Japanese case and US otherwise for support,
    and for the user JP for a Japanese case, else support's."""
    support = support_country or ("JP" if language == "ja" else "US")
    user = user_country or ("JP" if language == "ja" else support)
    return support, user
