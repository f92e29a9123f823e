"""The editor's Decap CMS configuration (admin/config.yml), generated at build time, never kept by hand.

Collections follow the site: one for each section of docs/ (its plays and pages), the other pages,
the updates (the blog's posts), and one for each data file: partners, checklists, glossary, search
synonyms and the department's settings. Their forms come from the models (editor/fields.py), their
select options from department.yml, and the macro pickers from the engine's macro list. Everything in
it is what the edition may show: a public build's editor names no staff-only section, page or contact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from engagement_playbooks.editor.fields import Choices, Field, model_fields, select
from engagement_playbooks.models.checklists import Checklist
from engagement_playbooks.models.department import Department
from engagement_playbooks.models.glossary import Glossary
from engagement_playbooks.models.page import PLAY_HEADINGS, PageMeta
from engagement_playbooks.models.partners import PartnerFile
from engagement_playbooks.models.synonyms import SynonymFile

# Front matter fields only the blog's posts use, and those only plays use.
POST_ONLY = frozenset({"date", "authors", "categories", "draft", "pin"})
PAGE_ONLY = frozenset({"type", "owner", "last_reviewed", "review_every", "tags", "keywords"})


@dataclass(frozen=True)
class Section:
    folder: str  # under docs/, such as "forums"
    title: str  # as the site's navigation names it


@dataclass(frozen=True)
class Backend:
    """Where saves go: the site's repository on GitHub or GitLab (see `backend_of`)."""

    name: str  # github or gitlab
    repo: str  # owner/name (GitLab: group/subgroup/name)
    branch: str = "main"
    base_url: str | None = None  # GitHub: the department's own OAuth server; GitLab: its address when self-hosted
    auth_endpoint: str | None = None
    app_id: str | None = None  # GitLab: the OAuth application's id, for sign-in with PKCE (no server needed)
    api_root: str | None = None  # GitLab or GitHub Enterprise on the department's own server

    def config(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "repo": self.repo, "branch": self.branch}
        if self.name == "gitlab" and self.app_id:
            found |= {"auth_type": "pkce", "app_id": self.app_id}
        for key in ("base_url", "auth_endpoint", "api_root"):
            value = getattr(self, key)
            if value:
                found[key] = value
        return found


@dataclass(frozen=True)
class EditorSite:
    """What the editor's configuration is made from, for one edition."""

    department: Department
    checklists: Mapping[str, Checklist]
    partners: Mapping[str, str]  # id -> name, in file order
    sections: Sequence[Section]
    pickers: Sequence[Mapping[str, Any]]  # the macro list's pickers (macros/registry.py)
    backend: Backend | None
    docs_dir: str = "docs"  # relative to the repository root
    data_dir: str = "data"
    blog_dir: str | None = "updates"  # relative to docs/; None without Material's blog
    authors: Sequence[tuple[str, str]] = ()  # the blog's authors: (id, name)
    categories: Sequence[str] = ()  # the blog's allowed categories
    site_url: str | None = None
    extra_options: Mapping[str, Any] = field(default_factory=dict)  # the site's own Decap settings (plugin option editor.decap)


def choices_of(department: Department) -> Choices:
    def named(items: Iterable[Any]) -> list[tuple[str, str]]:
        return [(item.id, item.name) for item in items]

    return Choices(
        {
            "categories": named(department.partner_categories),
            "districts": named(department.districts),
            "tags": [(tag, tag) for tag in department.tags],
            "owners": named(department.owners),
            "sign_off_roles": named(department.sign_off_roles),
        },
        region=department.phone_region,
    )


def picker_options(site: EditorSite) -> dict[str, list[dict[str, str]]]:
    """The ids each kind of macro parameter takes, with the names trainers know them by."""
    department = site.department
    return {
        "checklist": [{"value": key, "label": checklist.title} for key, checklist in site.checklists.items()],
        "partner": [{"value": key, "label": name} for key, name in site.partners.items()],
        "category": [{"value": c.id, "label": c.name} for c in department.partner_categories],
        "district": [{"value": d.id, "label": d.name} for d in department.districts],
        "tag": [{"value": tag, "label": tag} for tag in department.tags],
    }


PLACEHOLDERS = {
    "checklist": "Checklist: {title}",
    "partner": "Partner card: {title}",
    "partner_table": "Table of partners ({filters})",
    "*": "Made by the site when it is built: {name}",
}


def body_field(site: EditorSite) -> Field:
    options = picker_options(site)
    macros = [
        {
            **{key: value for key, value in picker.items() if key != "params"},
            "params": [{**param, "options": options[param["kind"]]} for param in picker["params"]],
        }
        for picker in site.pickers
    ]
    return {
        "name": "body",
        "label": "Page text",
        "widget": "ep-markdown",
        "hint": "Markdown, as in every page. The Insert buttons add a checklist, a partner card or a table of partners.",
        "ep": {"macros": macros, "placeholders": PLACEHOLDERS},
    }


IMAGES = "assets/images"  # under docs/: pictures added in the editor


