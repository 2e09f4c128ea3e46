"""The Japanese interface: every marked text has a Japanese entry (the catalog is extracted from the source
here, with Babel, and compared with the .po), the shipped .mo says the same as the .po, and a Japanese case's
commands show no English text of the catalog."""

from __future__ import annotations

import gettext
import re

from typer.testing import CliRunner

from certmerge.core import i18n, labels
from certmerge.cli import cli
from tests.helpers import CASE_TOML, ROOT, SAMPLES, need

try:
    import babel.messages.extract as babel_extract
    from babel.messages.pofile import read_po
except ImportError:  # the test extra; tests/run.sh installs it
    need(False, "Babel is not installed")

SRC = ROOT / "src" / "certmerge"
PO = SRC / "locale" / "ja" / "LC_MESSAGES" / "certmerge.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "t": None, "nt": (1, 2), "NP_": ((1, "c"), 2)}


def extracted() -> set[tuple[str | None, object]]:
    """The catalog as the source has it: what pybabel finds, and every command's and option's help text
    (docstrings and typer options, read from the real command tree, as scripts/extract_messages.py does)."""
    import typer.main

    from certmerge.cli import help_texts

    out = set()
    for _file, _line, message, _comments, context in babel_extract.extract_from_dir(
            str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        out.add((context, message))
    out |= {(None, text) for text in help_texts(typer.main.get_command(cli))}
    return out


def catalog():
    with PO.open("rb") as fh:
        return read_po(fh)


def _fields(text: str) -> list[str]:
    return sorted(set(re.findall(r"\{[^{}]*\}", text)))


def test_every_text_in_the_source_has_a_japanese_entry():
    po = catalog()
    entries = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m for m in po if m.id}
    missing = [key for key in extracted() if key not in entries]
    assert not missing, missing[:20]
    assert len(entries) >= 400  # the whole interface, not a sample
    for key, m in entries.items():
        strings = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
        assert not m.fuzzy and all(s.strip() for s in strings), key
        singular = m.id if isinstance(m.id, str) else m.id[-1]
        # a translation may leave a field out only where its entry says so ("# omits: {field}"); never add one
        omitted = set(_fields(" ".join(c for c in m.user_comments if c.startswith("omits:"))))
        for s in strings:
            assert _fields(s) == sorted(set(_fields(singular)) - omitted), (key, s)  # else .format() fails


def test_the_shipped_mo_says_what_the_po_says():
    with MO.open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    for m in catalog():
        if not m.id:
            continue
        if isinstance(m.id, str):
            got = mo.pgettext(m.context, m.id) if m.context else mo.gettext(m.id)
            assert got == m.string, m.id
        else:
            assert mo.ngettext(m.id[0], m.id[1], 2) == m.string[0], m.id


def test_language_from_the_environment():
    assert i18n.env_language({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert i18n.env_language({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}) == "ja"
    assert i18n.env_language({"LANGUAGE": "en:ja", "LANG": "ja_JP.UTF-8"}) == "en"
    assert i18n.env_language({}) == "en"
    try:
        i18n.use("ja")
        assert labels.state("info_requested") != "info_requested" and i18n._("Next") == "次"
    finally:
        i18n.use("en")
    assert labels.state("info_requested") == "info_requested"


def english_texts() -> list[str]:
    """The catalog's English texts with two words or more, cut at their {fields}: none may show in Japanese."""
    out = []
    for _ctx, msg in extracted():
        for text in (msg if isinstance(msg, tuple) else (msg,)):
            out += [p.strip() for p in re.split(r"\{[^{}]*\}|`[^`]*`", text)
                    if len(re.findall(r"[A-Za-z]{2,}", p)) >= 3 and " " in p.strip()]  # not a code
    return sorted(set(out))


def test_a_japanese_case_shows_no_english_interface_text(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    runner = CliRunner()
    home = tmp_path / "h"
    case = tmp_path / "case.toml"
    case.write_text(CASE_TOML.read_text(encoding="utf-8").replace('language = "en"', 'language = "ja"'),
                    encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    for f in sorted(SAMPLES.glob("*.eml")):
        if f.name[:2] in ("01", "02", "03", "04", "06", "07"):
            (inbox / f.name).write_bytes(f.read_bytes())
    outputs = []
    for args in (["init", "--from", str(case)], ["form"], ["submitted"], ["watch", "--once", "--source", str(inbox)],
                 ["status"], ["status", "--full"], ["draft"], ["where"], ["relabel", "1", "bogus"],
                 ["explain", "99"], ["sent"], ["status"]):
        r = runner.invoke(cli, ["--home", str(home), *args])
        outputs.append(r.output)
    shown = "\n".join(outputs)
    leaks = [text for text in english_texts() if text in shown]
    assert not leaks, leaks
    assert "次:" in shown and "状態" in shown and "エラー:" in shown


def test_without_a_case_the_environment_decides(tmp_path):
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "status"], env={"LANG": "ja_JP.UTF-8"})
    assert "まだケースがありません" in r.output
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "draft"], env={"LANG": "ja_JP.UTF-8"})
    assert r.exit_code == 2 and r.output.startswith("エラー: ")


