"""The case file (`certmerge init --from case.toml`): parse, validate, and turn back into TOML-ready data.

Every problem raises ConfigError naming the file, the key and what is expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from pathlib import Path

from .errors import ConfigError
from .i18n import _, t
from .model import ANSWER_KEYS, Account, Benefit, CaseFile, CaseRecord, CaseState, Certification, Lang

ACCOUNT_ID_RE = re.compile(r"^AWS\d{5,12}$")
EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
CASE_ID_RE = re.compile(r"^\d{8,20}$")
ACCOUNT_KEYS = ("account_id", "login_email", "training_email", "certification_email")


class _Reader:
    def __init__(self, path: object) -> None:
        self.path = path

    def fail(self, key: str, problem: str, hint: str = "") -> ConfigError:
        return ConfigError(self.path, key, problem, hint)

    def text(self, table: dict, key: str, prefix: str, required: bool = True) -> str:
        value = table.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"{prefix}{key}", "missing", "see config.example.toml / README 'The case file'")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{prefix}{key}", f"expected text, got {value!r}")
        return value.strip()

    def date(self, table: dict, key: str, prefix: str, required: bool) -> dt.date | None:
        value = table.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(f"{prefix}{key}", "missing", "a date like 2025-03-15")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(f"{prefix}{key}", f"expected a date like 2025-03-15, got {value!r}")

    def email(self, table: dict, key: str, prefix: str) -> str:
        value = self.text(table, key, prefix)
        if not EMAIL_RE.match(value):
            raise self.fail(f"{prefix}{key}", f"{value!r} is not an email address", "like name@example.com")
        return value

    def account(self, table: object, name: str, today: dt.date) -> Account:
        if not isinstance(table, dict):
            raise self.fail(name, "missing", f"add a [{name}] table with {', '.join(ACCOUNT_KEYS)}")
        prefix = f"{name}."
        account_id = self.text(table, "account_id", prefix).upper()
        if not ACCOUNT_ID_RE.match(account_id):
            raise self.fail(f"{prefix}account_id", f"{account_id!r} is not a certification account ID",
                            "it is 'AWS' followed by digits, e.g. AWS01234567 (aws.training > Profile)")
        certs = tuple(self.certification(c, f"{prefix}certifications[{i}].", today)
                      for i, c in enumerate(self.list(table, "certifications", prefix)))
        benefits = tuple(self.benefit(b, f"{prefix}benefits[{i}].")
                         for i, b in enumerate(self.list(table, "benefits", prefix)))
        return Account(account_id, self.email(table, "login_email", prefix),
                       self.email(table, "training_email", prefix),
                       self.email(table, "certification_email", prefix), certs, benefits)

    def list(self, table: dict, key: str, prefix: str) -> list[dict]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"{prefix}{key}", "expected a list of tables", f"write [[{prefix}{key}]] blocks")
        return value

    def certification(self, table: dict, prefix: str, today: dt.date) -> Certification:
        name = self.text(table, "name", prefix)
        passed = self.date(table, "passed", prefix, required=True)
        expires = self.date(table, "expires", prefix, required=False)
        if passed > today:
            raise self.fail(f"{prefix}passed", f"{passed} is in the future", "use the date you passed the exam")
        if expires and expires <= passed:
            raise self.fail(f"{prefix}expires", f"{expires} is not after the pass date {passed}")
        return Certification(name, passed, expires)

    def benefit(self, table: dict, prefix: str) -> Benefit:
        return Benefit(self.text(table, "name", prefix), self.date(table, "expires", prefix, required=False))


def parse_casefile(data: dict, path: object = "case file", today: dt.date | None = None) -> CaseFile:
    """Validate a case file's parsed TOML and build a CaseFile."""
    r = _Reader(path)
    today = today or dt.date.today()
    language = data.get("language", "en")
    if language not in ("en", "ja"):
        raise r.fail("language", f"expected en or ja, got {language!r}")
    user = data.get("user", {})
    if not isinstance(user, dict):
        raise r.fail("user", "expected a table", "write [user] with name and company")
    support = data.get("support", {})
    if not isinstance(support, dict):
        raise r.fail("support", "expected a table")
    case_id = str(support.get("case_id", "") or "").strip() or None
    if case_id and not CASE_ID_RE.match(case_id):
        raise r.fail("support.case_id", f"{case_id!r} is not a support case number",
                     "the digits in [CASE ...] of the support mail's subject")
    target = r.account(data.get("target"), "target", today)
    source = r.account(data.get("source"), "source", today)
    if target.account_id == source.account_id:
        raise r.fail("source.account_id", "is the same as target.account_id",
                     "the two accounts to merge must differ")
    return CaseFile(
        answers=parse_answers(data.get("answers", {}), r),
        company=r.text(user, "company", "user.", required=False),
        language=Lang(language),
        reason=r.text(data, "reason", ""),
        target=target,
        source=source,
        vendor_case_id=case_id,
        created=r.date(support, "created", "support.", required=False),
        user_name=r.text(user, "name", "user."),
    )


