"""Only the new text decides: cut quoted history from plain text, and turn HTML into (text, new text).

Cut at the first quote header ("On ... wrote:", Outlook From:/Sent: blocks, "-----Original Message-----",
Japanese quote headers, "-----元のメッセージ-----") and drop `>`-quoted lines. In HTML, Gmail/Outlook/Apple
quote containers (blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend) are left out of the new text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HEADER_LINE_RES = [
    re.compile(r"^\s*On\b.{4,300}\bwrote:\s*$", re.I | re.S),
    re.compile(r"^\s*-{2,}\s*(Original Message|Original|元のメッセージ|オリジナルメッセージ)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,200}[:：]\s*$"),
    re.compile(r"^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}.{0,120}<[^>]+@[^>]+>.{0,40}[:：]\s*$"),
    re.compile(r"^.{0,200}<[^>]+@[^>]+>\s*(wrote|のメッセージ|は書きました|さんは書きました|が書きました)[:：]?\s*$"),
    re.compile(r"^.{0,120}(さんは書きました|が書きました|wrote)\s*[:：]\s*$"),
]
_OUTLOOK_FROM = re.compile(r"^\s*\**\s*(From|差出人|送信者)\s*\**\s*[:：]", re.I)
_OUTLOOK_NEXT = re.compile(r"^\s*\**\s*(Sent|Date|To|Subject|送信日時|日時|宛先|件名)\s*\**\s*[:：]", re.I)
_RULE_LINE = re.compile(r"^\s*_{10,}\s*$")
FORWARD_MARKER = re.compile(
    r"^\s*(-{3,}\s*(Forwarded message|転送メッセージ|転送されたメッセージ)\s*-{3,}|Begin forwarded message:)\s*$",
    re.I)


def _is_quote_header(lines: list[str], i: int) -> bool:
    line = lines[i]
    if any(r.match(line) for r in _HEADER_LINE_RES):
        return True
    if line.lstrip().startswith("On ") and i + 1 < len(lines):  # "On ..." wrapped over two lines
        if lines[i + 1].rstrip().endswith("wrote:") and not lines[i + 1].lstrip().startswith(">"):
            return True
    if _OUTLOOK_FROM.match(line):
        following = [ln for ln in lines[i + 1:i + 5] if ln.strip()]
        return sum(bool(_OUTLOOK_NEXT.match(ln)) for ln in following) >= 2
    if _RULE_LINE.match(line) and i + 1 < len(lines):
        return bool(_OUTLOOK_FROM.match(lines[i + 1]))
    return False


def cut_quoted(text: str) -> str:
    """The text above the first quote header, without `>` lines."""
    lines = text.splitlines()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if FORWARD_MARKER.match(line):
            kept.extend(lines[i:])  # forwarded content is not quoted history
            break
        if _is_quote_header(lines, i):
            break
        if line.lstrip().startswith((">", "＞")):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr",
          "blockquote", "pre", "section", "article", "header", "footer", "dt", "dd"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote")
_CUT_IDS = ("divrplyfwdmsg", "appendonsend", "stopspelling", "mail-editor-reference-message-container")


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
        if ident in _CUT_IDS or (tag == "hr" and ident == "stopspelling"):
            self.cut = True
        opens = tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES)
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr"):
            self.stack.append((tag, opens))
            self.quote += opens
        if tag in _BLOCK:
            self._emit("\n")
        elif tag in ("td", "th"):
            self._emit(" ")

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


_WS = re.compile(r"[ \t\u00a0\u3000]+")
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
