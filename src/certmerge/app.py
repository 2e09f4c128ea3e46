"""The library API the CLI calls: a home (settings + store) and what can be done with a case.

It wires the pure core (parse, classify, pipeline, lifecycle, drafts) to the two ends: mail sources and
the store. Nothing here prints; results come back as values for render.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .app_cases import Cases
from .app_corrections import Corrections
from .app_db import Schema
from .config import Settings
from .core import lifecycle
from .core import storedtext as st
from .core.casefile import answer_value, as_record, casefile_from_dict, casefile_to_dict
from .core.drafts import build_draft, placeholders
from .core.errors import IllegalTransition, ParseError, StoreError, UserError
from .core.i18n import _, t
from .core.model import (Asks, CaseFile, CaseRecord, CaseState, CaseView, Change, Classification, Event, Lang,
                         MailKind, NextAction)
from .core.pipeline import Policy, effect_of, pending_of
from .core.routing import candidates_text, lookup_for, route
from .sources.base import RawMail
from .store import Store

log = logging.getLogger("certmerge")


def utcnow() -> dt.datetime:
    from .faults import fake_now

    return fake_now() or dt.datetime.now(dt.timezone.utc)


def _watcher_name(settings: Settings) -> str:
    """The heartbeat row of this home's watcher: "watcher" on the home's own SQLite file (as before), one
    row per home (host and folder) on a database that several homes share."""
    if not settings.database_url:
        return "watcher"
    import hashlib
    import socket

    return "watcher:" + hashlib.sha256(f"{socket.gethostname()}\0{settings.home}".encode()).hexdigest()[:22]


def _crash_hook():
    """The crash tests' hook (faults.py: CERTMERGE_CRASH_AFTER), given to the store only when it is armed."""
    from . import faults

    return faults.write_step if faults.armed() else None


@dataclass(frozen=True)
class Outcome:
    origin: str
    status: str  # processed | duplicate | quarantined
    summary: str
    subject: str = ""
    kind: str = ""
    authenticity: str = ""
    case: int | None = None
    from_state: str | None = None
    to_state: str | None = None
    next_action: NextAction | None = None

    @property
    def moved(self) -> bool:
        return bool(self.to_state and self.from_state != self.to_state)


class NotNow(UserError, IllegalTransition):
    """A user step (sent, verified...) that the case's state does not allow: one line, nothing written.
    Still an IllegalTransition for callers of the library."""

    def __init__(self, exc: IllegalTransition, detail: str) -> None:
        Exception.__init__(self, str(exc))
        self.state, self.event = exc.state, exc.event
        from .core.storedtext import localize

        self.message = t("cannot record \"{what}\" now: {why}", what=localize(detail), why=localize(str(exc)))
        self.hint = _("the case is unchanged; `certmerge status` shows its state and the next step")


@dataclass(frozen=True)
class VerifyAnswers:
    """The user's portal checks: names of what did NOT move, and whether the Credly badges moved."""

    missing_certifications: tuple[str, ...] = ()
    missing_benefits: tuple[str, ...] = ()
    credly_ok: bool = True


