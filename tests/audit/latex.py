"""The LaTeX log and the PDF's text: every reference resolved, every label defined once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .html import Report

__all__ = ["audit_latex", "log_problems", "pdf_question_marks"]

# What LaTeX and hyperref write in the log when a reference or a label is wrong.
_UNDEFINED = re.compile(
    r"(?:LaTeX|Package hyperref) Warning: (?:Hyper )?[Rr]eference [`']([^']*)' on page \S+ "
    r"undefined"
)
_MULTIPLY = re.compile(r"LaTeX Warning: Label [`']([^']*)' multiply defined")
_DEST = re.compile(
    r"(?:pdfTeX warning \(dest\)|xdvipdfmx:warning: Object) .*?`?([^'\s]+)'? "
    r"has been referenced but does not exist"
)
_SUMMARY = re.compile(r"LaTeX Warning: There were (undefined references|multiply-defined labels)")


def log_problems(log: Path) -> list[str]:
    """The undefined references and multiply defined labels of a LaTeX log (its final run)."""
    # LaTeX logs break lines at 79 characters: join them back before reading.
    text = log.read_text(encoding="utf-8", errors="replace")
    joined = re.sub(r"(?m)^(.{79})\n", r"\1", text)
    problems = [f"undefined reference: {log.name}: {m}" for m in _UNDEFINED.findall(joined)]
    problems += [f"multiply defined label: {log.name}: {m}" for m in _MULTIPLY.findall(joined)]
    problems += [f"missing destination: {log.name}: {m}" for m in _DEST.findall(joined)]
    if not problems:
        problems += [f"latex summary: {log.name}: {m}" for m in _SUMMARY.findall(joined)]
    return problems


def pdf_question_marks(pdf: Path) -> int:
    """How many ``??`` (a reference LaTeX could not resolve) the PDF's text holds."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.count("??")


def audit_latex(outdir: Path) -> Report:
    """Audit the logs and PDFs that ``make all-pdf`` left in ``outdir``."""
    report = Report()
    for log in sorted(outdir.glob("*.log")):
        if log.with_suffix(".tex").is_file():
            report.problems.extend(log_problems(log))
    for pdf in sorted(outdir.glob("*.pdf")):
        if not pdf.with_suffix(".tex").is_file():
            continue  # a chart drawn by dot, not a document
        report.pages += 1
        marks = pdf_question_marks(pdf)
        if marks:
            report.problems.append(f"unresolved reference printed: {pdf.name}: {marks} '??'")
    return report
