"""`certmerge cases`: one line per case (number, person, state, since when, waiting on whom, next action),
columns aligned by display width (Japanese is two cells a character), each line cropped to the terminal
on a terminal and whole when piped, as `status` does. Plain text: a thousand lines through rich would cost
more than the rest of the command."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len, set_cell_size

from .core import labels
from .core.i18n import _, nt, t, when

NAME_WIDTH = 24  # a longer name is cut to this many cells


def _pad(text: str, width: int) -> str:
    return set_cell_size(text, width) if cell_len(text) > width else text + " " * (width - cell_len(text))


def lines(items: list, now: dt.datetime) -> list[str]:
    """The header and one line per case (CaseLine), not cropped."""
    if not items:
        return [_("No case yet. Run `certmerge init` (or `certmerge init --from cases.csv` for many).")]
    heads = [_("#"), _("person"), _("state"), _("since"), _("waiting on"), _("next")]
    rows = [[str(c.record.id), c.record.person, labels.state(c.record.state.value),
             when(c.record.state_since, zone=False), labels.who(c.waiting_on), _next(c, now)] for c in items]
    widths = [max(cell_len(r[i]) for r in [heads, *rows]) for i in range(5)]
    widths[1] = min(widths[1], NAME_WIDTH)
    out = ["  ".join(_pad(cell, widths[i]) if i < 5 else cell for i, cell in enumerate(r)) for r in [heads, *rows]]
    return [_summary(items)] + out


def _next(c, now: dt.datetime) -> str:
    nxt = c.next_action
    if nxt.wait_until and nxt.kind == "draft":
        return nxt.title + " (" + (t("OVERDUE since {when}", when=when(nxt.wait_until)) if nxt.overdue
                                   else t("reply by {when}", when=when(nxt.wait_until))) + ")"
    return nxt.title


def _summary(items: list) -> str:
    you = sum(1 for c in items if c.waiting_on == "you")
    support = sum(1 for c in items if c.waiting_on == "support")
    return nt("{n} case: {you} waiting on you, {support} on support",
              "{n} cases: {you} waiting on you, {support} on support", len(items), you=you, support=support)


def show(items: list, now: dt.datetime, width: int | None) -> str:
    """The text to print: every line cropped to `width` cells (a terminal's), or whole (None: piped)."""
    out = lines(items, now)
    if width:
        out = [set_cell_size(line, width - 1) + "…" if cell_len(line) > width else line for line in out]
    return "\n".join(out)