def _page_collection(
    name: str, label: str, folder: str, fields: list[Field], *, create: bool, description: str, docs: str
) -> dict[str, Any]:
    # MkDocs resolves a picture's address from the page's own folder: write it relative, as trainers do by hand.
    depth = folder.count("/") - docs.count("/")
    return {
        "name": name,
        "label": label,
        "label_singular": "page",
        "description": description,
        "folder": folder,
        "create": create,
        "extension": "md",
        "format": "ep-frontmatter",
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title"],
        "media_folder": f"/{docs}/{IMAGES}",
        "public_folder": "../" * depth + IMAGES,
        "fields": fields,
    }


def _data_file(name: str, label: str, path: str, model: Any, choices: Choices, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "description": description,
        "format": "ep-yaml",
        "editor": {"preview": False},
        "files": [{"name": name, "label": label, "file": path, "fields": model_fields(model, choices)}],
    }


# A new page in a section starts with the play template's headings (models/page.py), as `playbooks new-play` does.
PLAY_STARTER = "\n\n".join(f"## {heading}" for heading in PLAY_HEADINGS) + "\n"


def collections(site: EditorSite) -> list[dict[str, Any]]:
    choices = choices_of(site.department)
    body = body_field(site)
    page_fields = [*model_fields(PageMeta, choices, hidden=POST_ONLY), body]
    play_fields = [*page_fields[:-1], {**body, "default": PLAY_STARTER}]
    docs, data = site.docs_dir.rstrip("/"), site.data_dir.rstrip("/")
    found = [
        _page_collection(
            f"section-{section.folder}",
            section.title,
            f"{docs}/{section.folder}",
            play_fields,
            create=True,
            description=f"The plays and pages of the section {section.title}.",
            docs=docs,
        )
        for section in site.sections
    ]
    found.append(
        _page_collection(
            "pages",
            "Home and other pages",
            docs,
            page_fields,
            create=False,
            description="The home page and pages outside the sections.",
            docs=docs,
        )
    )
    if site.blog_dir:
        widgets: dict[str, Field] = {}
        if site.authors:
            widgets["authors"] = select(list(site.authors), "author (see the authors file)", multiple=True)
        if site.categories:
            widgets["categories"] = select([(c, c) for c in site.categories], "category of updates", multiple=True)
        post_fields = [*model_fields(PageMeta, choices, hidden=PAGE_ONLY, widgets=widgets), body]
        updates = _page_collection(
            "updates",
            "Updates",
            f"{docs}/{site.blog_dir}/posts",
            post_fields,
            create=True,
            description="What's new: posts for officers.",
            docs=docs,
        )
        found.append({**updates, "label_singular": "post", "summary": "{{date}}: {{title}}", "sortable_fields": ["date", "title"]})
    found.append(_data_file("partners", "Partners", f"{data}/partners.yml", PartnerFile, choices, "Community partners and their contacts."))
    found.append(
        {
            "name": "checklists",
            "label": "Checklists",
            "label_singular": "checklist",
            "description": "Checklists that plays show with a checklist macro.",
            "folder": f"{data}/checklists",
            "create": True,
            "extension": "yml",
            "format": "ep-yaml",
            "identifier_field": "title",
            "slug": "{{fields.id}}",
            "summary": "{{title}}",
            "editor": {"preview": False},
            "fields": model_fields(Checklist, choices),
        }
    )
    found.append(_data_file("glossary", "Glossary", f"{data}/glossary.yml", Glossary, choices, "Terms and abbreviations."))
    found.append(_data_file("synonyms", "Search synonyms", f"{data}/synonyms.yml", SynonymFile, choices, "The words officers type."))
    found.append(
        _data_file("department", "Department settings", f"{data}/department.yml", Department, choices, "Names, lists and the app.")
    )
    return found


def decap_config(site: EditorSite, *, local_url: str | None = None) -> dict[str, Any]:
    """The whole configuration. `local_url`: the address of `playbooks edit`'s API (saves go to the working tree)."""
    config: dict[str, Any] = {}
    if local_url is not None:
        config["backend"] = {"name": "proxy", "proxy_url": local_url, "branch": site.backend.branch if site.backend else "main"}
        config["local_backend"] = {"url": local_url}
    elif site.backend is not None:
        config["backend"] = site.backend.config()
        config["publish_mode"] = "editorial_workflow"  # every change is a pull request: review and CI before officers see it
    else:
        config["backend"] = {"name": "test-repo"}  # no repository host known: an editor that saves nowhere
    # "View live" opens the page on the site: the local preview when saves go to the working tree.
    shown = local_url.removesuffix("/api/v1") + "/" if local_url is not None else site.site_url
    if shown:
        config["site_url"] = config["display_url"] = shown
    config |= {
        "locale": "en",
        "media_folder": f"{site.docs_dir}/{IMAGES}",
        "public_folder": f"/{IMAGES}",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections(site),
    }
    return {**config, **site.extra_options}
