"""The term map search uses: glossary abbreviations both ways, and the department's synonyms one way."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Split like the site's search separator (mkdocs.yml), so a phrase's words line up with the index's words.
_SPLIT = re.compile(r"[^\w'&.]+|\.(?!\d)")


def words_of(text: str) -> str:
    """'Co-responder' -> 'co responder': lowercase, split where search splits."""
    return " ".join(part for part in _SPLIT.split(text.lower()) if part)


def term_map(abbreviations: Iterable[tuple[str, str]], synonyms: Iterable[tuple[Iterable[str], Iterable[str]]]) -> dict[str, list[str]]:
    """What each typed word or phrase also looks for, keyed and valued in `words_of` form.

    `abbreviations` are (abbreviation, term) pairs, such as ("MOU", "Memorandum of understanding"): each finds
    the other. `synonyms` are (words, means) groups: each of `words` also finds every one of `means`.
    """
    found: dict[str, list[str]] = {}

    def add(key: str, value: str) -> None:
        key, value = words_of(key), words_of(value)
        if key and value and key != value and value not in found.setdefault(key, []):
            found[key].append(value)

    for abbr, term in abbreviations:
        add(abbr, term)
        add(term, abbr)
    for typed, means in synonyms:
        meanings = list(means)
        for word in typed:
            for meaning in meanings:
                add(word, meaning)
    return dict(sorted(found.items()))
