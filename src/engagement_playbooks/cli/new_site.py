"""`playbooks new-site`: start a new department's site, a complete repository of its own.

    playbooks new-site DIR --name "Harbor City Police Department" --short-name HCPD \\
        --site-url https://example.org/hcpd/playbooks/ --repo-url https://github.com/harbor-city-pd/playbooks \\
        [--phone "(217) 555-0100"] [--email playbooks@example.org] [--engine-spec SPEC] [--example]

DIR must not exist or be empty. The files come from the engine's scaffold/ folder: `base/` always,
`example/` over it with --example (one example play, partner and checklist). Stored names that start
with `dot-` become dotfiles (packaging tools drop or hide dotfiles). Values are filled in by plain token
replacement, never Jinja, since the pages hold macro calls: `__NAME__` is the value as written (Markdown,
comments) and `__Q_NAME__` the value as a quoted YAML scalar (data files, mkdocs.yml, front matter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from engagement_playbooks import __version__
from engagement_playbooks.domain.repository import repository

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
ENGINE_URL = "https://github.com/engagement-playbooks/engagement-playbooks"
DEFAULT_PHONE = "(217) 555-0100"  # 555-01xx: reserved for fiction
DEFAULT_EMAIL = "playbooks@example.org"
EXECUTABLE = {".ci/run"}
_TOKEN = re.compile(r"__(Q_)?([A-Z][A-Z_]*?)__")
# Material writes site_name, site_author, site_description and copyright into pages as HTML, unescaped.
_NOT_IN_HTML = set('<>"')


class NewSiteError(Exception):
    """Something the user can fix; printed without a traceback."""


@dataclass(frozen=True)
class Options:
    name: str
    short_name: str
    site_url: str
    repo_url: str
    phone: str = DEFAULT_PHONE
    phone_region: str = "US"
    email: str = DEFAULT_EMAIL
    engine_spec: str = ""
    example: bool = False


def default_engine_spec() -> str:
    """The engine pinned by VCS URL and the tag of this very version."""
    return f"engagement-playbooks @ git+{ENGINE_URL}@v{__version__}"


def _edit_uri(repo_url: str) -> str:
    found = repository(repo_url)
    return found.edit_uri() if found else "edit/main/docs/"


def values(options: Options, today: dt.date) -> dict[str, str]:
    """Every token's value, as written."""
    repo_name = urlsplit(options.repo_url).path.rstrip("/").rsplit("/", 1)[-1] or options.short_name
    return {
        "NAME": options.name,
        "SHORT_NAME": options.short_name,
        "SITE_NAME": f"{options.short_name} Engagement Playbooks",
        "SITE_DESCRIPTION": f"Community-engagement playbooks of the {options.name}.",
        "SITE_URL": options.site_url,
        "REPO_URL": options.repo_url,
        "REPO_NAME": repo_name,
        "EDIT_URI": _edit_uri(options.repo_url),
        "COPYRIGHT": f"Copyright {today.year} {options.name}",
        "PHONE": options.phone,
        "PHONE_REGION": options.phone_region,
        "EMAIL": options.email,
        "ENGINE_SPEC": options.engine_spec or default_engine_spec(),
        "ENGINE_VERSION": __version__,
        "TODAY": today.isoformat(),
    }


