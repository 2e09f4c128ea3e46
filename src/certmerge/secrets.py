"""Where the IMAP secret comes from: a command, an environment variable, the system keyring or a prompt.

Order for `auth = "password"`: `password_command` (run through the shell, like mbsync's PassCmd; the
first line of its output), `password_env` (the name of an environment variable), the system keyring
(service "certmerge", the IMAP username; `certmerge login` stores it there), a prompt when standard input
is a terminal. For `auth = "xoauth2"` / `"oauthbearer"`: `token_command`, run at every (re)connect since
access tokens expire within the hour.

A secret never goes into config.toml, the database, a log or an error message: values travel as
`Secret`, whose repr and str hide them, and command output is never echoed.
"""

from __future__ import annotations

import getpass
import os
import subprocess
import sys

from .config import ImapSettings
from .core.errors import UserError
from .core.i18n import _, t

KEYRING_SERVICE = "certmerge"
COMMAND_TIMEOUT = 120.0  # a password manager may ask for its own passphrase first


class Secret:
    """A password or token that does not show itself in repr(), str(), logs or tracebacks."""

    __slots__ = ("_value", "origin")

    def __init__(self, value: str, origin: str) -> None:
        self._value = value
        self.origin = origin  # where it came from, for `doctor` (never the value)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret(<hidden>, from {self.origin})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def run_command(command: str, what: str, key: str) -> Secret:
    """Run a secret-printing command through the shell; its first output line is the secret."""
    try:
        res = subprocess.run(command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             timeout=COMMAND_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise UserError(t("imap.{key} did not finish within {command_timeout:g} s", key=key, command_timeout=COMMAND_TIMEOUT),
                        t("run it by hand to check that it prints the {what} without waiting", what=what)) from None
    except OSError as exc:
        raise UserError(t("imap.{key} could not be started ({strerror})", key=key, strerror=exc.strerror), _("check the command")) from None
    if res.returncode != 0:
        # the output is not shown: it may hold part of the secret
        raise UserError(t("imap.{key} failed (exit status {returncode}); its output is not shown", key=key, returncode=res.returncode),
                        t("run it by hand to see why it does not print the {what}", what=what))
    lines = res.stdout.decode("utf-8", errors="replace").splitlines()
    value = lines[0].strip() if lines else ""
    if not value:
        raise UserError(t("imap.{key} printed nothing", key=key), t("it must print the {what} on its first line", what=what))
    return Secret(value, key)


def keyring_get(username: str) -> str | None:
    """The stored password, or None when there is none or no usable keyring."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, username)
        except KeyringError:
            return None
    except Exception:  # noqa: BLE001 - a broken keyring backend must not stop the other ways
        return None


def keyring_set(username: str, password: str) -> str:
    """Store the password; returns the keyring backend's name. UserError when no keyring works."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, username, password)
    except NoKeyringError:
        raise UserError(_("no system keyring is available on this machine"),
                        _("set imap.password_command (e.g. `pass show mail/imap`) or imap.password_env instead")) from None
    except KeyringError as exc:
        raise UserError(t("the system keyring refused to store the password ({name})", name=exc.__class__.__name__),
                        _("unlock the keyring, or use imap.password_command")) from None
    backend = keyring.get_keyring()
    return getattr(backend, "name", backend.__class__.__name__)


def password(imap: ImapSettings, interactive: bool | None = None) -> Secret:
    """The IMAP password, from the first way that is configured (see the module doc)."""
    if imap.password_command:
        return run_command(imap.password_command, "password", "password_command")
    if imap.password_env:
        value = os.environ.get(imap.password_env, "")
        if not value:
            raise UserError(t("the environment variable {password_env} (imap.password_env) is not set or empty", password_env=imap.password_env),
                            t("export {password_env}=... before running certmerge", password_env=imap.password_env))
        return Secret(value, f"environment variable {imap.password_env}")
    if imap.use_keyring and imap.username:
        stored = keyring_get(imap.username)
        if stored:
            return Secret(stored, "system keyring")
    if interactive is None:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    if interactive:
        value = getpass.getpass(f"IMAP password for {imap.username}@{imap.host}: ")
        if value:
            return Secret(value, "prompt")
    raise UserError(t("no IMAP password for {value}@{host}", value=imap.username or '(no username)', host=imap.host),
                    _("run `certmerge login` to store it in the system keyring, or set imap.password_command "
                    "or imap.password_env in config.toml"))


def check_token_config(imap: ImapSettings) -> None:
    if not imap.token_command:
        raise UserError(t("auth = {auth!r} needs imap.token_command", auth=imap.auth),
                        _("a command that prints a fresh OAuth access token, e.g. mutt_oauth2.py TOKENFILE"))


def token(imap: ImapSettings) -> Secret:
    """A fresh OAuth access token from token_command."""
    check_token_config(imap)
    return run_command(imap.token_command, "access token", "token_command")


def credential(imap: ImapSettings, interactive: bool | None = None) -> Secret:
    return password(imap, interactive) if imap.auth == "password" else token(imap)


def describe(imap: ImapSettings) -> str:
    """Where the secret would come from, in words (never the secret)."""
    if imap.auth != "password":
        return f"token_command ({imap.auth})" if imap.token_command else "token_command missing"
    if imap.password_command:
        return "password_command"
    if imap.password_env:
        return f"environment variable {imap.password_env}"
    if imap.use_keyring:
        return "system keyring, else a prompt"
    return "a prompt"
