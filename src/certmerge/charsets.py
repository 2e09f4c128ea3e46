"""Bytes -> text for mail as it really arrives, Japanese above all. Never raises: undecodable bytes are replaced.

ISO-2022-JP is decoded by turning its JIS X 0208 segments into CP932 (Shift_JIS) bytes, so that the
characters Japanese clients add to it (CP50220: ①, ㈱, IBM extensions) come out right; Python's own
iso2022_jp codec rejects them.
"""

from __future__ import annotations

import codecs
import re

_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932", "cp932": "cp932", "x-ms-cp932": "cp932",
    "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "eucjp": "euc_jp", "cp51932": "euc_jp",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "euc-kr": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "ascii", "ascii": "ascii", "ansi_x3.4-1968": "ascii",
    "unicode-1-1-utf-7": "utf-7", "utf8": "utf-8",
}
_JIS = {"iso-2022-jp", "csiso2022jp", "iso-2022-jp-ms", "cp50220", "cp50221", "cp50222", "iso-2022-jp-1",
        "iso-2022-jp-2", "iso-2022-jp-3", "iso-2022-jp-2004", "x-iso-2022-jp", "jis", "iso2022jp"}
_ESC_RE = re.compile(rb"\x1b(\$[@B]|\$\(D|\$\([OQP]|\([BJIH])")
_LATIN_LABELS = {"ascii", "cp1252"}


def _jis_pair_to_sjis(j1: int, j2: int) -> bytes:
    if not (0x21 <= j1 <= 0x7E and 0x21 <= j2 <= 0x7E):
        return b"?"
    s1 = (j1 + 1) // 2 + 0x70
    if s1 >= 0xA0:
        s1 += 0x40
    if j1 % 2:
        s2 = j2 + 0x1F + (1 if j2 >= 0x60 else 0)
    else:
        s2 = j2 + 0x7E
    return bytes((s1, s2))


def decode_iso2022jp(data: bytes) -> str:
    """ISO-2022-JP (and CP50220/50221 extensions) to text, via CP932 bytes."""
    out = bytearray()
    mode = "ascii"
    pos = 0
    n = len(data)
    while pos < n:
        if data[pos] == 0x1B:
            m = _ESC_RE.match(data, pos)
            if m:
                seq = m.group(1)
                mode = {b"$@": "jis", b"$B": "jis", b"$(Q": "jis", b"$(O": "jis", b"$(P": "skip2",
                        b"$(D": "skip2", b"(I": "kana"}.get(seq, "ascii")
                pos = m.end()
                continue
        b = data[pos]
        if b in (0x0A, 0x0D):  # a line end resets to ASCII in practice
            out.append(b)
            pos += 1
            continue
        if b == 0x0E:
            mode, pos = "kana", pos + 1
            continue
        if b == 0x0F:
            mode, pos = "ascii", pos + 1
            continue
        if mode in ("jis", "skip2") and b >= 0x21 and pos + 1 < n and data[pos + 1] >= 0x21:
            out += _jis_pair_to_sjis(b, data[pos + 1]) if mode == "jis" else b"?"
            pos += 2
            continue
        if mode == "kana" and 0x21 <= b <= 0x5F:
            out.append(b + 0x80)
        else:
            out.append(b)
        pos += 1
    return out.decode("cp932", errors="replace")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def normalize_charset(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip('"').lower()
    if label in _JIS:
        return "iso-2022-jp"
    if label in _ALIASES:
        return _ALIASES[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Decode mail text by its label, correcting the labels that real mail gets wrong."""
    if not data:
        return ""
    charset = normalize_charset(label)
    if charset == "iso-2022-jp" or (b"\x1b$B" in data or b"\x1b$@" in data):
        if not any(b >= 0x80 for b in data[:4096]) or charset == "iso-2022-jp":
            return decode_iso2022jp(data)
    if data.isascii():
        return data.decode("ascii")
    if charset is None or charset in _LATIN_LABELS:
        # unlabelled or labelled ASCII/Latin-1 but 8-bit: UTF-8 is far likelier than real Latin-1
        for guess in ("utf-8", "cp932", "euc_jp"):
            text = _strict(data, guess)
            if text is not None and (guess == "utf-8" or _looks_japanese(text)):
                return text
        return data.decode(charset or "cp1252", errors="replace")
    text = _strict(data, charset)
    if text is not None:
        return text
    for guess in ("utf-8", "cp932", "euc_jp"):
        if guess != charset:
            text = _strict(data, guess)
            if text is not None:
                return text
    return data.decode(charset, errors="replace")


_JA_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")


def _looks_japanese(text: str) -> bool:
    return len(_JA_RE.findall(text)) * 3 >= len(text.strip()) * 1 // 2 if text.strip() else False


def japanese_ratio(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    return len(_JA_RE.findall(text)) / letters if letters else 0.0
