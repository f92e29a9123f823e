"""`playbooks new-play` (make new-play): start a new play from the play template, with its starter checklist.

    playbooks new-play --title "Hold a coffee with a cop" --section everyday-contact [--owner ID] [--tag TAG]

Creates docs/<section>/<slug>.md (front matter filled in, the template's eight headings) and
data/checklists/<slug>.yml (the docs and data folders of the site's mkdocs.yml). The page body is the
"Starter play" block of docs/trainers/play-template.md, so the page that explains the template is also
its source. Owners and tags come from the checked data/department.yml.
Missing title or section are asked for when run in a terminal. Never overwrites a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from engagement_playbooks.domain.clock import today
from engagement_playbooks.hosts.mkdocs.site_config import load_site_config
from engagement_playbooks.models.department import Department
from engagement_playbooks.models.page import PLAY_HEADINGS
from engagement_playbooks.readers.front_matter import meta_of
from engagement_playbooks.readers.nav_file import read_nav_file
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.validation.catalog import DEPARTMENT_FILE, load_department

TEMPLATE_PAGE = "trainers/play-template.md"  # in docs/
BLOG_DIR = "updates"  # the What's new blog is not a section for plays
HEADINGS = PLAY_HEADINGS
# Calls in the starter block that get this play's checklist id and tag.
CHECKLIST_CALL = 'checklist("starter-checklist")'
PARTNERS_CALL = 'partner_table(tag="Partners")'
_STARTER = re.compile(r'^```markdown title="Starter play"\n(.*?)^```[ \t]*$', re.DOTALL | re.MULTILINE)


class ScaffoldError(Exception):
    """Something the trainer can fix; printed without a traceback."""


@dataclass(frozen=True)
class Project:
    """What a new play needs of the site: its folders (from mkdocs.yml) and its checked department."""

    root: Path
    docs_dir: Path
    data_dir: Path
    department: Department

    def shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.as_posix()


def load_project(root: Path) -> Project:
    """The site in `root`: its mkdocs.yml read by the host's loader, and data/department.yml checked."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise ScaffoldError(f"{config_file} not found; run this in the site's folder")
    site = load_site_config(config_file)
    department, problems = load_department(site.root, site.data_dir, today())
    if department is None or problems:
        raise ScaffoldError(str(ProblemsError(problems)))
    return Project(site.root, site.docs_dir, site.data_dir, department)


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "").replace("’", "")).strip("-")


def starter_body(docs_dir: Path) -> str:
    text = (docs_dir / TEMPLATE_PAGE).read_text(encoding="utf-8")
    match = _STARTER.search(text)
    if match is None:
        raise ScaffoldError(f'docs/{TEMPLATE_PAGE} has no ```markdown title="Starter play" block to copy')
    body = match.group(1)
    headings = tuple(re.findall(r"^## (.+?)\s*$", body, re.MULTILINE))
    if headings != HEADINGS:
        raise ScaffoldError(f"the starter block in docs/{TEMPLATE_PAGE} must have these headings in order: {', '.join(HEADINGS)}")
    for call in (CHECKLIST_CALL, PARTNERS_CALL):
        if call not in body:
            raise ScaffoldError(f"the starter block in docs/{TEMPLATE_PAGE} must contain {call}")
    return body


def sections(docs_dir: Path) -> list[str]:
    """Folders of docs/ that have an index page and can hold plays."""
    return sorted(p.parent.name for p in docs_dir.glob("*/index.md") if p.parent.name != BLOG_DIR)


def _front_matter(path: Path) -> dict[str, Any]:
    return meta_of(path.read_text(encoding="utf-8"))


def section_defaults(docs_dir: Path, section: str, owners: list[str], tags: list[str]) -> tuple[str, str]:
    """The owner and tag most used by the section's plays (ties: department.yml order), else the first of each list."""
    metas = [_front_matter(p) for p in sorted((docs_dir / section).glob("*.md"))]
    plays = [m for m in metas if m.get("type") == "play"]
    owner_count = Counter(str(m.get("owner")) for m in plays)
    tag_count = Counter(str(t) for m in plays for t in (m.get("tags") or []))
    owner = max(owners, key=lambda o: (owner_count[o], -owners.index(o)))
    tag = max(tags, key=lambda t: (tag_count[t], -tags.index(t)))
    return owner, tag


