"""Field types shared by the data models."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, NamedTuple

import phonenumbers
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, EmailStr, Field, HttpUrl, ValidationInfo

from . import rules


@dataclass(frozen=True)
class Context:
    """What validation needs to know beyond the value itself."""

    today: dt.date
    phone_region: str = "US"
    categories: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    sign_off_roles: frozenset[str] = frozenset()
    pages: frozenset[str] = frozenset()  # docs-relative paths of every page, e.g. "forums/index.md"


def context_of(info: ValidationInfo) -> Context:
    context = info.context
    if not isinstance(context, Context):
        raise TypeError("validation needs a Context")
    return context


class Strict(BaseModel):
    """Unknown fields are errors: a typo such as `phnoe:` must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Slug = Annotated[str, AfterValidator(rules.SLUG)]
Colour = Annotated[str, AfterValidator(rules.COLOUR)]
Region = Annotated[str, AfterValidator(rules.REGION)]
Abbreviation = Annotated[str, AfterValidator(rules.ABBREVIATION)]
StalenessMonths = Annotated[int, AfterValidator(rules.Range(1, 60))]
Text = Annotated[str, Field(min_length=1)]


class PhoneNumber(NamedTuple):
    """A checked phone number. Shown in one format everywhere: the national format, with " ext. 3" when
    the number has an extension, such as `(217) 555-0142 ext. 3` (written `x3`, `ext. 3` or `ext 3` in data)."""

    national: str  # shown: (217) 555-0142 ext. 3
    e164: str  # dialled: +12175550142 (never holds the extension)
    extension: str | None = None  # 3

    @property
    def tel(self) -> str:
        """An RFC 3966 `tel:` URI; the extension stays in it, so the phone can dial it."""
        return f"tel:{self.e164};ext={self.extension}" if self.extension else f"tel:{self.e164}"

    @property
    def dial(self) -> str:
        """What a phone's dialler and contacts app take: a comma is a pause, then the extension is keyed."""
        return f"{self.e164},{self.extension}" if self.extension else self.e164


def _phone(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, PhoneNumber):
        return value
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return value  # let the NamedTuple check report the type
    region = context_of(info).phone_region
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise ValueError(rules.PHONE.format(value=rules.quoted(value), region=region))
    # phonenumbers' national format adds " ext. 3" itself when there is an extension.
    return PhoneNumber(
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        parsed.extension or None,
    )


Phone = Annotated[PhoneNumber, BeforeValidator(_phone)]


def _text_rule(rule: rules.Pattern) -> BeforeValidator:
    """A first check of text, in the words the editor uses too; the library type then checks the rest."""
    return BeforeValidator(lambda value: rule(value.strip()) if isinstance(value, str) else value)


Email = Annotated[EmailStr, _text_rule(rules.EMAIL)]


def _web_url(value: HttpUrl) -> str:
    return str(value)


WebUrl = Annotated[HttpUrl, _text_rule(rules.WEB_URL), AfterValidator(_web_url)]


def _not_future(value: dt.date, info: ValidationInfo) -> dt.date:
    today = context_of(info).today
    if value > today:
        raise ValueError(rules.PAST_DATE.format(value=rules.quoted(value.isoformat()), today=today.isoformat()))
    return value


PastDate = Annotated[dt.date, AfterValidator(_not_future)]


def _page(value: str, info: ValidationInfo) -> str:
    path = value.split("#", 1)[0]
    pages = context_of(info).pages
    if path not in pages:
        from difflib import get_close_matches

        close = get_close_matches(path, sorted(pages), n=1, cutoff=0.8)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"{value!r} is not a page of this site (paths are relative to docs/){hint}")
    return value


PageLink = Annotated[str, AfterValidator(_page)]


# Markdown links in data text, checked before anything renders.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def is_page_link(href: str) -> bool:
    """A link to a page of this site, written relative to docs/ (`forums/index.md#invite`)."""
    path = href.split("#", 1)[0]
    return bool(path) and not _SCHEME.match(href) and not path.startswith("/") and path.endswith(".md")


def _page_links(value: str, info: ValidationInfo) -> str:
    """Links in data text to pages of the site must lead somewhere, as links in pages must."""
    for target in LINK_TARGET.findall(value):
        if is_page_link(target):
            _page(target, info)
    return value


MarkdownText = Annotated[str, Field(min_length=1), AfterValidator(_page_links)]


@dataclass(frozen=True)
class OneOf:
    """A value that must come from a controlled list in department.yml: `allowed_of` names the list on Context."""

    kind: str  # as messages name it, such as "district (see data/department.yml)"
    allowed_of: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        allowed: frozenset[str] = getattr(context_of(info), self.allowed_of)
        if value not in allowed:
            raise ValueError(rules.choice_message(self.kind, value, allowed))
        return value


def one_of(kind: str, allowed_of: str) -> Any:
    return AfterValidator(OneOf(kind, allowed_of))


Category = Annotated[str, one_of("partner category (see data/department.yml)", "categories")]
District = Annotated[str, one_of("district (see data/department.yml)", "districts")]
Tag = Annotated[str, one_of("tag (see data/department.yml)", "tags")]
OwnerId = Annotated[str, one_of("owner (see data/department.yml)", "owners")]
SignOffRole = Annotated[str, one_of("sign-off role (see sign_off_roles in data/department.yml)", "sign_off_roles")]
