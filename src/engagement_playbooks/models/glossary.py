"""data/glossary.yml: terms and abbreviations. Abbreviations show their meaning on hover on every page."""

from __future__ import annotations

from pydantic import Field

from .common import Abbreviation, MarkdownText, Strict, Text


class Term(Strict):
    term: Text = Field(description="The term, spelled out.", title="Term")
    abbr: Abbreviation | None = Field(
        None, description="Its abbreviation, such as `FTO`. Every page then explains it on hover.", title="Abbreviation"
    )
    definition: MarkdownText = Field(description="A plain-English definition in one or two sentences.", title="Definition")


class Glossary(Strict):
    terms: list[Term] = Field(default_factory=list, description="Every term, in any order (the page sorts them).", title="Terms")

    def abbreviations(self) -> dict[str, str]:
        """What each abbreviation stands for: `{"FTO": "Field training officer"}`."""
        return {term.abbr: term.term for term in self.terms if term.abbr}
