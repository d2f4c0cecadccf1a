"""Cross-record checks of the records around the units: governance bodies, the projet
d'administration (orientations, objectives, actions, answers), the history of
reorganisations and the package's own section.

:class:`RecordChecks` is a part of :class:`sphinx_orgchart.validate.Checker`, which gives it
the data, the records' sources and the reference check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .i18n import N_
from .loader.assemble import Source
from .model import Action, ActionStatus, EventKind, Unit
from .problems import ACTION_PROGRESS, EVENT_DATES, Problem

if TYPE_CHECKING:
    from .data import OrgData

__all__ = ["RecordChecks"]


class RecordChecks:
    """The checks of bodies, the projet d'administration, events and the package section."""

    if TYPE_CHECKING:  # given by Checker
        data: OrgData
        sources: dict[tuple[str, str], Source]

        def _ref(
            self, section: str, target: str | None, source: Source, *key: str | int
        ) -> Iterator[Problem]: ...

        def _src(self, section: str, record_id: str) -> Source: ...

    def check_bodies(self) -> Iterator[Problem]:
        """Bodies name existing organisations, posts and units."""
        for body in self.data.bodies.values():
            source = self._src("bodies", body.id)
            yield from self._ref("organisations", body.organisation, source, "organisation")
            yield from self._ref("posts", body.chair, source, "chair")
            for index, member in enumerate(body.members):
                yield from self._ref("posts", member.post, source, "members", index, "post")
                yield from self._ref("units", member.unit, source, "members", index, "unit")

    def check_projet(self) -> Iterator[Problem]:
        """Objectives, actions and answers name existing records; status and progress agree."""
        for objective in self.data.objectives.values():
            source = self._src("objectives", objective.id)
            yield from self._ref("orientations", objective.orientation, source, "orientation")
        for orientation in self.data.orientations.values():
            source = self._src("orientations", orientation.id)
            yield from self._ref("organisations", orientation.organisation, source, "organisation")
        for action in self.data.actions.values():
            source = self._src("actions", action.id)
            yield from self._ref("objectives", action.objective, source, "objective")
            for key in ("owners", "contributors"):
                for index, uid in enumerate(getattr(action, key)):
                    yield from self._ref("units", uid, source, key, index)
            yield from self._progress_agrees(action, source)
        for answer in self.data.answers.values():
            source = self._src("answers", answer.key)
            yield from self._ref("units", answer.unit, source, "unit")
            yield from self._ref("objectives", answer.objective, source, "objective")

    def _progress_agrees(self, action: Action, source: Source) -> Iterator[Problem]:
        """A done action is at 100 %, an action at 100 % is done."""
        done = action.status is ActionStatus.done
        if action.progress is not None and done and action.progress != 100:
            yield Problem(
                ACTION_PROGRESS,
                N_(
                    "the action '%(id)s' is 'done' but its progress is "
                    "%(progress)s %%: set 'progress' to 100, or change 'status'"
                ),
                {"id": action.id, "progress": action.progress},
                *source.at("progress"),
            )
        elif action.progress == 100 and not done:
            yield Problem(
                ACTION_PROGRESS,
                N_(
                    "the action '%(id)s' is at 100 %% but its status is "
                    "'%(status)s': set 'status' to done, or lower 'progress'"
                ),
                {"id": action.id, "status": action.status.value},
                *source.at("status"),
            )

    def check_events(self) -> Iterator[Problem]:
        """Events name existing units and organisations, and agree with their dates."""
        units = self.data.units
        for event in self.data.events.values():
            source = self._src("events", event.id)
            for key in ("units", "before", "after"):
                for index, uid in enumerate(getattr(event, key)):
                    yield from self._ref("units", uid, source, key, index)
            yield from self._ref("units", event.previous_parent, source, "previous_parent")
            for key in ("from_organisation", "to_organisation"):
                yield from self._ref("organisations", getattr(event, key), source, key)
            starting = list(event.after)
            ending = list(event.before)
            if event.kind is EventKind.creation:
                starting += event.units
            elif event.kind is EventKind.closure:
                ending += event.units
            for uid in starting:
                unit = units.get(uid)
                if unit and unit.valid_from is not None and unit.valid_from != event.date:
                    yield _event_dates(event.id, event.date, unit, "valid_from", source)
            for uid in ending:
                unit = units.get(uid)
                if unit and unit.valid_until is not None and unit.valid_until >= event.date:
                    yield _event_dates(event.id, event.date, unit, "valid_until", source)

    def check_package(self) -> Iterator[Problem]:
        """The maintainer's unit exists."""
        maintainer = self.data.package.package.maintainer
        if maintainer and maintainer.unit:
            source = self.sources.get(("package", "package"))
            if source is not None:
                yield from self._ref("units", maintainer.unit, source, "maintainer", "unit")


def _event_dates(event: str, date: object, unit: Unit, key: str, source: Source) -> Problem:
    return Problem(
        EVENT_DATES,
        N_(
            "the event '%(event)s' of %(date)s does not match the unit '%(unit)s', whose %(key)s "
            "is %(unit_date)s (a unit ends the day before the event, a new one starts on its "
            "date)"
        ),
        {
            "event": event,
            "date": str(date),
            "key": key,
            "unit": unit.id,
            "unit_date": str(getattr(unit, key)),
        },
        *source.at("date"),
    )
