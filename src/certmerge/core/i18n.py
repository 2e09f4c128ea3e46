"""The interface language: standard gettext catalogs, English in the source, Japanese in
locale/ja/LC_MESSAGES/certmerge.po (compiled to certmerge.mo beside it, shipped in the package).

The CLI chooses the language once per command: the case's language when a case exists, else the
environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them). The core only marks its
texts; nothing here imports typer or rich.

Marking (what `pybabel extract -k t -k nt:1,2` finds, and tests/test_i18n.py checks):
- `_("text")`: a fixed text, translated now;
- `t("text with {name}", name=value)`: translated, then filled in (named fields only);
- `nt("one {n} mail", "{n} mails", n)`: plural forms;
- `N_("text")`: marked only (a table of texts); translated where it is shown, with `_()`.
"""

from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

DOMAIN = "certmerge"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "ja")

_state: dict[str, object] = {"lang": "en", "tr": gettext.NullTranslations()}


def env_language(environ: Mapping[str, str] | None = None) -> str:
    """'ja' when the first locale variable that is set (gettext's order) names Japanese, else 'en'."""
    environ = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            first = value.split(":")[0].lower()
            return "ja" if first.startswith("ja") else "en"
    return "en"


def use(lang: str | None) -> str:
    """Make `lang` the interface language (anything but a known one is English); returns it."""
    lang = lang if lang in LANGUAGES else "en"
    if lang == "en":
        tr: gettext.NullTranslations = gettext.NullTranslations()
    else:
        tr = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    _state.update(lang=lang, tr=tr)
    return lang


def language() -> str:
    return str(_state["lang"])


@contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """The texts made inside are in `lang` (a notification in its case's language, whatever the interface
    speaks); the interface language before is back after."""
    before = dict(_state)
    try:
        yield use(lang)
    finally:
        _state.update(before)


def _(message: str) -> str:
    return _state["tr"].gettext(message)  # type: ignore[attr-defined]


def N_(message: str) -> str:  # noqa: N802 - the conventional name, found by pybabel
    return message


def t(message: str, /, **fields: object) -> str:
    """The translation of `message`, its {named} fields filled in."""
    return _(message).format(**fields)


def nt(singular: str, plural: str, n: int, /, **fields: object) -> str:
    """The plural form for `n` ({n} is filled in, with the other named fields)."""
    return _state["tr"].ngettext(singular, plural, n).format(n=n, **fields)  # type: ignore[attr-defined]


def NP_(context: str, message: str) -> str:  # noqa: N802 - marked only, with a context (pybabel -k NP_:1c,2)
    return message


def label(context: str, code: str | None) -> str:
    """A code (a state, a mail kind, an authenticity verdict...) as the interface shows it: the code itself in
    English, its translation in Japanese."""
    if not code:
        return code or ""
    return _state["tr"].pgettext(context, code)  # type: ignore[attr-defined]


def when(moment, zone: bool = True) -> str:
    """A time in the local time zone (TZ respected), with the zone named: '2026-11-05 18:00 JST'."""
    import datetime as dt

    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M %Z" if zone else "%Y-%m-%d %H:%M")
