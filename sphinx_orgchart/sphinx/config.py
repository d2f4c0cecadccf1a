"""Configuration values, declared once with their type and documentation, checked at start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .text import __

__all__ = ["CONFIG_VALUES", "ConfigValue", "check_config", "data_path", "setup_config"]


@dataclass(frozen=True)
class ConfigValue:
    """One ``orgchart_*`` setting of ``conf.py``."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    rebuild: str = "env"


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "orgchart_data",
        None,
        (str,),
        "Path of the data package (a folder with an ``orgchart.yaml``, or a single YAML or "
        "JSON file), relative to the folder of ``conf.py``. Required.",
    ),
    ConfigValue(
        "orgchart_pages",
        True,
        (bool,),
        "Generate one reference page per unit, nested like the organisation.",
    ),
    ConfigValue(
        "orgchart_pages_dir",
        "org",
        (str,),
        "Folder, relative to the source folder, where unit pages are generated. Its "
        "``index`` page is the root of their navigation: put it in a toctree.",
    ),
    ConfigValue(
        "orgchart_page_template",
        None,
        (str,),
        "Path (relative to ``conf.py``) of a Jinja template for the generated unit pages, "
        "to change their layout. Default: the page holds the ``org:unit-page`` directive.",
    ),
    ConfigValue(
        "orgchart_organisations",
        None,
        (list, tuple),
        "Ids of the organisations whose units get pages in this handbook. Default: all. "
        "The other units are linked through intersphinx (two handbooks from one package).",
    ),
    ConfigValue(
        "orgchart_as_of",
        None,
        (str,),
        "Show the organisation as it stood (or will stand) on this date, ``YYYY-MM-DD``: units "
        "valid then, with their names and parents of then. Default: the date of the data "
        "(``as_of`` in the manifest). The directives' ``:as-of:`` option does the same for "
        "one chart or list.",
    ),
    ConfigValue(
        "orgchart_page_charts",
        True,
        (bool,),
        "Draw, on the page of each unit with at least two sub-units drawn as boxes, the chart "
        "of that unit.",
    ),
    ConfigValue(
        "orgchart_chart_max_boxes",
        40,
        (int,),
        "Charts with more boxes than this are split: an overview, then one chart per box cut "
        "off, linked both ways (option ``:max-boxes:`` of ``org:chart``).",
    ),
    ConfigValue(
        "orgchart_chart_row_width",
        5,
        (int,),
        "A row of sibling boxes wraps after this many, so that charts stay printable "
        "(option ``:row-width:``).",
    ),
    ConfigValue(
        "orgchart_show_people",
        False,
        (bool,),
        "Print agents' names. They are printed only when this is true *and* the package "
        "allows it (``publish_people: true``).",
    ),
)


def setup_config(app: Sphinx) -> None:
    """Declare every configuration value."""
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,  # type: ignore[arg-type]
            types=value.types,
            description=value.doc,
        )


def data_path(app: Sphinx) -> Path:
    """Absolute path of the data package."""
    return (Path(app.confdir) / str(app.config.orgchart_data)).resolve()


def check_config(app: Sphinx, config: Config) -> None:
    """Stop at start-up, with a clear message, on a missing or impossible setting."""
    if not config.orgchart_data:
        raise ConfigError(
            __(
                'orgchart_data is not set: add orgchart_data = "path/to/package" '
                "to conf.py (relative to the folder of conf.py)"
            )
        )
    path = (Path(app.confdir) / config.orgchart_data).resolve()
    if not path.exists():
        raise ConfigError(
            __("orgchart_data = %r: no such file or folder (looked for %s)")
            % (config.orgchart_data, path)
        )
    pages_dir = Path(config.orgchart_pages_dir)
    if pages_dir.is_absolute() or ".." in pages_dir.parts or not config.orgchart_pages_dir:
        raise ConfigError(
            __('orgchart_pages_dir = %r must be a folder inside the source folder, such as "org"')
            % config.orgchart_pages_dir
        )
    template = config.orgchart_page_template
    if template and not (Path(app.confdir) / template).is_file():
        raise ConfigError(
            __("orgchart_page_template = %r: no such file (relative to the folder of conf.py)")
            % template
        )
    if config.orgchart_as_of:
        try:
            dt.date.fromisoformat(str(config.orgchart_as_of))
        except ValueError:
            raise ConfigError(
                __("orgchart_as_of = %r is not a date written YYYY-MM-DD") % config.orgchart_as_of
            ) from None
    orgs = config.orgchart_organisations
    if orgs is not None and not all(isinstance(o, str) for o in orgs):
        raise ConfigError(__("orgchart_organisations must be a list of organisation ids"))