def parse_answers(table: object, r: _Reader) -> tuple[tuple[str, str], ...]:
    """[answers]: what only the user can tell support (a choice, the profile name...), one line each."""
    if not isinstance(table, dict):
        raise r.fail("answers", "expected a table", "write [answers] with keys " + ", ".join(ANSWER_KEYS))
    out = []
    for key, value in table.items():
        out.append((key, check_answer(key, value, r)))
    return tuple(out)


def check_answer(key: str, value: object, r: _Reader) -> str:
    if key not in ANSWER_KEYS:
        raise r.fail(f"answers.{key}", "is not a known answer", "one of: " + ", ".join(ANSWER_KEYS))
    if not isinstance(value, str) or not value.strip():
        raise r.fail(f"answers.{key}", f"expected text, got {value!r}")
    value = value.strip()
    if any(ch in value for ch in "\r\n\x00") and key != "note" and key != "benefit_plan":
        raise r.fail(f"answers.{key}", "must be one line")
    if key.endswith("_email") and not EMAIL_RE.match(value):
        raise r.fail(f"answers.{key}", f"{value!r} is not an email address", "like name@example.com")
    return value


def answer_value(key: str, value: str) -> str:
    """One answer given on the command line (`certmerge answer KEY VALUE`), checked like the case file's."""
    return check_answer(key, value, _Reader("certmerge answer"))


def load_casefile(path: Path, today: dt.date | None = None) -> CaseFile:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, "", _("no such file"), _("give the path of your case.toml")) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", t("not valid TOML ({exc})", exc=exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, "", t("cannot be read ({exc})", exc=exc)) from None
    asked = _Asked(data)
    cf = parse_casefile(asked, path, today)
    _refuse_unknown_keys(asked, path)  # a misspelt [[source.certifcations]] would silently change the route
    _refuse_line_breaks(data, path)  # names go into mail headers and the support form
    return cf


class _Asked(dict):
    """A TOML table that remembers which keys the parser asked for: the others are unknown keys."""

    def __init__(self, data: dict) -> None:
        super().__init__({k: _asked(v) for k, v in data.items()})
        self.asked: set[str] = set()

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self.asked.add(key)
        return super().__contains__(key)

    def __iter__(self):  # a parser that walks a table (items, keys, values) checks its keys itself
        self.asked.update(dict.keys(self))
        return super().__iter__()

    def items(self):
        self.asked.update(dict.keys(self))
        return super().items()

    def keys(self):
        self.asked.update(dict.keys(self))
        return super().keys()

    def values(self):
        self.asked.update(dict.keys(self))
        return super().values()


def _asked(value):
    if isinstance(value, dict):
        return _Asked(value)
    return [_asked(v) for v in value] if isinstance(value, list) else value


