"""Only the new text decides (issue 4 item 2): every quote format is cut, forwards are kept."""

from __future__ import annotations

import pytest

from certmerge.core.parse import parse_bytes
from certmerge.core.quote import FORWARD_LINE, cut_quoted, html_to_text, split_forward

NEW = "The merge is complete."
OLD = "Please confirm that you want to merge the accounts."


@pytest.mark.parametrize("quote", [
    f"> {OLD}\n> Thanks",
    f"On Mon, Nov 16, 2026 at 10:02 AM AWS <a@amazon.com> wrote:\n> {OLD}",
    f"On Mon, Nov 16, 2026 at 10:02 AM AWS Training and Certification\n<a@amazon.com> wrote:\n> {OLD}",
    f"-----Original Message-----\nFrom: AWS\nSent: Monday\n{OLD}",
    f"----- Original Message -----\nFrom: AWS\n{OLD}",
    f"From: AWS <a@amazon.com>\nSent: Monday, November 16, 2026 10:02\nTo: me\nSubject: RE\n\n{OLD}",
    f"**From:** AWS <a@amazon.com>\n**Sent:** Monday\n**To:** me\n**Subject:** RE\n\n{OLD}",
    f"________________________________\nFrom: AWS\nSent: x\n{OLD}",
    f"差出人: AWS <a@amazon.com>\n送信日時: 2026年11月16日 10:02\n宛先: 山田\n件名: RE\n\n{OLD}",
    f"2025年12月15日(月) 10:00 AWS Support <support@amazon.com>:\n> {OLD}",
    f"2025年12月15日(月) 10:00 AWS Support <support@amazon.com>:\n{OLD}",
    f"2025/12/15 10:00、AWS Support <support@amazon.com> のメッセージ:\n\n{OLD}",
    f"-----元のメッセージ-----\n差出人: AWS\n{OLD}",
    f"山田 太郎 さんは書きました:\n> {OLD}",
    f"＞ {OLD}",
])
def test_quoted_history_is_cut(quote):
    assert cut_quoted(f"{NEW}\n\n{quote}") == NEW


def test_a_reply_written_below_a_quote_is_kept():
    text = f"On Mon, Nov 16, 2026 AWS <a@amazon.com> wrote:\n> {OLD}\n\n{NEW}"
    assert cut_quoted(text) == NEW


def test_ordinary_lines_with_colons_are_not_quote_headers():
    text = f"{NEW}\nCase ID: 176530418200731\nFrom: the portal\nTopic: merge"
    assert cut_quoted(text) == text


def test_a_forward_is_not_history():
    text = f"FYI\n\n---------- Forwarded message ---------\nFrom: AWS <a@amazon.com>\nSubject: RE\n\n{NEW}\n> {OLD}"
    out = cut_quoted(text)
    assert NEW in out and "Forwarded message" in out
    own, headers, body = split_forward(out)
    assert own == "FYI" and headers["from"] == "AWS <a@amazon.com>" and headers["subject"] == "RE"
    assert body.startswith(NEW)


def test_an_outlook_block_in_a_fw_mail_is_the_forward():
    text = f"for my records\n\n-----Original Message-----\nFrom: AWS <a@amazon.com>\nSent: Monday\nSubject: RE:[CASE 1]\n\n{NEW}"
    assert cut_quoted(text) == "for my records"
    out = cut_quoted(text, forward=True)
    assert FORWARD_LINE in out and NEW in out
    _own, headers, body = split_forward(out)
    assert headers["from"] == "AWS <a@amazon.com>" and headers["date"] == "Monday" and body == NEW


def test_japanese_forward_headers():
    text = ("転送します\n\n---------- 転送メッセージ ---------\n差出人: AWS <a@amazon.com>\n日付: 2026年11月6日(金) 15:20\n"
            f"件名: RE:[CASE 176530418200731]\n宛先: <t@example.net>\n\n{NEW}")
    _own, headers, body = split_forward(text)
    assert headers == {"from": "AWS <a@amazon.com>", "date": "2026年11月6日(金) 15:20",
                       "subject": "RE:[CASE 176530418200731]", "to": "<t@example.net>"}
    assert body == NEW


@pytest.mark.parametrize("container", [
    f"<div class='gmail_quote'><div class='gmail_attr'>On Mon, AWS wrote:</div><blockquote>{OLD}</blockquote></div>",
    f"<blockquote type='cite'>{OLD}</blockquote>",
    f"<div id='divRplyFwdMsg'><b>From:</b> AWS</div><div>{OLD}</div>",
    f"<div id='x_divRplyFwdMsg'><b>From:</b> AWS</div><div>{OLD}</div>",
    f"<div id='appendonsend'></div><hr><div>{OLD}</div>",
    f"<hr id='stopSpelling'><div>{OLD}</div>",
    f"<div class='moz-cite-prefix'>On 16.11.26 AWS wrote:</div><blockquote>{OLD}</blockquote>",
    f"<div class='yahoo_quoted'>{OLD}</div>",
    f"<div style='border-top:solid #E1E1E1 1.0pt'><p><b>From:</b> AWS<br><b>Sent:</b> Monday<br><b>To:</b> me<br>"
    f"<b>Subject:</b> RE</p></div><p>{OLD}</p>",
])
def test_html_quote_containers_are_left_out_of_the_new_text(container):
    html = f"<html><body><p>{NEW}</p>{container}</body></html>"
    full, new = html_to_text(html)
    assert OLD in full
    assert OLD not in cut_quoted(new) and NEW in new


def test_html_only_mail_is_cut_in_parse():
    html = f"<p>{NEW}</p><div class='gmail_quote'>On Mon wrote:<blockquote>{OLD}</blockquote></div>"
    raw = ("From: AWS <a@amazon.com>\r\nSubject: RE: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html)
    m = parse_bytes(raw.encode())
    assert m.new_text == NEW and OLD in m.text


def test_gmail_forward_inside_a_quote_container_is_kept_for_fwd_mail():
    html = (f"<div>see below</div><div class='gmail_quote'><div class='gmail_attr'>---------- Forwarded message "
            f"---------<br>From: AWS &lt;a@amazon.com&gt;<br>Subject: RE:[CASE 176530418200731]<br></div><br>"
            f"<div>{NEW}</div></div>")
    for subject, kept in (("Fwd: RE:[CASE 176530418200731]", True), ("Re: lunch", False)):
        raw = f"From: T <t@example.net>\r\nSubject: {subject}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}"
        m = parse_bytes(raw.encode())
        assert (NEW in m.new_text) is kept
        assert (m.forwarded is not None) is kept
        if kept:
            assert m.forwarded.sender.email == "a@amazon.com" and m.forwarded.new_text == NEW


def test_broken_html_never_raises():
    for html in ("<div", "<<<>>>", "<p>a</b></i></p>" * 50, "<blockquote>" * 2000, "&#xffffffff; &bogus; <![CDATA["):
        html_to_text(html)
