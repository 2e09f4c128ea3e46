"""Robust (issue 4 item 5): real-world mail and generated or mutated mail go through parse and classify
without an exception other than ParseError (for input that is not a mail), and classification is deterministic.

The real-world corpus is ../shared/corpus/realworld (parse_baseline.csv lists its files): skipped where it is
absent, except under CI=true, where its absence fails.
"""

from __future__ import annotations

import base64
import dataclasses
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certmerge.core.classify import classify
from certmerge.config import DEFAULT_VENDOR_DOMAINS as VENDORS
from certmerge.core.errors import ParseError
from certmerge.core.parse import parse_bytes
from tests.helpers import REALWORLD, ROOT, SAMPLES, realworld_files

SEEDS = [p.read_bytes() for p in sorted(SAMPLES.glob("*.eml")) + sorted((ROOT / "tests" / "labeled").glob("*.eml"))]
CHARSETS = ["utf-8", "iso-2022-jp", "shift_jis", "euc-jp", "windows-31j", "us-ascii", "iso-8859-1", "cp50220",
            "x-unknown", "base64", "idna", "utf-16", "gb2312", "", '"', "utf-8*ja", "ks_c_5601-1987", "\x00"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)


def storable(value: object, where: str = "mail") -> None:
    """Every string of a parsed Email (and of its forwarded mail) is valid Unicode: SQLite refuses surrogates."""
    if isinstance(value, str):
        value.encode("utf-8")  # raises on a lone surrogate
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            storable(item, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            storable(getattr(value, f.name), f"{where}.{f.name}")


def run(raw: bytes):
    """parse + classify; None when the input is not a mail (ParseError), else the classification."""
    try:
        mail = parse_bytes(raw)
    except ParseError:
        return None
    storable(mail)
    first = classify(mail, VENDORS, ("mx.example-corp.co.jp",))
    storable(first)
    return first, classify(mail, VENDORS)


@pytest.mark.corpus
def test_every_realworld_file_parses_and_classifies():
    files = realworld_files(required=True)
    not_mail: list[str] = []
    for path in files:
        name = str(path.relative_to(REALWORLD))
        raw = path.read_bytes()
        try:
            mail = parse_bytes(raw)
        except ParseError as exc:
            not_mail.append(f"{name}: {exc}")
            continue
        storable(mail, name)
        c = classify(mail, VENDORS)
        assert c == classify(mail, VENDORS), name
        assert c.kind.value == "unrelated", name  # none of it is AWS support mail
    print(f"\n{len(files)} real-world files: {len(files) - len(not_mail)} classified, {len(not_mail)} not mail:")
    print("\n".join("  " + n for n in not_mail))
    assert len(files) > 300
    assert len(not_mail) <= 5  # today: a bare digest body and a file that says it is not RFC 822


# --- generated and mutated mail ---------------------------------------------------------------------------------
def _encoded_word(data: bytes, charset: str, b_mode: bool) -> bytes:
    if b_mode:
        payload = base64.b64encode(data)
    else:
        payload = b"".join(bytes([c]) if 33 <= c < 127 and c not in b"=?_" else b"=%02X" % c for c in data)
    return b"=?" + charset.encode("latin-1", "replace") + (b"?B?" if b_mode else b"?Q?") + payload + b"?="


@st.composite
def mutated(draw) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 4))):
        op = rng.randrange(7)
        if op == 0 and raw:  # truncate
            del raw[rng.randrange(len(raw)):]
        elif op == 1:  # flip bytes
            for _ in range(rng.randint(1, 20)):
                if raw:
                    raw[rng.randrange(len(raw))] = rng.randrange(256)
        elif op in (2, 3):  # drop or duplicate a header line
            head, sep, body = bytes(raw).partition(b"\n\n") if b"\r\n\r\n" not in raw else bytes(raw).partition(
                b"\r\n\r\n")
            lines = head.split(b"\n")
            i = rng.randrange(len(lines))
            lines[i:i + 1] = [] if op == 2 else [lines[i], lines[i]]
            raw = bytearray(b"\n".join(lines) + sep + body)
        elif op == 4:  # a wrong charset label
            raw = bytearray(bytes(raw).replace(b"charset=", b"charset=" + rng.choice(CHARSETS).encode("latin-1") + b";x="))
        elif op == 5:  # random encoded words in Subject/From
            word = _encoded_word(rng.randbytes(rng.randint(0, 40)), rng.choice(CHARSETS), rng.random() < 0.5)
            raw = bytearray(bytes(raw).replace(b"Subject: ", b"Subject: " + word + b" ", 1)
                            .replace(b"From: ", b"From: " + word + b" ", 1))
        else:  # insert random bytes
            pos = rng.randrange(len(raw) + 1)
            raw[pos:pos] = rng.randbytes(rng.randint(1, 64))
    return bytes(raw)


