"""Check the example handbook's PDF: it opens, it has a sensible number of pages, its text
(pdftotext) has the pôles, a few units and the index of units and no ``??``, and the final
LaTeX log next to it has no undefined reference and no multiply defined label.

    python scripts/check_pdf.py path/to/handbook.pdf

The log is read as ``tests/audit/latex.py`` reads it (that module may not be imported from
here: the same patterns, kept in step by ``tests/test_anchors.py``).
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

# What LaTeX and hyperref write in the log when a reference or a label is wrong.
UNDEFINED = re.compile(
    r"(?:LaTeX|Package hyperref) Warning: (?:Hyper )?[Rr]eference [`']([^']*)' on page \S+ "
    r"undefined"
)
MULTIPLY = re.compile(r"LaTeX Warning: Label [`']([^']*)' multiply defined")
SUMMARY = re.compile(r"LaTeX Warning: There were (undefined references|multiply-defined labels)")


def log_problems(log: Path) -> list[str]:
    """The undefined references and multiply defined labels of a LaTeX log (its last run)."""
    if not log.is_file():
        return [f"no LaTeX log next to the PDF: {log}"]
    text = log.read_text(encoding="utf-8", errors="replace")
    joined = re.sub(r"(?m)^(.{79})\n", r"\1", text)  # the log breaks lines at 79 characters
    problems = [f"undefined reference: {m}" for m in UNDEFINED.findall(joined)]
    problems += [f"multiply defined label: {m}" for m in MULTIPLY.findall(joined)]
    if not problems:
        problems += [f"latex summary: {m}" for m in SUMMARY.findall(joined)]
    return problems


def check(pdf: Path) -> list[str]:
    """The problems found in ``pdf`` (none when it is as expected)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    pages = int(match.group(1)) if match else 0
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    problems = [f"not found in the PDF: {name!r}" for name in EXPECTED if name not in flat]
    found = len(EXPECTED) - len(problems)
    if pages not in PAGES:
        problems.append(f"{pages} pages, expected between {PAGES.start} and {PAGES.stop}")
    marks = text.count("??")
    if marks:
        problems.append(f"{marks} '??' in the PDF's text (references LaTeX could not resolve)")
    in_log = log_problems(pdf.with_suffix(".log"))
    print(
        f"{pdf}: {pages} pages, {len(flat)} characters of text, "
        f"{found}/{len(EXPECTED)} expected texts found, {marks} '??', "
        f"{len(in_log)} problems in the LaTeX log"
    )
    return problems + in_log


def main() -> int:
    """Command line."""
    problems = check(Path(sys.argv[1]))
    for problem in problems:
        print("error:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
