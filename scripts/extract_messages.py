"""Write the message template (.pot) of certmerge's interface: what `pybabel extract` finds in the source
(keywords _, t, nt, N_, NP_), and the help texts of every command and option, which live in docstrings and
typer options where no extractor looks. Then `pybabel update` and `pybabel compile` (README, "Language").

    python scripts/extract_messages.py /tmp/certmerge.pot
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main(out: str) -> None:
    import typer.main
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from certmerge.cli import cli, help_texts

    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "--no-location", "--no-wrap",
                    "-k", "t", "-k", "nt:1,2", "-k", "NP_:1c,2", "-o", out, str(ROOT / "src" / "certmerge")],
                   check=True, capture_output=True)
    with open(out, "rb") as fh:
        catalog: Catalog = read_po(fh)
    for text in help_texts(typer.main.get_command(cli)):
        catalog.add(text)
    with open(out, "wb") as fh:
        write_po(fh, catalog, no_location=True, width=0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "certmerge.pot")
