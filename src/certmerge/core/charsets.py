"""Bytes -> text for mail as it really arrives, Japanese above all. Never raises: undecodable bytes are replaced.

ISO-2022-JP is decoded segment by segment: JIS X 0208 segments are turned into CP932 (Shift_JIS) bytes, so
that the characters Japanese clients add to it (CP50220: ①, ㈱, ～, IBM extensions) come out right (Python's
own iso2022_jp codec rejects them); JIS X 0213 (ESC $ ( Q) falls back to EUC-JIS-2004 for what CP932 lacks,
JIS X 0212 (ESC $ ( D) is read through EUC-JP. Labels that real mail gets wrong are corrected: Shift_JIS
means CP932, Windows-31J is CP932, "us-ascii"/"iso-8859-1" on 8-bit UTF-8 means UTF-8.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "x-windows-31j": "cp932", "csshiftjis": "cp932", "cp932": "cp932", "ms932": "cp932",
    "x-ms-cp932": "cp932", "windows-932": "cp932", "cswindows31j": "cp932", "shift_jisx0213": "shift_jisx0213",
    "shift_jis-2004": "shift_jis_2004",
    "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "eucjp": "euc_jp", "cp51932": "euc_jp", "euc-jp-ms": "euc_jp",
    "eucjp-ms": "euc_jp", "euc-jis-2004": "euc_jis_2004", "euc-jisx0213": "euc_jisx0213",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "euc-kr": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "iso_8859-1": "cp1252", "l1": "cp1252",
    "us-ascii": "ascii", "ascii": "ascii", "ansi_x3.4-1968": "ascii", "us": "ascii",
    "unicode-1-1-utf-7": "utf-7", "utf8": "utf-8", "x-unknown": "", "unknown-8bit": "", "default": "",
}
_JIS = {"iso-2022-jp", "csiso2022jp", "iso-2022-jp-ms", "cp50220", "cp50221", "cp50222", "iso-2022-jp-1",
        "iso-2022-jp-2", "iso-2022-jp-3", "iso-2022-jp-2004", "x-iso-2022-jp", "jis", "iso2022jp",
        "iso2022_jp", "iso2022_jp_2004", "iso2022_jp_ext"}
_ESC_RE = re.compile(rb"\x1b(\$[@B]|\$\(D|\$\([OQP]|\([BJIH])")
_MODES = {b"$@": "jis", b"$B": "jis", b"$(Q": "jis", b"$(O": "jis", b"$(P": "x0212", b"$(D": "x0212",
          b"(I": "kana"}
_LATIN_LABELS = {"ascii", "cp1252"}
_GUESSES = ("utf-8", "cp932", "euc_jp")


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


_TO_EUC = bytes(b | 0x80 for b in range(256))


@lru_cache(maxsize=1)
def _euc_to_cp932() -> dict[int, str]:
    """Where Python's EUC-JP reading of a JIS X 0208 character differs from the CP932 one (〜 vs ～, − vs －...)."""
    table = {}
    for j1 in range(0x21, 0x7F):
        for j2 in range(0x21, 0x7F):
            try:
                euc = bytes((j1 | 0x80, j2 | 0x80)).decode("euc_jp")
            except UnicodeDecodeError:
                continue
            cp = _jis_pair_to_sjis(j1, j2).decode("cp932", errors="replace")
            if cp != euc and cp != "\ufffd" and len(euc) == 1:
                table[ord(euc)] = cp
    return table


