"""data/glossary.yml: terms and abbreviations. Abbreviations show their meaning on hover on every page."""

from __future__ import annotations

from pydantic import Field

from .common import MarkdownText, Strict, Text


class Term(Strict):
    term: Text = Field(description="The term, spelled out.")
    abbr: str | None = Field(
        None, pattern=r"^[A-Za-z0-9&.\-]{2,12}$", description="Its abbreviation, such as `FTO`. Every page then explains it on hover."
    )
    definition: MarkdownText = Field(description="A plain-English definition in one or two sentences.")


class Glossary(Strict):
    terms: list[Term] = Field(default_factory=list, description="Every term, in any order (the page sorts them).")

    def abbreviations(self) -> dict[str, str]:
        """What each abbreviation stands for: `{"FTO": "Field training officer"}`."""
        return {term.abbr: term.term for term in self.terms if term.abbr}
