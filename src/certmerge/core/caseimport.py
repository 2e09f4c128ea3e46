"""Many case files at once (`certmerge init --from cases.csv` or `--from a-folder/`): a CSV file, one row per
case, or a folder of the TOML case files `init --from FILE` reads. Every case is checked as one case file is
(casefile.parse_casefile); the first problem raises ConfigError naming the file, the row and the column.

CSV columns (a header row names them; any order; empty cells are left out):
  name, company, language (en|ja), reason, case_id, created,
  target_account_id, target_login_email, target_training_email, target_certification_email,
  target_certifications, target_benefits, and the same six for source_.
The target is the account kept. An empty training or certification email is the login email. Certifications
are `name|passed|expires` separated by `;` (expires may be left out); benefits `name|expires`.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from .casefile import _refuse_line_breaks, load_casefile, parse_casefile
from .errors import ConfigError
from .i18n import _, t
from .model import CaseFile

ACCOUNT_COLUMNS = ("account_id", "login_email", "training_email", "certification_email", "certifications", "benefits")
COLUMNS = ("name", "company", "language", "reason", "case_id", "created",
           *(f"{side}_{c}" for side in ("target", "source") for c in ACCOUNT_COLUMNS))
MAX_ROWS = 100_000


def load_cases(path: Path, today: dt.date | None = None) -> list[tuple[str, CaseFile]]:
    """The case files of a CSV file or a folder of .toml files: (where each came from, the case)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".toml" and p.is_file())
        if not files:
            raise ConfigError(path, "", _("no case files (.toml) in this folder"),
                              _("put one case file per case in it, as `certmerge init --from FILE` reads"))
        return [(str(p), load_casefile(p, today)) for p in files]
    return load_csv(path, today)


def load_csv(path: Path, today: dt.date | None = None) -> list[tuple[str, CaseFile]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except FileNotFoundError:
        raise ConfigError(path, "", _("no such file"), _("give the path of your CSV file or folder")) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(path, "", t("cannot be read ({exc})", exc=exc)) from None
    if not rows:
        raise ConfigError(path, "", _("the file is empty"), t("its first row names the columns: {columns}",
                                                              columns=", ".join(COLUMNS)))
    header = [h.strip().lower() for h in rows[0]]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise ConfigError(path, "", t("unknown column {name!r}", name=unknown[0]),
                          t("the columns are: {columns}", columns=", ".join(COLUMNS)))
    if len(rows) > MAX_ROWS + 1:
        raise ConfigError(path, "", t("more than {n} rows", n=MAX_ROWS), _("split the file"))
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = t("{path} row {n}", path=path, n=n)
        if len(row) > len(header):
            raise ConfigError(where, "", t("{n} cells, but the header names {m} columns", n=len(row), m=len(header)))
        cells = {h: c.strip() for h, c in zip(header, row) if c.strip()}
        out.append((where, _case_of(cells, where, today)))
    if not out:
        raise ConfigError(path, "", _("no case in the file"), _("one row per case, after the header row"))
    return out


def _case_of(cells: dict[str, str], where: str, today: dt.date | None) -> CaseFile:
    data = {"language": cells.get("language", "en"), "reason": cells.get("reason", ""),
            "user": {"name": cells.get("name", ""), "company": cells.get("company", "")},
            "support": {"case_id": cells.get("case_id", ""), "created": cells.get("created", "")},
            "target": _account(cells, "target", where), "source": _account(cells, "source", where)}
    try:
        cf = parse_casefile(data, where, today)
        _refuse_line_breaks(data, where)
    except ConfigError as exc:  # named by its column, as the CSV file names it
        problem = str(exc).removeprefix(f"{where}: ").removeprefix(f"{exc.key}: ")
        raise ConfigError(where, _column(exc.key), problem, exc.hint) from None
    return cf


def _column(key: str) -> str:
    """A case file's key as the CSV column that holds it: target.login_email -> target_login_email,
    target.certifications[0].passed -> target_certifications[0].passed, user.name -> name."""
    head, _dot, rest = key.partition(".")
    if head in ("user", "support"):
        return rest
    return f"{head}_{rest}" if rest else head


def _account(cells: dict[str, str], side: str, where: str) -> dict:
    login = cells.get(f"{side}_login_email", "")
    return {"account_id": cells.get(f"{side}_account_id", ""), "login_email": login,
            "training_email": cells.get(f"{side}_training_email", login),
            "certification_email": cells.get(f"{side}_certification_email", login),
            "certifications": [_item(p, ("name", "passed", "expires"), f"{side}_certifications", where)
                               for p in _parts(cells.get(f"{side}_certifications", ""))],
            "benefits": [_item(p, ("name", "expires"), f"{side}_benefits", where)
                         for p in _parts(cells.get(f"{side}_benefits", ""))]}


def _parts(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _item(part: str, keys: tuple[str, ...], column: str, where: str) -> dict:
    values = [v.strip() for v in part.split("|")]
    if len(values) > len(keys):
        raise ConfigError(where, column, t("{part!r} has more than {n} parts", part=part, n=len(keys)),
                          t("write {form}, entries separated by ;", form="|".join(keys)))
    return dict(zip(keys, values))
