"""The macros authors call in pages, by name. Each takes the build's Site first; the adapters bind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from engagement_playbooks.macros import changes, checklists, glossary, partners, reference, reviews

MACROS: dict[str, Callable[..., str]] = {
    "checklist": checklists.checklist,
    "onboarding_progress": checklists.onboarding_progress,
    "partner": partners.partner,
    "partner_table": partners.partner_table,
    "partner_directory": partners.partner_directory,
    "glossary": glossary.glossary,
    "data_reference": reference.data_reference,
    "review_status": reviews.review_status,
    "recent_changes": changes.recent_changes,
}


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


# The macros whose arguments are ids a trainer picks from a list. The others take none (partner_directory,
# glossary) or are for the engine's own pages; the editor's preview names them all.
PICKERS = (
    Picker("checklist", "Insert checklist", (Param("checklist_id", "Checklist", "checklist"),)),
    Picker("partner", "Insert partner card", (Param("partner_id", "Partner", "partner"),)),
    Picker(
        "partner_table",
        "Insert partner table",
        (
            Param("category", "Category", "category", positional=False, optional=True),
            Param("district", "District", "district", positional=False, optional=True),
            Param("tag", "Tag", "tag", positional=False, optional=True),
        ),
    ),
)
