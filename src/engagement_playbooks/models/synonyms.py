"""data/synonyms.yml: the words officers type, and the words the plays use for the same thing. Search reads it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from . import rules
from .common import Strict


def _search_words(value: str) -> str:
    return " ".join(rules.SEARCH_WORDS(value).split())


def _number_as_text(value: Any) -> Any:
    """An unquoted number such as 5150 (a police code) is a word here."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


SearchWords = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_search_words)]


class Synonym(Strict):
    words: list[SearchWords] = Field(
        title="Words officers type",
        min_length=1,
        description="What officers type, such as `rehab` or `coffee with a cop`. Case does not matter.",
    )
    means: list[SearchWords] = Field(
        title="Words the plays use",
        min_length=1,
        description="Words the plays use for the same thing, such as `recovery` or `substance use`. "
        "A search for any of `words` also looks for these.",
    )


class SynonymFile(Strict):
    synonyms: list[Synonym] = Field(
        title="Synonym groups", min_length=1, description="Each group of words and what they mean, in any order."
    )
