"""One error family. The CLI prints a UserError as one line (`error: ...` plus a hint), never a traceback."""

from __future__ import annotations


class CertmergeError(Exception):
    """Base of every error certmerge raises on purpose."""


class UserError(CertmergeError):
    """Something the user can fix: shown as one line with a hint, exit code 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ConfigError(UserError):
    """A bad config.toml or case file: names the file, the key and the problem."""

    def __init__(self, path: object, key: str, problem: str, hint: str = "") -> None:
        where = f"{path}: " if path else ""
        key_part = f"{key}: " if key else ""
        super().__init__(f"{where}{key_part}{problem}", hint)
        self.path = path
        self.key = key


class StoreError(UserError):
    """The database cannot be opened or written (corrupt, locked, newer schema)."""

    exit_code = 3


class IllegalTransition(CertmergeError):
    """The lifecycle refused an event in the current state; the state is unchanged."""

    def __init__(self, state: object, event: object) -> None:
        from .storedtext import NOT_ALLOWED, fmt  # stored in a mail's effect: English, localized when shown

        super().__init__(fmt(NOT_ALLOWED, event=getattr(event, "value", event), state=getattr(state, "value", state)))
        self.state = state
        self.event = event


class SourceError(UserError):
    """A mail source cannot be read (folder missing, server unreachable)."""

    exit_code = 4


class AuthFailed(SourceError):
    """The server rejected the login: retrying will not help."""

    exit_code = 5


class ParseError(CertmergeError):
    """A mail could not be parsed; it is quarantined and the watcher goes on."""
