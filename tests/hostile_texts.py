"""The corpus of attacks on the texts of the data, and a package holding each in every field.

Each attack is reStructuredText that a text field must not be able to use: script-bearing
links, redirects, file inclusion (the marker files, outside the package, hold ``MARKER``),
LaTeX inclusion, constructs that crashed the build. ``{m}`` stands for the folder of the
marker files. The second value is how many messages the attack gives (one per mistake).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MARKER = "MARKER-CONTENT-OF-A-FILE-OUTSIDE-THE-PACKAGE-5f2c"
"""The content of every marker file: it must appear in no output and no log."""

SCRIPT = "<script>alert(1)</script>"

ATTACKS: dict[str, tuple[str, int]] = {
    "javascript-link": ("`voir <javascript:alert(document.cookie)>`_", 1),
    "vbscript-link": ("`voir <vbscript:msgbox(1)>`_", 1),
    "data-link": ("`voir <data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>`_", 1),
    "mixed-case-scheme": ("`voir <JaVaScRiPt:alert(1)>`_", 1),
    "spaced-scheme": ("`voir <java script:alert(1)>`_", 1),
    "anonymous-link": ("`voir <javascript:alert(1)>`__", 1),
    "named-target": ("voir lien_\n\n.. _lien: javascript:alert(1)", 1),
    "anonymous-target": ("voir `lien`__\n\n__ javascript:alert(1)", 1),
    "standalone-javascript": ("javascript:alert(1)", 1),
    "standalone-data": ("data:text/html,alert(1)", 1),
    "file-link": ("`voir <file:///etc/passwd>`_", 1),
    "relative-link": ("`voir <{m}/marker.txt>`_", 1),
    "mailto-query": ("`écrire <mailto:drh@ville.example?cc=x%40evil.example&subject=x>`_", 1),
    "email-query": ("drh@ville.example?cc=x%40evil.example&subject=x", 1),
    "image-target": (".. image:: https://img.example/x.png\n   :target: javascript:alert(1)", 1),
    "local-image-target": (".. image:: local.png\n   :target: https://x.example/", 1),
    "image-outside": (".. image:: {m}/marker.png", 1),
    "figure-outside": (".. figure:: {m}/marker.png\n\n   légende", 1),
    "download": (":download:`le fichier <{m}/marker.txt>`", 1),
    "graphviz-file": (".. graphviz:: {m}/marker.dot", 1),
    "graphviz-url": ('.. graphviz::\n\n   digraph {{ a [URL="javascript:alert(1)"] }}', 1),
    "digraph-url": ('.. digraph:: g\n\n   a [URL="javascript:alert(1)"]', 1),
    "meta-refresh": (".. meta::\n   :http-equiv=refresh: 0; url=https://evil.example/", 1),
    "math-directive": (".. math::\n\n   \\input{{{m}/marker.tex}}", 1),
    "math-role": (":math:`\\input{{{m}/marker.tex}}`", 1),
    "math-role-after": ("`\\input{{{m}/marker.tex}}`:math:", 1),
    "default-role-math": (".. default-role:: math\n\n`\\input{{{m}/marker.tex}}`", 1),
    "tabularcolumns": (".. tabularcolumns:: |p{{\\input{{{m}/marker.tex}}}}|", 1),
    "toctree-index": (".. toctree::\n\n   index", 1),
    "toctree-parent": (".. toctree::\n\n   org/index", 1),
    "raw-html": (".. raw:: html\n\n   " + SCRIPT, 1),
    "raw-file": (".. raw:: html\n   :file: {m}/marker.txt", 1),
    "raw-uppercase": (".. RAW:: html\n\n   " + SCRIPT, 1),
    "raw-french-name": (".. brut:: html\n\n   " + SCRIPT, 1),
    "raw-in-list": ("- .. raw:: html\n\n     " + SCRIPT, 1),
    "raw-in-note": (".. note::\n\n   .. raw:: html\n\n      " + SCRIPT, 1),
    "include": (".. include:: {m}/marker.txt", 1),
    "literalinclude": (".. literalinclude:: {m}/marker.txt", 1),
    "csv-table-file": (".. csv-table:: t\n   :file: {m}/marker.csv", 1),
    "substitution-image": (".. |x| image:: {m}/marker.png\n\nvoir |x|", 1),
    "footnote": ("texte [1]_\n\n.. [1] note", 2),
    "citation": ("texte [CIT]_\n\n.. [CIT] note", 2),
    "inline-target": ("une _`cible` ici", 1),
    "internal-target": (".. _cible:\n\ntexte", 1),
    "doc-role": (":doc:`/index`", 1),
    "ref-role": (":ref:`genindex`", 1),
    "raw-role": (":raw:`x`", 1),
    "index": (".. index:: single: injection", 1),
    "title": (".. title:: Page piratée", 1),
    "only": (".. only:: html\n\n   texte", 1),
    "org-chart": (".. org:chart:: o01", 1),
    "org-unit-self": (".. org:unit:: u01", 1),
}
"""Attacks by name: (text, number of messages)."""

FIELDS = (
    ("organisations", "description"),
    ("units", "description"),
    ("bodies", "role"),
    ("bodies", "functioning"),
    ("objectives", "description"),
    ("events", "text"),
)
"""Every text field, by section."""


def write_markers(folder: Path) -> Path:
    """The marker files, each holding MARKER, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("marker.txt", "marker.tex", "marker.csv"):
        (folder / name).write_text(f"{MARKER}\n", encoding="utf-8")
    (folder / "marker.dot").write_text(f'digraph {{ a [label="{MARKER}"] }}\n', "utf-8")
    (folder / "marker.png").write_bytes(b"\x89PNG\r\n\x1a\n" + MARKER.encode())
    return folder