def play_page(title: str, description: str, owner: str, tag: str, slug: str, body: str, reviewed: dt.date) -> str:
    front = {
        "title": title,
        "description": description,
        "type": "play",
        "tags": [tag],
        "owner": owner,
        "last_reviewed": reviewed,
    }
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    body = body.replace(CHECKLIST_CALL, f'checklist("{slug}")').replace(PARTNERS_CALL, f"partner_table(tag={_quoted(tag)})")
    return f"---\n{text}---\n\n{body}"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def checklist_file(slug: str, title: str, page: str) -> str:
    data = {
        "id": slug,
        "title": title,
        "audience": ["officer"],
        "description": "What to do before, during and after this play.",
        "items": [
            {"id": "read-the-play", "text": "Read the whole play and note what you need.", "link": page},
            {"id": "get-ready", "text": "Line up the people, time and things listed under What you need.", "link": f"{page}#what-you-need"},
            {"id": "do-the-steps", "text": "Work through the steps in order.", "link": f"{page}#steps"},
            {"id": "follow-up", "text": "Follow up on what you promised, within a week.", "due": "Within a week"},
            {"id": "debrief", "text": "Tell your supervisor what worked and what did not.", "sign_off": "supervisor"},
        ],
    }
    header = (
        f"# Checklist for docs/{page}. Every field: docs/trainers/data-reference.md.\n"
        "# Item ids are saved with officers' ticks: keep an id when you reword its text, and never reuse an old one.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def nav_note(project: Project, section: str, slug: str) -> str | None:
    """A hint when the section's .nav.yml lists its pages one by one, so a new page would not show in the menu."""
    nav = read_nav_file(project.docs_dir / section)
    if nav is None or nav.globbed:
        return None
    return f"Add `- {slug}.md` to {project.shown(project.docs_dir / section)}/.nav.yml where the play should appear in the menu."


def create_play(project: Project, title: str, section: str, owner: str | None = None, tag: str | None = None) -> list[Path]:
    """Create the play and its checklist; raise ScaffoldError (and write nothing) if anything is wrong."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError("the title needs at least one letter or digit")
    known = sections(project.docs_dir)
    if section not in known:
        raise ScaffoldError(f"{section!r} is not a section; choose one of: {', '.join(known)}")
    owners = [owner.id for owner in project.department.owners]
    tags = list(project.department.tags)
    default_owner, default_tag = section_defaults(project.docs_dir, section, owners, tags)
    owner = owner or default_owner
    tag = tag or default_tag
    department_file = project.shown(project.data_dir / DEPARTMENT_FILE)
    if owner not in owners:
        raise ScaffoldError(f"{owner!r} is not an owner in {department_file}; choose one of: {', '.join(owners)}")
    if tag not in tags:
        raise ScaffoldError(f"{tag!r} is not a tag in {department_file}; choose one of: {', '.join(tags)}")
    page = project.docs_dir / section / f"{slug}.md"
    checklist = project.data_dir / "checklists" / f"{slug}.yml"
    taken = [p for p in (page, checklist) if p.exists()]
    if taken:
        listed = ", ".join(project.shown(p) for p in taken)
        verb = "exists" if len(taken) == 1 else "exist"
        raise ScaffoldError(f"{listed} already {verb}; nothing was changed. Pick another title, or edit the existing play.")
    body = starter_body(project.docs_dir)
    description = f"How to {title[0].lower()}{title[1:]}." if title.split()[0].lower() != "how" else f"{title}."
    page_text = play_page(title, description, owner, tag, slug, body, today())
    checklist_text = checklist_file(slug, title, f"{section}/{slug}.md")
    written = []
    for path, text in ((page, page_text), (checklist, checklist_text)):
        with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite, even in a race
            out.write(text)
        written.append(path)
    return written


def _example_section(docs_dir: Path) -> str:
    with_plays = [s for s in sections(docs_dir) if any(_front_matter(p).get("type") == "play" for p in (docs_dir / s).glob("*.md"))]
    return (with_plays or sections(docs_dir) or ["everyday-contact"])[0]


def _ask(question: str, choices: list[str] | None, ask: Callable[[str], str]) -> str:
    if choices:
        print(f"{question} Choose one of: {', '.join(choices)}")
    return ask(f"{question} ").strip()


def main(argv: list[str] | None = None, root: Path | None = None, ask: Callable[[str], str] | None = None) -> int:
    root = root or Path.cwd()
    parser = argparse.ArgumentParser(prog="playbooks new-play", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--title", default="", help='the play title, such as "Hold a coffee with a cop"')
    parser.add_argument("--section", default="", help="the docs/ folder to put it in, such as everyday-contact")
    parser.add_argument("--owner", default="", help="owner id from data/department.yml (default: the section's usual owner)")
    parser.add_argument("--tag", default="", help="a tag from data/department.yml (default: the section's usual tag)")
    args = parser.parse_args(argv)
    interactive = ask is not None or sys.stdin.isatty()
    prompt = ask or input
    title, section = args.title.strip(), args.section.strip()
    try:
        project = load_project(root)
        if not title and interactive:
            title = _ask("Title of the new play (start with a verb, such as 'Hold a coffee with a cop')?", None, prompt)
        if not section and interactive:
            section = _ask("Which section?", sections(project.docs_dir), prompt)
        if not title or not section:
            example = _example_section(project.docs_dir)
            raise ScaffoldError(f'give a title and a section, such as: make new-play TITLE="Hold a coffee with a cop" SECTION={example}')
        written = create_play(project, title, section, args.owner.strip() or None, args.tag.strip() or None)
    except ScaffoldError as error:
        print(f"new-play: {error}", file=sys.stderr)
        return 1
    print("Created:")
    for path in written:
        print(f"  {project.shown(path)}")
    note = nav_note(project, section, written[0].stem)
    if note:
        print(note)
    print("Next: fill in each part (see docs/trainers/play-template.md), then run `make check` and `make serve`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
