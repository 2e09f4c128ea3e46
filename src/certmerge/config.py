"""Settings from the home's config.toml and the environment.

Everything certmerge keeps lives under one home: `--home DIR`, else `CERTMERGE_HOME`, else the platform's
user data directory. Secrets are never read from or written to config.toml: only the commands or names
that produce them are (see secrets resolution in sources/imap.py).
"""

from __future__ import annotations

import ipaddress
import math
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .core.errors import ConfigError
from .core.model import REVIEW_THRESHOLD, WEAK_CONFIDENCE
from .core.i18n import _, t

DEFAULT_VENDOR_DOMAINS = ("amazon.com", "amazonses.com", "credly.com")


def default_home() -> Path:
    env = os.environ.get("CERTMERGE_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # imported here: only the commands that need the default home pay for it

    return Path(platformdirs.user_data_dir("certmerge", appauthor=False))


@dataclass(frozen=True)
class ImapSettings:
    host: str = ""
    port: int = 993
    security: str = "tls"  # tls | starttls | plain
    ca_file: str = ""
    username: str = ""
    auth: str = "password"  # password | xoauth2 | oauthbearer
    password_command: str = ""
    password_env: str = ""
    token_command: str = ""
    use_keyring: bool = True
    folders: tuple[str, ...] = ("INBOX",)
    sent_folder: str = ""  # found through SPECIAL-USE when empty
    drafts_folder: str = ""
    timeout: float = 30.0
    scan_days_before_case: int = 7

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class ClassifySettings:
    require_authenticated: bool = False
    trusted_authserv_ids: tuple[str, ...] = ()  # empty: trust the topmost Authentication-Results
    vendor_domains: tuple[str, ...] = DEFAULT_VENDOR_DOMAINS
    review_threshold: float = REVIEW_THRESHOLD
    # whose public holidays "N business days" skips: an ISO country code; empty: JP for Japanese mail, else US
    support_country: str = ""


@dataclass(frozen=True)
class WatchSettings:
    source: str = ""  # a folder of .eml files or a Maildir; empty: the [imap] mailbox
    interval: float = 60.0


@dataclass(frozen=True)
class NotifySettings:
    urls: tuple[str, ...] = ()  # Apprise URLs (they may hold tokens: never logged or stored whole)
    hook: str = ""  # a command run through the shell with each event as JSON on stdin (goimapnotify style)
    hook_timeout: float = 10.0  # seconds before a hook that hangs is stopped (and retried later)
    unreachable_minutes: int = 30  # tell when the mailbox could not be reached for longer than this


@dataclass(frozen=True)
class ReminderSettings:
    follow_up_after: int = 2  # business days past support's usual time before "support has been silent"
    user_country: str = ""  # your public holidays: reminders wait for your next working day; empty: see README
    timezone: str = ""  # your time zone (IANA name) for reminder times; empty: this computer's


@dataclass(frozen=True)
class Settings:
    home: Path
    imap: ImapSettings = field(default_factory=ImapSettings)
    classify: ClassifySettings = field(default_factory=ClassifySettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    database_url: str = ""  # empty: SQLite file in the home

    @property
    def config_path(self) -> Path:
        return self.home / "config.toml"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'certmerge.sqlite3'}"

    @property
    def drafts_dir(self) -> Path:
        return self.home / "drafts"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    @property
    def db_file(self) -> Path | None:
        """The SQLite database file, when the database is one."""
        url = self.db_url
        return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None

    def ensure_dirs(self) -> list[str]:
        """Create the home's directories 0700 and tighten what is already there; what was changed."""
        from .privacy import private_dir, tighten_home

        changed = tighten_home(self.home, self.db_file) if self.home.is_dir() else []
        for d in (self.home, self.drafts_dir, self.logs_dir, self.quarantine_dir):
            private_dir(d)
        return changed


_SECRET_KEYS = {"password", "token", "secret", "access_token"}


def _section(cls, raw: dict, path: Path, name: str):
    if not isinstance(raw, dict):
        raise ConfigError(path, name, _("must be a table"), t("write it as [{name}]", name=name))
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        if key in _SECRET_KEYS:
            raise ConfigError(path, f"{name}.{key}", _("secrets do not belong in config.toml"),
                              _("use password_command, password_env or `certmerge login` (keyring)"))
        if key not in known:
            raise ConfigError(path, f"{name}.{key}", _("unknown key"),
                              t("known keys: {join}", join=', '.join(sorted(known))))
        default = known[key].default
        if f"{name}.{key}" in _QUIET_KEYS:  # its value may hold a token: never echo it in an error
            value = _quiet(value, default, path, f"{name}.{key}")
        values[key] = _coerce(value, default, path, f"{name}.{key}")
    return cls(**values)


_QUIET_KEYS = {"notify.urls", "notify.hook"}


def _quiet(value, default, path: Path, key: str):
    """Type-check a value that may hold a secret without showing it."""
    ok = isinstance(value, str) or (isinstance(default, tuple) and isinstance(value, list)
                                    and all(isinstance(v, str) for v in value))
    if not ok:
        what = "a list of strings" if isinstance(default, tuple) else "a string"
        raise ConfigError(path, key, f"expected {what} (the value is not shown: it may hold a token)")
    return value


def _coerce(value, default, path: Path, key: str):
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(path, key, t("expected true or false, got {value!r}", value=value))
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(path, key, t("expected a number, got {value!r}", value=value))
        if not math.isfinite(value) or value < 0:  # TOML has nan and inf
            raise ConfigError(path, key, t("expected a finite positive number, got {value!r}", value=value))
        if isinstance(default, int) and value != int(value):
            raise ConfigError(path, key, t("expected a whole number, got {value!r}", value=value))
        return type(default)(value)
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(path, key, t("expected a list of strings, got {value!r}", value=value))
        return tuple(value)
    if not isinstance(value, str):
        raise ConfigError(path, key, t("expected a string, got {value!r}", value=value))
    return value


def _check(s: Settings) -> None:
    path = s.config_path
    imap = s.imap
    if imap.security not in ("tls", "starttls", "plain"):
        raise ConfigError(path, "imap.security", t("expected tls, starttls or plain, got {security!r}", security=imap.security))
    if imap.auth not in ("password", "xoauth2", "oauthbearer"):
        raise ConfigError(path, "imap.auth", t("expected password, xoauth2 or oauthbearer, got {auth!r}", auth=imap.auth))
    if imap.security == "plain" and imap.host and not is_loopback(imap.host):
        raise ConfigError(path, "imap.security", _("plain text is allowed only to a loopback address"),
                          _('use security = "tls" (port 993) or "starttls"'))
    if not 0 < imap.port < 65536:
        raise ConfigError(path, "imap.port", t("expected a port number 1-65535, got {port}", port=imap.port))
    if not WEAK_CONFIDENCE < s.classify.review_threshold <= 1:
        raise ConfigError(path, "classify.review_threshold",
                          f"expected a number above {WEAK_CONFIDENCE} and at most 1, got {s.classify.review_threshold}",
                          f"at or below {WEAK_CONFIDENCE} the classifier's weak guesses would move the case")
    for key, country in (("classify.support_country", s.classify.support_country),
                         ("reminders.user_country", s.reminders.user_country)):
        if country and not (len(country) == 2 and country.isascii() and country.isalpha() and country.isupper()):
            raise ConfigError(path, key, f"expected a two-letter country code, got {country!r}",
                              'like "JP" or "US"; empty: by the language (see the README)')
    _check_timezone(path, s.reminders.timezone)
    if s.watch.interval < 1:
        raise ConfigError(path, "watch.interval", _("expected at least 1 second"))
    _check_ranges(s)


def _check_ranges(s: Settings) -> None:
    """Numbers that must stay within sense: a timeout of 0 or of days, a scan window of a million years."""
    for key, value, low, high in (("watch.interval", s.watch.interval, 1, 86400), ("imap.timeout", s.imap.timeout, 1, 3600),
                                  ("imap.scan_days_before_case", s.imap.scan_days_before_case, 0, 3650),
                                  ("notify.hook_timeout", s.notify.hook_timeout, 1, 600),
                                  ("notify.unreachable_minutes", s.notify.unreachable_minutes, 1, 10080),
                                  ("reminders.follow_up_after", s.reminders.follow_up_after, 0, 30)):
        if not low <= value <= high:
            raise ConfigError(s.config_path, key, t("expected a number from {low} to {high}, got {value:g}", low=low, high=high, value=value))


def _check_timezone(path: Path, name: str) -> None:
    if not name:
        return
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(path, "reminders.timezone", f"unknown time zone {name!r}",
                          'an IANA name like "Asia/Tokyo" or "America/New_York"; empty: this computer\'s') from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(home: Path | None = None) -> Settings:
    """Read `home/config.toml` (missing: defaults). Raises ConfigError naming the file and key."""
    home = Path(home).expanduser() if home else default_home()
    if home.exists() and not home.is_dir():
        raise ConfigError("", "", t("the certmerge home {home} is not a directory", home=home),
                          _("give --home (or CERTMERGE_HOME) a directory, or a path that does not exist yet"))
    path = home / "config.toml"
    raw: dict = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(path, "", t("not valid TOML ({exc})", exc=exc), _("fix the line it names")) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(path, "", t("cannot be read ({exc})", exc=exc)) from None
    sections = {"imap": ImapSettings, "classify": ClassifySettings, "watch": WatchSettings,
                "notify": NotifySettings, "reminders": ReminderSettings}
    kwargs = {}
    for key, value in raw.items():
        if key in sections:
            kwargs[key] = _section(sections[key], value, path, key)
        elif key == "database_url":
            kwargs[key] = _coerce(value, "", path, key)
        else:
            raise ConfigError(path, key, "unknown key",
                              "known: [imap], [classify], [watch], [notify], [reminders], database_url")
    env_db = os.environ.get("CERTMERGE_DATABASE_URL")
    if env_db:
        kwargs["database_url"] = env_db
    settings = Settings(home=home, **kwargs)
    _check(settings)
    return settings