def nested(depth: int, inner: bytes, kind: str) -> bytes:
    body = inner
    for i in range(depth):
        if kind == "rfc822":
            body = (b"From: a@b\r\nSubject: Fwd\r\nContent-Type: message/rfc822\r\n\r\n" + body)
        else:
            b = b"b%d" % i
            body = (b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + body
                    + b"\r\n--" + b + b"--\r\n")
    return b"From: AWS <x@amazon.com>\r\nSubject: nested\r\n" + body


@SETTINGS
@given(mutated())
def test_mutated_mail_never_raises_and_is_deterministic(raw):
    first, second = run(raw), run(raw)
    assert first == second


@SETTINGS
@given(st.integers(1, 60), st.sampled_from(SEEDS[:20]), st.sampled_from(["rfc822", "multipart"]))
def test_deeply_nested_mail_never_raises(depth, seed, kind):
    run(nested(depth, seed, kind))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["From", "To", "Subject", "Content-Type", "Content-Transfer-Encoding",
                                           "Authentication-Results", "Date", "Message-ID", "Reply-To", "X-Junk"]),
                          st.binary(max_size=120)), max_size=12),
       st.binary(max_size=2000))
def test_generated_mail_never_raises(headers, body):
    raw = b"".join(name.encode() + b": " + value.replace(b"\n", b" ") + b"\r\n" for name, value in headers)
    run(raw + b"\r\n" + body)


@SETTINGS
@given(st.text(max_size=400), st.text(max_size=3000), st.sampled_from(CHARSETS), st.booleans())
def test_generated_text_mail_never_raises(subject, body, charset, html):
    ctype = "text/html" if html else "text/plain"
    raw = (f"From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>\r\n"
           f"Subject: {subject}\r\nContent-Type: {ctype}; charset={charset}\r\n\r\n{body}")
    run(raw.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_raise_nothing_but_parse_error(raw):
    run(raw)


# --- the pieces, directly ------------------------------------------------------------------------------------
@SETTINGS
@given(st.text(max_size=300))
def test_any_authentication_results_value_parses(value):
    from certmerge.core.authenticity import parse_results

    parse_results(value)


@SETTINGS
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("ascii", "surrogateescape"))))
def test_any_header_value_decodes(value):
    from certmerge.core.parse import decode_header_value

    assert isinstance(decode_header_value(value), str)


@SETTINGS
@given(st.text(max_size=2000), st.booleans())
def test_any_text_or_html_cuts(text, forward):
    from certmerge.core.quote import cut_quoted, html_to_text, split_forward

    cut_quoted(text, forward)
    split_forward(text)
    html_to_text(text)


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(CHARSETS + [None]))
def test_any_bytes_decode_and_both_jis_readers_agree(data, label):
    from certmerge.core.charsets import _decode_bytewise, decode_bytes, decode_iso2022jp

    assert isinstance(decode_bytes(data, label), str)
    assert decode_iso2022jp(data) == _decode_bytewise(data, "ascii")
