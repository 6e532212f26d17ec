"""Where each page and file of the site lives, relative to the site root.

All links are relative (a page's ``root`` + a site path), so the site works under any subpath. Finnish
pages are at the root, English ones under ``en/``.
"""

from __future__ import annotations

from ..archive.localized import LANGUAGES, ORIGINAL_LANGUAGE


def lang_prefix(lang: str) -> str:
    """The site folder of a language: Finnish at the root, English under ``en/``."""
    return "" if lang == ORIGINAL_LANGUAGE else f"{lang}/"


def site_url(lang: str, path: str = "") -> str:
    """A page's URL relative to the site root, such as ``en/micro-magic/``."""
    return lang_prefix(lang) + path


def root_of(page_url: str) -> str:
    """The relative path from a page (``en/x/2024-01-01/``) back to the site root (``../../../``)."""
    return "../" * page_url.count("/")


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def notice_path(slug: str) -> str:
    """The organisation's current notice."""
    return f"{slug}/"


def version_path(slug: str, version_id: str) -> str:
    """The permanent page of one version."""
    return f"{slug}/{version_id}/"


def own_text_path(slug: str, version_id: str, text_lang: str) -> str:
    """The page of one version's text in a language the organisation published it in that neither site language's
    pages show (``x/2024-01-10/sv/``)."""
    return f"{slug}/{version_id}/{text_lang}/"


def history_path(slug: str) -> str:
    return f"{slug}/history/"


def compare_path(slug: str, old: str | None = None, new: str | None = None, text_lang: str | None = None) -> str:
    """The comparison of two versions as a site language's pages read them; with ``text_lang``, of the organisation's
    own texts in a language no site language's pages show, each on its version's page of its own
    (``x/compare/sv/``)."""
    query = f"?from={old}&to={new}" if old and new else ""
    return f"{slug}/compare/{text_lang + '/' if text_lang else ''}{query}"


def checklist_path(slug: str) -> str:
    return f"{slug}/checklist/"


def facts_path() -> str:
    """The comparison of organisations by their facts."""
    return "facts/"


def feed_path(slug: str | None = None) -> str:
    return f"{slug}/feed.xml" if slug else "feed.xml"
