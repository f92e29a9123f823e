"""The build's snapshot is checked once and frozen; what a page's rendering finds lives on that page's context."""

from __future__ import annotations

import dataclasses

import pytest
from support import ROOT, load_snapshot, page_context

from engagement_playbooks.hosts.mkdocs.macros_binding import MacroBinding, MacroEnv
from engagement_playbooks.macros import checklists
from engagement_playbooks.macros.registry import MACROS, PICKERS, SPECS, pickers


def test_the_snapshot_cannot_be_changed() -> None:
    snapshot = load_snapshot(ROOT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.edition = "internal"  # type: ignore[misc]
    with pytest.raises(TypeError):
        snapshot.pages["new.md"] = snapshot.pages["index.md"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del snapshot.metas["index.md"]  # type: ignore[attr-defined]


def test_each_page_keeps_its_own_problems_reads_and_slots() -> None:
    snapshot = load_snapshot(ROOT)
    first, second = page_context(snapshot, "partners/index.md"), page_context(snapshot, "forums/index.md")
    binding = MacroBinding(snapshot.variables())
    env = MacroEnv(None)
    binding.install(env)
    binding.page = first
    assert env.macros["checklist"]("no-such-checklist") == ""
    binding.page = second
    assert env.macros["checklist"](next(iter(snapshot.catalog.checklists))).startswith("epslot")
    assert [problem.file for problem in first.problems] == ["docs/partners/index.md"] and second.problems == []
    assert first.reads == {"checklist:no-such-checklist"} and second.reads != first.reads
    assert first.slots.html == {} and len(second.slots.html) == 1
    assert checklists.checklist(first, next(iter(snapshot.catalog.checklists))).startswith("<")  # outside a macro call: HTML


def test_one_registry_gives_the_macros_their_reads_and_the_editors_pickers() -> None:
    env = MacroEnv(None)
    MacroBinding({}).install(env)
    assert list(env.macros) == [spec.name for spec in SPECS] == list(MACROS)
    assert pickers() == [picker.spec() for picker in PICKERS]
    assert [picker.name for picker in PICKERS] == ["checklist", "partner", "partner_table"]
