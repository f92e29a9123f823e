"""Synthetic playbook sites of a chosen size, in two variants built from the same Markdown.

- ours: the project's real mkdocs.yml, macros/, overrides/ and data lists (the engine brings its assets), with synthetic
  plays, partners and checklists; the folder is a fresh git repository with one commit, so the
  git-dates plugin runs for real.
- control: the same pages with every macro call replaced by the equivalent static Markdown, built with
  plain Material (the same theme settings, navigation features, search settings and Markdown extensions),
  without the project's plugins, hooks, macros, CSS or JavaScript.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers
import yaml

from bench.yamltags import dump_config, load_config

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 1)  # the pinned build date (PLAYBOOKS_TODAY): data dates must not be after it
PLAYS_PER_SECTION = 25
POSTS = 3  # blog posts under updates/, when the real project has a blog
SIGN_OFF = {"fto": "FTO", "supervisor": "Supervisor", "trainer": "Trainer", "self": "You"}
AREA_CODES = ("217", "312", "309", "773", "630")


@dataclass(frozen=True)
class Size:
    plays: int
    partners: int
    checklists: int

    @classmethod
    def for_plays(cls, plays: int) -> Size:
        # 2,000 partners and 200 checklists at 1,000 plays; smaller sites scale down with the play count.
        return cls(plays, partners=plays * 2, checklists=max(10, plays // 5))


@dataclass(frozen=True)
class Sites:
    ours: Path  # project folder holding mkdocs.yml
    control: Path
    play_page: str  # site-relative path of the play page whose HTML is measured
    play_query: str  # a search query whose first result is that play


def phone(number: int) -> str:
    """A valid US number: (217) 555-01NN first, then other real-looking exchanges in 217/312/309/773/630."""
    if number < 100:
        text = f"(217) 555-01{number:02d}"
    else:
        area = AREA_CODES[number % len(AREA_CODES)]
        exchange = 200 + (number // 10_000) % 700
        if exchange in (555, 211, 311, 411, 511, 611, 711, 811, 911):
            exchange += 1
        text = f"({area}) {exchange}-{number % 10_000:04d}"
    if not phonenumbers.is_valid_number(phonenumbers.parse(text, "US")):
        raise ValueError(f"generated an invalid phone number: {text}")
    return text


# --- data ---------------------------------------------------------------------------------------------

WORDS = [
    "lantern",
    "harbor",
    "maple",
    "cedar",
    "summit",
    "prairie",
    "willow",
    "granite",
    "orchard",
    "meadow",
    "beacon",
    "river",
    "union",
    "liberty",
    "heritage",
    "crossroads",
    "northgate",
    "pioneer",
    "station",
    "valley",
    "hillside",
    "garden",
    "lakeside",
    "bridge",
]
OFFERS = (
    "Free groceries for any household, no ID needed. Hot meals on weekday evenings.",
    "Walk-in counseling and a 24-hour crisis line for adults and teens.",
    "After-school tutoring, sports and a safe place to be until 8 pm.",
    "Interpreters for Spanish, Vietnamese and Arabic, by phone or in person.",
    "Job readiness classes, resume help and paid training for young adults.",
    "Emergency shelter for families, with a case manager for up to 60 days.",
)


def partners(department: dict[str, Any], count: int) -> list[dict[str, Any]]:
    categories = [c["id"] for c in department["partner_categories"]]
    districts = [d["id"] for d in department["districts"]]
    tags = department["tags"]
    result = []
    for n in range(count):
        word = WORDS[n % len(WORDS)].capitalize()
        partner_id = f"{WORDS[n % len(WORDS)]}-partner-{n:04d}"
        host = f"{partner_id}.example.org"
        contacts: list[dict[str, Any]] = [
            {
                "name": f"Alex Rivera {n}",
                "role": "Intake coordinator",
                "phone": phone(count + 2 * n),
                "email": f"intake@{host}",
                "visibility": "public",
            }
        ]
        if n % 3 == 0:
            contacts.append(
                {
                    "name": f"Sam Lee {n}",
                    "role": "After-hours cell (officers only)",
                    "phone": phone(count + 2 * n + 1),
                    "visibility": "internal",
                }
            )
        result.append(
            {
                "id": partner_id,
                "name": f"{word} Community Partner {n:04d}",
                "category": categories[n % len(categories)],
                "offers": OFFERS[n % len(OFFERS)],
                "referral": "Call the intake line **before** you bring someone, and give the person the address and hours.",
                "districts": [districts[n % len(districts)], districts[(n + 2) % len(districts)]],
                "address": f"{100 + n} {word} Street, Riverton",
                "website": f"https://www.{host}",
                "phone": phone(n),
                "email": f"info@{host}",
                "hours": "Mon to Fri, 9 am to 5 pm",
                "languages": ["English", "Spanish"] if n % 2 else ["English"],
                "tags": [tags[n % len(tags)], tags[(n + 5) % len(tags)]],
                "last_verified": TODAY - dt.timedelta(days=30 + (n * 7) % 500),
                "contacts": contacts,
            }
        )
    return result


def checklists(count: int) -> list[dict[str, Any]]:
    sign_offs = list(SIGN_OFF)
    result = []
    for n in range(count):
        items = [
            {
                "id": f"step-{i}",
                "text": f"Step {i} of checklist {n}: call the **partner**, confirm the date and write it down.",
                "due": f"Day {i}",
                "sign_off": sign_offs[(n + i) % len(sign_offs)],
                **({"link": "glossary.md"} if i == 1 else {}),
            }
            for i in range(1, 6)
        ]
        result.append(
            {
                "id": f"checklist-{n:03d}",
                "title": f"Checklist {n}",
                "audience": ["officer", "new-hire"] if n % 4 == 0 else ["officer"],
                "description": "What to do before, during and after, in order.",
                "sections": [{"title": "Before", "items": items[:3]}, {"title": "After", "items": items[3:]}],
            }
        )
    return result


# --- pages --------------------------------------------------------------------------------------------

PLAY_BODY = """
A short play that helps an officer build trust on the beat. It takes about {minutes} minutes to read and fits on a phone screen.

