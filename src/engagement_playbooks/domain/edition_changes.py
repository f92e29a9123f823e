"""What changed in one issued edition (or since the last one): the pages, checklists and partners, each
with one-line reasons taken from the commit subjects.

The public rules of the history (domain/history.py) apply, and are stricter here because data files are
listed too:
- a page is listed only when this edition shows it; a checklist or partner only when it still exists;
- a partner is listed only when what this edition shows of it changed (the public edition compares the
  records without their internal contacts), so a change to an internal contact is never seen;
- the public edition shows a commit's subject only when everything the commit touched is a page or a
  checklist it shows; otherwise the reason is "Updated", because the subject may describe the rest
  (partners.yml holds internal contacts, so its commits always read "Updated").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement_playbooks.domain.history import SUBJECT_HIDDEN
from engagement_playbooks.readers.git_log import Commit

PARTNERS_FILE = "partners.yml"
CHECKLISTS_FOLDER = "checklists"

# A revision -> the partners' records by id at that revision (None where the file did not exist).
PartnersAt = Callable[[str], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Changed:
    key: str  # a docs-relative page path, a checklist id or a partner id
    reasons: tuple[str, ...]  # newest first, each once


@dataclass(frozen=True)
class EditionChanges:
    pages: tuple[Changed, ...] = ()
    checklists: tuple[Changed, ...] = ()
    partners: tuple[Changed, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.pages or self.checklists or self.partners)

    def reasons_for_page(self, path: str) -> tuple[str, ...]:
        return next((changed.reasons for changed in self.pages if changed.key == path), ())


def public_view(record: Any) -> Any:
    """A partner's raw record as the public edition shows it: without its internal contacts."""
    if not isinstance(record, dict):
        return record
    contacts = record.get("contacts")
    if isinstance(contacts, list):
        record = {**record, "contacts": [c for c in contacts if not isinstance(c, dict) or c.get("visibility") == "public"]}
    return record


@dataclass(frozen=True)
class Sources:
    """Where the site's files are, and what this edition shows now."""

    docs_dir: Path
    data_dir: Path
    shows_page: Callable[[str], bool]  # docs-relative path
    checklist_ids: Collection[str]
    partner_ids: Collection[str]
    public: bool


def edition_changes(commits: Sequence[Commit], sources: Sources, partners_at: PartnersAt) -> EditionChanges:
    """Everything `commits` (newest first: one edition's commits) changed that this edition shows."""
    docs, data = sources.docs_dir.resolve(), sources.data_dir.resolve()
    checklist_folder, partners_file = data / CHECKLISTS_FOLDER, data / PARTNERS_FILE
    pages: dict[str, list[str]] = {}
    checklists: dict[str, list[str]] = {}
    partners: dict[str, list[str]] = {}
    for commit in commits:
        shown_pages = [p for p in _pages(commit.files, docs) if sources.shows_page(p)]
        shown_checklists = [
            f.stem
            for f in commit.files
            if f.parent == checklist_folder and f.suffix in (".yml", ".yaml") and f.stem in sources.checklist_ids
        ]
        changed_partners = _partners(commit.sha, partners_at, sources) if partners_file in commit.files else []
        shown = len(shown_pages) + len(shown_checklists)
        subject = SUBJECT_HIDDEN if sources.public and shown < len(commit.files) else commit.subject
        for found, keys in ((pages, shown_pages), (checklists, shown_checklists), (partners, changed_partners)):
            for key in keys:
                reasons = found.setdefault(key, [])
                if subject not in reasons:
                    reasons.append(subject)
    return EditionChanges(_sorted(pages), _sorted(checklists), _sorted(partners))


def _pages(files: Iterable[Path], docs: Path) -> Iterable[str]:
    for file in files:
        if file.suffix == ".md" and file.is_relative_to(docs):
            yield file.relative_to(docs).as_posix()


def _partners(sha: str, partners_at: PartnersAt, sources: Sources) -> list[str]:
    """The partners whose shown record this commit changed (added, edited or, if they still exist, re-added)."""
    before, after = partners_at(f"{sha}^") or {}, partners_at(sha) or {}
    view = public_view if sources.public else (lambda record: record)
    return sorted(key for key in after if key in sources.partner_ids and view(after[key]) != view(before.get(key)))


def _sorted(found: Mapping[str, list[str]]) -> tuple[Changed, ...]:
    return tuple(Changed(key, _reasons(reasons)) for key, reasons in sorted(found.items()))


def _reasons(reasons: list[str]) -> tuple[str, ...]:
    """The subjects, with "Updated" only when nothing more telling is there."""
    told = [reason for reason in reasons if reason != SUBJECT_HIDDEN]
    return tuple(told) or (SUBJECT_HIDDEN,)
