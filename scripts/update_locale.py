"""Extract the messages of sphinx_orgchart, update the French catalog and compile it.

    python scripts/update_locale.py          # extract, update .po, compile .mo
    python scripts/update_locale.py --check  # fail if the catalog is stale or incomplete

Messages are English in the code; ``locale/fr/LC_MESSAGES/sphinx_orgchart.po`` holds the
French. The compiled ``.mo`` files are committed so that installing needs no build step.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinx_orgchart"
LOCALE = PACKAGE / "locale"
DOMAIN = "sphinx_orgchart"
KEYWORDS = {
    "N_": None,
    "_": None,
    "__": None,
    "translate": (2,),
    "ntranslate": (2, 3),
    "format_count": (2, 3),  # sphinx_orgchart.wording: (language, singular, plural, n)
    "Msg": None,
    "t": None,
}
LANGUAGES = ("fr", "en")


def extract() -> Catalog:
    """Every message marked in the package's code."""
    catalog = Catalog(project="sphinx-orgchart", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if not message or (isinstance(message, str) and not message.strip()):
            continue
        catalog.add(
            message,
            None,
            [(f"sphinx_orgchart/{filename}", lineno)],
            auto_comments=comments,
            context=context,
            flags=("python-format",) if "%" in str(message) else (),
        )
    return catalog


def po_path(language: str) -> Path:
    """The catalog file of ``language``."""
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(language: str) -> Catalog:
    """The current catalog of ``language`` (empty if there is none)."""
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project="sphinx-orgchart")
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def render_po(catalog: Catalog) -> bytes:
    """The .po text, stable (no dates, sorted by message)."""
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        sort_output=True,
        omit_header=False,
        ignore_obsolete=True,
        include_lineno=False,
    )
    text = buffer.getvalue().decode("utf-8")
    lines = [
        line
        for line in text.splitlines()
        if not line.startswith(
            (
                '"POT-Creation-Date',
                '"PO-Revision-Date',
                '"Generated-By',
                "# Copyright",
                "# FIRST AUTHOR",
                "# Translations template",
                "#, fuzzy",
            )
        )
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_mo(catalog: Catalog) -> bytes:
    """The compiled catalog."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated(language: str, template: Catalog) -> Catalog:
    """The catalog of ``language`` with the template's messages."""
    catalog = load(language)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.fuzzy = False
    if language == "fr":
        catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"  # type: ignore[attr-defined]
    catalog.project, catalog.version = "sphinx-orgchart", "1"
    # Fixed dates: the compiled catalog must not change from one run to the next.
    fixed = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    catalog.creation_date = catalog.revision_date = fixed
    catalog.msgid_bugs_address = "https://github.com/sphinx-orgchart/sphinx-orgchart/issues"
    catalog.last_translator = catalog.language_team = "sphinx-orgchart contributors"
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """Messages with no translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(str(message.id))
    return missing


def main() -> int:
    """Update the catalogs, or check that they are up to date."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    template = extract()
    status = 0
    for language in LANGUAGES:
        catalog = updated(language, template)
        po, mo = render_po(catalog), render_mo(catalog)
        mo_path = po_path(language).with_suffix(".mo")
        if args.check:
            if po_path(language).read_bytes() != po or mo_path.read_bytes() != mo:
                print(f"{language}: catalog is stale: run `make locale`", file=sys.stderr)
                status = 1
            if language != "en" and untranslated(catalog):
                print(f"{language}: untranslated: {untranslated(catalog)}", file=sys.stderr)
                status = 1
            continue
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(po)
        mo_path.write_bytes(mo)
        missing = untranslated(catalog) if language != "en" else []
        print(f"{language}: {len(catalog)} messages, {len(missing)} untranslated")
    return status


if __name__ == "__main__":
    sys.exit(main())
