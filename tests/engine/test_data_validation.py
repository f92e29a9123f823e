"""Every data rule, fed a bad value: the problem names the file, the line, the field, the value and what was expected."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import ROOT

from engagement_playbooks.validation.catalog import load_catalog

TODAY = dt.date(2026, 11, 21)
PAGES = frozenset({"index.md", "forums/plan-a-forum.md"})

PARTNER = """\
partners:
  - id: food-bank
    name: Riverton Food Bank
    category: food-housing
    offers: Free groceries.
    referral: Send them in.
    districts: [downtown]
    website: https://food.example.org
    phone: "(217) 555-0142"
    email: intake@food.example.org
    tags: [Housing]
    last_verified: 2026-09-14
    contacts:
      - name: Maria Okafor
        role: Intake coordinator
        phone: "(217) 555-0143"
        visibility: public
"""

CHECKLIST = """\
id: plan
title: Plan a forum
audience: [officer]
items:
  - id: pick-date
    text: Pick a date.
    link: forums/plan-a-forum.md
  - id: book-room
    text: Book a room.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the real department.yml and one small partner and checklist file."""
    (tmp_path / "data" / "checklists").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "department.yml", tmp_path / "data" / "department.yml")
    (tmp_path / "data" / "partners.yml").write_text(PARTNER)
    (tmp_path / "data" / "checklists" / "plan.yml").write_text(CHECKLIST)
    return tmp_path


def problems(project: Path) -> list[str]:
    catalog, found = load_catalog(project, project / "data", PAGES, TODAY)
    assert (catalog is None) == bool(found)
    return [str(p) for p in found]


def change(project: Path, file: str, old: str, new: str) -> None:
    path = project / "data" / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))


def test_valid_data_has_no_problems(project: Path) -> None:
    assert problems(project) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'phone: "(217) 555-0142"',
            'phone: "555-12"',
            "data/partners.yml:9 partners[0].phone: '555-12' is not a valid phone number for region US",
        ),
        (
            "email: intake@food.example.org",
            "email: intake-at-food",
            "data/partners.yml:10 partners[0].email: 'intake-at-food' is not an email address; write it as name@example.org",
        ),
        (  # passes the editor's first check; email-validator, in the check, finds the rest
            "email: intake@food.example.org",
            "email: intake@food..example.org",
            "data/partners.yml:10 partners[0].email: got 'intake@food..example.org'; value is not a valid email address",
        ),
        (
            "website: https://food.example.org",
            "website: ftp://food.example.org",
            "data/partners.yml:8 partners[0].website: 'ftp://food.example.org' is not a web address; write it with http:// or https://",
        ),
        (
            "last_verified: 2026-09-14",
            "last_verified: 2027-01-01",
            "data/partners.yml:12 partners[0].last_verified: '2027-01-01' is in the future; use a date on or before 2026-11-21",
        ),
        (
            "last_verified: 2026-09-14",
            "last_verified: 2026-02-30",
            "data/partners.yml:12 partners[0].last_verified: got '2026-02-30'; expected: Input should be a valid date",
        ),
        (
            "category: food-housing",
            "category: food-housng",
            "data/partners.yml:4 partners[0].category: 'food-housng' is not a known partner category (see data/department.yml); did you mean 'food-housing'?",
        ),
        (
            "districts: [downtown]",
            "districts: [downtwn]",
            "data/partners.yml:7 partners[0].districts[0]: 'downtwn' is not a known district (see data/department.yml); did you mean 'downtown'?",
        ),
        (
            "tags: [Housing]",
            "tags: [Houses]",
            "data/partners.yml:11 partners[0].tags[0]: 'Houses' is not a known tag (see data/department.yml); did you mean 'Housing'?",
        ),
        (
            "id: food-bank",
            "id: Food Bank",
            "data/partners.yml:2 partners[0].id: 'Food Bank' is not a valid id; use lowercase letters, digits and hyphens",
        ),
        ("    offers: Free groceries.\n", "", "data/partners.yml:2 partners[0].offers: is missing; this field is required"),
        ('    phone: "(217) 555-0142"', '    phnoe: "(217) 555-0142"', "partners[0].phnoe: is not a known field; did you mean 'phone'?"),
        (
            "visibility: public",
            "visibility: secret",
            "data/partners.yml:17 partners[0].contacts[0].visibility: 'secret' is not a known choice; expected one of: internal, public",
        ),
        (
            '        phone: "(217) 555-0143"',
            '        phone: "(217) 555-99"',
            "data/partners.yml:16 partners[0].contacts[0].phone: '(217) 555-99' is not a valid phone number for region US",
        ),
    ],
)
def test_partner_rule(project: Path, old: str, new: str, expected: str) -> None:
    change(project, "partners.yml", old, new)
    found = problems(project)
    assert any(expected in p for p in found), found


def test_duplicate_partner_ids(project: Path) -> None:
    text = (project / "data" / "partners.yml").read_text()
    (project / "data" / "partners.yml").write_text(text + text.split("partners:\n", 1)[1])
    assert "data/partners.yml:18 partners[1].id: 'food-bank' is already used by partner partners[0]; ids must be unique" in problems(
        project
    )


def test_duplicate_yaml_key(project: Path) -> None:
    change(project, "partners.yml", "    tags: [Housing]\n", "    tags: [Housing]\n    tags: [Housing]\n")
    assert any("data/partners.yml:12 partners[0].tags: appears twice; keep one" in p for p in problems(project))


def test_malformed_yaml_names_line_and_column(project: Path) -> None:
    change(project, "partners.yml", "    districts: [downtown]", "    districts: [downtown")
    found = problems(project)
    assert found == ["data/partners.yml:8 is not valid YAML, column 12: expected ',' or ']', but got ':'"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "link: forums/plan-a-forum.md",
            "link: forums/plan-a-forun.md",
            "data/checklists/plan.yml:7 items[0].link: 'forums/plan-a-forun.md' is not a page of this site (paths are relative to docs/); did you mean 'forums/plan-a-forum.md'?",
        ),
        (
            "  - id: book-room",
            "  - id: pick-date",
            "data/checklists/plan.yml:8 items[1].id: 'pick-date' is already used by items[0]; item ids must be unique in a checklist",
        ),
        ("id: plan\n", "id: planning\n", "data/checklists/plan.yml:1 id: 'planning' must match the file name"),
        (
            "audience: [officer]",
            "audience: [cadet]",
            "data/checklists/plan.yml:3 audience[0]: 'cadet' is not a known choice; expected one of: new-hire, officer, supervisor, trainer",
        ),
    ],
)
def test_checklist_rule(project: Path, old: str, new: str, expected: str) -> None:
    change(project, "checklists/plan.yml", old, new)
    found = problems(project)
    assert any(p.startswith(expected) or expected in p for p in found), found


def test_items_and_sections_together_are_refused(project: Path) -> None:
    change(project, "checklists/plan.yml", "items:\n", "sections:\n  - title: Day 1\n    items:\n      - id: x\n        text: X.\nitems:\n")
    assert any("needs either `items:` or `sections:`" in p for p in problems(project))


def test_duplicate_item_ids_across_sections(project: Path) -> None:
    (project / "data" / "checklists" / "plan.yml").write_text(
        textwrap.dedent("""\
        id: plan
        title: Plan
        audience: [officer]
        sections:
          - title: Day 1
            items:
              - id: meet
                text: Meet your FTO.
          - title: Day 2
            items:
              - id: meet
                text: Meet your sergeant.
        """)
    )
    assert (
        "data/checklists/plan.yml:11 sections[1].items[0].id: 'meet' is already used by sections[0].items[0]; item ids must be unique in a checklist"
        in problems(project)
    )


def test_glossary_abbreviations_are_unique(project: Path) -> None:
    (project / "data" / "glossary.yml").write_text(
        "terms:\n  - term: Field training officer\n    abbr: FTO\n    definition: A trainer.\n"
        "  - term: Field training office\n    abbr: FTO\n    definition: A room.\n"
    )
    assert any("data/glossary.yml:6 terms[1].abbr: 'FTO' is already used" in p for p in problems(project))


def test_department_errors_stop_before_other_files(project: Path) -> None:
    change(project, "department.yml", "default_review_every: 12 months", "default_review_every: 12 moons")
    assert problems(project) == [
        "data/department.yml:14 default_review_every: '12 moons' is not a review interval; "
        "write a number and a unit (day, week, month, year), such as '6 months'"
    ]


def test_every_problem_is_reported_in_one_run(project: Path) -> None:
    change(project, "partners.yml", 'phone: "(217) 555-0142"', 'phone: "555-12"')
    change(project, "partners.yml", "category: food-housing", "category: food")
    change(project, "checklists/plan.yml", "link: forums/plan-a-forum.md", "link: nowhere.md")
    found = problems(project)
    assert len(found) == 3, found
    assert {p.split(" ", 1)[0] for p in found} == {"data/partners.yml:9", "data/partners.yml:4", "data/checklists/plan.yml:7"}


def test_make_check_reports_several_errors_with_file_and_line(tmp_path: Path) -> None:
    from support import copy_project

    project = copy_project(tmp_path / "project")
    partners = project / "data" / "partners.yml"
    text = partners.read_text()
    first_phone = text.index("phone:")
    text = text[:first_phone] + 'phone: "555-12"' + text[text.index("\n", first_phone) :]
    partners.write_text(text.replace("category: food-housing", "category: food", 1))
    page = project / "docs" / "glossary.md"
    page.write_text(page.read_text() + '\n{{ checklist("no-such-list") }}\n\n{{ partner_table(tag="Yuoth") }}\n')
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "check"], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    lines = [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]
    assert any(line.startswith("data/partners.yml:") and "is not a valid phone number for region US" in line for line in lines), (
        result.stderr
    )
    assert any(line.startswith("data/partners.yml:") and "'food' is not a known partner category" in line for line in lines), result.stderr
    # With data problems the pages are not rendered; fix the data and the macro calls are reported, each with its line.
    partners.write_text((ROOT / "data" / "partners.yml").read_text())
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "check"], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "docs/glossary.md:" in result.stderr and "checklist('no-such-list'): unknown checklist id 'no-such-list'" in result.stderr
    assert "unknown tag 'Yuoth'; did you mean 'Youth'?" in result.stderr