## Purpose and when to use it

Use this play when you want to hear from a neighborhood about {topic}. Common reasons are a string of incidents,
a change in how you patrol an area, or a regular check-in. A forum is for listening, not a lecture.

## What you need

- A planning team of 3 to 5 people, with at least one community co-host.
- At least three weeks of lead time, a venue, interpreters and a neutral facilitator.
- A small budget for food, childcare and printing. About $200 to $500 covers most events.

## Steps

1. **Write the purpose in one sentence.** Say what you want to learn about {topic} and what you will do with it.
2. **Find a co-host.** Ask a neighborhood group, faith group or school to host with you.
3. **Pick the date and time.** A weekday evening from 6:00 to 7:30 works for most working people.
4. **Assign roles.** Give each job to one named person, and keep uniforms to a few officers.
5. **Debrief within two days.** Start the report right away and tell people what will happen next.

| Time | What happens | Who |
|---|---|---|
| 6:00 | Welcome, purpose and ground rules | Co-host and facilitator |
| 6:15 | Small-group talks or open mic | Facilitator |
| 7:20 | Next steps, and when the report will come out | Commander |

## Checklist

{checklist}

## Pitfalls to avoid

- **Planning alone.** A police-only meeting draws the same few people. Plan with a co-host (ask your FTO).
- **Promising answers you can't give.** Bring someone who can commit, or say plainly what you will check on.

## Key questions

- Who is usually missing from our meetings about {topic}, and how will we reach them?
- Who in the room can actually commit to action, and when will we report back?

## Partners to involve

{partners}

## Sources

