"""The editor's Decap configuration, generated from the models: every field has a widget and a label, the
options come from department.yml, and a form's rule refuses a value in the words of `playbooks check`."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel
from support import ROOT

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.editor.config import Backend, EditorSite, Section, decap_config
from engagement_playbooks.editor.fields import Choices, UnmappedFieldError, model_fields
from engagement_playbooks.macros.reference import FILES
from engagement_playbooks.macros.registry import MACROS, PICKERS
from engagement_playbooks.models import rules
from engagement_playbooks.models.common import Context
from engagement_playbooks.models.page import PageMeta


@pytest.fixture(scope="module")
def site() -> Snapshot:
    return Snapshot.load(ROOT, ROOT / "docs", "public")


def editor_site(site: Snapshot, **changes: Any) -> EditorSite:
    values: dict[str, Any] = {
        "department": site.catalog.department,
        "checklists": site.catalog.checklists,
        "partners": {key: partner.name for key, partner in site.catalog.partners.items()},
        "sections": [Section("forums", "Community forums")],
        "pickers": [picker.spec() for picker in PICKERS],
        "backend": Backend("github", "riverton-pd/engagement-playbooks"),
    }
    return EditorSite(**(values | changes))


def walk(fields: list[dict[str, Any]], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for found in fields:
        where = f"{path}.{found['name']}" if path else found["name"]
        yield where, found
        yield from walk(found.get("fields", []), where)
        if "field" in found:
            yield from walk([found["field"]], where)


def all_fields(config: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for collection in config["collections"]:
        for fields in [collection.get("fields", [])] + [file["fields"] for file in collection.get("files", [])]:
            for where, found in walk(fields):
                yield collection["name"], where, found


def test_every_model_field_has_a_widget_and_a_label() -> None:
    choices = Choices({})
    for _, model in [*FILES, ("page front matter", PageMeta)]:
        for where, found in walk(model_fields(model, choices)):
            assert found["widget"], where
            assert found["label"] and found["label"] != found["name"].replace("_", " "), f"{where}: a label in the trainer's words"


def test_a_field_type_without_a_widget_fails() -> None:
    class Odd(BaseModel):
        when: dt.timedelta

    with pytest.raises(UnmappedFieldError, match=r"Odd\.when"):
        model_fields(Odd, Choices({}))


def test_collections_cover_every_kind_of_file(site: Snapshot) -> None:
    config = decap_config(editor_site(site))
    names = [collection["name"] for collection in config["collections"]]
    assert names == ["section-forums", "pages", "updates", "partners", "checklists", "glossary", "synonyms", "department"]
    files = {file["file"] for c in config["collections"] for file in c.get("files", [])}
    assert files == {"data/partners.yml", "data/glossary.yml", "data/synonyms.yml", "data/department.yml"}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "riverton-pd/engagement-playbooks", "branch": "main"}


def test_select_options_come_from_department_yml(site: Snapshot) -> None:
    department = site.catalog.department
    partners = next(c for c in decap_config(editor_site(site))["collections"] if c["name"] == "partners")
    fields = dict(walk(partners["files"][0]["fields"]))
    category = fields["partners.category"]
    assert [o["value"] for o in category["options"]] == [c.id for c in department.partner_categories]
    assert [o["label"] for o in category["options"]] == [c.name for c in department.partner_categories]
    assert fields["partners.districts"]["multiple"] is True
    assert fields["partners.phone"]["ep"]["rules"] == [{"kind": "phone", "region": "US", "message": rules.PHONE}]
    assert fields["partners.name"]["required"] is True and fields["partners.email"]["required"] is False


def test_the_pickers_offer_the_real_ids(site: Snapshot) -> None:
    config = decap_config(editor_site(site))
    body = next(f for f in config["collections"][0]["fields"] if f["name"] == "body")
    options = body["ep"]["macros"][0]["params"][0]["options"]
    assert {"value": "forum-planning", "label": site.catalog.checklists["forum-planning"].title} in options
    assert len(options) == len(site.catalog.checklists)


def _python_message(rule: dict[str, Any], value: Any) -> str:
    """The form's message for a value, formatted as the editor's JavaScript formats it (its spec)."""
    listed = rule.get("options", [])
    hint = rules.close_match(str(value), listed) if rule["kind"] == "choice" else ""
    return rule["message"].format(
        value=repr(value),
        hint=hint,
        listed=", ".join(listed),
        today=dt.date.today().isoformat(),
        **{k: rule[k] for k in ("region", "min", "max") if k in rule},
    )


BAD = {"pattern": "Not Valid!", "phone": "555-12", "choice": "nowhere", "range": 0, "past_date": "2999-01-01"}


def test_every_rule_refuses_in_the_checks_words(site: Snapshot) -> None:
    """For every rule the forms apply, the same bad value gets the same words from `playbooks check`."""
    config = decap_config(editor_site(site))
    context = site.catalog.context
    checked: set[str] = set()
    count = 0
    for collection, where, found in all_fields(config):
        for rule in found.get("ep", {}).get("rules", []):
            value = BAD[rule["kind"]]
            message = _check_message(collection, where, found, value, context)
            if message is None:
                continue
            assert message == _python_message(rule, value), f"{collection} {where}"
            checked.add(rule["kind"])
            count += 1
    assert checked == set(BAD) and count > 20, (checked, count)


def _check_message(collection: str, where: str, found: dict[str, Any], value: Any, context: Context) -> str | None:
    """What the check says of `value` in this field, by validating the model that holds it."""
    from engagement_playbooks.readers.yaml_source import YamlDocument
    from engagement_playbooks.validation.validate import validate

    models = {
        "partners": FILES[1][1],
        "checklists": FILES[2][1],
        "glossary": FILES[3][1],
        "synonyms": FILES[4][1],
        "department": FILES[0][1],
    }
    model = models.get(collection, PageMeta)
    multiple = bool(found.get("multiple")) or "field" in found
    sample = _sample(model, where.split("."), value if not multiple else [value])
    if sample is None:
        return None
    data, field = sample
    _, problems = validate(model, YamlDocument("x.yml", data), context)
    mine = [p.message for p in problems if p.field == field + ("[0]" if multiple else "")]
    return mine[0] if mine else None


def _sample(model: type[BaseModel], path: list[str], value: Any) -> tuple[Any, str] | None:
    """A minimal document holding `value` at `path` (list fields get one item), and the field's name in messages."""
    from engagement_playbooks.validation.validate import inner_model

    head, *rest = path
    info = model.model_fields.get(head)
    if info is None:
        return None
    if not rest:
        return {head: value}, head
    inner = inner_model(info.annotation)
    nested = _sample(inner, rest, value) if inner is not None else None
    if nested is None:
        return None
    many = "list" in str(info.annotation)
    return {head: [nested[0]] if many else nested[0]}, f"{head}[0].{nested[1]}" if many else f"{head}.{nested[1]}"


def test_a_public_editor_names_nothing_internal(site: Snapshot) -> None:
    text = str(decap_config(editor_site(site)))
    internal_site = Snapshot.load(ROOT, ROOT / "docs", "internal")
    for path, info in internal_site.pages.items():
        if info.internal:
            assert path not in text and str(info.meta.get("title")) not in text
    for detail in site.internal_details:
        assert detail not in text


def test_each_picker_writes_a_real_macro_with_its_real_parameters() -> None:
    for picker in PICKERS:
        parameters = inspect.signature(MACROS[picker.name]).parameters
        names = list(parameters)[1:]  # after the build's Snapshot
        assert [param.name for param in picker.params] == names, picker.name
        for param in picker.params:
            has_default = parameters[param.name].default is not inspect.Parameter.empty
            assert param.optional == has_default, f"{picker.name}({param.name})"
