"""What a support mail asks (asks.py) and when it wants the answer (deadlines.py), English and Japanese.

Examples written for these tests; the thread corpus (tests/threads) measures the same on mail written blind.
"""

from __future__ import annotations

import datetime as dt

import pytest

from certmerge.core import deadlines
from certmerge.core.asks import extract
from certmerge.core.model import Ask, Asks, Lang, merge_asks

UTC = dt.timezone.utc
JST = dt.timezone(dt.timedelta(hours=9))
PST = dt.timezone(dt.timedelta(hours=-8))
FRI = dt.datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # the Friday before Japan's Labour Thanksgiving Day (Mon 23)


def en(text: str, sent: dt.datetime = FRI) -> Asks:
    return extract(text, sent, Lang.EN)


def ja(text: str, sent: dt.datetime = FRI.astimezone(JST)) -> Asks:
    return extract(text, sent, Lang.JA)


def test_facts_from_a_list_announced_by_a_request_in_the_order_asked():
    a = en("Hello,\n\nTo proceed, please send the following:\n\n1. The certification notification email of the "
           "account you want to merge\n   (it can differ from the one you sign in with)\n2. Which account you "
           "would like to keep\n3. The certifications on each account with their pass dates\n\nThanks")
    assert a.items == (Ask.CERTIFICATION_EMAIL, Ask.KEEP_ACCOUNT, Ask.CERTIFICATIONS)
    assert a.account(Ask.CERTIFICATION_EMAIL) == "@source"  # asked about the account to merge only


def test_statements_and_thanks_ask_nothing():
    a = en("Thank you for your reply and for confirming the certification email of AWS01357913. The merge of "
           "AWS01357913 into AWS02468135 is complete and your certifications now show there.")
    assert a.items == () and not a


def test_a_value_not_found_asks_for_it_again_scoped_to_that_account():
    a = en("I wasn't able to find an account with the candidate ID AWS0135791. Could you check it on your "
           "Profile page and send it again?")
    assert a.items == (Ask.ACCOUNT_ID,) and not a.questions


def test_options_offered_make_a_choice_and_their_lines_are_not_facts():
    a = en("Please let me know which of these you prefer:\n\nOption A - Merge now: the voucher moves to "
           "AWS02468135.\nOption B - Use the voucher first on AWS01357913, then reply.\n\nSimply reply with A or B.")
    assert a.items[0] is Ask.CHOICE and Ask.BENEFITS not in a.items
    assert [(o.label, o.text[:9]) for o in a.options] == [("A", "Merge now"), ("B", "Use the v")]


def test_japanese_circled_options():
    a = ja("以下のいずれかをお選びください。\n① 統合先アカウントの通知メールアドレスを維持する\n② 統合元アカウントの通知メールアドレスに変更する")
    assert a.items == (Ask.CHOICE,) and [o.label for o in a.options] == ["①", "②"]


@pytest.mark.parametrize("text,phrase", [
    ('Please reply with "I confirm the merge of my accounts" to confirm.', "I confirm the merge of my accounts"),
    ("Please reply with the following statement:\n\nI authorize the merge of AWS01357913 into AWS02468135.\n",
     "I authorize the merge of AWS01357913 into AWS02468135."),
])
def test_exact_words_to_reply_with_are_kept_verbatim(text, phrase):
    a = en(text)
    assert a.phrase == phrase and Ask.PHRASE in a.items


def test_japanese_quoted_sentence_is_kept_verbatim_with_full_width_characters():
    a = ja("統合を進めるにあたり、以下の文言をそのままご返信ください。\n『ＡＷＳ01357913 を AWS02468135 に統合することに同意します』")
    assert a.phrase == "ＡＷＳ01357913 を AWS02468135 に統合することに同意します"


def test_japanese_missing_email_and_romaji_name():
    a = ja("恐れ入りますが、統合元アカウントの認定通知メールアドレスのご記載がございませんでした。\nお手数ですが、ご教示いただけますでしょうか。\n"
           "また、プロフィールに登録されているお名前をローマ字でお知らせください。")
    assert a.items == (Ask.CERTIFICATION_EMAIL, Ask.PROFILE_NAME)


def test_approval_is_told_from_facts():
    assert en("If all is correct, please reply to confirm the merge of AWS01357913 into AWS02468135.").items \
        == (Ask.CONFIRM,)
    assert ja("統合元アカウントを統合先アカウントへ統合してよろしいでしょうか。問題なければご返信ください。").items == (Ask.CONFIRM,)


