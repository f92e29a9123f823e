"""Load and check every data file at once, collecting every problem."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement_playbooks.models.checklists import Checklist
from engagement_playbooks.models.common import Context
from engagement_playbooks.models.department import Department
from engagement_playbooks.models.glossary import Glossary
from engagement_playbooks.models.partners import Partner, PartnerFile
from engagement_playbooks.models.synonyms import Synonym, SynonymFile
from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.readers.yaml_source import YamlDocument, format_loc, load_yaml
from engagement_playbooks.validation.validate import duplicates, validate


@dataclass(frozen=True)
class Catalog:
    department: Department
    partners: dict[str, Partner]  # in file order
    checklists: dict[str, Checklist]  # sorted by id
    glossary: Glossary
    context: Context
    partner_places: dict[str, tuple[str, int | None]]  # partner id -> (file, line of its last_verified), for messages

    def internal_details(self) -> frozenset[str]:
        """Phone numbers and emails that only internal contacts have: the public build must hold none of them."""

        def details(contact: Any) -> set[str]:
            found = {str(contact.email)} if contact.email else set()
            if contact.phone:
                found |= {contact.phone.national, contact.phone.e164}
            return found

        public: set[str] = set()
        internal: set[str] = set()
        for partner in self.partners.values():
            public |= details(partner)
            for contact in partner.contacts:
                (internal if contact.visibility == "internal" else public).update(details(contact))
        return frozenset(internal - public)

    synonyms: tuple[Synonym, ...] = ()  # data/synonyms.yml, for search

    def for_edition(self, internal: bool) -> Catalog:
        """The data one edition may see. The public edition's catalog holds no internal contact at all."""
        partners = {key: partner.for_edition(internal) for key, partner in self.partners.items()}
        return Catalog(self.department, partners, self.checklists, self.glossary, self.context, self.partner_places, self.synonyms)


DEPARTMENT_FILE = "department.yml"  # in the data folder


def load_department(root: Path, data: Path, today: dt.date) -> tuple[Department | None, list[Problem]]:
    """data/department.yml, checked: the one reader of it (everything else is checked against its lists)."""
    path = data / DEPARTMENT_FILE
    shown = _shown(path, root)
    if not path.exists():
        return None, [Problem(shown, None, "", "is missing; every build needs it")]
    document, problems = load_yaml(path, shown)
    if document is None:
        return None, problems or [Problem(shown, None, "", "is missing")]
    raw = document.data if isinstance(document.data, dict) else {}
    region = str(raw.get("phone_region") or "US")
    department, found = validate(Department, document, Context(today=today, phone_region=region))
    problems += found
    if department is None:
        return None, problems
    for key, label in (("districts", "district"), ("partner_categories", "category"), ("owners", "owner"), ("sign_off_roles", "role")):
        problems.extend(duplicates(document, getattr(department, key), (key,), "id", label))
    return department, problems


def load_catalog(root: Path, data: Path, pages: frozenset[str], today: dt.date) -> tuple[Catalog | None, list[Problem]]:
    """Every data file under `data` (shown relative to `root` in messages), checked against each other."""
    problems: list[Problem] = []

    def load(path: Path) -> YamlDocument | None:
        document, found = load_yaml(path, _shown(path, root))
        problems.extend(found)
        if document is None and not found:
            problems.append(Problem(_shown(path, root), None, "", "is missing"))
        return document

    department, found = load_department(root, data, today)
    problems.extend(found)
    if department is None:
        return None, problems  # everything else is checked against its lists

    context = Context(
        today=today,
        phone_region=department.phone_region,
        categories=frozenset(c.id for c in department.partner_categories),
        districts=frozenset(d.id for d in department.districts),
        tags=frozenset(department.tags),
        owners=frozenset(o.id for o in department.owners),
        sign_off_roles=frozenset(r.id for r in department.sign_off_roles),
        pages=pages,
    )

    partners: dict[str, Partner] = {}
    places: dict[str, tuple[str, int | None]] = {}
    partners_path = data / "partners.yml"
    if partners_path.exists() and (document := load(partners_path)):
        partner_file, found = validate(PartnerFile, document, context)
        problems.extend(found)
        if partner_file:
            problems.extend(duplicates(document, partner_file.partners, ("partners",), "id", "partner"))
            partners = {p.id: p for p in partner_file.partners}
            places = {
                p.id: (document.path, document.line_of(("partners", i, "last_verified"))) for i, p in enumerate(partner_file.partners)
            }

    checklists: dict[str, Checklist] = {}
    for path in sorted((data / "checklists").glob("*.y*ml")):
        document = load(path)
        if document is None:
            continue
        checklist, found = validate(Checklist, document, context)
        problems.extend(found)
        if checklist is None:
            continue
        if checklist.id != path.stem:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("id",)),
                    "id",
                    f"{checklist.id!r} must match the file name; rename the file to {checklist.id}.yml or set id: {path.stem}",
                )
            )
        problems.extend(_item_duplicates(document, checklist))
        if checklist.id in checklists:
            problems.append(Problem(document.path, document.line_of(("id",)), "id", f"{checklist.id!r} is used by another checklist file"))
        checklists[checklist.id] = checklist

    glossary = Glossary.model_construct(terms=[])
    glossary_path = data / "glossary.yml"
    if glossary_path.exists() and (document := load(glossary_path)):
        loaded, found = validate(Glossary, document, context)
        problems.extend(found)
        if loaded:
            glossary = loaded
            with_abbr = [t for t in loaded.terms if t.abbr]
            problems.extend(duplicates(document, with_abbr, ("terms",), "abbr", "term"))

    synonyms: tuple[Synonym, ...] = ()
    synonyms_path = data / "synonyms.yml"
    if synonyms_path.exists() and (document := load(synonyms_path)):
        synonym_file, found = validate(SynonymFile, document, context)
        problems.extend(found)
        if synonym_file:
            synonyms = tuple(synonym_file.synonyms)
            problems.extend(_repeated_words(document, synonym_file))

    if problems:
        return None, problems
    return Catalog(department, partners, checklists, glossary, context, places, synonyms), []


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _repeated_words(document: YamlDocument, synonym_file: SynonymFile) -> list[Problem]:
    """A word belongs to one group, so a trainer edits its meanings in one place."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for g, group in enumerate(synonym_file.synonyms):
        for w, word in enumerate(group.words):
            where = ("synonyms", g, "words", w)
            key = word.lower()
            if key in seen:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(where),
                        format_loc(where),
                        f"{word!r} is already listed at {seen[key]}; keep it in one group",
                    )
                )
            else:
                seen[key] = format_loc(where)
    return problems


def _item_duplicates(document: YamlDocument, checklist: Checklist) -> list[Problem]:
    """Item ids are unique across the whole checklist, sections included, because progress is keyed by them."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    places = (
        [(("items", i), item) for i, item in enumerate(checklist.items)]
        if checklist.items
        else [(("sections", s, "items", i), item) for s, section in enumerate(checklist.sections) for i, item in enumerate(section.items)]
    )
    for loc, item in places:
        where = (*loc, "id")
        if item.id in seen:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(where),
                    format_loc(where),
                    f"{item.id!r} is already used by {seen[item.id]}; item ids must be unique in a checklist",
                )
            )
        else:
            seen[item.id] = format_loc(loc)
    return problems
