"""The editor's JavaScript in Chromium: Decap with our formats, widgets, pickers and preview, on a test page
served from a temporary folder, with Decap's test-repo backend holding copies of the repository's files
(window.repoFiles) and the admin page's Content-Security-Policy. No engine build, no editing server."""

from __future__ import annotations

import difflib
import json
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from support import ROOT, serve

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.editor.assets import POLICY, SCRIPTS, STYLES
from engagement_playbooks.editor.config import EditorSite, Section, decap_config
from engagement_playbooks.macros.registry import pickers
from engagement_playbooks.models import rules
from engagement_playbooks.readers.yaml_source import _Loader as EngineLoader

pytestmark = pytest.mark.browser

ASSETS = ROOT / "src" / "engagement_playbooks" / "assets"
MESSAGES = {"required": rules.REQUIRED}
PICKERS = pickers()  # the macro registry's, as the build hands them to the editor
# The repository's files the test backend holds (Decap lists a folder collection's files from a top-level key
# named after the folder, and reads and writes each file through the nested folders: repo.js links the two).
FOLDERS = ("data/checklists", "docs/forums")
FILES = ("data/partners.yml", "data/department.yml", "data/glossary.yml", "data/synonyms.yml")
DATA_FILES = [*FILES, *(f"data/checklists/{path.name}" for path in sorted((ROOT / "data/checklists").glob("*.yml")))]


def engine_load(text: str) -> Any:
    """YAML as the engine reads it (dates stay text)."""
    return yaml.load(text, Loader=EngineLoader)


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    site = Snapshot.load(ROOT, ROOT / "docs", "public")
    catalog = site.catalog
    editor = EditorSite(
        department=catalog.department,
        checklists=catalog.checklists,
        partners={key: partner.name for key, partner in catalog.partners.items()},
        sections=[Section("forums", "Community forums")],
        pickers=PICKERS,
        backend=None,  # Decap's test-repo backend: saves go to window.repoFiles
    )
    return decap_config(editor)


def repo_files() -> dict[str, Any]:
    tree: dict[str, Any] = {}
    paths = [*FILES, *(str(path.relative_to(ROOT)) for folder in FOLDERS for path in sorted((ROOT / folder).iterdir()))]
    for path in paths:
        node = tree
        *folders, name = path.split("/")
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = {"path": path, "content": (ROOT / path).read_text(encoding="utf-8")}
    return tree


def admin_page(scripts: list[str]) -> str:
    tags = "\n".join(f'<script src="{src}"></script>' for src in scripts)
    styles = "\n".join(f'<link rel="stylesheet" href="../assets/playbooks/{href}">' for href in STYLES)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY.format(git_host="")}">
<title>Editor</title>
{styles}
<script type="application/json" id="ep-editor">{json.dumps({"messages": MESSAGES, "today": "2026-12-06"})}</script>
</head><body>
{tags}
</body></html>
"""


@pytest.fixture(scope="module")
def site_url(config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ASSETS, root / "assets" / "playbooks")
    admin = root / "admin"
    admin.mkdir()
    (admin / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (admin / "repo.js").write_text(
        "window.cspViolations = [];\n"
        "document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));\n"
        f"window.repoFiles = {json.dumps(repo_files())};\n"
        f"for (const folder of {json.dumps(FOLDERS)}) "
        "window.repoFiles[folder] = folder.split('/').reduce((node, part) => node[part], window.repoFiles);\n",
        encoding="utf-8",
    )
    scripts = ["repo.js", *(f"../assets/playbooks/{src}" for src in SCRIPTS)]
    (admin / "index.html").write_text(admin_page(scripts), encoding="utf-8")
    units = [f"../assets/playbooks/{src}" for src in SCRIPTS if not src.endswith(("decap-cms.js", "main.js"))]
    (admin / "units.html").write_text(admin_page(units), encoding="utf-8")  # the pure functions, without Decap
    with serve(root) as url:
        yield url


@pytest.fixture
def units(site_url: str, page: Any) -> Any:
    """The editor's scripts without Decap, for their pure functions."""
    page.goto(site_url + "admin/units.html")
    page.wait_for_function("window.EP && window.EP.preview")
    return page


REPR_CASES = [
    "food-bank",
    "it's",
    'say "hi"',
    "both ' and \"",
    "back\\slash",
    "tab\there\nnew",
    "\x00\x7f\x85",
    "caf\u00e9 \u00a0",
    "\u200b\u2028",
    "\U0001f600 \ud800",
    "",
]
CLOSE_CASES = [
    ("youht", ["youth", "schools", "seniors", "faith"]),
    ("helth", ["health", "mental-health", "faith"]),
    ("zzz", ["youth", "schools"]),
    ("Shools", ["Schools", "Events", "Forums", "Follow-up"]),
    ("ab", ["ba", "ab", "abc", "abd"]),
    ("a" * 250 + "b", ["a" * 240 + "b" * 10, "a" * 251]),  # long enough for autojunk
]