def test_a_question_no_fact_names_is_kept_for_the_user():
    a = en("Do you still have access to the personal email address on that account?")
    assert a.items == (Ask.QUESTION,) and a.questions == ("Do you still have access to the personal email "
                                                           "address on that account?",)


def test_quoted_history_is_not_read():  # classification hands over the new text only; this guards the helper
    a = en("Thanks, all set.\n\n> Please send the login email of both accounts.")
    assert Ask.LOGIN_EMAIL in a.items  # extract() itself reads what it is given: the caller must cut quotes
    from certmerge.core.parse import parse_bytes
    from certmerge.core.classify import classify
    mail = parse_bytes(b"Authentication-Results: mx.x; dmarc=pass header.from=amazon.com\r\nFrom: AWS "
                       b"<aws-cs-trainingcertification-form@amazon.com>\r\nSubject: RE:[CASE 176530418200731] x\r\n"
                       b"Date: Fri, 20 Nov 2026 10:00:00 +0000\r\n\r\nYour accounts have been merged.\r\n\r\n"
                       b"On Thu, Nov 19, 2026 at 9:00 AM AWS wrote:\r\n> Please send the login email of both "
                       b"accounts.\r\n")
    assert Ask.LOGIN_EMAIL not in classify(mail, ("amazon.com",)).asks.items


# --- deadlines -------------------------------------------------------------------------------------------
def test_japanese_absolute_date_is_that_day_not_a_number_of_days():
    a = ja("12月11日までにご返信がない場合、本ケースはクローズされます。")
    assert a.deadline == dt.datetime(2026, 12, 11, 23, 59, 59, tzinfo=JST)


def test_japanese_business_days_skip_the_weekend_and_a_national_holiday():
    a = ja("本メールの送信から 3営業日以内にご返信がない場合、本ケースはクローズとさせていただきます。")
    assert a.deadline.date() == dt.date(2026, 11, 26) and a.reopen_by is None  # Mon 23 is a holiday


def test_us_business_days_skip_thanksgiving_counted_in_the_senders_zone():
    sent = dt.datetime(2026, 11, 24, 17, 30, tzinfo=PST)  # already Wednesday in UTC
    a = en("If we don't hear from you within 3 business days, this case will be closed.", sent)
    assert a.deadline.date() == dt.date(2026, 11, 30)


@pytest.mark.parametrize("text,day", [("Please respond by Friday, 11 December 2026.", dt.date(2026, 12, 11)),
                                      ("Please reply by 1/5 or the case closes.", dt.date(2027, 1, 5)),
                                      ("If we do not hear from you within 48 hours, we will close it.",
                                       dt.date(2026, 11, 22))])
def test_english_dates_and_hours(text, day):
    assert en(text).deadline.date() == day


def test_support_promising_its_own_time_is_no_deadline():
    assert en("An agent will respond within 2 business days.").deadline is None
    assert ja("統合は 3 から 5 営業日で完了します。").deadline is None


@pytest.mark.parametrize("make,text", [
    (en, "This case has been resolved due to inactivity. You can reply within 14 days to reopen it."),
    (ja, "お問い合わせは解決済みとしてクローズいたしました。14日以内にご返信いただければ再開されます。"),
])
def test_resolved_reply_to_reopen_is_a_reopen_by_date_not_a_deadline(make, text):
    a = make(text)
    assert a.deadline is None and (a.reopen_by - FRI).days == 14


def test_add_business_days_with_the_holiday_library():
    assert deadlines.add_business_days(dt.date(2026, 12, 30), 2, "JP") == dt.date(2027, 1, 4)  # Jan 1 skipped
    assert deadlines.add_business_days(dt.date(2026, 12, 24), 1, "US") == dt.date(2026, 12, 28)  # Christmas


def test_merged_asks_keep_the_order_first_asked_and_the_latest_deadline():
    first = Asks((Ask.CONFIRM, Ask.BENEFIT_PLAN), accounts=((Ask.BENEFIT_PLAN, "AWS01357913"),))
    later = Asks((Ask.ACCOUNT_ID, Ask.CONFIRM), deadline=FRI, deadline_text="by Friday")
    merged = merge_asks([first, later])
    assert merged.items == (Ask.CONFIRM, Ask.BENEFIT_PLAN, Ask.ACCOUNT_ID)
    assert merged.deadline == FRI and merged.account(Ask.BENEFIT_PLAN) == "AWS01357913"
    assert Asks.from_dict(merged.as_dict()) == merged