@dataclass
class Written:
    """A package holding every attack in every text field, and where each text starts."""

    root: Path
    texts: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    """(attack, field index) -> (first line, last line) of the text in orgchart.yaml."""


def write_package(root: Path, markers: Path) -> Written:
    """One file ``orgchart.yaml``: attack ``i`` is in organisation ``o<i>``, its unit
    ``u<i>``, body ``b<i>`` (role and functioning), objective ``obj<i>`` and event ``e<i>``."""
    root.mkdir(parents=True)
    written = Written(root)
    lines = [
        "package: {name: Attaques, language: fr, as_of: 2026-01-01}",
        "levels:",
        "  - {id: l, name: Service, rank: 0}",
    ]
    names = list(ATTACKS)
    sections: dict[str, list[str]] = {s: [] for s, _ in FIELDS}

    def text(key: str, attack: str, index: int, indent: str) -> list[str]:
        body = ATTACKS[attack][0].format(m=markers.as_posix())
        return [f"{indent}{key}: |"] + [
            f"{indent}  {line}" if line else "" for line in body.split("\n")
        ]

    out: list[str] = []
    for section, records in sections.items():
        out.append(f"{section}:")
        for number, attack in enumerate(names, 1):
            rid = {"organisations": "o", "units": "u", "bodies": "b", "objectives": "obj"}.get(
                section, "e"
            ) + f"{number:02d}"
            out.append(f"  - id: {rid}")
            if section == "organisations":
                out += [f"    name: Organisation {number}", "    kind: commune"]
            elif section == "units":
                out += [
                    f"    name: Unité {number}",
                    "    level: l",
                    f"    organisation: o{number:02d}",
                    "    head: {title: Chef}",
                ]
            elif section == "bodies":
                out += [f"    name: Instance {number}", f"    organisation: o{number:02d}"]
            elif section == "objectives":
                out += [f"    title: Objectif {number}", f"    number: {number}"]
            else:
                out += ["    date: 2026-01-01", "    kind: creation", f"    units: [u{number:02d}]"]
            keys = [f for s, f in FIELDS if s == section]
            for key in keys:
                index = FIELDS.index((section, key))
                block = text(key, attack, index, "    ")
                start = len(lines) + len(out) + 2  # the line after "key: |", from 1
                written.texts[(attack, index)] = (start, start + len(block) - 2)
                out += block
        del records
    (root / "orgchart.yaml").write_text("\n".join(lines + out) + "\n", encoding="utf-8")
    return written


def handbook_index() -> str:
    """An index page that shows every body, objective and event."""
    bodies = "\n".join(f".. org:body:: b{n:02d}\n" for n in range(1, len(ATTACKS) + 1))
    return (
        "Manuel\n======\n\n.. toctree::\n\n   org/index\n\n"
        + bodies
        + "\n.. org:objectives::\n\n.. org:changes::\n"
    )
