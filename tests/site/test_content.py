"""Content quality gate: every play follows the template, content is fictional and free of filler, prose is plain.

The first half runs the rules on the real content (one test case per play or per file). The second half
feeds small bad inputs to the same functions, so each rule is shown to fail, naming the file and section.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import content_rules as rules
import pytest
from support import ROOT

from engagement_playbooks.quality import readability
from engagement_playbooks.readers.problems import Problem

DOCS, DATA = ROOT / "docs", ROOT / "data"
RULES = rules.load_rules(ROOT)
PLAYS = readability.play_files(DOCS)
CONTENT_FILES = sorted(
    path
    for folder in (DOCS, DATA)
    for path in folder.rglob("*")
    if path.is_file() and path.suffix in {".md", ".yml", ".yaml", ".js", ".css", ".html"}
)


def shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def listing(problems: list[Problem]) -> str:
    return "\n".join(str(problem) for problem in problems)


# --- The real content -------------------------------------------------------------------------------


@pytest.mark.parametrize("play", PLAYS, ids=[p.relative_to(DOCS).as_posix() for p in PLAYS])
def test_play_follows_template(play: Path) -> None:
    problems = rules.check_play(shown(play), play.read_text(encoding="utf-8"), RULES)
    assert not problems, listing(problems)


@pytest.mark.parametrize("play", PLAYS, ids=[p.relative_to(DOCS).as_posix() for p in PLAYS])
def test_play_is_plain_english(play: Path) -> None:
    grade = readability.measure(play.read_text(encoding="utf-8")).grade
    problems = rules.check_readability({shown(play): grade})
    page_problems = [p for p in problems if p.file == shown(play)]
    assert not page_problems, listing(page_problems)


def test_average_grade_across_plays_is_at_most_9() -> None:
    grades = {shown(play): readability.measure(play.read_text(encoding="utf-8")).grade for play in PLAYS}
    assert grades, "no plays found"
    problems = [p for p in rules.check_readability(grades) if p.file == "docs/"]
    assert not problems, listing(problems)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[shown(p) for p in CONTENT_FILES])
def test_no_placeholder_text(path: Path) -> None:
    problems = rules.check_placeholders(shown(path), path.read_text(encoding="utf-8"))
    assert not problems, listing(problems)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[shown(p) for p in CONTENT_FILES])
def test_only_fictional_contact_data(path: Path) -> None:
    problems = rules.check_contacts(shown(path), path.read_text(encoding="utf-8"), RULES)
    assert not problems, listing(problems)


def test_content_meets_the_counts_in_the_issue() -> None:
    problems = rules.check_counts(rules.count_content(ROOT))
    assert not problems, listing(problems)


# --- Each rule can fail -----------------------------------------------------------------------------

GOOD_PLAY = textwrap.dedent(
    """\
    ---
    title: Greet people at the market
    description: Say hello at the Saturday market and listen.
    type: play
    tags:
      - Everyday contact
      - Events
    owner: community-engagement
    last_reviewed: 2026-05-12
    ---

    Walk the market and say hello. It takes one hour.

    ## Purpose and when to use it

    Use this play on a quiet Saturday. You meet people when nothing is wrong.

    ## What you need

    - One hour and a stack of cards.

    ## Steps

    1. Park and walk in. You could say: "Hi, I work this beat."
    2. Listen more than you talk.

    ## Checklist

    {{ checklist("market-walk") }}

    ## Key questions

    - Who did I not meet yet?

    ## Pitfalls to avoid

    - Do not stand in a group of officers. It looks like a raid.

    ## Partners to involve

    Ask a neighborhood group to walk with you.

    {{ partner_table(category="neighborhood") }}

    ## Sources

    - [Community Policing Defined](https://cops.usdoj.gov/RIC/Publications/cops-p157-pub.pdf): partnerships.
    """
)
FILE = "docs/everyday-contact/market.md"


def problems_of(text: str) -> list[str]:
    return [str(p) for p in rules.check_play(FILE, text, RULES)]


def test_the_good_sample_passes() -> None:
    # The failing cases below change one thing each in this sample; it must pass as it is.
    assert problems_of(GOOD_PLAY) == []
    assert rules.check_placeholders(FILE, GOOD_PLAY) == []
    assert rules.check_contacts(FILE, GOOD_PLAY, RULES) == []


def test_missing_heading_names_file_and_heading() -> None:
    found = problems_of(GOOD_PLAY.replace("## Key questions\n", ""))
    assert any(FILE in p and "## Key questions" in p and "missing" in p and "after '## Checklist'" in p for p in found), found


def test_renamed_heading_is_missing_and_unexpected() -> None:
    found = problems_of(GOOD_PLAY.replace("## What you need", "## What to bring"))
    assert any(FILE in p and "## What you need" in p and "missing" in p for p in found), found
    assert any(f"{FILE}:" in p and "## What to bring" in p and "not a heading of the play template" in p for p in found), found


def test_headings_out_of_order() -> None:
    swapped = (
        GOOD_PLAY.replace("## Key questions", "## TEMP")
        .replace("## Pitfalls to avoid", "## Key questions")
        .replace("## TEMP", "## Pitfalls to avoid")
    )
    found = problems_of(swapped)
    assert any(FILE in p and "## Pitfalls to avoid" in p and "out of order" in p for p in found), found


def test_h1_in_body() -> None:
    found = problems_of(GOOD_PLAY.replace("Walk the market", "# Market walk\n\nWalk the market"))
    assert any(FILE in p and "# Market walk" in p and "no H1" in p for p in found), found


def test_heading_inside_code_block_does_not_count() -> None:
    found = problems_of(GOOD_PLAY.replace("## Steps\n", "```\n## Steps\n```\n"))
    assert any("## Steps" in p and "missing" in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("type: play", "type: page", "front matter type", "must be `play`"),
        ("title: Greet people at the market\n", "", "front matter title", "missing"),
        ("description: Say hello at the Saturday market and listen.\n", "", "front matter description", "missing"),
        ("  - Events", "  - Fun times", "front matter tags", "'Fun times' not in department.yml tags"),
        ("  - Events\n", "", "front matter tags", "has 1 tags"),
        ("owner: community-engagement", "owner: chief", "front matter owner", "'chief' is not an owner id"),
        ("owner: community-engagement\n", "", "front matter owner", "missing"),
    ],
)
def test_front_matter_rules(old: str, new: str, field: str, words: str) -> None:
    assert old in GOOD_PLAY
    found = problems_of(GOOD_PLAY.replace(old, new))
    assert any(p.startswith(f"{FILE}:1 {field}:") and words in p for p in found), found


def test_checklist_needs_a_macro_or_a_reason() -> None:
    without = GOOD_PLAY.replace('{{ checklist("market-walk") }}', "")
    found = problems_of(without)
    assert any(FILE in p and "## Checklist" in p and "checklist" in p for p in found), found
    with_reason = GOOD_PLAY.replace('{{ checklist("market-walk") }}', "This play is short, so it has no checklist.")
    assert problems_of(with_reason) == []
    fragment_only = GOOD_PLAY.replace('{{ checklist("market-walk") }}', "None")
    assert any("## Checklist" in p for p in problems_of(fragment_only))


def test_checklist_call_must_stand_on_its_own_line() -> None:
    found = problems_of(GOOD_PLAY.replace('{{ checklist("market-walk") }}', '- {{ checklist("market-walk") }}'))
    assert any(FILE in p and "## Checklist" in p and "own line" in p for p in found), found


def test_sources_need_a_web_link() -> None:
    unlinked = GOOD_PLAY.replace(
        "[Community Policing Defined](https://cops.usdoj.gov/RIC/Publications/cops-p157-pub.pdf)", "Community Policing Defined"
    )
    found = problems_of(unlinked)
    assert any(FILE in p and "## Sources" in p and "http(s) link" in p for p in found), found
    relative = unlinked.replace("partnerships.", "see [the forum play](../forums/plan-a-forum.md).")
    assert any("## Sources" in p for p in problems_of(relative))


@pytest.mark.parametrize(
    "filler", ["TODO: write this", "Details TBD.", "Lorem ipsum dolor.", "More coming soon.", "Call XXX.", "FIXME later", "Call 555-xxxx"]
)
def test_placeholder_in_markdown_names_file_and_section(filler: str) -> None:
    text = GOOD_PLAY.replace("- Who did I not meet yet?", f"- Who did I not meet yet?\n- {filler}")
    found = [str(p) for p in rules.check_placeholders(FILE, text)]
    assert len(found) == 1 and found[0].startswith(f"{FILE}:") and "## Key questions" in found[0] and "placeholder" in found[0], found


def test_placeholder_rules_avoid_false_positives() -> None:
    text = GOOD_PLAY + "\nWe list todos. Never write `TODO` in a page. Phones look like 555-01xx. The room is coming along soon.\n"
    assert rules.check_placeholders(FILE, text) == []


def test_placeholder_in_data_names_file_and_key() -> None:
    data = "partners:\n  - id: riverton-food-bank\n    name: Food bank\n    hours: TBD\n"
    found = [str(p) for p in rules.check_placeholders("data/partners.yml", data)]
    assert found == ["data/partners.yml:4 riverton-food-bank hours: placeholder text 'TBD'"], found


@pytest.mark.parametrize("phone", ["(312) 555-0101", "(217) 555-0200", "217-555-0101", "555-1234", "+1 217 555 0101", "(217) 867-5309"])
def test_bad_phone_names_file_and_section(phone: str) -> None:
    text = GOOD_PLAY.replace("Ask a neighborhood group", f"Call {phone} and ask a neighborhood group")
    found = [str(p) for p in rules.check_contacts(FILE, text, RULES)]
    assert len(found) == 1 and found[0].startswith(f"{FILE}:") and "## Partners to involve" in found[0] and phone in found[0], found


def test_fictional_and_department_phones_pass() -> None:
    text = "Call (217) 555-0100 or (217) 555-0199. Dial 911 in an emergency. It is 2026-08-14 at 5:30.\n"
    assert rules.check_contacts(FILE, text, RULES) == []
    assert "(217) 555-0100" in RULES.department_phones


def test_phone_link_must_be_fictional() -> None:
    found = [str(p) for p in rules.check_contacts(FILE, "[Call](tel:+13125550101)\n[Call](tel:+12175550123)\n", RULES)]
    assert len(found) == 1 and "tel:+13125550101" in found[0], found


def test_bad_phone_in_data_names_file_and_key() -> None:
    data = (
        'partners:\n  - id: harbor-house\n    phone: "(217) 555-0104"\n    contacts:\n      - name: Tom\n        phone: "(415) 555-0106"\n'
    )
    found = [str(p) for p in rules.check_contacts("data/partners.yml", data, RULES)]
    assert found == ["data/partners.yml:6 harbor-house phone: phone number '(415) 555-0106' is not in the fictional form (217) 555-01NN"], (
        found
    )


def test_email_must_be_at_example_org() -> None:
    text = GOOD_PLAY.replace(
        "Ask a neighborhood group", "Write to chief@riverton.gov or team@riverton-pd.example.org and ask a neighborhood group"
    )
    found = [str(p) for p in rules.check_contacts(FILE, text, RULES)]
    assert len(found) == 1 and "## Partners to involve" in found[0] and "chief@riverton.gov" in found[0], found
    assert rules.check_contacts(FILE, "mail me at a@example.org.evil.com\n", RULES) != []


def test_readability_limits() -> None:
    assert rules.check_readability({"docs/a.md": 7.0, "docs/b.md": 10.9}) == []
    found = [str(p) for p in rules.check_readability({"docs/a.md": 11.5, "docs/b.md": 6.0})]
    assert found == ["docs/a.md readability: Flesch-Kincaid grade 11.5 is above 11: use shorter sentences and words"], found
    average = [str(p) for p in rules.check_readability({"docs/a.md": 9.5, "docs/b.md": 9.0})]
    assert len(average) == 1 and "average grade 9.25" in average[0] and "docs/a.md (9.5)" in average[0], average


def test_hard_prose_fails_the_page_limit() -> None:
    hard = "Organizational transformation necessitates comprehensive institutionalization of collaborative community partnerships, " * 5
    grade = readability.measure(GOOD_PLAY.replace("Walk the market and say hello.", hard + ".")).grade
    found = [str(p) for p in rules.check_readability({FILE: grade, "docs/easy.md": 2.0})]
    assert len(found) == 1 and found[0].startswith(f"{FILE} readability: Flesch-Kincaid grade"), (grade, found)


def test_counts_below_the_issue_fail() -> None:
    low = rules.Counts(plays=15, checklists=5, partners=24, categories=7, partners_with_internal_contacts=0, internal_pages=2)
    found = [str(p) for p in rules.check_counts(low)]
    assert len(found) == 6, found
    assert "docs/ counts: 15 pages with `type: play`; the issue asks for at least 16" in found


# --- The readability measure ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"), [("police", 2), ("community", 4), ("neighborhood", 3), ("co-host", 2), ("officer's", 3), ("don't", 1), ("RPD", 3)]
)
def test_syllables_from_cmudict(word: str, count: int) -> None:
    assert readability.syllables(word) == count


def test_unknown_words_use_the_vowel_rule() -> None:
    assert readability.syllables("riverbendly") >= 3
    assert readability.syllables("zzq") == 1


def test_only_prose_is_counted() -> None:
    text = textwrap.dedent(
        """\
        ---
        title: Front matter words do not count at all here
        ---

        ## Steps

        Read the [guide to community policing](https://cops.usdoj.gov/RIC/Publications/cops-p157-pub.pdf) now.

        {{ partner_table(category="neighborhood-groups-and-many-more-words") }}

        ```python
        print("code words do not count either")
        ```

        !!! tip "Be kind"
            Use `inline code here` and <span class="x">plain</span> words.

        | Time | Who |
        |---|---|
        | 5:30 | Everyone |
        """
    )
    units = readability.prose_units(text)
    assert units == ["Steps", "Read the guide to community policing now.", "Be kind", "Use and plain words.", "Time Who", "5:30 Everyone"]
    result = readability.measure(text)
    assert (result.words, result.sentences) == (17, 6)


def test_sentences_split_on_full_stops_not_abbreviations() -> None:
    assert readability.sentences_of('Say hi. Ask "How are you?" Then e.g. wait! 5 people came.') == [
        "Say hi.",
        'Ask "How are you?"',
        "Then e.g. wait!",
        "5 people came.",
    ]


def test_grade_formula_and_determinism() -> None:
    text = "The cat sat on the mat. The dog ran."
    result = readability.measure(text)
    assert (result.words, result.sentences, result.syllables) == (9, 2, 9)
    assert result.grade == pytest.approx(0.39 * 9 / 2 + 11.8 * 9 / 9 - 15.59)
    assert readability.measure(text) == result


def test_report_command_prints_a_markdown_table(tmp_path: Path) -> None:
    (tmp_path / "forums").mkdir()
    (tmp_path / "forums" / "market.md").write_text(GOOD_PLAY, encoding="utf-8")
    (tmp_path / "index.md").write_text("---\ntitle: Home\n---\n\nNot a play.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "readability", "--docs", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "| Page | FK grade | Words | Sentences |"
    assert lines[2].startswith("| forums/market.md | ")
    assert lines[-1].startswith("| **Average of 1 plays** | **")
    assert len(lines) == 4