def test_repr_is_python_repr(units: Any) -> None:
    assert units.evaluate("cases => cases.map(EP.rules.repr)", REPR_CASES) == [repr(case) for case in REPR_CASES]


def test_close_matches_are_difflibs(units: Any) -> None:
    for word, options in CLOSE_CASES:
        for n, cutoff in ((1, 0.6), (3, 0.0)):
            expected = difflib.get_close_matches(word, sorted(options), n=n, cutoff=cutoff)
            assert units.evaluate("([w, o, n, c]) => EP.rules.getCloseMatches(w, o, n, c)", [word, sorted(options), n, cutoff]) == expected
        ratios = [difflib.SequenceMatcher(None, option, word).ratio() for option in options]
        assert units.evaluate("([w, o]) => o.map((x) => new EP.rules.SequenceMatcher(x, w).ratio())", [word, options]) == ratios


def check(units: Any, rules_: list[dict[str, Any]], value: Any, today: str = "2026-12-06") -> str | None:
    return units.evaluate("([r, v, t]) => EP.rules.check(r, v, t)", [rules_, value, today])  # type: ignore[no-any-return]


def test_rules_refuse_in_the_checks_words(units: Any) -> None:
    categories = ["food-housing", "health", "youth", "schools"]
    choice = rules.choice_rule("partner category", categories)
    for value in ("youht", "Health", "it's new", "zzz"):
        assert check(units, [choice], value) == rules.choice_message("partner category", value, categories)
    assert check(units, [choice], ["youth", "scools"]) == rules.choice_message("partner category", "scools", categories)
    assert check(units, [choice], "youth") is None
    slug = rules.SLUG.editor_rule()
    with pytest.raises(ValueError) as refused:
        rules.SLUG("Food Bank")
    assert check(units, [slug], "Food Bank") == str(refused.value)
    assert check(units, [rules.Range(1, 60).editor_rule()], 61) == rules.RANGE.format(value=61, min=1, max=60)
    past = {"kind": "past_date", "message": rules.PAST_DATE}
    assert check(units, [past], "2026-12-07") == rules.PAST_DATE.format(value="'2026-12-07'", today="2026-12-06")
    assert check(units, [past], "2026-12-06") is None
    assert check(units, [{"kind": "min_items", "min": 1, "message": "needs at least {min} item"}], []) == "needs at least 1 item"
    phone = {"kind": "phone", "region": "US", "message": rules.PHONE}
    assert check(units, [phone], "555-01") == rules.PHONE.format(value="'555-01'", region="US")
    partners = yaml.safe_load((ROOT / "data/partners.yml").read_text(encoding="utf-8"))["partners"]
    numbers = [p["phone"] for p in partners] + [c["phone"] for p in partners for c in p.get("contacts", []) if "phone" in c]
    assert units.evaluate("([r, ns]) => ns.filter((n) => EP.rules.check([r], n))", [phone, numbers]) == []
    assert check(units, [phone], "(217) 555-0101 ext. 3") is None


def source_fields(config: dict[str, Any], path: str) -> list[dict[str, Any]]:
    for collection in config["collections"]:
        for part in collection.get("files", [collection]):
            if part.get("file") == path or (part.get("folder") and path.startswith(part["folder"] + "/")):
                return part["fields"]  # type: ignore[no-any-return]
    raise AssertionError(path)


SAVE = """([config, text, names, edit]) => {
  const format = EP.formats.formats(config)[edit.format || 'ep-yaml'];
  const data = format.fromFile(text);
  if (edit.js) new Function('data', edit.js)(data);
  return format.toFile(JSON.parse(JSON.stringify(data)), names);
}"""


def save(units: Any, config: dict[str, Any], path: str, edit: str = "") -> str:
    text = (ROOT / path).read_text(encoding="utf-8")
    names = [field["name"] for field in source_fields(config, path)]
    form = "ep-frontmatter" if path.endswith(".md") else "ep-yaml"
    return units.evaluate(SAVE, [config, text, names, {"js": edit, "format": form}])  # type: ignore[no-any-return]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_unchanged_files_save_byte_for_byte(units: Any, config: dict[str, Any]) -> None:
    pages = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "docs").rglob("*.md"))]
    for path in [*DATA_FILES, *pages]:
        assert save(units, config, path) == (ROOT / path).read_text(encoding="utf-8"), path


NEW_PARTNER = {
    "id": "smith-oneil-youth-works",
    "name": "Smith & O'Neil Youth Works",
    "category": "youth",
    "offers": "After-school jobs: yes, paid.",
    "referral": "Call the front desk: #2 on the menu.",
    "districts": ["downtown", "riverside"],
    "phone": "(217) 555-0199 ext. 3",
    "tags": ["Youth", "Jobs"],
    "last_verified": "2026-11-30",
    "hours": "yes",
    "address": "2026-01-05",
}


