"""Decap CMS form fields made from the engine's models: one widget for every model field.

The form a trainer fills in is the model itself. Each field gets its widget from its type, its label
from the field's `title`, its help text from its `description`, whether it is required from the model,
and its rules (with their messages) from models/rules.py, where the checks take theirs. A field type
this module does not know is an error (UnmappedFieldError), so a new model field cannot reach the editor
without a widget.

Widgets are `ep-<base>`: Decap's built-in widget `<base>`, plus the engine's rules (the editor's
JavaScript, assets/javascripts/editor/).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from engagement_playbooks.models import rules
from engagement_playbooks.models.common import (
    Abbreviation,
    Colour,
    Email,
    MarkdownText,
    OneOf,
    PageLink,
    PastDate,
    Phone,
    Region,
    Slug,
    StalenessMonths,
    Text,
    WebUrl,
)
from engagement_playbooks.models.interval import ReviewInterval
from engagement_playbooks.models.page import PageMeta
from engagement_playbooks.models.synonyms import SearchWords

Field = dict[str, Any]

# Front matter keys of Material and mkdocs-macros that pages may carry: kept as they are on every save
# (the formats never drop a key), but never shown, because trainers do not need them.
KEPT_NOT_SHOWN: Mapping[type[BaseModel], frozenset[str]] = {
    PageMeta: frozenset({"hide", "search", "template", "icon", "status", "subtitle", "render_macros", "slug", "readtime", "links"}),
}


def _post_date(choices: Choices) -> Field:
    # Material's blog takes a date, or a mapping with created/updated: the form offers the plain date, and a
    # post whose front matter has the mapping keeps it untouched until the date is changed.
    return {"widget": "ep-datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}


# Fields whose type cannot tell their widget.
FIELD_WIDGETS: Mapping[tuple[type[BaseModel], str], Callable[[Choices], Field]] = {(PageMeta, "date"): _post_date}


class UnmappedFieldError(TypeError):
    """A model field whose type has no widget: add it to `_plain` below."""


@dataclass(frozen=True)
class Choices:
    """The controlled lists of this department (department.yml), as the form's select options."""

    lists: Mapping[str, list[tuple[str, str]]]  # Context attribute (categories, districts, ...) -> [(id, name)]
    region: str = "US"

    def options(self, allowed_of: str) -> list[tuple[str, str]]:
        return list(self.lists.get(allowed_of, []))


def _string(*found: dict[str, Any]) -> Field:
    return {"widget": "ep-string", **({"ep": {"rules": list(found)}} if found else {})}


def _pattern(rule: rules.Pattern) -> Callable[[Choices], Field]:
    return lambda choices: _string(rule.editor_rule())


def _phone(choices: Choices) -> Field:
    return _string({"kind": "phone", "region": choices.region, "message": rules.PHONE})


