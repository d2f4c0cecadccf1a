"""Display labels of the closed vocabularies (enums), translated through the catalog."""

from __future__ import annotations

from enum import StrEnum

from .i18n import N_, translate
from .model import (
    ActionStatus,
    ActKind,
    AttachmentKind,
    BodyKind,
    EventKind,
    Frequency,
    MutualisationExtent,
    MutualisationMode,
    OrganisationKind,
    PostState,
    UnitStatus,
    Weekday,
)

__all__ = ["LABELS", "label"]

_LABELS: tuple[tuple[StrEnum, str], ...] = (
    (OrganisationKind.commune, N_("municipality (commune)")),
    (OrganisationKind.metropole, N_("metropolitan authority (métropole)")),
    (OrganisationKind.communaute_urbaine, N_("urban community")),
    (OrganisationKind.communaute_agglomeration, N_("agglomeration community")),
    (OrganisationKind.communaute_communes, N_("community of communes")),
    (OrganisationKind.ccas, N_("CCAS (municipal social action centre)")),
    (OrganisationKind.cias, N_("CIAS (intercommunal social action centre)")),
    (OrganisationKind.syndicat, N_("syndicat (joint authority)")),
    (OrganisationKind.departement, N_("département (county)")),
    (OrganisationKind.region, N_("region")),
    (OrganisationKind.etablissement_public, N_("public body")),
    (OrganisationKind.state, N_("State administration")),
    (OrganisationKind.other, N_("other")),
    (UnitStatus.planned, N_("planned")),
    (UnitStatus.active, N_("active")),
    (UnitStatus.transitional, N_("transitional")),
    (UnitStatus.experimental, N_("experimental")),
    (UnitStatus.closed, N_("closed")),
    (PostState.filled, N_("filled")),
    (PostState.vacant, N_("vacant")),
    (PostState.interim, N_("interim")),
    (MutualisationMode.service_commun, N_("common service")),
    (MutualisationMode.mise_a_disposition_services, N_("services made available")),
    (MutualisationMode.mise_a_disposition_personnels, N_("staff made available")),
    (MutualisationMode.mise_a_disposition_moyens, N_("resources made available")),
    (MutualisationMode.convention_gestion, N_("management agreement")),
    (MutualisationMode.groupement_commandes, N_("joint purchasing group")),
    (MutualisationMode.cooperation_technique, N_("technical cooperation")),
    (AttachmentKind.rattachement_secondaire, N_("secondary attachment")),
    (AttachmentKind.co_tutelle, N_("joint supervision")),
    (AttachmentKind.lien_fonctionnel, N_("functional link")),
    (MutualisationExtent.total, N_("total mutualisation")),
    (MutualisationExtent.partial, N_("partial mutualisation")),
    (ActKind.deliberation, N_("deliberation")),
    (ActKind.arrete, N_("order (arrêté)")),
    (ActKind.decision, N_("decision")),
    (ActKind.convention, N_("agreement")),
    (ActKind.decree, N_("decree")),
    (ActKind.law, N_("law")),
    (ActKind.note, N_("internal memo")),
    (ActKind.avis_comite_technique, N_("opinion of the technical committee (CT)")),
    (ActKind.avis_comite_social_territorial, N_("opinion of the social committee (CST)")),
    (BodyKind.codir, N_("management committee")),
    (BodyKind.direction_meeting, N_("general management meeting")),
    (BodyKind.cst, N_("social committee (CST)")),
    (BodyKind.f3sct, N_("health and safety committee (F3SCT)")),
    (BodyKind.steering_committee, N_("steering committee")),
    (BodyKind.project_team, N_("project team")),
    (BodyKind.other, N_("body")),
    (Frequency.daily, N_("every day")),
    (Frequency.weekly, N_("every week")),
    (Frequency.fortnightly, N_("every two weeks")),
    (Frequency.monthly, N_("every month")),
    (Frequency.quarterly, N_("every quarter")),
    (Frequency.half_yearly, N_("twice a year")),
    (Frequency.yearly, N_("every year")),
    (Frequency.on_demand, N_("when needed")),
    (Weekday.monday, N_("Monday")),
    (Weekday.tuesday, N_("Tuesday")),
    (Weekday.wednesday, N_("Wednesday")),
    (Weekday.thursday, N_("Thursday")),
    (Weekday.friday, N_("Friday")),
    (Weekday.saturday, N_("Saturday")),
    (Weekday.sunday, N_("Sunday")),
    (ActionStatus.planned, N_("to start")),
    (ActionStatus.in_progress, N_("in progress")),
    (ActionStatus.done, N_("done")),
    (ActionStatus.late, N_("late")),
    (ActionStatus.suspended, N_("suspended")),
    (ActionStatus.abandoned, N_("abandoned")),
    (EventKind.creation, N_("creation")),
    (EventKind.closure, N_("closure")),
    (EventKind.merger, N_("merger")),
    (EventKind.split, N_("split")),
    (EventKind.renaming, N_("renaming")),
    (EventKind.move, N_("move")),
    (EventKind.transfer, N_("transfer of a competence")),
    (EventKind.mutualisation, N_("mutualisation")),
    (EventKind.reorganisation, N_("reorganisation")),
)


# Members of different vocabularies may share a value ("planned" is a unit status and an
# action status): the labels are keyed by vocabulary and value.
LABELS: dict[tuple[type, str], str] = {(type(k), k.value): v for k, v in _LABELS}


def label(value: StrEnum, language: str) -> str:
    """The display label of an enum value in ``language``."""
    return translate(language, LABELS.get((type(value), value.value), value.value))
