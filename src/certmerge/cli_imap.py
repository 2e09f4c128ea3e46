"""IMAP commands (`certmerge login`, `certmerge doctor`), registered on the main typer app."""

from __future__ import annotations
