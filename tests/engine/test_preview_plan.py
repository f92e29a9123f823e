"""The quick preview's engine side: what each macro call reads, slots, and a reload that reuses unchanged pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import copy_project


def test_macros_record_the_data_they_read() -> None:
    from engagement_playbooks.domain.preview import CHECKLISTS, PAGES, PARTNERS
    from engagement_playbooks.macros.registry import reads_of

    assert reads_of("checklist", ("forum-planning",), {}) == {"checklist:forum-planning"}
    assert reads_of("partner", (), {"partner_id": "harbor-house"}) == {"partner:harbor-house"}
    assert reads_of("partner_table", (), {"category": "food"}) == {'partner-table:["food", null, null]'}
    assert reads_of("partner_directory", (), {}) == {PARTNERS}
    assert reads_of("onboarding_progress", (), {}) == {CHECKLISTS, PAGES}
    assert "data" in reads_of("a_macro_the_engine_does_not_know", (), {})  # unknown: rebuilt on any data edit


def test_slots_put_macro_html_in_after_markdown() -> None:
    from engagement_playbooks.rendering.slots import Slots

    slots = Slots()
    block, inline = slots.hold('<div id="card-a">A</div>'), slots.hold("<b>B</b>")
    html, ids = slots.fill(f"<h2>T</h2>\n<p>{block}</p>\n<p>Call {inline} now.</p>")
    assert html == '<h2>T</h2>\n<div id="card-a">A</div>\n<p>Call <b>B</b> now.</p>'
    assert ids == {"card-a"}
    assert slots.fill("<p>epslot-not-ours</p>") == ("<p>epslot-not-ours</p>", set())


def test_a_reload_reuses_unchanged_pages_and_still_checks_edited_ones(tmp_path: Path) -> None:
    """The preview's next Snapshot takes unchanged pages from the last one; an edited page is read and checked again."""
    from engagement_playbooks.domain.snapshot import Snapshot
    from engagement_playbooks.readers.problems import ProblemsError

    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    first = Snapshot.load(project, docs, "public")
    play = docs / "forums" / "plan-a-forum.md"
    play.write_text(play.read_text(encoding="utf-8").replace("title: ", "title: Zq ", 1), encoding="utf-8")
    second = Snapshot.load(project, docs, "public", previous=first)
    assert second.pages["forums/index.md"] is first.pages["forums/index.md"]
    assert second.pages["forums/plan-a-forum.md"] is not first.pages["forums/plan-a-forum.md"]
    assert second.pages["forums/plan-a-forum.md"].meta["title"].startswith("Zq ")
    play.write_text(play.read_text(encoding="utf-8") + "\n{{ checklist('forum-planning' }}\n", encoding="utf-8")
    with pytest.raises(ProblemsError, match=r"docs/forums/plan-a-forum\.md:.*Jinja syntax error"):
        Snapshot.load(project, docs, "public", previous=second)