def _refuse_unknown_keys(table: _Asked, path: object, prefix: str = "") -> None:
    for key, value in dict.items(table):
        if key not in table.asked:
            close = difflib.get_close_matches(key, sorted(table.asked), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ConfigError(path, f"{prefix}{key}", _("unknown key"),
                              t("{hint}known here: {join}", hint=hint, join=', '.join(sorted(table.asked))))
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, _Asked):
                _refuse_unknown_keys(item, path, f"{prefix}{key}{f'[{i}]' if isinstance(value, list) else ''}.")


_LINE_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
ONE_LINE_TABLES = ("user", "support", "target", "source")  # names, IDs, addresses (the reason may have lines)


def _refuse_line_breaks(data: dict, path: object) -> None:
    """Names, IDs and addresses are one line: a name with CR/LF would break the headers of a draft."""
    for table in ONE_LINE_TABLES:
        _refuse_breaks_in(data.get(table), path, table)


def _refuse_breaks_in(value: object, path: object, key: str) -> None:
    if isinstance(value, str) and _LINE_BREAK.search(value.strip()):
        raise ConfigError(path, key, _("contains a line break or a control character"), _("write it on one line"))
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        _refuse_breaks_in(v, path, f"{key}[{k}]" if isinstance(k, int) else f"{key}.{k}")


def _account_dict(a: Account) -> dict:
    return {
        "account_id": a.account_id, "login_email": a.login_email, "training_email": a.training_email,
        "certification_email": a.certification_email,
        "certifications": [{"name": c.name, "passed": c.passed.isoformat(),
                            "expires": c.expires.isoformat() if c.expires else ""} for c in a.certifications],
        "benefits": [{"name": b.name, "expires": b.expires.isoformat() if b.expires else ""}
                     for b in a.benefits],
    }


def casefile_to_dict(cf: CaseFile) -> dict:
    """The case file as plain data (JSON in the database, export); parse_casefile reads it back."""
    return {
        "language": cf.language.value, "reason": cf.reason,
        "user": {"name": cf.user_name, "company": cf.company},
        "support": {"case_id": cf.vendor_case_id or "",
                    "created": cf.created.isoformat() if cf.created else ""},
        "target": _account_dict(cf.target), "source": _account_dict(cf.source),
        "answers": dict(cf.answers),
    }


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _account_of(d: dict) -> Account:
    return Account(d["account_id"], d["login_email"], d["training_email"], d["certification_email"],
                   tuple(Certification(c["name"], _day(c["passed"]), _day(c.get("expires")))
                         for c in d.get("certifications", ())),
                   tuple(Benefit(b["name"], _day(b.get("expires"))) for b in d.get("benefits", ())))


def casefile_from_dict(d: dict) -> CaseFile:
    """A stored case file (casefile_to_dict's data, checked when it was recorded) back as a CaseFile, without
    validating it again: the store reads it for every case it hands to the core."""
    support = d.get("support") or {}
    return CaseFile(user_name=d["user"]["name"], company=d["user"].get("company", ""), language=Lang(d["language"]),
                    reason=d.get("reason", ""), target=_account_of(d["target"]), source=_account_of(d["source"]),
                    vendor_case_id=support.get("case_id") or None, created=_day(support.get("created")),
                    answers=tuple((d.get("answers") or {}).items()))


def as_record(case: dict) -> CaseRecord:
    """A case as the store's dict gives it (its case file as data) as the core's CaseRecord."""
    return CaseRecord(
        id=case["id"], state=CaseState(case["state"]), language=Lang(case["language"]),
        casefile=casefile_from_dict(case["casefile"]), created_at=case["created_at"], state_since=case["state_since"],
        updated_at=case["updated_at"], vendor_case_id=case["vendor_case_id"],
        support_address=case["support_address"], support_subject=case["support_subject"],
        support_message_id=case["support_message_id"], support_references=case["support_references"],
        last_support_mail_at=case["last_support_mail_at"], last_reply_sent_at=case["last_reply_sent_at"],
        deadline=case["deadline"], reopen_by=case["reopen_by"], missing_items=tuple(case["missing_items"] or ()))
