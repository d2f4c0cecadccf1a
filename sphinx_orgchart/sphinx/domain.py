"""The ``org`` domain: objects (units, levels, organisations, posts, bodies, objectives),
their roles, their cross-references (intersphinx included) and their indices."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.nodes import Element, Node, system_message
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..i18n import N_
from ..vocab import label
from ..wording import typeset
from .directives import DIRECTIVES, directive_class
from .indices import SharedUnitIndex, UnitIndex
from .nodes import anchor_target, shared_marker, unique_id
from .state import OrgState, get_state, note_deps
from .text import _, __, language_of
from .warnings import DUPLICATE, NO_PAGE, UNKNOWN_TARGET, warn

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive

    from ..data import OrgData

__all__ = ["OBJECT_TYPES", "OrgDomain", "anchor_of", "display_name"]

# object type -> its name in console messages
CONSOLE_NAMES: dict[str, str] = {
    "unit": N_("unit"),
    "level": N_("level"),
    "organisation": N_("organisation"),
    "post": N_("post"),
    "body": N_("body"),
    "objective": N_("objective"),
}

# object type -> the data attribute holding its records
OBJECT_TYPES: dict[str, str] = {
    "unit": "units",
    "level": "levels",
    "organisation": "organisations",
    "post": "posts",
    "body": "bodies",
    "objective": "objectives",
}


def anchor_of(objtype: str, object_id: str) -> str:
    """The HTML anchor of an object: ``org-unit-ville-drh``."""
    return f"org-{objtype}-{object_id}"


def entry_anchor(kind: str, object_id: str) -> str:
    """The anchor of a unit's row in a list (``shared``, ``directory``)."""
    return f"org-{kind}-entry-{object_id}"


def display_name(data: OrgData | None, objtype: str, object_id: str, language: str) -> str | None:
    """How an object is named in running text, or None if the package does not have it."""
    if data is None:
        return None
    if objtype == "unit" and object_id in data.units:
        return data.units[object_id].label
    if objtype == "level" and object_id in data.levels:
        return data.levels[object_id].label(language)
    if objtype == "organisation" and object_id in data.organisations:
        return data.organisations[object_id].name
    if objtype == "post" and object_id in data.posts:
        return data.posts[object_id][1].display()
    if objtype == "body" and object_id in data.bodies:
        return data.bodies[object_id].label
    if objtype == "objective" and object_id in data.objectives:
        objective = data.objectives[object_id]
        return f"{objective.number}. {objective.title}" if objective.number else objective.title
    return None


def dependency_key(objtype: str, object_id: str) -> str:
    """The fingerprint key of an object (posts live in their unit)."""
    return f"{objtype}:{object_id}"


def shared_note(data: OrgData, unit_id: str) -> str | None:
    """ "shared: Ville, Métropole" for a shared unit (home first), else None."""
    unit = data.units.get(unit_id)
    if unit is None or not data.sharings(unit):
        return None
    names = [
        data.organisations[o].display_name if o in data.organisations else o
        for o in data.organisations_of(unit)
    ]
    # shown in the writer (a title, a mark), after the pages' French spacing: typeset here
    message = str(_("shared: %s"))
    language = "en" if message == "shared: %s" else "fr"  # the handbook's, as _() speaks
    return typeset(message % ", ".join(names), language)


def refnode(
    builder: Builder,
    fromdocname: str,
    docname: str,
    anchor: str,
    contnode: Element,
    title: str | None = None,
) -> nodes.reference:
    """``make_refnode``, except that LaTeX always gets the target's document.

    The LaTeX builder resolves the references of its single tree from the master document:
    a link from a chapter to an object of the master document would be a bare ``refid``,
    which the writer labels with the chapter's name, and the link would be undefined.
    """
    ref = make_refnode(builder, fromdocname, docname, anchor, contnode, title)
    if builder.format == "latex" and "refid" in ref:
        ref["refuri"] = builder.get_relative_uri(fromdocname, docname) + "#" + ref["refid"]
        del ref["refid"]
    return ref


class OrgXRefRole(XRefRole):
    """``:org:unit:`id``` and friends: the link text is the object's name from the data."""

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        target = target.strip()
        objtype = self.reftype
        data = get_state(env).data
        if objtype == "post" and data is not None and target in data.posts:
            note_deps(env, [dependency_key("unit", data.posts[target][0])])
        elif objtype == "unit" and not has_explicit_title and data and target in data.units:
            # named when the page is written: a renaming rewrites the page, not reads it
            refnode["orgchart_name"] = "label"
            note_deps(env, [dependency_key(objtype, target)], names=[target])
        else:
            note_deps(env, [dependency_key(objtype, target)])
        if not has_explicit_title:
            title = display_name(data, objtype, target, language_of(env)) or target
        return title, target

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[Node], list[system_message]]:
        data = get_state(env).data
        result: list[Node] = [node]
        if self.reftype == "unit" and data is not None:
            note = shared_note(data, node["reftarget"])
            if note:
                result.append(shared_marker("", note=note))
            unit = data.units.get(node["reftarget"])
            if unit is not None and unit.status != "active":
                status = label(unit.status, language_of(env))
                result.append(nodes.Text(" "))
                result.append(
                    nodes.inline(
                        "",
                        f"({status})",
                        classes=["orgchart-status", f"orgchart-{unit.status.value}"],
                    )
                )
        return result, []


