"""Turn pydantic's validation errors into problems a trainer can act on."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from engagement_playbooks.models import rules
from engagement_playbooks.models.common import Context
from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.readers.yaml_source import Loc, YamlDocument, format_loc

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], document: YamlDocument, context: Context) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(document.data, context=context), []
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc: Loc = tuple(detail["loc"])
            problems.append(Problem(document.path, document.line_of(loc), format_loc(loc), describe(detail, model)))
        return None, problems


def describe(detail: Any, model: type[BaseModel]) -> str:
    kind, message, value = detail["type"], detail["msg"], detail.get("input")
    loc = tuple(detail["loc"])
    # An empty text or list is missing too: the editor's forms say the same of an empty field.
    if kind == "missing" or (kind in ("too_short", "string_too_short") and value in ("", [])):
        return rules.REQUIRED
    if kind == "literal_error":
        options = _literal_options(model, loc)
        if options:
            return rules.choice_message("choice", str(value), options)
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"is not a known field; {hint}allowed fields: {', '.join(allowed)}"
    if kind == "value_error":
        message = str(message).removeprefix("Value error, ")
        # Our own messages quote the value; library ones (email-validator) may not.
        return message if repr(value) in message or str(value) in message else f"got {value!r}; {message}"
    if kind == "model_type" and not loc:
        return f"expected a mapping of fields, got {type(value).__name__}"
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return f"got {shown}; expected: {message}"


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """Field names allowed at `loc`, following the models' annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return set()
        current = inner_model(current.model_fields[part].annotation)
    return set(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else set()


def _literal_options(model: type[BaseModel], loc: Loc) -> list[str]:
    """The allowed values of the Literal field at `loc` (a list item's too)."""
    current: Any = model
    annotation: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        annotation = current.model_fields[part].annotation
        current = inner_model(annotation)
    return [str(option) for option in _literals(annotation)]


def _literals(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    return next((found for arg in typing.get_args(annotation) if (found := _literals(arg))), ())


def inner_model(annotation: Any) -> Any:
    """The model inside an annotation such as `list[Contact]` or `Contact | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = inner_model(arg)
        if inner is not None:
            return inner
    return None


def duplicates(document: YamlDocument, items: list[Any], loc: Loc, key: str, what: str) -> list[Problem]:
    """One problem for each repeated `key` among `items` (found at document path `loc`)."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            where = (*loc, index, key)
            problems.append(
                Problem(
                    document.path,
                    document.line_of(where),
                    format_loc(where),
                    f"{value!r} is already used by {what} {format_loc((*loc, seen[value]))}; {key}s must be unique",
                )
            )
        else:
            seen[value] = index
    return problems
