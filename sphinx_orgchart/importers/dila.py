"""Read an extract of the DILA's directories: the *Référentiel de l'organisation
administrative de l'État* and the *Base de données locales* (Licence Ouverte / Etalab 2.0).

Accepted: a JSON file (a list of records, or ``{"service": [...]}``) or JSON Lines, in the
DILA's own shape (``nom``, ``hierarchie: [{type_hierarchie, service}]``, ``adresse``,
``telephone``, ``adresse_courriel``, ``site_internet``, ``plage_ouverture``,
``texte_reference``, ``affectation_personne``) or in the normalised shape of public mirrors
(``nom_officiel``, ``parent_id``, ``coordonnees``, ``responsables``).

- a subtree is taken from ``--root`` down the "Service Fils" links (everything otherwise);
- "Autre hiérarchie" links become secondary attachments;
- levels are guessed from the names ("Sous-direction…", "Bureau…") and said in notes;
- contacts, addresses, opening hours and reference texts are kept; a value the model
  refuses (an email that is not one) is left out with a warning, not the whole service;
- dangling references and duplicates are reported with the record id and field;
- the names of people are left out unless ``--with-people`` (RGPD): the functions stay.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..i18n import N_
from ..model import Contact
from ..problems import Severity
from .draft import STATED, UNMAPPED, Draft, DraftRecord

__all__ = ["DilaOptions", "draft_from_dila"]

DANGLING = "import-dangling"
DUPLICATE = "import-duplicate"
PEOPLE = "import-people"


@dataclass(frozen=True)
class DilaOptions:
    """What to import: the subtree's root, whether names are kept, the package's name."""

    root: str | None = None
    people: bool = False
    name: str | None = None
    as_of: str | None = None


_MAPPED = {
    "id", "nom", "nom_officiel", "sigle", "hierarchie", "parent_id", "adresse", "coordonnees",
    "telephone", "adresse_courriel", "site_internet", "plage_ouverture", "texte_reference",
    "fondements_juridiques", "affectation_personne", "responsables", "mission", "missions",
    "type_organisme", "type_institutionnel", "identifiants", "date_modification",
}  # fmt: skip

# Name prefixes -> (level id, label): the first that matches a service's name wins.
_LEVELS = (
    ("ministere", "Ministère", r"minist[eè]re"),
    ("secretariat-general", "Secrétariat général", r"secr[ée]tariat g[ée]n[ée]ral"),
    ("cabinet", "Cabinet", r"cabinet"),
    ("direction-generale", "Direction générale", r"direction g[ée]n[ée]rale"),
    ("sous-direction", "Sous-direction", r"sous-direction"),
    ("direction", "Direction", r"direction"),
    ("delegation", "Délégation", r"d[ée]l[ée]gation"),
    ("inspection", "Inspection", r"inspection"),
    ("departement", "Département", r"d[ée]partement"),
    ("service", "Service", r"service"),
    ("mission", "Mission", r"mission"),
    ("pole", "Pôle", r"p[ôo]le"),
    ("bureau", "Bureau", r"bureau"),
    ("cellule", "Cellule", r"cellule"),
    ("mairie", "Mairie", r"mairie"),
    ("centre", "Centre", r"centre"),
)
_OTHER_LEVEL = ("unite", "Unité")


def _level(name: str) -> tuple[str, str]:
    lower = name.casefold()
    for ident, label, pattern in _LEVELS:
        if re.match(pattern, lower):
            return ident, label
    return _OTHER_LEVEL


def _records(path: Path) -> list[Any]:
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped[:-1]):
        value = json.loads(text)
        if isinstance(value, dict):
            for key in ("service", "services", "records", "data"):
                if isinstance(value.get(key), list):
                    return list(value[key])
            return [value]
        return list(value) if isinstance(value, list) else []
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _list(value: Any) -> list[Any]:
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)  # CSV-derived extracts keep lists as JSON text
        except ValueError:
            return [value]
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _ref(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return str(value).lower() if value else None


def _raw_id(record: dict[str, Any]) -> str | None:
    ident = record.get("id")
    if isinstance(ident, str) and ident.upper().startswith("FRONTIERE-INST-"):
        ident = (record.get("identifiants") or {}).get("dila_local_id") or ident.split("-", 4)[-1]
    return str(ident).lower() if ident else None


def _values(record: dict[str, Any], key: str, kind: str) -> list[str]:
    found = [v.get("valeur") if isinstance(v, dict) else v for v in _list(record.get(key))]
    for item in _list(record.get("coordonnees")):
        if isinstance(item, dict) and item.get("type") == kind:
            found.append(item.get("valeur"))
    return [str(v).strip() for v in found if v]


def _address(record: dict[str, Any]) -> str | None:
    items = [a for a in _list(record.get("adresse")) if isinstance(a, dict)]
    items += [
        a
        for a in _list(record.get("coordonnees"))
        if isinstance(a, dict) and a.get("type") == "ADRESSE"
    ]
    for item in items:
        lines = [
            item.get(k)
            for k in ("complement1", "complement2", "numero_voie", "service_distribution")
        ]
        town = " ".join(str(v) for v in (item.get("code_postal"), item.get("nom_commune")) if v)
        text = "\n".join(str(v) for v in [*lines, town] if v)
        if text:
            return text
    return None


def _hours(record: dict[str, Any]) -> str | None:
    parts = []
    for slot in _list(record.get("plage_ouverture")):
        if not isinstance(slot, dict):
            continue
        days = slot.get("nom_jour_debut") or ""
        if slot.get("nom_jour_fin") and slot.get("nom_jour_fin") != days:
            days = f"{days}-{slot['nom_jour_fin']}"
        times = []
        for n in (1, 2):
            start, end = slot.get(f"valeur_heure_debut_{n}"), slot.get(f"valeur_heure_fin_{n}")
            if start and end:
                times.append(f"{str(start)[:5]}-{str(end)[:5]}")
        parts.append(f"{days} {', '.join(times)}".strip())
    return "; ".join(p for p in parts if p) or None


class _Reader:
    def __init__(self, draft: Draft, options: DilaOptions) -> None:
        self.draft = draft
        self.options = options
        self.by_id: dict[str, dict[str, Any]] = {}
        self.children: dict[str, list[str]] = {}
        self.parent: dict[str, str] = {}
        self.others: list[tuple[str, str]] = []  # (unit, attached to)
        self.unmapped: Counter[str] = Counter()
        self.unmapped_at: dict[str, str] = {}
        self.names_left = 0
        self.kept: set[str] = set()

    def place(self, ident: str, field: str | None = None) -> str:
        return f"record {ident}" + (f", field {field}" if field else "")

    def index(self, records: list[Any]) -> None:
        for number, record in enumerate(records, start=1):
            ident = _raw_id(record) if isinstance(record, dict) else None
            if ident is None:
                self.draft.issue(
                    Severity.warning, UNMAPPED, N_("a record without an id: not imported"),
                    f"record #{number}",
                )  # fmt: skip
                continue
            if ident in self.by_id:
                self.draft.issue(
                    Severity.warning, DUPLICATE,
                    N_("the service %(id)s appears twice: the second record is not imported"),
                    self.place(ident), id=ident,
                )  # fmt: skip
                continue
            self.by_id[ident] = record
        for ident, record in self.by_id.items():
            for link in _list(record.get("hierarchie")):
                target = _ref(link.get("service")) if isinstance(link, dict) else None
                kind = link.get("type_hierarchie") if isinstance(link, dict) else None
                if target is None:
                    continue
                if target not in self.by_id:
                    self.draft.issue(
                        Severity.warning, DANGLING,
                        N_("the service %(target)s named here is not in the extract"),
                        self.place(ident, "hierarchie"), target=target,
                    )  # fmt: skip
                elif kind == "Service Fils" and target not in self.parent and target != ident:
                    self.parent[target] = ident
                    self.children.setdefault(ident, []).append(target)
                elif kind != "Service Fils":
                    self.others.append((target, ident))
            parent = _ref(record.get("parent_id"))
            if parent and parent.upper().startswith("FRONTIERE-INST-"):
                parent = parent.split("-", 4)[-1].lower()
            if parent and ident not in self.parent:
                if parent in self.by_id and parent != ident:
                    self.parent[ident] = parent
                    self.children.setdefault(parent, []).append(ident)
                else:
                    self.draft.issue(
                        Severity.warning, DANGLING,
                        N_("the service %(target)s named here is not in the extract"),
                        self.place(ident, "parent_id"), target=parent,
                    )  # fmt: skip

    def subtree(self) -> list[str]:
        roots = [self.options.root.lower()] if self.options.root else None
        if roots is None:
            roots = [i for i in self.by_id if i not in self.parent]
        ordered: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(roots))
        while stack:
            ident = stack.pop()
            if ident in seen:
                continue
            seen.add(ident)
            ordered.append(ident)
            stack.extend(reversed(self.children.get(ident, [])))
        return ordered

    def contact(self, ident: str, record: dict[str, Any]) -> dict[str, str]:
        contact: dict[str, str] = {}
        wanted = {
            "email": (_values(record, "adresse_courriel", "COURRIEL"), "adresse_courriel"),
            "phone": (_values(record, "telephone", "TELEPHONE"), "telephone"),
            "website": (_values(record, "site_internet", "SITE_INTERNET"), "site_internet"),
        }
        for key, (values, field) in wanted.items():
            for value in values:
                try:
                    Contact.model_validate({key: value})
                except ValidationError:
                    self.draft.issue(
                        Severity.warning, UNMAPPED,
                        N_("'%(value)s' is not a valid %(what)s: left out"),
                        self.place(ident, field), value=value[:80], what=key,
                    )  # fmt: skip
                    continue
                contact[key] = value
                break
        address = _address(record)
        if address:
            contact["address"] = address
        hours = _hours(record)
        if hours:
            contact["hours"] = hours
        return contact

    def head(self, ident: str, record: dict[str, Any]) -> dict[str, Any] | None:
        people = [a for a in _list(record.get("affectation_personne")) if isinstance(a, dict)]
        people += [r for r in _list(record.get("responsables")) if isinstance(r, dict)]
        if not people:
            return None
        first = people[0]
        person: dict[str, Any] = (
            first["personne"] if isinstance(first.get("personne"), dict) else first
        )
        title = str(first.get("fonction") or "Responsable").strip()[:200]
        post: dict[str, Any] = {"title": title}
        names = " ".join(str(person.get(k)) for k in ("prenom", "nom") if person.get(k))
        if names and self.options.people:
            post["holder"] = {"name": names}
        elif names:
            self.names_left += 1
        return post

    def unit(self, ident: str, level: str) -> dict[str, Any]:
        record = self.by_id[ident]
        name = str(record.get("nom") or record.get("nom_officiel") or ident).strip()
        data: dict[str, Any] = {"id": ident, "name": " ".join(name.split()), "level": level}
        if record.get("sigle"):
            data["sigle"] = " ".join(str(record["sigle"]).split())
        if ident in self.parent and self.parent[ident] in self.kept:
            data["parent"] = self.parent[ident]
        else:
            data["organisation"] = "dila"
        mission = record.get("mission")
        texts = [m.get("texte") for m in _list(record.get("missions")) if isinstance(m, dict)]
        if isinstance(mission, str) and mission.strip():
            texts.insert(0, mission)
        if texts:
            data["description"] = "\n\n".join(str(t).replace("\r\n", "\n") for t in texts if t)
        contact = self.contact(ident, record)
        if contact:
            data["contact"] = contact
        head = self.head(ident, record)
        if head:
            data["head"] = head
        acts = []
        for text in _list(record.get("texte_reference")) + _list(
            record.get("fondements_juridiques")
        ):
            if isinstance(text, dict) and (text.get("libelle") or text.get("valeur")):
                act = {"kind": "note", "reference": str(text.get("libelle") or text.get("valeur"))}
                url = text.get("valeur") or text.get("url")
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    act["url"] = url
                acts.append(act)
        if acts:
            data["legal_basis"] = acts
        for key in record:
            if key not in _MAPPED:
                self.unmapped[key] += 1
                self.unmapped_at.setdefault(key, self.place(ident, key))
        return data


def draft_from_dila(path: Path, options: DilaOptions) -> Draft:
    """The draft of the package of the services of a DILA extract (or of one subtree)."""
    records = _records(path)
    reader = _Reader(Draft(DraftRecord({}, path.name)), options)
    draft = reader.draft
    reader.index(records)
    if options.root and options.root.lower() not in reader.by_id:
        draft.issue(
            Severity.error, DANGLING, N_("the root %(id)s is not in the extract"), path.name,
            id=options.root,
        )  # fmt: skip
        return draft
    kept = reader.subtree()
    reader.kept = set(kept)
    levels: dict[str, str] = {}
    units = []
    for ident in kept:
        record = reader.by_id[ident]
        level, label = _level(str(record.get("nom") or record.get("nom_officiel") or ""))
        levels.setdefault(level, label)
        units.append(reader.unit(ident, level))
    for unit, other in reader.others:
        if unit in reader.kept and other in reader.kept:
            for data in units:
                if data["id"] == unit:
                    data.setdefault("attachments", []).append({"unit": other})
    root_name = units[0]["name"] if units else path.stem
    draft.info = DraftRecord(
        {
            "name": options.name or f"{root_name} (DILA)",
            "as_of": options.as_of or dt.date.today().isoformat(),
            "language": "fr",
        },
        path.name,
    )
    draft.add(
        "organisations", DraftRecord({"id": "dila", "name": root_name, "kind": "state"}, path.name)
    )
    _levels(draft, units, levels)
    for data in units:
        draft.add("units", DraftRecord(data, reader.place(data["id"])))
    for key, count in sorted(reader.unmapped.items()):
        draft.issue(
            None, UNMAPPED, N_(
                "the field '%(name)s' (in %(count)d records) has no place in the package: "
                "not imported"
            ),
            reader.unmapped_at[key], name=key, count=count,
        )  # fmt: skip
    if reader.names_left:
        draft.issue(
            None, PEOPLE,
            N_("the names of %(count)d people were left out (RGPD): --with-people keeps them"),
            path.name, count=reader.names_left,
        )  # fmt: skip
    return draft


def _levels(draft: Draft, units: list[dict[str, Any]], labels: dict[str, str]) -> None:
    by_id = {u["id"]: u for u in units}
    depth: dict[str, int] = {}
    parents: dict[str, set[str]] = {}
    top: set[str] = set()
    for unit in units:
        steps, parent = 0, unit.get("parent")
        if parent:
            parents.setdefault(unit["level"], set()).add(by_id[parent]["level"])
        else:
            top.add(unit["level"])
        while parent:
            steps += 1
            parent = by_id[parent].get("parent")
        depth[unit["level"]] = min(depth.get(unit["level"], steps), steps)
    for level in sorted(labels, key=lambda lv: (depth.get(lv, 0), lv)):
        data: dict[str, Any] = {
            "id": level, "name": labels[level], "rank": depth.get(level, 0),
            "parents": sorted(parents.get(level, ())),
        }  # fmt: skip
        if level in top and data["parents"]:
            data["top"] = True
        draft.add("levels", DraftRecord(data, "levels"))
        draft.issue(
            None, STATED,
            N_("level '%(id)s' guessed from the names: rank %(rank)s, under %(parents)s"),
            "levels", id=level, rank=data["rank"], parents=", ".join(data["parents"]) or "-",
        )  # fmt: skip