- [COPS Office, Community Policing Defined (2014)](https://cops.usdoj.gov/RIC/Publications/cops-p157-pub.pdf): partnerships.

Read the [glossary](../glossary.md) for terms such as SARA and CIT, or use the [partner directory](../directory/index.md).
"""

TOPICS = ("night safety", "traffic on school streets", "noise from bars", "youth curfews", "park lighting", "repeat burglaries")


@dataclass(frozen=True)
class Content:
    """What the macros would render, as static Markdown, for the control site."""

    department: dict[str, Any]
    partners: list[dict[str, Any]]
    checklists: dict[str, dict[str, Any]]
    glossary: list[dict[str, Any]]
    authors: dict[str, Any]  # blog authors (data/authors.yml), when the project has a blog

    def checklist(self, checklist_id: str) -> str:
        found = self.checklists[checklist_id]
        lines = [f"**{found['title']}**", "", found["description"], ""]
        for section in found["sections"]:
            lines += [f"### {section['title']}", ""]
            for item in section["items"]:
                meta = f"Due: {item['due']} · Sign-off: {SIGN_OFF[item['sign_off']]}"
                link = " · [See: Glossary](../glossary.md)" if item.get("link") else ""
                lines.append(f"- [ ] {item['text']} *{meta}*{link}")
            lines.append("")
        return "\n".join(lines)

    def matching(self, category: str, district: str) -> list[dict[str, Any]]:
        return [p for p in self.partners if p["category"] == category and district in p["districts"]]

    def partner_table(self, category: str, district: str, prefix: str = "../") -> str:
        rows = ["| Partner | What they offer | Phone | Email | Last verified |", "|---|---|---|---|---|"]
        for p in self.matching(category, district):
            link = f"[{p['name']}]({prefix}directory/index.md#partner-{p['id']})"
            rows.append(f"| {link} | {p['offers']} | [{p['phone']}](tel:{p['phone']}) | <{p['email']}> | {p['last_verified']} |")
        return "\n".join(rows)

    def directory(self) -> str:
        blocks = []
        for category in self.department["partner_categories"]:
            members = sorted((p for p in self.partners if p["category"] == category["id"]), key=lambda p: p["name"].lower())
            blocks.append(f"## {category['name']} {{#category-{category['id']}}}")
            for p in members:
                contacts = "\n".join(f"- {c['name']}, {c['role']} · {c['phone']}" for c in p["contacts"] if c["visibility"] == "public")
                blocks.append(
                    f"### {p['name']} {{#partner-{p['id']}}}\n\n{category['name']} · Serves {', '.join(p['districts'])}\n\n"
                    f"{p['offers']}\n\n"
                    f"**How to refer:** {p['referral']}\n\nPhone\n: [{p['phone']}](tel:{p['phone']})\n\nEmail\n: <{p['email']}>\n\n"
                    f"Website\n: <{p['website']}>\n\nAddress\n: {p['address']}\n\nHours\n: {p['hours']}\n\n"
                    f"Languages\n: {', '.join(p['languages'])}\n\nLast verified\n: {p['last_verified']}\n\n{contacts}"
                )
        return "\n\n".join(blocks)

    def glossary_page(self) -> str:
        terms = sorted(self.glossary, key=lambda t: str(t["term"]).lower())
        return "\n\n".join(f"{t['term']}{' (' + t['abbr'] + ')' if t.get('abbr') else ''}\n: {t['definition']}" for t in terms)

    def abbreviations(self) -> str:
        return "\n\n" + "\n".join(f"*[{t['abbr']}]: {t['term']}" for t in self.glossary if t.get("abbr")) + "\n"


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n"


def pages(size: Size, content: Content, static: bool) -> dict[str, str]:
    """docs-relative path -> Markdown; `static` gives the control's macro-free text."""
    department = content.department
    categories = [c["id"] for c in department["partner_categories"]]
    districts = [d["id"] for d in department["districts"]]
    tags = department["tags"]
    owners = [o["id"] for o in department["owners"]]
    abbreviations = content.abbreviations() if static else ""
    result: dict[str, str] = {}
    sections = (size.plays + PLAYS_PER_SECTION - 1) // PLAYS_PER_SECTION
    links = "\n".join(f"- [Section {s + 1}](section-{s + 1:02d}/index.md)" for s in range(sections))
    result["index.md"] = (
        front_matter({"title": "Engagement Playbooks", "description": "Short, practical plays.", "hide": ["navigation", "toc"]})
        + f"\nQuick, plain guides for building trust on your beat.\n\n{links}\n\nSee the [glossary](glossary.md) and the "
        "[partner directory](directory/index.md).\n" + abbreviations
    )
    result["glossary.md"] = (
        front_matter({"title": "Glossary", "description": "Plain-English meanings of terms."})
        + "\n"
        + (content.glossary_page() if static else "{{ glossary() }}")
        + "\n"
        + abbreviations
    )
    result["directory/index.md"] = (
        front_matter({"title": "Partner directory", "description": "Every community partner, grouped by category."})
        + "\nFind help for the people you meet.\n\n"
        + (content.directory() if static else "{{ partner_directory() }}")
        + "\n"
        + abbreviations
    )
    for s in range(sections):
        folder = f"section-{s + 1:02d}"
        result[f"{folder}/index.md"] = (
            front_matter({"title": f"Section {s + 1}", "description": f"Plays of section {s + 1}."})
            + f"\nThe plays of section {s + 1}.\n"
            + abbreviations
        )
    checklist_ids = sorted(content.checklists)
    for n in range(size.plays):
        folder = f"section-{n // PLAYS_PER_SECTION + 1:02d}"
        topic = TOPICS[n % len(TOPICS)]
        category, district = categories[n % len(categories)], districts[(n // len(categories)) % len(districts)]
        checklist_id = checklist_ids[n % len(checklist_ids)]
        body = PLAY_BODY.format(
            minutes=3 + n % 5,
            topic=topic,
            checklist=content.checklist(checklist_id) if static else f'{{{{ checklist("{checklist_id}") }}}}',
            partners=content.partner_table(category, district)
            if static
            else f'{{{{ partner_table(category="{category}", district="{district}") }}}}',
        )
        meta = {
            "title": f"Play {n:04d}: {topic.capitalize()} {WORDS[n % len(WORDS)]}",
            "description": f"How to plan and run play {n} about {topic}, step by step.",
            "type": "play",
            "tags": [tags[n % len(tags)], tags[(n + 3) % len(tags)]],
            "owner": owners[n % len(owners)],
            "last_reviewed": (TODAY - dt.timedelta(days=20 + n % 300)).isoformat(),
            "review_every": "12 months",
        }
        result[f"{folder}/play-{n:04d}.md"] = front_matter(meta) + body + abbreviations
    authors = sorted(content.authors)
    for n in range(POSTS if authors else 0):
        post = {
            "date": TODAY - dt.timedelta(days=10 * n + 1),
            "authors": authors[:1],
            "categories": ["Site news"],
            "title": f"Update {n}: new plays in section {n + 1}",
            "description": f"What changed in update {n}.",
        }
        result[f"updates/posts/update-{n}.md"] = (
            front_matter(post)
            + f"\nWe added plays about {TOPICS[n % len(TOPICS)]}.\n\n<!-- more -->\n\n"
            + "See [section 1](../../section-01/index.md).\n"
        )
    result["updates/index.md"] = "# Updates\n"
    return result


# --- projects -----------------------------------------------------------------------------------------


def _write(folder: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _git_commit(folder: Path) -> None:
    """One commit, so the git-dates plugin finds real history (as in a full clone)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "Synthetic site"]):
        subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True)


def control_config(real: dict[str, Any]) -> dict[str, Any]:
    """Plain Material: the real theme, navigation, search and Markdown settings; no project plugins, hooks or assets."""
    theme = {k: v for k, v in real["theme"].items() if k != "custom_dir"}
    search = next((p for p in real.get("plugins", []) if p == "search" or (isinstance(p, dict) and "search" in p)), "search")
    return {
        "site_name": real["site_name"],
        "site_url": real.get("site_url"),
        "theme": theme,
        "extra": {"generator": False},
        "plugins": [search],
        "validation": real.get("validation", {}),
        "markdown_extensions": real.get("markdown_extensions", []),
    }


def generate(size: Size, work: Path) -> Sites:
    """Write both variants of a site of `size` under `work` (replaced if present)."""
    if work.exists():
        shutil.rmtree(work)
    department = yaml.safe_load((ROOT / "data" / "department.yml").read_text(encoding="utf-8"))
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    partner_list = partners(department, size.partners)
    checklist_list = checklists(size.checklists)
    authors_file = ROOT / "data" / "authors.yml"
    authors = yaml.safe_load(authors_file.read_text(encoding="utf-8"))["authors"] if authors_file.exists() else {}
    content = Content(department, partner_list, {c["id"]: c for c in checklist_list}, glossary, authors)
    real_config = load_config(ROOT / "mkdocs.yml")

    ours = work / "ours"
    ours.mkdir(parents=True)
    for part in ("macros", "overrides"):
        shutil.copytree(ROOT / part, ours / part, ignore=shutil.ignore_patterns("__pycache__"))
    (ours / "docs").mkdir()  # the engine brings its own assets
    shutil.copy2(ROOT / "mkdocs.yml", ours / "mkdocs.yml")
    data = ours / "data"
    (data / "checklists").mkdir(parents=True)
    for source in (ROOT / "data").glob("*.y*ml"):  # department, glossary, authors...: the real lists
        shutil.copy2(source, data / source.name)
    if (ROOT / "docs" / "updates" / "avatars").is_dir():
        shutil.copytree(ROOT / "docs" / "updates" / "avatars", ours / "docs" / "updates" / "avatars")
    (data / "partners.yml").write_text(yaml.safe_dump({"partners": partner_list}, sort_keys=False), encoding="utf-8")
    for checklist in checklist_list:
        (data / "checklists" / f"{checklist['id']}.yml").write_text(yaml.safe_dump(checklist, sort_keys=False), encoding="utf-8")
    _write(ours / "docs", pages(size, content, static=False))
    _git_commit(ours)

    control = work / "control"
    control.mkdir(parents=True)
    (control / "mkdocs.yml").write_text(dump_config(control_config(real_config)), encoding="utf-8")
    _write(control / "docs", pages(size, content, static=True))

    middle = size.plays // 2
    return Sites(ours, control, f"section-{middle // PLAYS_PER_SECTION + 1:02d}/play-{middle:04d}/index.html", f"play {middle:04d}")