def fill(text: str, found: dict[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        key = match.group(2)
        if key not in found:
            raise NewSiteError(f"scaffold file {where} has an unknown token {match.group(0)}")
        # A JSON string is a valid double-quoted YAML scalar: quotes, colons, `&`, `|` and `#` stay text.
        return json.dumps(found[key], ensure_ascii=False) if match.group(1) else found[key]

    return _TOKEN.sub(replace, text)


def target_name(stored: Path) -> Path:
    """dot-gitignore -> .gitignore, dot-github/workflows -> .github/workflows."""
    return Path(*(f".{part[4:]}" if part.startswith("dot-") else part for part in stored.parts))


def scaffold_files(example: bool) -> dict[Path, Path]:
    """Target path (relative to DIR) -> scaffold file; the example layer replaces files of the same name."""
    files: dict[Path, Path] = {}
    for layer in ("base", "example") if example else ("base",):
        base = SCAFFOLD / layer
        for path in sorted(base.rglob("*")):
            parts = path.relative_to(base).parts
            # Real dotfiles are stored as dot-*; a name starting with "." is a tool's cache (ruff, pytest), never ours.
            if path.is_file() and "__pycache__" not in parts and not any(part.startswith(".") for part in parts):
                files[target_name(path.relative_to(base))] = path
    return files


def check_options(options: Options, today: dt.date) -> None:
    """Every problem with the options at once, through the engine's own models."""
    from pydantic import ValidationError

    from engagement_playbooks.models.common import Context
    from engagement_playbooks.models.department import Department

    problems: list[str] = []
    for flag, value in (("--name", options.name), ("--short-name", options.short_name)):
        if not value.strip():
            problems.append(f"{flag} must not be empty")
        elif bad := sorted(set(value) & _NOT_IN_HTML):
            problems.append(f"{flag} {value!r} cannot contain {' '.join(bad)}: the theme shows it as HTML")
    for flag, value in (("--site-url", options.site_url), ("--repo-url", options.repo_url)):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(f"{flag} {value!r} must be a web address starting with https://")
    if not options.site_url.endswith("/"):
        problems.append(f"--site-url {options.site_url!r} must end with /")
    for flag, value in vars(options).items():
        if isinstance(value, str) and ("\n" in value or "\r" in value):
            problems.append(f"--{flag.replace('_', '-')} must be one line")
    department = {
        "name": options.name or "x",
        "short_name": options.short_name or "x",
        "non_emergency_phone": options.phone,
        "phone_region": options.phone_region,
        "default_review_every": "12 months",
        "districts": [{"id": "citywide", "name": "Citywide"}],
        "partner_categories": [{"id": "other", "name": "Other"}],
        "tags": ["Partners"],
        "owners": [{"id": "team", "name": "Team", "email": options.email}],
    }
    try:
        Department.model_validate(department, context=Context(today=today, phone_region=options.phone_region))
    except ValidationError as error:
        flags = {"non_emergency_phone": "--phone", "phone_region": "--phone-region", "owners": "--email"}
        for detail in error.errors():
            flag = flags.get(str(detail["loc"][0]), str(detail["loc"][0]))
            problems.append(f"{flag}: {detail['msg'].removeprefix('Value error, ')}")
    if problems:
        raise NewSiteError("; ".join(problems))


def create_site(directory: Path, options: Options, today: dt.date | None = None) -> list[Path]:
    """Write the new site into `directory`; raise NewSiteError (and write nothing) if anything is wrong."""
    today = today or dt.date.today()
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise NewSiteError(f"{directory} already exists and is not empty; choose a new folder")
    check_options(options, today)
    found = values(options, today)
    rendered = {
        target: fill(source.read_text(encoding="utf-8"), found, str(source)) for target, source in scaffold_files(options.example).items()
    }
    written: list[Path] = []
    for target, text in sorted(rendered.items()):
        path = directory / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if target.as_posix() in EXECUTABLE:
            path.chmod(0o755)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks new-site", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, help="the new site's folder (must not exist, or be empty)")
    parser.add_argument("--name", required=True, help='the department\'s full name, such as "Harbor City Police Department"')
    parser.add_argument("--short-name", required=True, help="its short name or initials, such as HCPD")
    parser.add_argument("--site-url", required=True, help="where the public site will live, such as https://example.org/hcpd/playbooks/")
    parser.add_argument("--repo-url", required=True, help="the site's repository, such as https://github.com/harbor-city-pd/playbooks")
    parser.add_argument("--phone", default=DEFAULT_PHONE, help=f"the non-emergency phone number (default: {DEFAULT_PHONE})")
    parser.add_argument("--phone-region", default="US", help="two-letter country code for phone numbers (default: US)")
    parser.add_argument("--email", default=DEFAULT_EMAIL, help=f"email of the team that owns the pages (default: {DEFAULT_EMAIL})")
    parser.add_argument(
        "--engine-spec",
        default="",
        help="the engine's whole line in requirements.txt, such as engagement-playbooks==1.0.0 or an absolute path to a local copy "
        f"(default: {default_engine_spec()})",
    )
    parser.add_argument("--example", action="store_true", help="add an example play, partner and checklist, each marked as an example")
    args = parser.parse_args(argv)
    options = Options(
        name=args.name.strip(),
        short_name=args.short_name.strip(),
        site_url=args.site_url.strip(),
        repo_url=args.repo_url.strip(),
        phone=args.phone.strip(),
        phone_region=args.phone_region.strip().upper(),
        email=args.email.strip(),
        engine_spec=args.engine_spec.strip(),
        example=args.example,
    )
    try:
        written = create_site(args.directory, options)
    except NewSiteError as error:
        print(f"new-site: {error}", file=sys.stderr)
        return 1
    print(f"Created {len(written)} files in {args.directory}. Next:")
    print(f"  cd {args.directory}")
    print("  git init && git add -A && git commit -m 'New playbooks site'   # 'last updated' dates come from git")
    print("  make serve     # preview at http://127.0.0.1:8000")
    print("  make test      # check the data and build both editions")
    print("Then edit data/department.yml first: see README.md, 'What to edit first'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