def test_one_checklist_item_changes_one_line(units: Any, config: dict[str, Any]) -> None:
    path = "data/checklists/forum-planning.yml"
    before = (ROOT / path).read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    items = data.get("items") or data["sections"][0]["items"]
    where = "data.items" if "items" in data else "data.sections[0].items"
    after = save(units, config, path, f"{where}[1].text = 'Book the room: a new text, #1';")
    assert changed_lines(before, after) == [
        f"-{next(line for line in before.splitlines() if items[1]['text'] in line)}",
        f"+{next(line for line in after.splitlines() if 'a new text' in line)}",
    ]
    reread = yaml.safe_load(after)
    assert (reread.get("items") or reread["sections"][0]["items"])[1]["text"] == "Book the room: a new text, #1"


def test_a_new_partner_adds_only_its_lines(units: Any, config: dict[str, Any]) -> None:
    path = "data/partners.yml"
    before = (ROOT / path).read_text(encoding="utf-8")
    after = save(units, config, path, f"data.partners.push({json.dumps(NEW_PARTNER)});")
    assert after.startswith(before)
    added = after[len(before) :]
    assert engine_load(after)["partners"][-1] == NEW_PARTNER  # text stays text: 'yes', '#', ': '
    assert yaml.safe_load(after)["partners"][-1]["address"] == "2026-01-05"  # a date in a text field is quoted
    assert "    last_verified: 2026-11-30\n" in added  # a date field is not
    assert added.count("Smith & O'Neil Youth Works") == 1
    assert "    districts: [downtown, riverside]\n" in added  # flow lists, as the file writes them
    assert added.startswith("\n  - id: smith-oneil-youth-works\n")  # a blank line before it, like its siblings
    keys = [line.strip().removeprefix("- ").split(":")[0] for line in added.splitlines()[1:]]
    order = [field["name"] for field in source_fields(config, path)[0]["fields"]]
    assert keys == [name for name in order if name in NEW_PARTNER]  # in the form's order


def test_removing_and_clearing(units: Any, config: dict[str, Any]) -> None:
    path = "data/partners.yml"
    before = (ROOT / path).read_text(encoding="utf-8")
    after = save(units, config, path, "data.partners.splice(1, 1); data.partners[0].email = ''; data.partners[0].address = null;")
    old = yaml.safe_load(before)["partners"]
    new = yaml.safe_load(after)["partners"]
    assert new[1:] == old[2:]
    assert "email" not in new[0] and "address" not in new[0]
    assert new[0] == {key: value for key, value in old[0].items() if key not in ("email", "address")}
    assert [line for line in changed_lines(before, after) if line.startswith("+")] == []  # lines taken out, none rewritten


def test_new_entries_are_plain_block_yaml(units: Any, config: dict[str, Any]) -> None:
    fields = source_fields(config, "data/checklists/x.yml")
    names = [field["name"] for field in fields]
    data = {"items": [{"text": "on", "id": "one"}], "title": "No: really", "id": "new-list", "audience": ["officer"]}
    text = units.evaluate("([config, data, names]) => EP.formats.formats(config)['ep-yaml'].toFile(data, names)", [config, data, names])
    assert engine_load(text) == data
    assert text == 'id: new-list\ntitle: "No: really"\naudience:\n  - officer\nitems:\n  - id: one\n    text: "on"\n'  # form order


# The form, through Decap's test backend: a value from a file that the form's rules refuse.
def open_editor(page: Any, site_url: str, route: str, before: str = "") -> None:
    """The editor at `route` (after `before`, a script that changes window.repoFiles), signed in."""
    page.set_default_timeout(10_000)
    page.goto(site_url + "admin/")
    page.get_by_role("button", name="Login").click()
    if before:
        page.evaluate(before)
    page.goto(site_url + "admin/#/collections/" + route)


def publish(page: Any) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def repo_file(page: Any, path: str) -> str | None:
    return page.evaluate(  # type: ignore[no-any-return]
        "path => { const file = path.split('/').reduce((node, part) => node && node[part], window.repoFiles); return file ? file.content : null; }",
        path,
    )


def expand_first(page: Any) -> None:
    page.locator("[class*=StyledListItemTopBar] button").first.click()


def test_an_unknown_category_from_a_file_is_refused_in_the_checks_words(site_url: str, page: Any, config: dict[str, Any]) -> None:
    tamper = "window.repoFiles.data['partners.yml'].content = window.repoFiles.data['partners.yml'].content.replace('category: food-housing', 'category: youht')"
    open_editor(page, site_url, "partners/entries/partners", tamper)
    expand_first(page)
    name = page.get_by_label("Name", exact=True).first
    name.fill(name.input_value() + " (new hours)")  # any change, so that Decap offers to save
    publish(page)
    errors = page.locator("[class*=ControlErrorsList] li")
    errors.first.wait_for()
    shown = [str(text).strip() for text in errors.all_text_contents()]  # as written (the theme shows them in capitals)
    categories = [option["value"] for option in source_fields(config, "data/partners.yml")[0]["fields"][2]["options"]]
    assert rules.choice_message("partner category (see data/department.yml)", "youht", categories) in shown
    assert "youht" in (repo_file(page, "data/partners.yml") or "")  # nothing was saved
    assert page.evaluate("window.cspViolations") == []
