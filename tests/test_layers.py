"""The architecture, enforced: import-linter's contracts in pyproject.toml hold, and they catch a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


from tests.helpers import ROOT, need

try:
    import importlinter  # noqa: F401 - the test extra; tests/run.sh installs it
except ImportError:
    need(False, "import-linter is not installed")


def _lint(pythonpath: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                           "sys.exit(lint_imports_command())", str(ROOT / "pyproject.toml"), "--no-cache"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_the_import_contracts_hold():
    done = _lint(str(ROOT / "src"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "broken" in done.stdout and " 0 broken" in done.stdout


def test_a_core_module_importing_the_store_breaks_a_contract(tmp_path):
    shutil.copytree(ROOT / "src" / "certmerge", tmp_path / "certmerge",
                    ignore=shutil.ignore_patterns("__pycache__"))
    lifecycle = tmp_path / "certmerge" / "core" / "lifecycle.py"
    lifecycle.write_text(lifecycle.read_text(encoding="utf-8") + "\nfrom ..store import Store  # noqa\n",
                         encoding="utf-8")
    done = _lint(str(tmp_path))
    assert done.returncode != 0
    assert "certmerge.core.lifecycle -> certmerge.store" in done.stdout


def test_an_import_cycle_breaks_a_contract(tmp_path):
    shutil.copytree(ROOT / "src" / "certmerge", tmp_path / "certmerge",
                    ignore=shutil.ignore_patterns("__pycache__"))
    types = tmp_path / "certmerge" / "store_schema.py"
    types.write_text(types.read_text(encoding="utf-8") + "\nfrom . import store  # noqa\n", encoding="utf-8")
    done = _lint(str(tmp_path))
    assert done.returncode != 0
    assert "No import cycles" in done.stdout and "BROKEN" in done.stdout