def test_the_compiled_catalog_is_tracked_so_that_pip_install_ships_it():
    """hatchling puts every tracked file under src/certmerge into the wheel; a .mo left untracked (or
    ignored) would install an English-only certmerge."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        need(False, "not a git checkout")
    r = subprocess.run([git, "ls-files", "--error-unmatch", str(MO.relative_to(ROOT))], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_help_follows_the_environment_language():
    import typer.main

    names = sorted(typer.main.get_command(cli).commands)
    for name in names:
        r = CliRunner().invoke(cli, [name, "--help"], env={"LANG": "ja_JP.UTF-8"})
        assert r.exit_code == 0 and "例: certmerge" in r.output.replace("\n", " ") or "例: " in r.output, name
    r = CliRunner().invoke(cli, ["status", "--help"], env={"LANG": "ja_JP.UTF-8"})
    assert "最近のメール" in r.output


def test_the_help_pages_own_words_follow_the_environment_language():
    """typer's panel titles and notes come from certmerge's catalog too (cli_base._library_words)."""
    r = CliRunner().invoke(cli, ["--help"], env={"LANG": "ja_JP.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""})
    assert r.exit_code == 0
    assert "オプション" in r.output and "コマンド" in r.output and "[環境変数: CERTMERGE_HOME]" in r.output, r.output


def test_typers_own_words_are_the_english_certmerge_translates():
    """cli_base.TYPER_WORDS are typer's words as typer writes them in English (read in a fresh process, where
    typer.rich_utils reads them with no catalog), and each has its Japanese entry."""
    import json
    import subprocess
    import sys

    from certmerge.cli_base import TYPER_WORDS

    code = ("import gettext, json; gettext.textdomain('messages'); import typer.rich_utils as ru; "
            f"print(json.dumps({{n: getattr(ru, n) for n in {sorted(TYPER_WORDS)!r}}}))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PATH": "/usr/bin:/bin", "LANGUAGE": "en"})
    assert json.loads(r.stdout) == TYPER_WORDS
    ja = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["ja"])
    assert all(ja.gettext(w) != w for w in TYPER_WORDS.values())


def test_a_command_does_not_load_the_help_pages_renderer():
    """typer.rich_utils (rich's Markdown, Syntax and markdown-it with it) is for help and errors only: a
    command that shows neither does not import it, in English or in Japanese, and its help is still in the
    environment's language when it is shown."""
    import subprocess
    import sys

    code = ("import sys; from certmerge.cli import main; sys.argv = ['certmerge', 'where']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED' if 'typer.rich_utils' in sys.modules else 'NOT LOADED')")
    for lang in ("C.UTF-8", "ja_JP.UTF-8"):
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "LANG": lang, "CERTMERGE_HOME": str(ROOT / "no-such-home"),
                                "PYTHONPATH": str(ROOT / "src")})
        assert r.stdout.strip().endswith("NOT LOADED"), (lang, r.stdout, r.stderr)
    r = subprocess.run([sys.executable, "-m", "certmerge", "--help"], capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "LANG": "ja_JP.UTF-8", "PYTHONPATH": str(ROOT / "src")})
    assert "オプション" in r.stdout and "コマンド" in r.stdout, r.stdout
