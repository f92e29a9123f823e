"""The benchmark's sites still build on the engine as it is (bench/real.py reads the plugin's per-page state
through bench/same_content_hook.py, so a change there would otherwise surface only in a long `make bench`)."""

from __future__ import annotations

from pathlib import Path

from bench.real import generate


def test_the_same_content_control_holds_the_macros_html(tmp_path: Path) -> None:
    sites = generate(tmp_path / "real")
    page = (sites.same_content / "docs" / "feedback" / "run-a-community-survey.md").read_text(encoding="utf-8")
    assert 'class="ep-checklist"' in page  # the checklist macro's HTML, written in place
    assert "epslot" not in page  # no token left standing for it
    assert "{{" not in page
    assert sites.pages == sum(1 for _ in (sites.ours / "docs").rglob("*.md"))
