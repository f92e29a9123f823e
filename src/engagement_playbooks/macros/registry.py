"""The one macro registry: every macro authors call in pages, by name, with what a call reads and how the
editor's "Insert …" buttons ask for its arguments.

Everything else is derived from it: the macros a page can call (hosts/mkdocs/macros_binding.py binds each
to the page's context, for builds and `playbooks check`), what each call reads (the preview rebuilds a page
when that data changes: domain/preview.py) and the editor's pickers (`pickers()`, editor/config.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from engagement_playbooks.domain.preview import (
    ALL_DATA,
    CHECKLISTS,
    GLOSSARY,
    ONE_CHECKLIST,
    ONE_PARTNER,
    PAGES,
    PARTNERS,
    partner_table_key,
)
from engagement_playbooks.macros import changes, checklists, glossary, issued, partners, reference, reviews

Reads = Callable[[Mapping[str, Any]], set[str]]  # a call's arguments by parameter name -> the data it reads


@dataclass(frozen=True)
class Param:
    """One argument a picker asks for. `kind` names the ids it takes (editor/config.py lists their options)."""

    name: str  # the macro's own parameter name
    label: str
    kind: str  # checklist, partner, category, district or tag
    positional: bool = True
    optional: bool = False


@dataclass(frozen=True)
class Picker:
    """An "Insert …" button of the editor's page text: it writes a call of `name` from the ids picked."""

    name: str  # a key of MACROS
    label: str
    params: tuple[Param, ...]

    def spec(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "params": [asdict(param) for param in self.params]}


def _reads_everything(arguments: Mapping[str, Any]) -> set[str]:
    return {ALL_DATA, PAGES}


@dataclass(frozen=True)
class MacroSpec:
    """One macro: its name in pages, its function (the page's context first), what a call reads, its picker."""

    name: str
    function: Callable[..., str]
    reads: Reads = _reads_everything  # unknown reads: any data change rebuilds the page (always right)
    label: str = ""  # the editor's button, such as "Insert checklist"; none for macros that take no ids
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def picker(self) -> Picker | None:
        return Picker(self.name, self.label, self.params) if self.label else None

    def reads_of(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> set[str]:
        """The data one call reads; a call that does not fit the macro's parameters reads everything."""
        try:
            bound = inspect.signature(self.function).bind(None, *args, **kwargs)  # None: the page's context
        except TypeError:
            return _reads_everything({})
        bound.apply_defaults()
        return self.reads(bound.arguments)


SPECS = (
    MacroSpec(
        "checklist",
        checklists.checklist,
        lambda a: {ONE_CHECKLIST + str(a["checklist_id"])},
        "Insert checklist",
        (Param("checklist_id", "Checklist", "checklist"),),
    ),
    MacroSpec("onboarding_progress", checklists.onboarding_progress, lambda a: {CHECKLISTS, PAGES}),
    MacroSpec(
        "partner",
        partners.partner,
        lambda a: {ONE_PARTNER + str(a["partner_id"])},
        "Insert partner card",
        (Param("partner_id", "Partner", "partner"),),
    ),
    MacroSpec(
        "partner_table",
        partners.partner_table,
        lambda a: {partner_table_key(a["category"], a["district"], a["tag"])},
        "Insert partner table",
        (
            Param("category", "Category", "category", positional=False, optional=True),
            Param("district", "District", "district", positional=False, optional=True),
            Param("tag", "Tag", "tag", positional=False, optional=True),
        ),
    ),
    MacroSpec("partner_directory", partners.partner_directory, lambda a: {PARTNERS}),
    MacroSpec("glossary", glossary.glossary, lambda a: {GLOSSARY}),
    MacroSpec("data_reference", reference.data_reference),
    MacroSpec("review_status", reviews.review_status, lambda a: {PAGES, PARTNERS}),
    MacroSpec("recent_changes", changes.recent_changes, lambda a: {PAGES}),
    MacroSpec("edition_list", issued.edition_list, lambda a: {PAGES}),
    MacroSpec("edition_changes", issued.edition_changes, lambda a: {ALL_DATA, PAGES}),
)

BY_NAME: dict[str, MacroSpec] = {spec.name: spec for spec in SPECS}
MACROS: dict[str, Callable[..., str]] = {spec.name: spec.function for spec in SPECS}
# The macros whose arguments are ids a trainer picks from a list. The others take none (partner_directory,
# glossary) or are for the engine's own pages; the editor's preview names them all.
PICKERS = tuple(picker for spec in SPECS if (picker := spec.picker) is not None)


def reads_of(macro: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> set[str]:
    """The data one call of `macro` reads. Unknown macros (a department's own) read everything."""
    spec = BY_NAME.get(macro)
    return spec.reads_of(args, kwargs) if spec is not None else _reads_everything({})


def pickers() -> list[dict[str, Any]]:
    """Every picker, JSON-ready, for the editor."""
    return [picker.spec() for picker in PICKERS]
