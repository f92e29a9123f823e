"""The "Data reference" page, generated from the models so it cannot drift from them."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from .models.checklists import Checklist
from .models.department import Department
from .models.glossary import Glossary
from .models.partners import PartnerFile
from .rendering import render

FILES = (
    ("data/department.yml", Department),
    ("data/partners.yml", PartnerFile),
    ("data/checklists/<id>.yml", Checklist),
    ("data/glossary.yml", Glossary),
)


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is typing.Literal:
        return " or ".join(repr(a) for a in typing.get_args(annotation))
    if args and origin is not None:
        return " or ".join(_type_name(a) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__.lower()
    return getattr(annotation, "__name__", str(annotation)).lower().replace("phonenumber", "phone number")


def _tables(title: str, model: type[BaseModel], seen: set[type[BaseModel]]) -> list[dict[str, Any]]:
    rows = []
    nested: list[type[BaseModel]] = []
    for name, info in model.model_fields.items():
        rows.append(
            {"name": name, "type": _type_name(info.annotation), "required": info.is_required(), "description": info.description or ""}
        )
        for arg in typing.get_args(info.annotation) or (info.annotation,):
            inner = [a for a in (arg, *typing.get_args(arg)) if isinstance(a, type) and issubclass(a, BaseModel)]
            nested += [m for m in inner if m not in seen]
    tables = [{"title": title, "rows": rows}]
    for sub in nested:
        if sub not in seen:
            seen.add(sub)
            tables += _tables(f"{title} › {sub.__name__.lower()}", sub, seen)
    return tables


def data_reference(site: object) -> str:
    """Every data file's fields (the same for every site and edition)."""
    tables = []
    for path, model in FILES:
        tables += _tables(path, model, {model})
    return render("data_reference.html", tables=tables)
