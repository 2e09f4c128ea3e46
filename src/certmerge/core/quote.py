"""Only the new text decides: cut quoted history from plain text, and turn HTML into (text, new text).

Cut at the first quote header ("On ... wrote:", Outlook From:/Sent: blocks, "-----Original Message-----",
Japanese quote headers such as `2025年12月15日(月) 10:00 AWS Support <...>:` and "-----元のメッセージ-----")
and drop `>`-quoted lines (a reply written below a `>` quote is kept). In HTML, Gmail/Outlook/Apple/Thunderbird
quote containers (blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend, hr#stopSpelling) are left out
of the new text. A forward is not history: its content stays, below one normalised marker line, and
`split_forward` reads its header block (From/Date/Subject, English or Japanese).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HEADER_LINE_RES = [
    re.compile(r"^\s*On\b.{4,300}\bwrote:\s*$", re.I | re.S),
    re.compile(r"^\s*-{2,}\s*(Original Message|Original( request| inquiry| case)?|元のメッセージ|オリジナルメッセージ|Ursprüngliche Nachricht|"
               r"Message d'origine)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,200}[:：]\s*$"),
    re.compile(r"^\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}.{0,120}<[^>]+@[^>]+>.{0,40}[:：]\s*$"),
    re.compile(r"^.{0,200}<[^>]+@[^>]+>\s*(wrote|のメッセージ|は書きました|さんは書きました|が書きました)[:：]?\s*$"),
    re.compile(r"^.{0,160}(さんは書きました|が書きました|wrote|a écrit|schrieb|escribió|ha scritto)\s*[:：]\s*$", re.I),
]
_OUTLOOK_FROM = re.compile(r"^\s*\**\s*(From|差出人|送信者|De|Von)\s*\**\s*[:：]", re.I)
_OUTLOOK_NEXT = re.compile(r"^\s*\**\s*(Sent|Date|To|Cc|Subject|送信日時|日時|日付|宛先|件名|Envoyé|Gesendet|An|"
                           r"Objet|Betreff)\s*\**\s*[:：]", re.I)
_RULE_LINE = re.compile(r"^\s*_{10,}\s*$")
_MARKER = r"\s*(-{3,}\s*(Forwarded message|転送メッセージ|転送されたメッセージ|Weitergeleitete Nachricht)\s*-{3,}|" \
          r"Begin forwarded message:|転送されたメッセージ[:：])\s*"
FORWARD_MARKER = re.compile(r"^" + _MARKER + r"$", re.I)
FORWARD_MARKER_ML = re.compile(r"^" + _MARKER + r"$", re.I | re.M)
FORWARD_LINE = "---------- Forwarded message ---------"
_QUOTED = (">", "＞")
_FWD_FIELDS = {"from": "from", "de": "from", "von": "from", "差出人": "from", "送信者": "from",
               "sent": "date", "date": "date", "datum": "date", "envoyé": "date", "gesendet": "date",
               "送信日時": "date", "日時": "date", "日付": "date",
               "to": "to", "an": "to", "à": "to", "宛先": "to", "cc": "cc",
               "subject": "subject", "objet": "subject", "betreff": "subject", "件名": "subject"}
_FWD_HEADER = re.compile(r"^\s*\**\s*([^\s:：*]{1,12})\s*\**\s*[:：]\s*(.*?)\s*$")


def _quote_header_kind(lines: list[str], i: int) -> str:
    """"wrote" for an "On ... wrote:" style header, "block" for an Outlook/Original-Message block, else ""."""
    line = lines[i]
    if len(line) > 400 or not (":" in line or "：" in line or "--" in line or "__" in line
                               or line.lstrip().startswith("On ")):
        return ""  # every quote header has one of these: most lines are passed over here
    if _HEADER_LINE_RES[1].match(line):
        return "block"
    if any(r.match(line) for r in _HEADER_LINE_RES):
        return "wrote"
    if line.lstrip().startswith("On ") and i + 1 < len(lines):  # "On ..." wrapped over two lines
        if lines[i + 1].rstrip().endswith("wrote:") and not lines[i + 1].lstrip().startswith(_QUOTED):
            return "wrote"
    if _OUTLOOK_FROM.match(line):
        following = [ln for ln in lines[i + 1:i + 6] if ln.strip()][:4]
        return "block" if sum(bool(_OUTLOOK_NEXT.match(ln)) for ln in following) >= 2 else ""
    if _RULE_LINE.match(line) and i + 1 < len(lines):
        return "block" if _OUTLOOK_FROM.match(lines[i + 1]) else ""
    return ""


def _next_content(lines: list[str], i: int) -> str:
    for ln in lines[i + 1:i + 4]:
        if ln.strip():
            return ln
    return ""


def cut_quoted(text: str, forward: bool = False) -> str:
    """The text above the first quote header, without `>` lines.

    A forward marker keeps everything below it (forwarded content is not history). With `forward=True`
    (the subject says Fw:/Fwd:/転送) an Outlook/Original-Message block is the forward: it is kept too, under a
    normalised forward marker line."""
    lines = text.splitlines()
    kept: list[str] = []
    skipping = False  # inside a `>` quote that follows an "On ... wrote:" header
    for i, line in enumerate(lines):
        if FORWARD_MARKER.match(line):
            kept.extend(lines[i:])
            break
        kind = "" if skipping and line.lstrip().startswith(_QUOTED) else _quote_header_kind(lines, i)
        if kind == "block" and forward:
            start = i + 1 if _RULE_LINE.match(line) or _HEADER_LINE_RES[1].match(line) else i
            kept += ["", FORWARD_LINE, *lines[start:]]
            break
        if kind == "wrote" and _next_content(lines, i).lstrip().startswith(_QUOTED):
            skipping = True  # a `>` quote: a reply written below it still counts
            continue
        if kind:
            break
        if line.lstrip().startswith(_QUOTED):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def split_forward(text: str) -> tuple[str, dict[str, str], str] | None:
    """(own text, forwarded headers, forwarded body) of a text with a forward marker, or None."""
    m = FORWARD_MARKER_ML.search(text)
    if not m:
        return None
    own = text[:m.start()].strip()
    lines = text[m.end():].splitlines()
    headers: dict[str, str] = {}
    i, last = 0, ""
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and lines[i].strip():
        hm = _FWD_HEADER.match(lines[i])
        field = _FWD_FIELDS.get(hm.group(1).lower()) if hm else None
        if field:
            headers[field] = hm.group(2)
            last = field
        elif last and headers and lines[i][:1] in " \t":
            headers[last] += " " + lines[i].strip()
        else:
            break
        i += 1
    if "from" not in headers and "subject" not in headers:
        return None
    return own, headers, "\n".join(lines[i:]).strip()


_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr",
          "blockquote", "pre", "section", "article", "header", "footer", "dt", "dd"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote", "zmail_extra",
                  "outlookmessageheader")
_CUT_IDS = ("divrplyfwdmsg", "x_divrplyfwdmsg", "appendonsend", "x_appendonsend", "stopspelling",
            "mail-editor-reference-message-container", "olk_src_body_section")
_MAX_STACK = 500


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.full: list[str] = []
        self.new: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a quote)
        self.quote = 0
        self.cut = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        a = {k: (v or "") for k, v in attrs}
        ident, classes = a.get("id", "").lower(), a.get("class", "").lower()
        if ident in _CUT_IDS:
            self.cut = True
        opens = tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES)
        if tag not in _VOID and len(self.stack) < _MAX_STACK:
            self.stack.append((tag, opens))
            self.quote += opens
        if tag in _BLOCK:
            self._emit("\n")
        elif tag in ("td", "th"):
            self._emit(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        for idx in range(len(self.stack) - 1, -1, -1):
            if self.stack[idx][0] == tag:
                for _t, opened in self.stack[idx:]:
                    self.quote -= opened
                del self.stack[idx:]
                break
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data):
        if not self.skip:
            self._emit(data)

    def _emit(self, s: str) -> None:
        self.full.append(s)
        if not self.quote and not self.cut:
            self.new.append(s)


_WS = re.compile(r"[ \t\u00a0\u3000\u200b\ufeff]+")
_NL = re.compile(r"\n\s*\n\s*\n+")


def _tidy(parts: list[str]) -> str:
    text = _WS.sub(" ", "".join(parts))
    text = "\n".join(line.strip() for line in text.splitlines())
    return _NL.sub("\n\n", text).strip()


def html_to_text(html: str) -> tuple[str, str]:
    """(full text, new text without quote containers) of an HTML body."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser can trip on broken markup; keep what it read
        pass
    return _tidy(parser.full), _tidy(parser.new)
