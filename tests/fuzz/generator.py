"""Draw valid packages: consistent records in any script, then a layout in files.

Everything generated obeys the model's documented rules, so that the loader must report no
problem at all: every unit has a head post, organisations have units, closed units have an
end date, sub-units live within their parent's dates, events agree with the dates of the
units they name, actions' status and progress agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from sphinx_orgchart.model import (
    MANIFEST_NAME,
    SECTIONS,
    ActionStatus,
    ActKind,
    BodyKind,
    EventKind,
    Frequency,
    MutualisationExtent,
    MutualisationMode,
    OrganisationKind,
    PostState,
    Shape,
    UnitStatus,
    Weekday,
)

from .packages import FILE_NAMES, Layout, Package, Record
from .text import DATA_TEXTS, MAX_DATE, MIN_DATE, Texts, dates, ids, times

__all__ = ["valid_packages"]

Draw = Any  # hypothesis' draw function


def _put(record: Record, key: str, value: Any) -> None:
    if value is not None and value != []:
        record[key] = value


def _luhn_digit(digits: str) -> str:
    for last in "0123456789":
        total = 0
        for index, char in enumerate(reversed(digits + last)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return last
    raise AssertionError("a Luhn digit always exists")


_BOOL = st.booleans()
_DATE = dates()
_SMALL_INT = st.integers(-5, 20)
_NUMBER = st.integers(1, 99)
_PROGRESS = st.integers(0, 99)
_STAFF = st.floats(min_value=0, allow_nan=False, allow_infinity=False)
_COLOR = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
_EMAIL = st.from_regex(r"[a-z0-9.]{1,8}@[a-z]{1,8}\.fr", fullmatch=True)
_PHONE = st.sampled_from(
    ["03 81 61 50 50", "+33 3 81 61 50 50", "03.81.61.50.50", "03 81-61 (50) 50"]
)
_WEBSITE = st.sampled_from(["https://belcourt.example/drh", "http://x.example"])
_WEEKDAY = st.sampled_from([d.value for d in Weekday])
_BODY_KIND = st.sampled_from([k.value for k in BodyKind])
_TWO_TIMES = st.lists(times(), min_size=2, max_size=2, unique=True)


@dataclass(frozen=True)
class _TextStrategies:
    """Strategies built once per kind of text, reused by every draw."""

    lines: st.SearchStrategy[list[str]]
    frees: st.SearchStrategy[list[str]]
    localized: st.SearchStrategy[Any]


_CACHE: dict[int, _TextStrategies] = {}


def _strategies(texts: Texts) -> _TextStrategies:
    found = _CACHE.get(id(texts))
    if found is None:
        plain = texts.line
        localized = st.one_of(
            plain,
            st.fixed_dictionaries({"fr": plain, "en": plain}),
            st.fixed_dictionaries({"fr": plain}),
            st.fixed_dictionaries({"en": plain}),
        )
        found = _TextStrategies(
            st.lists(texts.line, max_size=3), st.lists(texts.free, max_size=3), localized
        )
        _CACHE[id(texts)] = found
    return found


class _Generator:
    """Draws one consistent package; one method per kind of record."""

    def __init__(self, draw: Draw, texts: Texts) -> None:
        self.draw = draw
        self.t = texts
        self.s = _strategies(texts)
        self.post_ids: list[str] = []
        self.explicit_posts = 0
        self.intervals: dict[str, tuple[dt.date | None, dt.date | None]] = {}

    # -- small values ----------------------------------------------------------------------

    def maybe(self, strategy: st.SearchStrategy[Any]) -> Any:
        """A value of ``strategy`` or None (drawn without building a new strategy)."""
        return self.draw(strategy) if self.flag() else None

    def flag(self) -> bool:
        return bool(self.draw(_BOOL))

    def pick(self, values: Any) -> Any:
        values = list(values)
        return values[self.draw(st.integers(0, len(values) - 1))]

    def some(self, values: list[str], min_size: int = 0, max_size: int = 3) -> list[str]:
        if not values:
            return []
        count = self.draw(st.integers(min(min_size, len(values)), min(max_size, len(values))))
        pool = list(values)
        chosen = []
        for _ in range(count):
            chosen.append(pool.pop(self.draw(st.integers(0, len(pool) - 1))))
        return chosen

    def unique_ids(self, count: int) -> list[str]:
        return list(self.draw(st.lists(ids(), min_size=count, max_size=count, unique=True)))

    def day(self, low: dt.date = MIN_DATE, high: dt.date = MAX_DATE) -> dt.date:
        """A date in [low, high], drawn as a number of days (cheaper than a new strategy)."""
        return low + dt.timedelta(days=self.draw(st.integers(0, (high - low).days)))

    def localized(self) -> Any:
        return self.draw(self.s.localized)

    def contact(self) -> Record:
        record: Record = {}
        _put(record, "email", self.maybe(_EMAIL))
        _put(record, "phone", self.maybe(_PHONE))
        _put(record, "address", self.maybe(self.t.free))
        _put(record, "site", self.maybe(self.t.free))
        _put(record, "website", self.maybe(_WEBSITE))
        _put(record, "hours", self.maybe(self.t.free))
        return record

    def act(self) -> Record:
        record: Record = {"kind": self.pick(ActKind).value, "reference": self.draw(self.t.line)}
        _put(record, "date", self.maybe(_DATE))
        _put(record, "title", self.maybe(self.t.free))
        _put(record, "url", self.maybe(st.just("https://actes.example/2024-145.pdf")))
        return record

    def acts(self) -> list[Record]:
        return [self.act() for _ in range(self.draw(st.integers(0, 2)))]

    def interval(
        self, low: dt.date | None = None, high: dt.date | None = None
    ) -> tuple[dt.date | None, dt.date | None]:
        """Dates within [low, high]; given when the bound is given (sub-units)."""
        floor, ceiling = low or MIN_DATE, high or MAX_DATE
        start = self.day(floor, ceiling) if low is not None or self.flag() else None
        end_floor = start or floor
        end = self.day(end_floor, ceiling) if high is not None or self.flag() else None
        return start, end

    # -- records ---------------------------------------------------------------------------

    def organisation(self, org_id: str) -> Record:
        record: Record = {"id": org_id, "name": self.draw(self.t.line)}
        record["kind"] = self.pick(OrganisationKind).value
        _put(record, "short_name", self.maybe(self.t.line))
        if self.flag():
            digits = f"{self.draw(st.integers(0, 10**8 - 1)):08d}"
            siren = digits + _luhn_digit(digits)
            record["siren"] = f"{siren[:3]} {siren[3:6]} {siren[6:]}" if self.flag() else siren
        _put(record, "members", self.draw(self.s.lines))
        _put(record, "website", self.maybe(st.just("https://www.belcourt.example")))
        _put(record, "order", self.maybe(_SMALL_INT))
        _put(record, "description", self.maybe(self.t.rst))
        _put(record, "previous", self.previous())
        return record

    def previous(self) -> list[Record]:
        """Former periods of an organisation, oldest first, each ending on its own day and
        saying something (a name, a short name or a kind)."""
        count = self.draw(st.integers(0, 2))
        days = sorted({self.day(MIN_DATE, MAX_DATE - dt.timedelta(days=1)) for _ in range(count)})
        periods = []
        for until in days:
            record: Record = {"until": until}
            said = self.draw(st.sampled_from(["name", "short_name", "kind", "all"]))
            if said in ("name", "all"):
                record["name"] = self.draw(self.t.line)
            if said in ("short_name", "all") or self.flag():
                record["short_name"] = self.draw(self.t.line)
            if said in ("kind", "all"):
                record["kind"] = self.pick(OrganisationKind).value
            if self.flag():
                record["name_with_article"] = self.localized()
            if self.flag():
                record["reference"] = self.act()
            periods.append(record)
        return periods

    def levels(self) -> list[Record]:
        level_ids = self.unique_ids(self.draw(st.integers(1, 4)))
        levels = []
        for index, level_id in enumerate(level_ids):
            record: Record = {"id": level_id, "name": self.localized()}
            if self.flag():
                record["plural"] = self.localized()
            if self.flag():
                record["definition"] = self.localized()
            record["rank"] = self.draw(st.integers(0, 6))
            if index:
                record["parents"] = self.some(level_ids[:index], min_size=1)
                _put(record, "top", self.maybe(_BOOL))
            if self.flag():
                style: Record = {"shape": self.pick(Shape).value}
                _put(style, "color", self.maybe(_COLOR))
                _put(style, "bold", self.maybe(_BOOL))
                _put(style, "stack", self.maybe(_BOOL))
                record["style"] = style
            levels.append(record)
        return levels

    def category(self, category_id: str) -> Record:
        record: Record = {"id": category_id, "name": self.localized()}
        if self.flag():
            record["definition"] = self.localized()
        _put(record, "color", self.maybe(st.just("#12ab9F")))
        return record

    def post(self, unit_id: str, default_id: str) -> Record:
        record: Record = {}
        choice = self.draw(st.integers(0, 2))
        if choice == 1:
            self.explicit_posts += 1
            record["id"] = f"p{self.explicit_posts}"
        elif choice == 2:
            record["id"] = default_id  # the default, written out
        self.post_ids.append(record.get("id", default_id))
        record["title"] = self.draw(self.t.line)
        _put(record, "abbr", self.maybe(self.t.line))
        state = self.pick(PostState)
        if state is not PostState.filled or self.flag():
            record["state"] = state.value
        if state is not PostState.vacant and self.flag():
            holder: Record = {"name": self.draw(self.t.line)}
            _put(holder, "since", self.maybe(_DATE))
            record["holder"] = holder
        if self.flag():
            _put(record, "contact", self.contact() or None)
        return record

    def unit(
        self,
        unit_id: str,
        parent: Record | None,
        organisation: str,
        level: str,
        context: dict[str, Any],
    ) -> Record:
        record: Record = {"id": unit_id, "name": self.draw(self.t.line), "level": level}
        record["organisation"] = organisation
        if parent is not None:
            record["parent"] = parent["id"]
        low, high = self.intervals[parent["id"]] if parent else (None, None)
        start, end = self.interval(low, high)
        status = self.pick(UnitStatus)
        if status is UnitStatus.closed and end is None:
            end = self.day(start or low or MIN_DATE, MAX_DATE)
        self.intervals[unit_id] = (start, end)
        _put(record, "valid_from", start)
        _put(record, "valid_until", end)
        if status is not UnitStatus.active or self.flag():
            record["status"] = status.value
        _put(record, "sigle", self.maybe(self.t.line))
        if context["categories"] and self.flag():
            record["category"] = self.pick(context["categories"])
        _put(record, "direct_report", self.maybe(_BOOL))
        earlier: list[str] = context["units"]
        attachments = []
        for other in self.some(earlier, max_size=2):
            attachment: Record = {"unit": other}
            _put(attachment, "note", self.maybe(self.t.free))
            attachments.append(attachment)
        _put(record, "attachments", attachments)
        _put(record, "order", self.maybe(_SMALL_INT))
        _put(record, "missions", self.draw(self.s.frees))
        _put(record, "description", self.maybe(self.t.rst))
        record["head"] = self.post(unit_id, f"{unit_id}.head")
        posts = []
        for index in range(self.draw(st.integers(0, 2))):
            posts.append(self.post(unit_id, f"{unit_id}.post-{index + 1}"))
        _put(record, "posts", posts)
        if self.flag():
            _put(record, "contact", self.contact() or None)
        _put(record, "staff", self.maybe(_STAFF))
        _put(record, "replaces", self.some(earlier, max_size=2))
        _put(record, "legal_basis", self.acts())
        others = [o for o in context["organisations"] if o != organisation]
        if others and self.flag():
            partnerships = [self.sharing(others) for _ in range(self.draw(st.integers(1, 2)))]
            # the single-mapping form stays readable: draw it too
            one = len(partnerships) == 1 and self.flag()
            record["shared"] = partnerships[0] if one else partnerships
        return record

    def sharing(self, others: list[str]) -> Record:
        """One partnership of a shared unit."""
        shared: Record = {"with": self.some(others, min_size=1)}
        shared["mode"] = self.pick(MutualisationMode).value
        if self.flag():
            shared["extent"] = self.pick(MutualisationExtent).value
        since = self.maybe(_DATE)
        _put(shared, "since", since)
        if since is not None and self.flag():
            shared["until"] = min(
                since + dt.timedelta(days=self.draw(st.integers(0, 900))), MAX_DATE
            )
        if self.flag():
            shared["agreement"] = self.act()
        _put(shared, "allocation", self.maybe(self.t.free))
        _put(shared, "note", self.maybe(self.t.free))
        return shared

    def units(
        self, organisations: list[str], levels: list[Record], categories: list[str], most: int
    ) -> list[Record]:
        count = self.draw(st.integers(len(organisations), max(most, len(organisations))))
        unit_ids = self.unique_ids(count)
        top_levels = [lv["id"] for lv in levels if not lv.get("parents") or lv.get("top")]
        context: dict[str, Any] = {
            "categories": categories,
            "organisations": organisations,
            "units": [],
        }
        units: list[Record] = []
        for index, unit_id in enumerate(unit_ids):
            parent = None
            if index >= len(organisations):
                choice = self.draw(st.integers(-1, len(units) - 1))
                parent = units[choice] if choice >= 0 else None
            if parent is not None:
                below = [lv["id"] for lv in levels if parent["level"] in lv.get("parents", [])]
                if below:
                    unit = self.unit(
                        unit_id, parent, parent["organisation"], self.pick(below), context
                    )
                    units.append(unit)
                    context["units"].append(unit_id)
                    continue
            org = organisations[index] if index < len(organisations) else self.pick(organisations)
            units.append(self.unit(unit_id, None, org, self.pick(top_levels), context))
            context["units"].append(unit_id)
        return units

    def schedule(self) -> Record:
        record: Record = {"frequency": self.pick(Frequency).value}
        _put(record, "weekday", self.maybe(_WEEKDAY))
        first, second = sorted(self.draw(_TWO_TIMES))
        which = self.draw(st.integers(0, 3))
        if which in (1, 3):
            record["start"] = first
        if which in (2, 3):
            record["end"] = second
        _put(record, "place", self.maybe(self.t.free))
        _put(record, "note", self.maybe(self.t.free))
        return record

    def body(self, body_id: str, organisations: list[str], unit_ids: list[str]) -> Record:
        record: Record = {"id": body_id, "name": self.draw(self.t.line)}
        _put(record, "short_name", self.maybe(self.t.line))
        _put(record, "kind", self.maybe(_BODY_KIND))
        record["organisation"] = self.pick(organisations)
        _put(record, "role", self.maybe(self.t.rst))
        _put(record, "objectives", self.draw(self.s.frees))
        _put(record, "functioning", self.maybe(self.t.rst))
        if self.flag():
            record["chair"] = self.pick(self.post_ids)
        members = []
        for _ in range(self.draw(st.integers(0, 3))):
            kind = self.pick(["post", "unit", "label"])
            values = {"post": self.post_ids, "unit": unit_ids}
            member: Record = {
                kind: self.pick(values[kind]) if kind in values else self.draw(self.t.line)
            }
            _put(member, "role", self.maybe(self.t.free))
            members.append(member)
        _put(record, "members", members)
        if self.flag():
            record["schedule"] = self.schedule()
        _put(record, "legal_basis", self.acts())
        start, end = self.interval()
        _put(record, "valid_from", start)
        _put(record, "valid_until", end)
        return record

    def projet(
        self, organisations: list[str], unit_ids: list[str]
    ) -> tuple[list[Record], list[Record], list[Record]]:
        orientations = []
        for oid in self.unique_ids(self.draw(st.integers(0, 2))):
            record: Record = {"id": oid, "title": self.draw(self.t.line)}
            if self.flag():
                record["organisation"] = self.pick(organisations)
            _put(record, "order", self.maybe(_SMALL_INT))
            _put(record, "description", self.maybe(self.t.rst))
            orientations.append(record)
        objectives = []
        for oid in self.unique_ids(self.draw(st.integers(0, 3))):
            record = {"id": oid, "title": self.draw(self.t.line)}
            _put(record, "number", self.maybe(_NUMBER))
            if orientations and self.flag():
                record["orientation"] = self.pick([o["id"] for o in orientations])
            _put(record, "description", self.maybe(self.t.rst))
            _put(record, "indicators", self.draw(self.s.frees))
            objectives.append(record)
        actions = []
        if objectives:
            for aid in self.unique_ids(self.draw(st.integers(0, 3))):
                record = {"id": aid, "title": self.draw(self.t.line)}
                record["objective"] = self.pick([o["id"] for o in objectives])
                record["owners"] = self.some(unit_ids, min_size=1)
                _put(record, "contributors", self.some(unit_ids))
                status = self.pick(ActionStatus)
                record["status"] = status.value
                if status is ActionStatus.done:
                    _put(record, "progress", self.maybe(st.just(100)))
                else:
                    _put(record, "progress", self.maybe(_PROGRESS))
                start = self.maybe(_DATE)
                due = self.maybe(_DATE)
                if start is not None and due is not None and due < start:
                    start, due = due, start  # an action ends after it starts
                _put(record, "start", start)
                _put(record, "due", due)
                _put(record, "description", self.maybe(self.t.rst))
                actions.append(record)
        return orientations, objectives, actions

    def answers(self, objectives: list[Record], unit_ids: list[str]) -> list[Record]:
        """Some units' answers to some objectives, each pair once; the id is written (the
        rest of the generator keys records by it), as the loader would derive it."""
        answers: list[Record] = []
        if not objectives or not unit_ids:
            return answers
        for unit in self.some(unit_ids, max_size=2):
            for objective in self.some([o["id"] for o in objectives], max_size=2):
                answers.append(
                    {
                        "id": f"{unit}.{objective}",
                        "unit": unit,
                        "objective": objective,
                        "text": self.draw(self.t.rst),
                    }
                )
        return answers

    def event(self, event_id: str, organisations: list[str], units: list[Record]) -> Record:
        """An event whose date agrees with the units it names (else a transfer)."""
        kind = self.pick(EventKind)
        record: Record = {"id": event_id}

        def starting_on(day: dt.date) -> list[str]:
            return [u["id"] for u in units if u.get("valid_from") in (None, day)]

        def ending_before(day: dt.date) -> list[str]:
            return [
                u["id"] for u in units if u.get("valid_until") is None or u["valid_until"] < day
            ]

        anchor = self.pick(units)
        day = anchor.get("valid_from") or self.day(dt.date(1901, 1, 1))
        fields: Record = {}
        if kind is EventKind.creation:
            fields["units"] = [
                anchor["id"],
                *self.some([u for u in starting_on(day) if u != anchor["id"]], max_size=1),
            ]
        elif kind in (
            EventKind.renaming,
            EventKind.move,
            EventKind.mutualisation,
            EventKind.reorganisation,
        ):
            fields["units"] = self.some([u["id"] for u in units], min_size=1)
            if kind is EventKind.renaming:
                fields["previous_name"] = self.draw(self.t.line)
                _put(fields, "previous_sigle", self.maybe(self.t.line))
            if kind is EventKind.move and self.flag():
                fields["previous_parent"] = self.pick([u["id"] for u in units])
        elif kind is EventKind.closure and ending_before(day):
            fields["units"] = self.some(ending_before(day), min_size=1, max_size=2)
        elif kind is EventKind.merger and len(ending_before(day)) >= 2:
            fields["before"] = self.some(ending_before(day), min_size=2)
            fields["after"] = [anchor["id"]]
        elif kind is EventKind.split and len(starting_on(day)) >= 2 and ending_before(day):
            fields["before"] = self.some(ending_before(day), min_size=1, max_size=1)
            fields["after"] = self.some(starting_on(day), min_size=2)
        else:
            kind = EventKind.transfer
        if kind is EventKind.transfer:
            fields = {
                "from_organisation": self.pick(organisations),
                "to_organisation": self.pick(organisations),
                "competence": self.draw(self.t.line),
            }
        record.update({"date": day, "kind": kind.value})
        _put(record, "title", self.maybe(self.t.line))
        record.update(fields)
        if self.flag():
            record["reference"] = self.act()
        _put(record, "acts", self.acts())
        _put(record, "text", self.maybe(self.t.rst))
        return record

    def info(self, unit_ids: list[str]) -> Record:
        record: Record = {"name": self.draw(self.t.line)}
        _put(record, "language", self.maybe(st.sampled_from(["fr", "en"])))
        record["as_of"] = self.draw(_DATE)
        _put(record, "reviewed", self.maybe(_DATE))
        if self.flag():
            maintainer: Record = {"name": self.draw(self.t.line)}
            _put(maintainer, "email", self.maybe(st.just("orga@belcourt.example")))
            _put(maintainer, "phone", self.maybe(st.just("03 81 00 00 00")))
            if self.flag():
                maintainer["unit"] = self.pick(unit_ids)
            record["maintainer"] = maintainer
        _put(record, "publish_people", self.maybe(_BOOL))
        _put(record, "description", self.maybe(self.t.rst))
        return record

    def layout(self, records: dict[str, list[Record]]) -> Layout:
        extra = self.some(list(FILE_NAMES))
        files = [MANIFEST_NAME, *extra]
        count = len(files)
        layout = Layout(files=files)
        for section in SECTIONS:
            for record in records[section]:
                key = f"{section}:{record['id']}"
                if section == "units" and record.get("parent"):
                    if self.flag():
                        layout.nested.add(record["id"])
                    if self.flag():
                        layout.implicit_org.add(record["id"])
                layout.home[key] = self.draw(st.integers(0, count - 1))
        layout.flow = [self.pick([False, True, None]) for _ in files]
        layout.unicode = [self.flag() for _ in files]
        layout.width = [self.pick([80, 4096]) for _ in files]
        if self.flag():
            layout.manifest_extra["include"] = ["**/*.yaml", "**/*.yml"]
        if self.flag():
            layout.manifest_extra["exclude"] = ["drafts/**"]
        return layout

    def package(self, most_units: int) -> Package:
        org_ids = self.unique_ids(self.draw(st.integers(1, 3)))
        organisations = [self.organisation(oid) for oid in org_ids]
        levels = self.levels()
        categories = [self.category(c) for c in self.unique_ids(self.draw(st.integers(0, 2)))]
        units = self.units(org_ids, levels, [c["id"] for c in categories], most_units)
        unit_ids = [u["id"] for u in units]
        bodies = [
            self.body(b, org_ids, unit_ids) for b in self.unique_ids(self.draw(st.integers(0, 2)))
        ]
        orientations, objectives, actions = self.projet(org_ids, unit_ids)
        events = [
            self.event(e, org_ids, units) for e in self.unique_ids(self.draw(st.integers(0, 2)))
        ]
        records = {
            "organisations": organisations,
            "levels": levels,
            "categories": categories,
            "units": units,
            "bodies": bodies,
            "orientations": orientations,
            "objectives": objectives,
            "actions": actions,
            "answers": self.answers(objectives, unit_ids),
            "events": events,
        }
        return Package(self.info(unit_ids), records, self.layout(records), list(self.post_ids))


@st.composite
def valid_packages(draw: Draw, texts: Texts = DATA_TEXTS, most_units: int = 10) -> Package:
    """A valid package of one to three organisations and up to ``most_units`` units."""
    return _Generator(draw, texts).package(most_units)