class OrgDomain(Domain):
    """Organisation charts: units, levels, organisations, posts, bodies, objectives."""

    name = "org"
    label = "Organisation"
    object_types: ClassVar[dict[str, ObjType]] = {
        "unit": ObjType(_("unit"), "unit"),
        "level": ObjType(_("level"), "level"),
        "organisation": ObjType(_("organisation"), "organisation"),
        "post": ObjType(_("post"), "post"),
        "body": ObjType(_("body"), "body"),
        "objective": ObjType(_("objective"), "objective"),
    }
    roles: ClassVar[dict[str, Any]] = {
        objtype: OrgXRefRole(warn_dangling=True, innernodeclass=nodes.inline)
        for objtype in OBJECT_TYPES
    }
    indices: ClassVar[list[type[Index]]] = [UnitIndex, SharedUnitIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "objects": {},  # (objtype, id) -> (docname, anchor)
        "deps": {},  # docname -> set of dependency keys
        "entries": {},  # (kind, unit id) -> (docname, anchor): rows of lists, not objects
        # ("directory", docname) -> (docname, ""): pages with rows made when written
        "rows_at_write": {},
        "by_doc": {},  # docname -> [(table, key)]: what each document recorded, to forget it
        "state": OrgState(),
    }

    def directive(self, name: str) -> type[Directive] | None:
        """The directive ``org:<name>``, its module imported the first time a document uses
        it (:data:`.directives.DIRECTIVES`); one another extension registered comes first."""
        if name not in self.directives and name in DIRECTIVES:
            self.directives[name] = directive_class(name)
        return super().directive(name)

    @property
    def objects(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Described objects: where each one's description is."""
        objects: dict[tuple[str, str], tuple[str, str]] = self.data["objects"]
        return objects

    @property
    def state(self) -> OrgState:
        """The package loaded for this build."""
        return get_state(self.env)

    def note_object(self, objtype: str, object_id: str, anchor: str, location: Any) -> bool:
        """Record where an object is described; warn (and return False) if it already is,
        on another page or earlier on this one."""
        key = (objtype, object_id)
        if key in self.objects:
            other = self.objects[key][0]
            warn(
                __(
                    "the %(type)s '%(id)s' is already described in %(doc)s; use :no-index: on "
                    "one of them"
                )
                % {"type": __(CONSOLE_NAMES[objtype]), "id": object_id, "doc": other},
                DUPLICATE,
                location,
            )
            return False
        self.objects[key] = (self.env.docname, anchor)
        self._recorded(self.env.docname).append(("objects", key))
        return True

    def describe(
        self, document: nodes.document, objtype: str, object_id: str, location: Any
    ) -> nodes.target | None:
        """The target to put before the block that describes an object, recorded as where
        its links lead; None (after a warning) when the object is already described."""
        target = anchor_target(document, anchor_of(objtype, object_id))
        if not self.note_object(objtype, object_id, target["ids"][0], location):
            del document.ids[target["ids"][0]]
            return None
        return target

    def _recorded(self, docname: str) -> list[tuple[str, tuple[str, str]]]:
        by_doc: dict[str, list[tuple[str, tuple[str, str]]]] = self.data["by_doc"]
        return by_doc.setdefault(docname, [])

    @property
    def entries(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Rows of the shared units table and of the directory, by unit."""
        entries: dict[tuple[str, str], tuple[str, str]] = self.data["entries"]
        return entries

    def note_entry(self, kind: str, unit_id: str, anchor: str) -> bool:
        """Record the row of a unit in a list; only the first list of a kind is the target
        (the first of the handbook, then the first of its page)."""
        key = (kind, unit_id)
        if key in self.entries:
            return False
        self.entries[key] = (self.env.docname, anchor)
        self._recorded(self.env.docname).append(("entries", key))
        return True

    def note_rows_at_write(self) -> None:
        """Record that the current page has a directory whose rows are made when it is
        written (:class:`~.directivenodes.DirectoryRows` looks at no other page)."""
        key = ("directory", self.env.docname)
        if key not in self.data["rows_at_write"]:
            self.data["rows_at_write"][key] = (self.env.docname, "")
            self._recorded(self.env.docname).append(("rows_at_write", key))

    def entry_anchor(self, document: nodes.document, kind: str, unit_id: str) -> str | None:
        """The id of a unit's row in a list, when this row is the one links lead to (the
        caller puts it on the row and in ``document.ids``)."""
        if (kind, unit_id) in self.entries:
            return None
        anchor = unique_id(document, entry_anchor(kind, unit_id))
        self.note_entry(kind, unit_id, anchor)
        return anchor

    def entry_target(
        self, document: nodes.document, kind: str, unit_id: str
    ) -> nodes.target | None:
        """The target of a unit's row in a list, when this row is the one links lead to."""
        anchor = self.entry_anchor(document, kind, unit_id)
        if anchor is None:
            return None
        target = nodes.target("", "", ids=[anchor])
        document.set_id(target)
        return target

    def clear_doc(self, docname: str) -> None:
        """Forget what ``docname`` described and showed (in time proportional to it)."""
        for table, key in self.data["by_doc"].pop(docname, []):
            records = self.data[table]
            if records.get(key, ("",))[0] == docname:
                del records[key]
        self.data["deps"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take what a parallel reader learnt of ``docnames``."""
        for doc in docnames:
            recorded = otherdata["by_doc"].get(doc, [])
            for table, key in recorded:
                if table == "entries" and key in self.entries:
                    continue  # the first list of a kind stays the target
                self.data[table][key] = otherdata[table][key]
            if recorded:
                self.data["by_doc"][doc] = list(recorded)
            if doc in otherdata["deps"]:
                self.data["deps"][doc] = set(otherdata["deps"][doc])

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """Link to the object's description, when this handbook has one."""
        if typ in ("shared-entry", "directory-entry"):
            entry = self.entries.get((typ.removesuffix("-entry"), target))
            if entry is None:
                return None
            return refnode(builder, fromdocname, entry[0], entry[1], contnode)
        found = self.objects.get((typ, target))
        if found is None:
            return None
        docname, anchor = found
        title = display_name(self.state.data, typ, target, language_of(env))
        return refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``:any:`` finds units, levels... by id."""
        results = []
        for objtype in OBJECT_TYPES:
            ref = self.resolve_xref(env, fromdocname, builder, objtype, target, node, contnode)
            if ref is not None:
                results.append((f"org:{objtype}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Everything described, for objects.inv (intersphinx) and the search index."""
        names = self.object_names()
        for (objtype, object_id), (docname, anchor) in sorted(self.objects.items()):
            name = names.get(f"{objtype}:{object_id}") or object_id
            yield object_id, name, objtype, docname, anchor, 1

    def object_names(self) -> dict[str, str]:
        """The display name of every object described (``<objtype>:<id>``), made once per
        version of the data and kept with the environment: objects.inv and the search index
        are written on every build, and a rebuild with no change does not read the data."""
        state = self.state
        language = language_of(self.env)
        key = f"{state.data_key}/{language}/{len(self.objects)}"
        kept = state.indices.get("names")
        if (
            state.data_key
            and kept is not None
            and kept[0] == key
            and kept[1].keys() == {f"{objtype}:{object_id}" for objtype, object_id in self.objects}
        ):
            names: dict[str, str] = kept[1]
            return names
        data = state.data
        names = {
            f"{objtype}:{object_id}": display_name(data, objtype, object_id, language) or ""
            for objtype, object_id in self.objects
        }
        if state.data_key:
            state.indices["names"] = (key, names)
        return names

    def get_full_qualified_name(self, node: Element) -> str | None:
        """The id a reference names."""
        target = node.get("reftarget")
        return str(target) if target else None


def warn_missing(app: Any, domain: Domain | None, node: pending_xref) -> bool | None:
    """Our own message for a reference nothing resolved (``warn-missing-reference``)."""
    if domain is None or domain.name != "org":
        return None
    if not node.get("refwarn"):
        return True  # links the extension makes itself fall back to text, silently
    typ, target = node["reftype"], node["reftarget"]
    data = get_state(app.env).data
    exists = display_name(data, typ, target, language_of(app.env)) is not None
    if exists:
        message = __(
            "the %(type)s '%(id)s' has no page in this handbook: describe it here, or "
            "add the handbook that has it to intersphinx_mapping"
        ) % {"type": __(CONSOLE_NAMES[typ]), "id": target}
        subtype = NO_PAGE
    else:
        message = __("unknown %(type)s '%(id)s': no such id in the organisation data") % {
            "type": __(CONSOLE_NAMES[typ]),
            "id": target,
        }
        subtype = UNKNOWN_TARGET
    warn(message, subtype, node)
    return True


def unit_ids(domain: OrgDomain) -> Iterable[str]:
    """Ids of the units described in this handbook."""
    return (object_id for (objtype, object_id) in domain.objects if objtype == "unit")