def _jis_segment(pairs: bytes) -> str:
    """Double-byte JIS pairs as text, as CP932 reads them (so ①, ㈱, ～ come out as Windows wrote them)."""
    try:  # fast path in C: JIS -> EUC-JP bytes, then the few characters where CP932 differs
        return pairs.translate(_TO_EUC).decode("euc_jp").translate(_euc_to_cp932())
    except UnicodeDecodeError:
        pass
    sjis = b"".join(_jis_pair_to_sjis(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2))
    text = sjis.decode("cp932", errors="replace")
    if "\ufffd" in text:
        alt = bytes(b | 0x80 for b in pairs[:len(pairs) // 2 * 2]).decode("euc_jis_2004", errors="replace")
        if alt.count("\ufffd") < text.count("\ufffd"):
            text = alt
    return text


_PRINTABLE = bytes(range(0x21, 0x7F))
_LINE_END = re.compile(rb"[\r\n]")


def decode_iso2022jp(data: bytes) -> str:
    """ISO-2022-JP (and CP50220/50221, JIS X 0212/0213 segments) to text.

    Split at the escape sequences; a segment of whole JIS pairs or of plain bytes is decoded in one go, any
    other segment (SO/SI, half-width kana, stray bytes) by the byte-by-byte reader."""
    out: list[str] = []
    mode, pos = "ascii", 0
    for m in _ESC_RE.finditer(data):
        out.append(_segment(data[pos:m.start()], mode))
        mode, pos = _MODES.get(m.group(1), "ascii"), m.end()
    out.append(_segment(data[pos:], mode))
    return "".join(out)


def _segment(seg: bytes, mode: str) -> str:
    if not seg:
        return ""
    if mode in ("jis", "x0212"):
        end = _LINE_END.search(seg)  # a line end returns to ASCII
        head, tail = (seg[:end.start()], seg[end.start():]) if end else (seg, b"")
        if len(head) % 2 == 0 and not head.translate(None, _PRINTABLE):
            text = _jis_segment(head) if mode == "jis" else _x0212(head)
            return text + (_segment(tail, "ascii") if tail else "")
    elif mode == "ascii" and b"\x0e" not in seg and b"\x0f" not in seg:
        return seg.decode("cp932", errors="replace")
    return _decode_bytewise(seg, mode)


def _decode_bytewise(data: bytes, mode: str) -> str:
    """The byte-by-byte reader (escape sequences, SO/SI, half-width kana, stray bytes)."""
    out: list[str] = []
    single = bytearray()  # ASCII / 8-bit bytes / half-width kana (as CP932 bytes)
    double = bytearray()  # the pending double-byte run
    pos, n = 0, len(data)

    def flush() -> None:
        if double:
            out.append(_jis_segment(bytes(double)) if mode == "jis" else _x0212(bytes(double)))
            double.clear()
        if single:
            out.append(single.decode("cp932", errors="replace"))
            single.clear()

    while pos < n:
        b = data[pos]
        m = _ESC_RE.match(data, pos) if b == 0x1B else None
        if m or b in (0x0A, 0x0D, 0x0E, 0x0F):  # escape; a line end (back to ASCII); SO/SI (kana on/off)
            flush()
            mode = _MODES.get(m.group(1), "ascii") if m else ("kana" if b == 0x0E else "ascii")
            if m:
                pos = m.end()
                continue
            if b in (0x0A, 0x0D):
                single.append(b)
        elif mode in ("jis", "x0212") and 0x21 <= b <= 0x7E and pos + 1 < n and 0x21 <= data[pos + 1] <= 0x7E:
            if single:
                flush()
            double += data[pos:pos + 2]
            pos += 1
        else:
            if double:
                flush()
            single.append(b + 0x80 if mode == "kana" and 0x21 <= b <= 0x5F else b)
        pos += 1
    flush()
    return "".join(out)


def _x0212(pairs: bytes) -> str:
    euc = b"".join(b"\x8f" + bytes((pairs[i] | 0x80, pairs[i + 1] | 0x80)) for i in range(0, len(pairs) - 1, 2))
    return euc.decode("euc_jp", errors="replace")


@lru_cache(maxsize=256)
def normalize_charset(label: str | None) -> str | None:
    """A Python text codec for a MIME charset label, or None when the label is unknown or not text."""
    if not label:
        return None
    label = label.strip().strip('"').strip("'").lower()
    if "*" in label:  # RFC 2231 language suffix: utf-8*ja
        label = label.split("*", 1)[0]
    if label in _JIS:
        return "iso-2022-jp"
    if label in _ALIASES:
        return _ALIASES[label] or None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in ("rot-13", "punycode", "idna"):
        return None  # base64, zlib, hex... are not charsets
    return info.name


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError, ValueError):
        return None


def _replace(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return data.decode("utf-8", errors="replace")


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Decode mail text by its label, correcting the labels that real mail gets wrong. Never raises."""
    if not data:
        return ""
    charset = normalize_charset(label)
    has_jis_escape = b"\x1b$" in data or b"\x1b(" in data
    eight_bit = not data.isascii()
    if has_jis_escape and (not eight_bit or charset in (None, "iso-2022-jp")):
        return decode_iso2022jp(data)
    if not eight_bit:  # 7-bit: ASCII, or JIS without escapes (SO/SI half-width kana)
        return decode_iso2022jp(data) if charset == "iso-2022-jp" else data.decode("ascii")
    if charset == "iso-2022-jp":  # labelled JIS but 8-bit: mislabelled Shift_JIS, UTF-8 or EUC-JP
        charset = None
    if charset is None or charset in _LATIN_LABELS:
        # unlabelled, or labelled ASCII/Latin-1 but 8-bit: UTF-8 is far likelier than real Latin-1
        for guess in _GUESSES:
            text = _strict(data, guess)
            if text is not None and (guess == "utf-8" or _looks_japanese(text)):
                return text
        return _replace(data, charset or "cp1252")
    text = _strict(data, charset)
    if text is not None:
        return text
    for guess in _fallbacks(charset):
        text = _strict(data, guess)
        if text is not None:
            return text
    return _replace(data, charset)


def _fallbacks(charset: str) -> tuple[str, ...]:
    if charset == "euc_jp":  # eucJP-ms / CP51932 write ① ㈱ where EUC-JIS-2004 has them too
        return ("euc_jis_2004", "utf-8", "cp932")
    if charset == "cp932":
        return ("utf-8", "shift_jis_2004", "euc_jp")
    return tuple(g for g in _GUESSES if g != charset)


_JA_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")


def _looks_japanese(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and len(_JA_RE.findall(text)) * 6 >= len(stripped)


def japanese_ratio(text: str) -> float:
    """Japanese characters among the letters of a text (0 for pure ASCII)."""
    if text.isascii():
        return 0.0
    letters = sum(map(str.isalpha, text))
    return len(_JA_RE.findall(text)) / letters if letters else 0.0
