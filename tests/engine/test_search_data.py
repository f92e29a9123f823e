"""data/synonyms.yml and front matter `keywords:` are checked like the other data: every problem, with file and line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from support import ROOT

from engagement_playbooks.search.expansions import term_map, words_of
from engagement_playbooks.search.index import SearchPage, enrich
from engagement_playbooks.validation.catalog import load_catalog

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "department.yml", tmp_path / "data" / "department.yml")
    return tmp_path


def problems(project: Path, synonyms: str) -> list[str]:
    (project / "data" / "synonyms.yml").write_text(synonyms)
    catalog, found = load_catalog(project, project / "data", frozenset(), TODAY)
    assert (catalog is None) == bool(found)
    return [str(p) for p in found]


def test_shipped_synonyms_are_valid(project: Path) -> None:
    shutil.copy(ROOT / "data" / "synonyms.yml", project / "data" / "synonyms.yml")
    catalog, found = load_catalog(project, project / "data", frozenset(), TODAY)
    assert found == [] and catalog is not None
    assert any("rehab" in group.words for group in catalog.synonyms)


def test_every_synonym_problem_has_file_line_and_field(project: Path) -> None:
    text = (
        "synonyms:\n"
        "  - words: [rehab]\n"
        "    means: [recovery]\n"
        "  - words: [kids, <b>]\n"  # line 4: not a word
        "    means: []\n"  # line 5: empty
        "  - words: [Rehab]\n"  # line 6: `means` missing (repeats are checked once the file is valid)
        "    meaning: [treatment]\n"  # line 7: a typo of `means`
    )
    assert problems(project, text) == [
        "data/synonyms.yml:4 synonyms[1].words[1]: '<b>' is not a search word or phrase; "
        "use letters, digits, spaces, hyphens or apostrophes, at most 60 characters",
        "data/synonyms.yml:5 synonyms[1].means: is missing; this field is required",
        "data/synonyms.yml:6 synonyms[2].means: is missing; this field is required",
        "data/synonyms.yml:7 synonyms[2].meaning: is not a known field; did you mean 'means'? allowed fields: means, words",
    ]


def test_repeated_word_is_reported_with_its_line(project: Path) -> None:
    text = "synonyms:\n  - words: [rehab]\n    means: [recovery]\n  - words: [kids, Rehab]\n    means: [treatment]\n"
    assert problems(project, text) == [
        "data/synonyms.yml:4 synonyms[1].words[1]: 'Rehab' is already listed at synonyms[0].words[0]; keep it in one group"
    ]


def test_unquoted_number_is_a_word(project: Path) -> None:
    assert problems(project, "synonyms:\n  - words: [5150]\n    means: [mental health]\n") == []


def test_abbreviations_go_both_ways_and_synonyms_one_way() -> None:
    found = term_map([("MOU", "Memorandum of understanding")], [(["rehab", "Co-responder"], ["recovery", "substance use"])])
    assert found["mou"] == ["memorandum of understanding"]
    assert found["memorandum of understanding"] == ["mou"]
    assert found["rehab"] == ["recovery", "substance use"]
    assert found["co responder"] == ["recovery", "substance use"]
    assert "recovery" not in found
    assert words_of("De-escalation, CPTED's") == "de escalation cpted's"


def test_enrich_weights_pages_and_adds_no_document() -> None:
    docs: list[dict[str, Any]] = [
        {"location": "forums/plan-a-forum/", "title": "Plan", "text": ""},
        {"location": "forums/plan-a-forum/#steps", "title": "Steps", "text": ""},
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {"location": "partners/", "title": "Partners", "text": "", "boost": 2},
    ]
    pages = {
        "forums/plan-a-forum/": SearchPage("forums/plan-a-forum/", is_play=True, keywords=["town hall"]),
        "glossary/": SearchPage("glossary/"),
        "partners/": SearchPage("partners/"),
        "internal/": SearchPage("internal/", keywords=["secret"]),
    }
    enrich(docs, pages)
    assert [d["location"] for d in docs] == ["forums/plan-a-forum/", "forums/plan-a-forum/#steps", "glossary/", "partners/"]
    assert [d.get("boost") for d in docs] == [2.0, 2.0, 0.5, 2]
    assert docs[0]["keywords"] == ["town hall"] and "keywords" not in docs[1]


def test_worker_header_is_rewritten_not_stacked(tmp_path: Path) -> None:
    """A quick preview keeps the copied worker between builds: each build's header replaces the last one."""
    from engagement_playbooks.hosts.mkdocs.search_worker import WORKER, write_header

    worker = tmp_path / "assets" / WORKER
    worker.parent.mkdir(parents=True)
    worker.write_text('"use strict";\n', encoding="utf-8")
    write_header(tmp_path, "javascripts/workers/search.1.min.js", {"mou": ["memorandum of understanding"]})
    write_header(tmp_path, "javascripts/workers/search.2.min.js", {"fto": ["field training officer"]})
    assert worker.read_text(encoding="utf-8").splitlines() == [
        'self.__EP_MATERIAL_WORKER = "../../../javascripts/workers/search.2.min.js";',
        'self.__EP_EXPAND = {"fto":["field training officer"]};',
        '"use strict";',
    ]
