"""The macros authors call in pages, by name. Each takes the build's Site first; the adapters bind it."""

from __future__ import annotations

from collections.abc import Callable

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
