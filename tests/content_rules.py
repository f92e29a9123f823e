"""Riverton's content quality gate: what every play and every content file must follow (tests/site/test_content.py).

Each check takes a file name as readers see it (docs/forums/plan-a-forum.md) and the file's text, and
returns problems that name the file, the line and the section, so a writer knows where to look.
The rules come from the play template in the content brief.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from engagement_playbooks.models.page import PLAY_HEADINGS
from engagement_playbooks.quality.readability import prose_units, sentences_of
from engagement_playbooks.readers.front_matter import meta_of, read_front_matter
from engagement_playbooks.readers.problems import Problem

REQUIRED_HEADINGS = PLAY_HEADINGS
MAX_AVERAGE_GRADE = 9.0
MAX_PAGE_GRADE = 11.0

# Filler a writer leaves behind. Case-insensitive, whole words only, so "todos", "stbd" or "555-01xx" do not match.
PLACEHOLDERS = (
    re.compile(r"\bTODO\b", re.IGNORECASE),
    re.compile(r"\bTBD\b", re.IGNORECASE),
    re.compile(r"\bFIXME\b", re.IGNORECASE),
    re.compile(r"\blorem\b", re.IGNORECASE),
    re.compile(r"\bcoming\s+soon\b", re.IGNORECASE),
    re.compile(r"\bx{3,}\b", re.IGNORECASE),
)
# Anything shaped like a North American phone number, with or without area code or +1.
_PHONE = re.compile(r"(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?![\w-])")
_TEL_URI = re.compile(r"tel:[+\d().-]+", re.IGNORECASE)
_FICTIONAL_PHONE = re.compile(r"\(217\) 555-01\d\d")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b")
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_CHECKLIST_CALL = re.compile(r"""^\{\{\s*checklist\(\s*(["'])[a-z0-9-]+\1\s*\)\s*\}\}$""")
_WEB_LINK = re.compile(r"\]\(\s*<?https?://[^)\s]+|<https?://[^>\s]+>")
_YAML_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):")
_YAML_ID = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?(?P<id>[\w-]+)")


@dataclass(frozen=True)
class Rules:
    """The controlled lists the checks use, from data/department.yml."""

    tags: frozenset[str]
    owners: frozenset[str]
    department_phones: frozenset[str]  # the department's own lines, allowed as they are written


def load_rules(root: Path) -> Rules:
    department = yaml.safe_load((root / "data" / "department.yml").read_text(encoding="utf-8")) or {}
    phones = frozenset(value for key, value in department.items() if "phone" in key and isinstance(value, str) and _PHONE.fullmatch(value))
    return Rules(
        tags=frozenset(str(tag) for tag in department.get("tags") or []),
        owners=frozenset(str(owner["id"]) for owner in department.get("owners") or []),
        department_phones=phones,
    )


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the whole file
    text: str
    section: str  # as messages name it: "front matter", "lead", "## Steps"
    code: bool  # inside a fenced code block


def markdown_lines(text: str) -> Iterator[Line]:
    """Every line of a Markdown file with the section it belongs to."""
    body_start = read_front_matter(text, "")[0].body_start
    section = "lead"
    fence: str | None = None
    for index, line in enumerate(text.splitlines(), start=1):
        if index <= body_start:
            yield Line(index, line, "front matter", False)
            continue
        fence_mark = _FENCE.match(line)
        if fence is not None:
            if fence_mark and line.strip() == fence_mark.group(1) and fence_mark.group(1).startswith(fence):
                fence = None
            yield Line(index, line, section, True)
            continue
        if fence_mark:
            fence = fence_mark.group(1)
            yield Line(index, line, section, True)
            continue
        if heading := _HEADING.match(line):
            section = f"{heading.group('level')} {heading.group('text')}"
        yield Line(index, line, section, False)


def front_matter(text: str) -> dict[str, Any]:
    return meta_of(text)


def check_front_matter(shown: str, text: str, rules: Rules) -> list[Problem]:
    meta = front_matter(text)
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(shown, 1, f"front matter {field}", message))

    if meta.get("type") != "play":
        problem("type", "must be `play`")
    for field in ("title", "description"):
        if not isinstance(meta.get(field), str) or not meta[field].strip():
            problem(field, "is missing or empty; the template needs one plain line")
    tags = meta.get("tags")
    if not isinstance(tags, list) or not tags:
        problem("tags", "is missing; a play needs 2 to 4 tags from department.yml")
    else:
        unknown = [str(tag) for tag in tags if tag not in rules.tags]
        if unknown:
            problem("tags", f"{', '.join(repr(t) for t in unknown)} not in department.yml tags")
        if not 2 <= len(tags) <= 4:
            problem("tags", f"has {len(tags)} tags; the template asks for 2 to 4")
    owner = meta.get("owner")
    if owner is None:
        problem("owner", "is missing; use an owner id from department.yml")
    elif owner not in rules.owners:
        problem("owner", f"{owner!r} is not an owner id in department.yml ({', '.join(sorted(rules.owners))})")
    return problems


def check_headings(shown: str, text: str) -> list[Problem]:
    """No H1 in the body; the eight H2 headings of the template, exactly, in order, and no others."""
    problems: list[Problem] = []
    found: list[tuple[str, int]] = []
    for line in markdown_lines(text):
        if line.code or line.section == "front matter":
            continue
        heading = _HEADING.match(line.text)
        if not heading:
            continue
        level, title = len(heading.group("level")), heading.group("text")
        if level == 1:
            problems.append(Problem(shown, line.number, f"# {title}", "no H1 in the body: the title becomes the H1"))
        elif level == 2:
            found.append((title, line.number))
            if title not in REQUIRED_HEADINGS:
                problems.append(Problem(shown, line.number, f"## {title}", "is not a heading of the play template"))
    titles = [title for title, _ in found]
    for position, required in enumerate(REQUIRED_HEADINGS):
        if required not in titles:
            after = f"after '## {REQUIRED_HEADINGS[position - 1]}'" if position else "first"
            problems.append(Problem(shown, None, f"## {required}", f"heading is missing (it goes {after})"))
        elif titles.count(required) > 1:
            problems.append(Problem(shown, None, f"## {required}", "heading appears more than once"))
    present = [title for title in titles if title in REQUIRED_HEADINGS]
    expected = [title for title in REQUIRED_HEADINGS if title in present]
    if present != expected:
        for (title, number), want in zip([f for f in found if f[0] in REQUIRED_HEADINGS], expected, strict=False):
            if title != want:
                problems.append(Problem(shown, number, f"## {title}", f"is out of order: '## {want}' should come here"))
                break
    return problems


def section_text(text: str, title: str) -> tuple[int | None, list[Line]]:
    """The lines under one H2 heading (up to the next H2), and the heading's line number."""
    start: int | None = None
    lines: list[Line] = []
    for line in markdown_lines(text):
        if line.section == f"## {title}" and start is None:
            start = line.number
            continue
        if start is not None:
            if not line.code and line.text.startswith("## "):
                break
            lines.append(line)
    return start, lines


def check_checklist(shown: str, text: str) -> list[Problem]:
    """A `checklist("id")` call on its own line under Checklist, or at least one sentence saying why there is none."""
    start, lines = section_text(text, "Checklist")
    if start is None:
        return []  # check_headings reports the missing heading
    if any(_CHECKLIST_CALL.match(line.text.strip()) for line in lines if not line.code):
        return []
    body = "\n".join(line.text for line in lines if not line.code)
    reasons = [s for unit in prose_units(body) for s in sentences_of(unit) if len(s.split()) >= 3 and s.rstrip()[-1:] in ".!?"]
    if reasons:
        return []
    if "checklist(" in body:
        return [Problem(shown, start, "## Checklist", 'the checklist("id") call must stand on its own line')]
    return [Problem(shown, start, "## Checklist", 'needs a checklist("id") macro call, or a sentence that says why there is no checklist')]


def check_sources(shown: str, text: str) -> list[Problem]:
    start, lines = section_text(text, "Sources")
    if start is None:
        return []
    if any(_WEB_LINK.search(line.text) for line in lines if not line.code):
        return []
    return [Problem(shown, start, "## Sources", "needs at least one http(s) link to a source")]


def check_play(shown: str, text: str, rules: Rules) -> list[Problem]:
    return [
        *check_front_matter(shown, text, rules),
        *check_headings(shown, text),
        *check_checklist(shown, text),
        *check_sources(shown, text),
    ]


def _located_lines(shown: str, text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, text, section) for any text file: Markdown sections, or the YAML key and nearest id."""
    if shown.endswith(".md"):
        for line in markdown_lines(text):
            yield line.number, line.text, line.section
        return
    last_id = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        if found_id := _YAML_ID.match(raw):
            last_id = found_id.group("id")
        key = _YAML_KEY.match(raw)
        where = " ".join(part for part in (last_id, key.group("key") if key else "") if part)
        yield number, raw, where or "top"


def check_placeholders(shown: str, text: str) -> list[Problem]:
    problems: list[Problem] = []
    for number, line, section in _located_lines(shown, text):
        if shown.endswith(".md"):
            line = _INLINE_CODE.sub(" ", line)  # backticks mark a mention, not filler: "never write `TODO`"
        for pattern in PLACEHOLDERS:
            for match in pattern.finditer(line):
                problems.append(Problem(shown, number, section, f"placeholder text {match.group(0)!r}"))
    return problems


def check_contacts(shown: str, text: str, rules: Rules) -> list[Problem]:
    """Only fictional contact data: (217) 555-01NN or the department's own lines, emails at example.org."""
    allowed_digits = {re.sub(r"\D", "", phone) for phone in rules.department_phones}
    problems: list[Problem] = []
    for number, line, section in _located_lines(shown, text):
        for match in _PHONE.finditer(line):
            phone = match.group(0).strip()
            if not _FICTIONAL_PHONE.fullmatch(phone) and phone not in rules.department_phones:
                problems.append(Problem(shown, number, section, f"phone number {phone!r} is not in the fictional form (217) 555-01NN"))
        for match in _TEL_URI.finditer(line):
            digits = re.sub(r"\D", "", match.group(0)).removeprefix("1")
            if not re.fullmatch(r"21755501\d\d", digits) and digits not in allowed_digits:
                problems.append(Problem(shown, number, section, f"phone link {match.group(0)!r} is not a fictional (217) 555-01NN number"))
        for match in _EMAIL.finditer(line):
            domain = match.group("domain").lower()
            if domain != "example.org" and not domain.endswith(".example.org"):
                problems.append(Problem(shown, number, section, f"email {match.group(0)!r} is not at an example.org domain"))
    return problems


def check_readability(grades: Mapping[str, float]) -> list[Problem]:
    """Average Flesch-Kincaid grade across plays at most 9, and no play above 11."""
    problems = [
        Problem(
            shown,
            None,
            "readability",
            f"Flesch-Kincaid grade {grade:.1f} is above {MAX_PAGE_GRADE:g}: use shorter sentences and words",
        )
        for shown, grade in sorted(grades.items())
        if grade > MAX_PAGE_GRADE
    ]
    if grades:
        average = sum(grades.values()) / len(grades)
        if average > MAX_AVERAGE_GRADE:
            hardest = ", ".join(f"{shown} ({grade:.1f})" for shown, grade in sorted(grades.items(), key=lambda kv: -kv[1])[:3])
            message = f"average grade {average:.2f} across plays is above {MAX_AVERAGE_GRADE:g}; hardest: {hardest}"
            problems.append(Problem("docs/", None, "readability", message))
    return problems


@dataclass(frozen=True)
class Counts:
    plays: int
    checklists: int
    partners: int
    categories: int
    partners_with_internal_contacts: int
    internal_pages: int


def count_content(root: Path) -> Counts:
    docs, data = root / "docs", root / "data"
    metas = [front_matter(file.read_text(encoding="utf-8")) for file in sorted(docs.rglob("*.md"))]
    partner_file = yaml.safe_load((data / "partners.yml").read_text(encoding="utf-8")) if (data / "partners.yml").exists() else {}
    partners: list[dict[str, Any]] = [p for p in (partner_file or {}).get("partners") or [] if isinstance(p, dict)]
    return Counts(
        plays=sum(1 for meta in metas if meta.get("type") == "play"),
        checklists=len(list((data / "checklists").glob("*.y*ml"))),
        partners=len(partners),
        categories=len({p.get("category") for p in partners if p.get("category")}),
        partners_with_internal_contacts=sum(
            1 for p in partners if any(isinstance(c, dict) and c.get("visibility") == "internal" for c in p.get("contacts") or [])
        ),
        internal_pages=sum(1 for meta in metas if meta.get("audience") == "internal"),
    )


MINIMUM_COUNTS = Counts(plays=16, checklists=6, partners=25, categories=8, partners_with_internal_contacts=1, internal_pages=3)


def check_counts(counts: Counts, minimum: Counts = MINIMUM_COUNTS) -> list[Problem]:
    labels = {
        "plays": ("docs/", "pages with `type: play`"),
        "checklists": ("data/checklists/", "checklist files"),
        "partners": ("data/partners.yml", "partners"),
        "categories": ("data/partners.yml", "partner categories in use"),
        "partners_with_internal_contacts": ("data/partners.yml", "partners with an internal contact"),
        "internal_pages": ("docs/", "pages with `audience: internal`"),
    }
    problems: list[Problem] = []
    for field, (shown, label) in labels.items():
        have, need = getattr(counts, field), getattr(minimum, field)
        if have < need:
            problems.append(Problem(shown, None, "counts", f"{have} {label}; the issue asks for at least {need}"))
    return problems