@dataclass
class App(Corrections, Cases, Schema):
    settings: Settings
    clock: Callable[[], dt.datetime] = utcnow
    _store: Store | None = field(default=None, repr=False)
    create: bool = False  # may make a new database for any use (else only init_case and import_data do)
    on_open: Callable[[Store], None] | None = field(default=None, repr=False)  # told once the store is open

    @property
    def store(self) -> Store:
        return self._open_store(create=False)

    def _open_store(self, create: bool) -> Store:
        """The store; `create` only for init and import: elsewhere a missing database is no case yet, or
        damaged where the home shows it held one (home.py). Opening makes the home private."""
        from .home import check_database

        if self._store is None:
            for line in self.settings.ensure_dirs():
                log.info("home made private: %s", line)
            check_database(self.settings, create or self.create)
            self._store = Store(self.settings.db_url, on_write=_crash_hook(), watcher=_watcher_name(self.settings))
            if self.on_open is not None:
                self.on_open(self._store)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def policy(self) -> Policy:
        c = self.settings.classify
        return Policy(c.vendor_domains, c.require_authenticated, c.review_threshold)

    # --- cases -------------------------------------------------------------------------------------
    def init_case(self, cf: CaseFile, new: bool = False) -> dict:
        existing = self._open_store(create=True).case_ids()
        if existing and not new:
            raise UserError(t("a case already exists in {home} (case {id})", home=self.settings.home, id=existing[-1]),
                            _("use `certmerge init --new` to start another, or another --home"))
        state, history = self.route_move(cf)
        case_id = self.store.create_case(casefile_to_dict(cf), cf.language.value, state, self.clock(),
                                         cf.vendor_case_id, history)
        log.info("case %s recorded in %s", case_id, self.settings.home)  # the log also shows the home was used
        return self.store.case(case_id)

    def route_move(self, cf: CaseFile) -> tuple[str, list[dict]]:
        """A new case's first state (its route: support or self-service) and its first history events."""
        now = self.clock()
        route_event = Event.ROUTE_SUPPORT if cf.route == "support" else Event.ROUTE_SELF_SERVICE
        move = lifecycle.apply(CaseState.PREPARING, route_event, now)
        return move.after.value, [{"at": now, "type": "action", "detail": st.CASE_RECORDED}, *move.events]

    def casefile(self, case: dict | CaseRecord) -> CaseFile:
        return case.casefile if isinstance(case, CaseRecord) else casefile_from_dict(case["casefile"])

    def view(self, case: dict | CaseRecord) -> CaseView:
        """The case as lifecycle reads it, with its business-day schedule (workdays.py)."""
        rec = case if isinstance(case, CaseRecord) else as_record(case)
        asks, kind, _lang = self.pending(rec)
        return self.scheduled(rec.view(asks, kind), rec.language.value)[0]

    def scheduled(self, view: CaseView, language: str):
        """(the view with its schedule filled in, the schedule)."""
        from .core.workdays import schedule, with_schedule

        sched = schedule(view, self.calendar(language), self.settings.reminders.follow_up_after)
        return with_schedule(view, sched), sched

    def calendar(self, language: str):
        """Support's and the user's working days for a case in `language` (holidays cached in the home)."""
        from .alerts import calendar

        return calendar(self, language)

    def pending(self, case: dict | CaseRecord) -> tuple[Asks, MailKind | None, Lang]:
        """What support asked since the user's last reply, the kind of the latest asking mail, and the language
        to answer in (pipeline.pending_of)."""
        rec = case if isinstance(case, CaseRecord) else as_record(case)
        return pending_of(self.store.messages(rec.id), rec.last_reply_sent_at, rec.language)

    def next_action(self, case: dict | CaseRecord) -> NextAction:
        return lifecycle.next_action(self.view(case), self.clock())

    def act(self, case: dict, event: Event, detail: str, **updates) -> dict:
        """Apply a user event (submitted, reply sent, verified...) in one transaction."""
        state = CaseState(case["state"])
        now = self.clock()
        try:
            move = lifecycle.apply(state, event, now)  # nothing written
        except IllegalTransition as exc:
            raise NotNow(exc, detail) from None
        events = [{"at": now, "type": "action", "detail": detail, "event": event.value}, *move.events]
        values = {"updated_at": now, **updates, **move.updates}
        self.store.commit(Change(case_id=case["id"], expected_state=state.value, case_updates=values,
                                 events=events))
        return self.store.case(case["id"])

    def submitted(self, case: dict, vendor_case_id: str | None = None) -> dict:
        if case["state"] == CaseState.SELF_SERVICE.value:
            case = self.act(case, Event.SELF_SERVICE_REFUSED, st.PORTAL_REFUSED)
        vendor_case_id = _case_id(vendor_case_id)
        updates = {"vendor_case_id": vendor_case_id} if vendor_case_id else {}
        return self.act(case, Event.SUBMITTED, st.SUBMITTED, **updates)

    def unsent_placeholders(self, case: dict) -> list[str]:
        """The placeholders still in the latest draft not yet sent (`sent` warns about them)."""
        unsent = [d for d in self.store.drafts(case["id"]) if d["sent_at"] is None and d["path"]]
        return placeholders(_draft_text(Path(unsent[-1]["path"]))) if unsent else []

    def sent(self, case: dict) -> dict:
        now = self.clock()
        unsent = [d for d in self.store.drafts(case["id"]) if d["sent_at"] is None]
        event = lifecycle.reply_event(CaseState(case["state"]), case["missing_items"])
        case = self.act(case, event, st.SENT_BY_HAND, last_reply_sent_at=now, deadline=None,
                        reopen_by=None)
        for d in unsent:
            self.store.update_draft(d["id"], sent_at=now)
        return case

    def answer(self, case: dict, key: str, value: str) -> dict:
        """Record what only the user can tell support (a choice, the profile name...); drafts then use it."""
        value = answer_value(key, value)
        cf = dict(case["casefile"])
        cf["answers"] = {**(cf.get("answers") or {}), key: value}
        self.store.replace_casefile(case["id"], cf, case["language"], case["vendor_case_id"], self.clock(),
                                    st.fmt(st.ANSWER_RECORDED, key=key))
        return self.store.case(case["id"])

    def verify(self, case: dict, answers: VerifyAnswers) -> dict:
        if case["state"] == CaseState.SELF_SERVICE.value:
            case = self.act(case, Event.SELF_SERVICE_DONE, st.PORTAL_MERGED)
        missing = [st.fmt(st.MISSING_CERT, name=n) for n in answers.missing_certifications]
        missing += [st.fmt(st.MISSING_BENEFIT, name=n) for n in answers.missing_benefits]
        if missing:
            return self.act(case, Event.VERIFIED_MISSING_ITEMS, st.fmt(st.CHECKED_MISSING, items=", ".join(missing)),
                            missing_items=missing)
        if not answers.credly_ok:
            return self.act(case, Event.VERIFIED_MISSING_CREDLY, st.CHECKED_NO_CREDLY, missing_items=[])
        return self.act(case, Event.VERIFIED_OK, st.CHECKED_OK, missing_items=[])

    # --- mail ----------------------------------------------------------------------------------------
    def classify_raw(self, raw: bytes) -> tuple[object, Classification]:
        # imported here: the rules compile ~100 patterns, which `status` and `draft` never need
        from .core.classify import classify
        from .core.parse import parse_bytes

        mail = parse_bytes(raw)
        c = self.settings.classify
        return mail, classify(mail, c.vendor_domains, c.trusted_authserv_ids, c.support_country)

    def process(self, item: RawMail) -> Outcome | None:
        """One mail through the whole pipeline; never raises for a bad mail (it is quarantined).

        A RawMail without data (not a candidate) only moves the source position: returns None."""
        if item.data is None:
            self.store.commit(Change(position=item.position, seen_key=item.seen_key))
            return None
        try:
            mail, cls = self.classify_raw(item.data)
        except ParseError as exc:
            return self._quarantine(item, str(exc))
        except (RecursionError, MemoryError, ValueError, LookupError, TypeError, AttributeError) as exc:
            log.exception("unexpected failure on %s", item.origin)
            return self._quarantine(item, st.fmt(st.PARSE_INTERNAL, name=exc.__class__.__name__))
        decided: list = []

        def decide(snap) -> Change:  # the core's decision, made inside the store's write transaction
            change, decided[:] = self._decide(mail, cls, item, snap)
            return change

        # one transaction under the writer lock: read, decide, write the mail, its effects, notices, position
        snap, _change, _row = self.store.process(mail.dedupe_key, lookup_for(mail, cls, self.policy.vendors), decide)
        if snap.seen:
            return Outcome(item.origin, "duplicate", "already processed", mail.subject)
        case, eff, nxt = decided
        row = eff.change.message  # as stored: the user's own reply is "own", not a failed check
        kind = "your reply" if row["direction"] == "out" else row["kind"]
        log.info("%s: %s [%s] %s", item.origin, kind, row["authenticity"], eff.summary)
        return Outcome(item.origin, "processed", eff.summary, mail.subject, kind, row["authenticity"],
                       case.id if case else None, eff.from_state, eff.to_state, nxt)

    def _decide(self, mail, cls: Classification, item: RawMail, snap) -> tuple[Change, list]:
        """The Change one mail makes, given what the store holds (Snapshot), and [case, effect, next action]."""
        if snap.seen:
            return Change(position=item.position, seen_key=item.seen_key), []
        found = route(snap.found)  # decided in the core
        case = found.case
        held = candidates_text(found) if found.candidates else ""
        eff = effect_of(mail, cls, case, self.policy, item.origin, self.clock(), item.position, item.seen_key, held)
        from .alerts import mail_notices

        lang = case.language.value if case else (self.store.newest_language() or "en")
        eff.change.notices, eff.change.channels, nxt = mail_notices(self, mail, cls, eff, lang, held)
        return eff.change, [case, eff, nxt]

    def _quarantine(self, item: RawMail, reason: str) -> Outcome:
        """Keep an unreadable mail in quarantine/ (quarantine.py), its row written with the position."""
        from .quarantine import keep

        try:
            target = keep(self.settings.quarantine_dir, item.data, item.origin, self.store.write_step)
        except OSError as exc:
            raise StoreError(t("an unreadable mail ({origin}) cannot be kept in quarantine ({strerror})", origin=item.origin, strerror=exc.strerror),
                             _("free some disk space (or make the home writable) and run certmerge again; the mail "
                             "stays where it is and is read again")) from None
        row = {"file": target.name, "origin": item.origin, "reason": reason,  # not written again if known
               "size": len(item.data), "at": self.clock()}
        self.store.commit(Change(position=item.position, seen_key=item.seen_key, quarantine=row))
        log.warning("quarantined %s: %s", item.origin, reason)
        return Outcome(item.origin, "quarantined", t("cannot be read ({reason}); kept in {path}", reason=reason,
                                                     path=target))

    def poll_once(self, source) -> list[Outcome]:
        return [o for o in map(self.process, source.fetch_new(self.store)) if o is not None]

    def quarantined(self) -> list[tuple[Path, str]]:
        qdir = self.settings.quarantine_dir
        kept = [(qdir / q["file"], q["reason"] or "") for q in self.store.quarantined()]
        for reason in sorted(qdir.glob("*.reason")) if qdir.is_dir() else ():  # as an older certmerge kept them
            lines = reason.read_text(encoding="utf-8", errors="replace").splitlines()
            kept.append((reason.with_suffix(".eml"), lines[1] if len(lines) > 1 else ""))
        return kept

    # --- drafts ----------------------------------------------------------------------------------------
    def draft(self, case: dict, purpose: str | None = None) -> tuple[Path, object]:
        """Write the reply that is due (answering what support's latest mail asked) to drafts/."""
        nxt = self.next_action(case)
        purpose = purpose or nxt.draft_purpose
        if not purpose:
            raise UserError(t("no reply is due in state {state} ({title})", state=case['state'], title=nxt.title),
                            _("name one with --purpose, e.g. --purpose follow_up"))
        asks, _kind, lang = self.pending(case)
        msg = build_draft(case, purpose, self.clock(), asks, lang)
        self.settings.drafts_dir.mkdir(parents=True, exist_ok=True)
        path = self.settings.drafts_dir / f"case{case['id']}-{purpose}.eml"
        tmp = path.with_suffix(".eml.tmp")
        from .privacy import write_private

        try:
            write_private(tmp, msg.as_bytes())  # 0600: a draft holds names, addresses and account IDs
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(t("cannot write the draft {path} ({strerror})", path=path, strerror=exc.strerror),
                            _("free some disk space or check the permissions of the drafts folder")) from None
        if not any(d["message_id"] == msg["Message-ID"] for d in self.store.drafts(case["id"])):
            self.store.add_draft(case_id=case["id"], purpose=purpose, path=str(path), message_id=msg["Message-ID"],
                                 subject=str(msg["Subject"]), created_at=self.clock())
        return path, msg

    # --- keeping the data ----------------------------------------------------------------------------
    def export_data(self) -> dict:
        from . import __version__

        return {"format": "certmerge-export", "certmerge": __version__, "exported_at": self.clock().isoformat(),
                **self.store.dump()}

    def import_data(self, data: dict) -> int:
        if not isinstance(data, dict) or data.get("format") != "certmerge-export":
            raise UserError(_("this is not a certmerge export"), _("use a file written by `certmerge export`"))
        self._open_store(create=True).load(data)
        return len(data.get("cases", []))

    # --- reading ---------------------------------------------------------------------------------------
    def status(self, limit: int | None = None, case: int | None = None) -> list[dict]:
        """Every case with its next action, its mail (newest first; the newest `limit` when given, with
        "messages_total" telling how many there are), history, drafts and what support asked."""
        out = []
        now = self.clock()
        for case in [self.case(case)] if case is not None else self.store.cases():
            nxt = self.next_action(case)
            msgs = self.store.messages(case["id"], limit=limit)
            total = self.store.message_count(case["id"]) if limit and len(msgs) >= limit else len(msgs)
            pending = self.pending(case)[0]
            out.append({"case": case, "next_action": nxt, "messages": msgs, "messages_total": total,
                        "history": self.store.history(case["id"]),
                        "pending": pending.as_dict() if pending.items else None,
                        "waited": now - (case["state_since"] or now), "drafts": self.store.drafts(case["id"])})
        return out

def _draft_text(path: Path) -> str:
    """The decoded body of a draft file ("" when it is gone or unreadable)."""
    import email
    import email.policy

    try:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_body(("plain",))
        return body.get_content() if body is not None else ""
    except (OSError, LookupError, ValueError):
        return ""


def _case_id(value: str | None) -> str | None:
    """A support case number as given on the command line: 8-20 digits, or refused."""
    from .core.casefile import CASE_ID_RE

    if value is None or not value.strip():
        return None
    if not CASE_ID_RE.match(value.strip()):
        raise UserError(t("{value!r} is not a support case number", value=value),
                        _("it is the 8-20 digits in [CASE ...] of support's subject, e.g. --case-id 176530418200731"))
    return value.strip()


__all__ = ["App", "Outcome", "VerifyAnswers", "StoreError"]
