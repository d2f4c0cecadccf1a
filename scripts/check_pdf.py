"""Check the example handbook's PDF: it opens, it has a sensible number of pages, and its
text (pdftotext) has the pôles, a few units and the index of units.

    python scripts/check_pdf.py path/to/handbook.pdf
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

EXPECTED = [
    "Pôle Ressources et Modernisation",
    "Pôle Finances, Gestion et Commande publique",
    "Pôle Services à la population",
    "Pôle Aménagement, Technique et Environnement",
    "Pôle Culture, Sport et Rayonnement",
    "Pôle Solidarités, Vie sociale et Citoyenneté",
    "Direction des Ressources humaines",
    "Médiathèque",
    "Comité de direction",
    "Index des unités",
    "Organigramme détaillé",
]
PAGES = range(80, 1000)


def check(pdf: Path) -> list[str]:
    """The problems found in ``pdf`` (none when it is as expected)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    pages = int(match.group(1)) if match else 0
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    problems = [f"not found in the PDF: {name!r}" for name in EXPECTED if name not in flat]
    if pages not in PAGES:
        problems.append(f"{pages} pages, expected between {PAGES.start} and {PAGES.stop}")
    print(
        f"{pdf}: {pages} pages, {len(flat)} characters of text, "
        f"{len(EXPECTED) - len([p for p in problems if 'not found' in p])}/{len(EXPECTED)} "
        "expected texts found"
    )
    return problems


def main() -> int:
    """Command line."""
    problems = check(Path(sys.argv[1]))
    for problem in problems:
        print("error:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