def _date(choices: Choices) -> Field:
    # Stored as the text YYYY-MM-DD, as trainers write dates in the data files.
    picker = {"widget": "ep-datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
    return {**picker, "ep": {"rules": [{"kind": "past_date", "message": rules.PAST_DATE}]}}


def _range(rule: rules.Range) -> Callable[[Choices], Field]:
    number = {"widget": "ep-number", "value_type": "int", "min": rule.low, "max": rule.high}
    return lambda choices: {**number, "ep": {"rules": [rule.editor_rule()]}}


# Literal values as trainers read them in a select.
LITERAL_LABELS = {
    "play": "A play",
    "public": "Everyone (public edition)",
    "internal": "Staff only (staff edition)",
    "new-hire": "New hires",
    "officer": "Officers",
    "trainer": "Trainers",
    "supervisor": "Supervisors",
    "main": "The latest approved changes (editions under archive/)",
    "latest": "The latest issued edition",
}

# The engine's field types, by identity (the same objects the models are written with).
_plain: list[tuple[Any, Callable[[Choices], Field]]] = [
    (Slug, _pattern(rules.SLUG)),
    (Text, lambda choices: _string()),
    (MarkdownText, lambda choices: {"widget": "ep-text"}),
    (Phone, _phone),
    (Email, _pattern(rules.EMAIL)),
    (WebUrl, _pattern(rules.WEB_URL)),
    (PastDate, _date),
    (PageLink, lambda choices: _string()),  # checked by `playbooks check`: the form does not know staff-only pages
    (ReviewInterval, _pattern(rules.INTERVAL)),
    (SearchWords, _pattern(rules.SEARCH_WORDS)),
    (Abbreviation, _pattern(rules.ABBREVIATION)),
    (Colour, _pattern(rules.COLOUR)),
    (Region, _pattern(rules.REGION)),
    (StalenessMonths, _range(rules.Range(1, 60))),
]


def _one_of(annotation: Any) -> OneOf | None:
    """The controlled list a type such as Category is checked against, from its validators."""
    for meta in typing.get_args(annotation)[1:] if typing.get_origin(annotation) is typing.Annotated else ():
        if isinstance(meta, AfterValidator | BeforeValidator) and isinstance(meta.func, OneOf):
            return meta.func
    return None


def _select(options: list[tuple[str, str]], multiple: bool, rule: dict[str, Any]) -> Field:
    return {
        "widget": "ep-select",
        "multiple": multiple,
        "options": [{"label": name, "value": value} for value, name in options],
        "ep": {"rules": [rule]},
    }


def widget_of(annotation: Any, choices: Choices, where: str) -> Field:
    """The widget for a type; `where` names the field in an UnmappedFieldError error."""
    for alias, make in _plain:
        if annotation == alias:
            return make(choices)
    one_of = _one_of(annotation)
    if one_of is not None:
        options = choices.options(one_of.allowed_of)
        return _select(options, False, rules.choice_rule(one_of.kind, [value for value, _ in options]))
    origin = typing.get_origin(annotation)
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if origin is typing.Annotated:
        return widget_of(args[0], choices, where)
    if origin is typing.Literal:
        values = [str(arg) for arg in typing.get_args(annotation)]
        return _select([(value, LITERAL_LABELS.get(value, value)) for value in values], False, rules.choice_rule("choice", values))
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return widget_of(args[0], choices, where)
    if origin is list and len(args) == 1:
        return _list_of(args[0], choices, where)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": model_fields(annotation, choices)}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "ep-number", "value_type": "int"}
    if annotation is str:
        return _string()
    raise UnmappedFieldError(f"{where}: no editor widget for {annotation!r}; map its type in engagement_playbooks/editor/fields.py")


def _list_of(item: Any, choices: Choices, where: str) -> Field:
    inner = widget_of(item, choices, where)
    if inner["widget"] == "ep-select":
        return {**inner, "multiple": True}  # a list of ids from department.yml: one multi-select
    if inner["widget"] == "object":
        return {"widget": "ep-list", "collapsed": True, "fields": inner["fields"], "summary": _summary(inner["fields"])}
    return {"widget": "ep-list", "field": {"name": "item", "label": "Item", **inner}}


def _summary(fields: list[Field]) -> str:
    """How a collapsed list item is named: by its name, title, term or first text field."""
    names = [str(f["name"]) for f in fields]
    for wanted in ("name", "title", "term", "text", "words"):
        if wanted in names:
            return "{{fields." + wanted + "}}"
    return "{{fields." + names[0] + "}}"


def _default(info: FieldInfo) -> Any:
    """A default a new entry starts with, where the model has a plain one (never a computed list)."""
    if info.is_required() or info.default_factory is not None:
        return None
    value = info.default
    return value if isinstance(value, str | bool | int) and value != "" else None


def model_fields(
    model: type[BaseModel], choices: Choices, *, hidden: frozenset[str] = frozenset(), widgets: Mapping[str, Field] | None = None
) -> list[Field]:
    """Every field of the model a trainer may edit, in the model's order.

    `hidden` are fields this form leaves out (a play's form has no blog date); `widgets` gives a field
    a widget its type cannot tell (the blog's authors, from the site's authors file)."""
    hidden = hidden | KEPT_NOT_SHOWN.get(model, frozenset())
    fields: list[Field] = []
    for name, info in model.model_fields.items():
        if name in hidden:
            continue
        where = f"{model.__name__}.{name}"
        if not info.title:
            raise UnmappedFieldError(f"{where}: no label; give the model field a title in the trainer's words")
        annotation = typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        own = FIELD_WIDGETS.get((model, name))
        widget = (widgets or {}).get(name) or (own(choices) if own else widget_of(annotation, choices, where))
        entry: Field = {"name": name, "label": info.title, **widget, "required": info.is_required()}
        if info.description:
            entry["hint"] = info.description
        default = _default(info)
        if default is not None:
            entry["default"] = default
        fields.append(entry)
    return fields


def select(options: list[tuple[str, str]], kind: str, *, multiple: bool = False) -> Field:
    """A select of (value, label) options, refusing any other value in the check's words for `kind`."""
    return _select(options, multiple, rules.choice_rule(kind, [value for value, _ in options]))
