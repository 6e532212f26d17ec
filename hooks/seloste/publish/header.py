"""The header every page shares, Material's and the lite ones alike: the site's name and the page's title,
the colour-scheme toggle, the language switch and search, with Material's markup and heights
(``overrides/partials/header.html`` renders it from a :class:`HeaderView`; the MkDocs adapter makes one for
each Material page, :mod:`seloste.publish.liteviews` for each lite page).

Its icons are Material's, drawn from one shared file (``assets/seloste-icons.svg``, written by the build from
Material's icons) instead of a copy of each in every page. Its labels are the site's own, in the page's
language (``labels.yaml``): the colour toggle says what it does in Finnish on a Finnish page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..archive.localized import LANGUAGES
from ..labels import labels, plural
from .urls import lang_prefix, site_url

ICONS_FILE = "assets/seloste-icons.svg"
LOGO = "material/library"
"""Material's default logo icon (``theme.icon.logo`` is not set)."""
ICONS = (LOGO, "material/menu", "material/translate", "material/magnify", "material/arrow-up")
"""Material's icons the header and the lite pages draw, besides the colour toggle's (``theme.palette``)."""
UNTRANSLATED = "about/#developers"
"""Where the language switch leads from a page the other language does not have: the about page's section for
developers, which names the English-only pages (architecture, benchmark, search) and says they are in English only
(its heading's id, the same in both languages, ``docs/about.*.md``, so that the switch between the two about pages
keeps it)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class PaletteOption:
    """A colour scheme of ``theme.palette``, with the button that switches to the next one."""

    media: str
    scheme: str
    primary: str
    accent: str
    toggle: str
    """What its button does, in the page's language: "Switch to dark mode"."""
    icon: str
    """Its button's icon, by its id in the icons file."""
    next: int
    """The option its button switches to."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LanguageLink:
    lang: str
    name: str
    """The language's name in itself: Suomi, English."""
    url: str
    """The page in that language (or where the switch leads instead), as a site path."""
    elsewhere: bool = False
    """That language does not have the page: the link leads to the about page instead, where the reader's place
    (the section, a comparison's pair) means nothing."""


@dataclass(frozen=True, kw_only=True, slots=True)
class HeaderView:
    lang: str
    root: str
    """The path from the page to the site root (``../../``; the site's absolute path on the 404 page)."""
    site_name: str
    home_url: str
    title: str
    """The page's title, which the header shows once the page's own heading has scrolled away."""
    palettes: tuple[PaletteOption, ...]
    languages: tuple[LanguageLink, ...]
    icons: str
    """The icons file, from this page: ``<icons>#<id>`` draws an icon."""
    preview: tuple[str, ...] = ()
    """In a partial preview (``make serve ORGS=...``), the only organisations built: every page says so."""

    @property
    def preview_note(self) -> str:
        """What every page of a partial preview says of it (empty for the whole site)."""
        if not self.preview:
            return ""
        note = plural(labels(self.lang)["partial_preview"], len(self.preview))
        return note.format(organisations=", ".join(self.preview))

    @property
    def home(self) -> str:
        """The home page's link (``./`` rather than an empty link on the home page itself)."""
        return self.root + self.home_url or "./"


def icon_id(name: str) -> str:
    """An icon's id in the icons file: ``material/weather-night`` is ``material-weather-night``."""
    return name.replace("/", "-")


def palette_icons(palette: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> tuple[str, ...]:
    """The icons of the colour toggle's buttons (``theme.palette``: one mapping or a list of them)."""
    return tuple(option["toggle"]["icon"] for option in _options(palette) if option.get("toggle"))


def palette_options(palette: Sequence[Mapping[str, Any]] | Mapping[str, Any], lang: str) -> tuple[PaletteOption, ...]:
    """``theme.palette``'s schemes, each button labelled in ``lang`` by the scheme it switches to."""
    options = _options(palette)
    toggles = labels(lang)["palette_toggle"]
    found = []
    for index, option in enumerate(options):
        following = options[(index + 1) % len(options)]
        found.append(
            PaletteOption(
                media=str(option.get("media") or ""),
                scheme=_token(option.get("scheme"), "default"),
                primary=_token(option.get("primary"), "indigo"),
                accent=_token(option.get("accent"), "indigo"),
                toggle=str(toggles[_token(following.get("scheme"), "default")]),
                icon=icon_id(str((option.get("toggle") or {}).get("icon") or "")),
                next=(index + 1) % len(options),
            )
        )
    return tuple(found)


def language_links(lang: str, counterparts: Mapping[str, str | None]) -> tuple[LanguageLink, ...]:
    """The language switch: each language's page (a site path), or, in a language that does not have this one, the
    about page's section that says which pages are in one language only."""
    names = labels(lang)["language_names"]
    return tuple(
        LanguageLink(
            lang=other,
            name=str(names[other]),
            url=site_url(other, UNTRANSLATED) if found is None else found,
            elsewhere=found is None,
        )
        for other in LANGUAGES
        for found in [counterparts.get(other)]
    )


def same_page_links(page_url: str, lang: str) -> dict[str, str | None]:
    """The counterparts of a page that exists in every language at the same path (``en/x/`` for ``x/``)."""
    path = page_url.removeprefix(lang_prefix(lang))
    return {other: lang_prefix(other) + path for other in LANGUAGES}


def header_view(
    *,
    lang: str,
    root: str,
    site_name: str,
    title: str,
    palette: Sequence[Mapping[str, Any]] | Mapping[str, Any],
    counterparts: Mapping[str, str | None],
    preview: tuple[str, ...] = (),
) -> HeaderView:
    return HeaderView(
        lang=lang,
        root=root,
        site_name=site_name,
        home_url=site_url(lang),
        title=title,
        palettes=palette_options(palette, lang),
        languages=language_links(lang, counterparts),
        icons=root + ICONS_FILE,
        preview=preview,
    )


def _options(palette: Sequence[Mapping[str, Any]] | Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [palette] if isinstance(palette, Mapping) else list(palette or ())


def _token(value: object, default: str) -> str:
    """A scheme or colour as Material writes it in an attribute: ``light blue`` is ``light-blue``."""
    return str(value or default).replace(" ", "-")
