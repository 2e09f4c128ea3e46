"""Parsing real bytes: charsets (ISO-2022-JP with CP50220 extras, Shift_JIS, EUC-JP, wrong labels),
encoded-word subjects split mid-character, HTML-only mail and quoted history."""

from __future__ import annotations

import base64

import pytest

from certmerge.charsets import decode_bytes, decode_iso2022jp
from certmerge.errors import ParseError
from certmerge.parse import decode_header_value, parse_bytes
from certmerge.quote import cut_quoted, html_to_text
from tests.helpers import sample_bytes


def mail(body: bytes, ctype: str = "text/plain; charset=utf-8", cte: str = "8bit", subject: str = "hi",
         extra: str = "") -> bytes:
    head = (f"From: AWS <aws-cs-trainingcertification-form@amazon.com>\r\nTo: me@example.com\r\n"
            f"Subject: {subject}\r\nMessage-ID: <x@y>\r\nMIME-Version: 1.0\r\nContent-Type: {ctype}\r\n"
            f"Content-Transfer-Encoding: {cte}\r\n{extra}\r\n")
    return head.encode() + body


def test_iso2022jp_7bit_body_is_decoded():
    # the trap: mail-parser 4.8 returns such bodies undecoded (\x1b$B...)
    text = "アカウントの統合が完了しました。"
    m = parse_bytes(mail(text.encode("iso-2022-jp"), "text/plain; charset=ISO-2022-JP", "7bit"))
    assert text in m.text and "\x1b" not in m.text


def test_iso2022jp_with_windows_extensions():
    # ① and ㈱ are NEC row-13 characters: CP50220 writes them inside ISO-2022-JP
    sjis = "①㈱～".encode("cp932")
    jis = b"\x1b$B" + bytes([0x2D, 0x21, 0x2D, 0x6A]) + b"\x1b(B"
    assert decode_iso2022jp(jis) == "①㈱"
    assert decode_bytes(sjis, "shift_jis") == "①㈱～"


@pytest.mark.parametrize("codec,label", [("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP"), ("utf-8", "iso-8859-1"),
                                         ("utf-8", None), ("cp932", "x-unknown-charset")])
def test_charsets_and_wrong_labels(codec, label):
    text = "統合の確認をお願いします"
    assert decode_bytes(text.encode(codec), label) == text


def test_undecodable_bytes_are_replaced_never_raised():
    out = decode_bytes(b"\xff\xfe\x80abc\x81", "utf-8")
    assert "abc" in out


def test_encoded_word_split_in_the_middle_of_a_character():
    raw = "[CASE 123456789012345] 統合完了".encode("utf-8")
    a, b = raw[:26], raw[26:]  # splits a 3-byte character
    value = f"=?UTF-8?B?{base64.b64encode(a).decode()}?= =?UTF-8?B?{base64.b64encode(b).decode()}?="
    assert decode_header_value(value) == "[CASE 123456789012345] 統合完了"


def test_iso2022jp_subject():
    subject = "=?ISO-2022-JP?B?" + base64.b64encode("統合のご確認".encode("iso-2022-jp")).decode() + "?="
    assert parse_bytes(mail(b"x", subject=subject)).subject == "統合のご確認"


def test_html_only_mail_becomes_text_without_the_quote():
    html = ("<html><head><style>p{}</style></head><body><p>The merge is&nbsp;<b>complete</b>.</p>"
            "<div class='gmail_quote'>On Mon wrote:<blockquote>please confirm the merge</blockquote></div>"
            "</body></html>")
    m = parse_bytes(mail(html.encode(), "text/html; charset=utf-8"))
    assert "The merge is complete." in m.new_text and "confirm" not in m.new_text
    assert "please confirm the merge" in m.text


@pytest.mark.parametrize("quote", [
    "On Mon, Nov 16, 2026 at 10:02 AM AWS <a@amazon.com> wrote:\n> please confirm",
    "-----Original Message-----\nFrom: AWS\nSent: Monday\nplease confirm",
    "From: AWS <a@amazon.com>\nSent: Monday, November 16, 2026 10:02\nTo: me\nSubject: RE\nplease confirm",
    "2025年12月15日(月) 10:00 AWS Support <support@amazon.com>:\n> please confirm",
    "-----元のメッセージ-----\n差出人: AWS\nplease confirm",
    "________________________________\nFrom: AWS\nSent: x\nplease confirm",
])
def test_quoted_history_is_cut(quote):
    assert cut_quoted(f"The merge is complete.\n\n{quote}") == "The merge is complete."


def test_outlook_html_reply_container_is_cut():
    full, new = html_to_text("<div>Done, merged.</div><div id='divRplyFwdMsg'>From: AWS</div><div>confirm?</div>")
    assert new == "Done, merged." and "confirm?" in full


def test_sample_mail_bodies_are_really_decoded():
    m = parse_bytes(sample_bytes("04"))
    assert "\x1b" not in m.new_text and any("\u3040" <= ch <= "\u30ff" for ch in m.new_text)
    m7 = parse_bytes(sample_bytes("07"))
    assert any("\u3040" <= ch <= "\u30ff" for ch in m7.new_text)


@pytest.mark.parametrize("raw,why", [(b"", "empty"), (b"\x00" * 300, "binary"), (b"   \n\n", "empty")])
def test_not_a_mail(raw, why):
    with pytest.raises(ParseError, match=why):
        parse_bytes(raw)


def test_missing_message_id_gets_a_content_hash():
    raw = mail(b"hello").replace(b"Message-ID: <x@y>\r\n", b"")
    m = parse_bytes(raw)
    assert m.dedupe_key.startswith("sha256:") and m.dedupe_key == parse_bytes(raw.replace(b"\r\n", b"\n")).dedupe_key
