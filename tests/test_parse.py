"""Parsing real bytes: charsets (ISO-2022-JP with CP50220 extras, Shift_JIS, EUC-JP, wrong labels),
encoded-word subjects split mid-character, HTML-only mail and quoted history."""

from __future__ import annotations

import base64

import pytest

from certmerge.core.charsets import decode_bytes, decode_iso2022jp
from certmerge.core.errors import ParseError
from certmerge.core.parse import decode_header_value, parse_bytes
from certmerge.core.quote import cut_quoted, html_to_text
from tests.helpers import ROOT, sample_bytes


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


# --- Japanese mail as it really arrives (issue 4 item 3) ----------------------------------------------------
def _jis_windows(text: str) -> bytes:
    """ISO-2022-JP as Outlook writes it (CP50220): characters plain JIS lacks taken from CP932 inside ESC $ B."""
    out, in_jis = bytearray(), False
    for ch in text:
        if ord(ch) < 0x80:
            out += b"\x1b(B" if in_jis else b""
            in_jis = False
            out += ch.encode()
            continue
        c1, c2 = ch.encode("cp932")
        c1 = (c1 - (0xC1 if c1 >= 0xE0 else 0x81)) * 2 + 0x21
        c2 = c2 - 1 if c2 > 0x7F else c2
        c1, c2 = (c1 + 1, c2 - 0x7D) if c2 >= 0x9E else (c1, c2 - 0x1F)
        out += b"" if in_jis else b"\x1b$B"
        in_jis = True
        out += bytes((c1, c2))
    return bytes(out + (b"\x1b(B" if in_jis else b""))


@pytest.mark.parametrize("label", ["ISO-2022-JP", "iso-2022-jp", "CP50220", "ISO-2022-JP-MS", None])
def test_iso2022jp_with_cp50220_characters_in_a_mail(label):
    text = "①統合先：AWS02468135 ㈱サンプル　2～3営業日"
    ctype = f"text/plain; charset={label}" if label else "text/plain"
    m = parse_bytes(mail(_jis_windows(text), ctype, "7bit"))
    assert m.new_text == text  # FULLWIDTH TILDE as Windows meant it, not WAVE DASH


def test_iso2022jp_2004_jisx0212_and_half_width_kana():
    assert decode_bytes("①統合".encode("iso2022_jp_2004"), "ISO-2022-JP-2004") == "①統合"
    assert decode_bytes(b"\x1b$(D\x22\x2f\x1b(B", "iso-2022-jp-1") == b"\x1b$(D\x22\x2f".decode("iso2022_jp_2")
    assert decode_bytes(b"\x1b(I1\x1b(B abc", "iso-2022-jp") == "ｱ abc"
    assert decode_bytes(b"\x0e123\x0f x", "iso-2022-jp") == "ｱｲｳ x"  # SO/SI


@pytest.mark.parametrize("codec,label", [
    ("cp932", "Shift_JIS"), ("cp932", "shift-jis"), ("cp932", "Windows-31J"), ("cp932", "MS932"),
    ("cp932", "x-sjis"), ("euc_jis_2004", "EUC-JP"), ("cp932", None), ("utf-8", "us-ascii"),
    ("utf-8", "ISO-8859-1"), ("cp932", "ISO-2022-JP"), ("utf-8", "ISO-2022-JP"), ("utf-8", "x-unknown"),
])
def test_wrong_or_windows_labels_still_decode(codec, label):
    text = "① 統合が完了しました。㈱サンプル"
    assert decode_bytes(text.encode(codec), label) == text


@pytest.mark.parametrize("label", ["base64", "hex", "zlib", "rot13", "idna", "utf-16", "utf-32", "x-no-such",
                                   "\x00", "utf-8*ja", "'utf-8'"])
def test_no_charset_label_can_crash_decoding(label):
    decode_bytes(b"\xff\xfe\x00abc\x80\x1b$B\x7f", label)
    parse_bytes(mail(b"\xff\xfeabc\x80 merge", f"text/plain; charset=\"{label}\"", "8bit"))


@pytest.mark.parametrize("codec,charset", [("iso2022_jp", "ISO-2022-JP"), ("cp932", "Shift_JIS"),
                                           ("euc_jp", "EUC-JP"), ("utf-8", "UTF-8")])
def test_encoded_words_split_mid_character_in_every_japanese_charset(codec, charset):
    text = "[CASE 176530418200731] アカウント統合完了のお知らせ"
    data = text.encode(codec)
    words = [f"=?{charset}?B?{base64.b64encode(data[i:i + 7]).decode()}?=" for i in range(0, len(data), 7)]
    assert decode_header_value("\r\n ".join(words)) == text
    q = "".join(f"={b:02X}" for b in "統合".encode("utf-8"))
    assert decode_header_value(f"RE: =?utf-8?q?{q[:9]}?= =?UTF-8?Q?{q[9:]}?=") == "RE: 統合"


@pytest.mark.parametrize("value", ["=?UTF-8?B?!!!notbase64?=", "=?x-unknown?B?5pel?=", "=?UTF-8?Q?=ZZ?=",
                                   "=?UTF-8?B?" + "A" * 5000 + "?=", "=?=?=?", "plain \udcff text"])
def test_broken_encoded_words_never_raise(value):
    assert isinstance(decode_header_value(value), str)


def test_raw_8bit_headers_in_shift_jis_and_utf8():
    for codec in ("cp932", "utf-8"):
        raw = (b"From: x@y\r\nSubject: " + "統合のご確認".encode(codec) + b"\r\n\r\nbody")
        assert parse_bytes(raw).subject == "統合のご確認"


@pytest.mark.parametrize("name,needle", [
    ("m017.eml", "① 統合先"), ("m005.eml", "㈱ミナト精工"), ("m004.eml", "① AWS認定アカウント"),
    ("m043.eml", "①会社PCで"), ("m019.eml", "It’s meant"), ("m032.eml", "ランチ"), ("m087.eml", "① 提出期限"),
    ("m048.eml", "① 17時"), ("m059.eml", "統合してよろしいか"),
])
def test_the_corpus_charset_traps_decode(name, needle):
    m = parse_bytes((ROOT / "tests" / "labeled" / name).read_bytes())
    assert needle in m.text and "\ufffd" not in m.text


def test_mbox_from_line_bom_and_leading_garbage_are_skipped():
    base = b"From: AWS <a@amazon.com>\nTo: t@x\nSubject: hello\n\nbody\n"
    assert parse_bytes(b"From a@amazon.com Mon Dec 24 08:52:33 2001\n" + base).subject == "hello"
    assert parse_bytes(b"\xef\xbb\xbf" + base).subject == "hello"
    assert parse_bytes(b"\n\n" + base).subject == "hello"
    assert parse_bytes(b"Fro :garbage line\n" + base).subject == "hello"
    with pytest.raises(ParseError):
        parse_bytes(b"// Not an RFC-822 Document")


def test_fast_and_bytewise_iso2022jp_readers_agree():
    from certmerge.core.charsets import _decode_bytewise

    samples = [_jis_windows("①統合～"), b"\x1b$B%\"\x1b(I12\x1b(Babc\n\x1b$B$\"", b"\x1b$B%\n%\x1b(B",
               b"\x0e12\x0f\x1b$(Q-!\x1b(B", b"\x1b$B!\x1b(B", (ROOT / "tests" / "labeled" / "m030.eml").read_bytes()]
    for data in samples:
        assert decode_iso2022jp(data) == _decode_bytewise(data, "ascii")
