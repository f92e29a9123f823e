"""The "Data reference" page, generated from the models so it cannot drift from them."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from engagement_playbooks.models.checklists import Checklist
from engagement_playbooks.models.common import (
    Abbreviation,
    Category,
    Colour,
    District,
    Email,
    PageLink,
    PastDate,
    Phone,
    Region,
    Slug,
    StalenessMonths,
    Tag,
    Text,
    WebUrl,
)
from engagement_playbooks.models.department import Department
from engagement_playbooks.models.glossary import Glossary
from engagement_playbooks.models.interval import ReviewInterval
from engagement_playbooks.models.partners import PartnerFile
from engagement_playbooks.models.synonyms import SearchWords, SynonymFile
from engagement_playbooks.rendering.context import PageContext
from engagement_playbooks.validation.validate import inner_model

PLAIN_TYPES: tuple[tuple[Any, str], ...] = (
    (Slug, "id: lowercase letters, digits and hyphens"),
    (Text, "text"),
    (Phone, "phone number (see *Phone numbers* above)"),
    (Email, "email address"),
    (WebUrl, "web address (http or https)"),
    (PastDate, "date (YYYY-MM-DD), not in the future"),
    (PageLink, "page of this site, relative to docs/"),
    (Category, "category id from department.yml"),
    (District, "district id from department.yml"),
    (Tag, "tag from department.yml"),
    (ReviewInterval, "interval, such as `6 months`"),
    (SearchWords, "word or phrase"),
    (Abbreviation, "abbreviation: 2 to 12 letters, digits, `&`, `.` or `-`"),
    (Colour, "colour: `#` and six hex digits"),
    (Region, "two-letter country code"),
    (StalenessMonths, "whole number from 1 to 60"),
)
PLAIN_BUILTINS: dict[Any, str] = {str: "text", int: "whole number", bool: "`true` or `false`"}

FILES = (
    ("data/department.yml", Department),
    ("data/partners.yml", PartnerFile),
    ("data/checklists/<id>.yml", Checklist),
    ("data/glossary.yml", Glossary),
    ("data/synonyms.yml", SynonymFile),
)


def _type_name(annotation: Any) -> str:
    """A field's type in trainers' words, such as "list of tag (from department.yml)"."""
    for alias, words in PLAIN_TYPES:
        if annotation == alias:
            return words
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in typing.get_args(annotation))
    if args and origin is not None:
        return " or ".join(_type_name(a) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "fields listed below"
    return PLAIN_BUILTINS.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _tables(path: list[str], model: type[BaseModel]) -> list[dict[str, Any]]:
    """The model's fields, then one table for each field that holds further fields (titled by its path)."""
    rows, tables = [], []
    for name, info in model.model_fields.items():
        # pydantic keeps a top-level Annotated's validators apart; put them back to recognise our field types.
        annotation = typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        rows.append({"name": name, "type": _type_name(annotation), "required": info.is_required(), "description": info.description or ""})
        inner = inner_model(info.annotation)
        if inner is not None:
            tables += _tables([*path, name], inner)
    return [{"path": path, "rows": rows}, *tables]


def data_reference(ctx: PageContext) -> str:
    """Every data file's fields (the same for every site and edition)."""
    tables = []
    for path, model in FILES:
        tables += _tables([path], model)
    return ctx.render("data_reference.html", tables=tables)
