"""Where a published text's links lead: never anywhere the organisation did not send its readers.

A link's target is not in the text a reader sees, so the word-for-word fidelity check cannot
vouch for it. Instead:
- a link in a text the organisation wrote leads to an address its capture shows (an e-mail
  address for ``mailto:``);
- a link in the archive's translation leads where a link in the same section of the original does;
- titles and headings carry no links (the page makes them anchors of its own).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..markup.blocks import blocks, html_blocks
from ..markup.render import URL_SCHEMES, inline_html
from .localized import LANGUAGE_NAMES
from .model import VersionRecord

_PREFIXES = ("mailto:",)


def shown(target: str) -> str:
    """What of a link's target a capture shows as text: the address itself, without ``mailto:``."""
    for prefix in _PREFIXES:
        if target.lower().startswith(prefix):
            return target[len(prefix) :].split("?", 1)[0]
    return target


def shows(capture: str, address: str) -> bool:
    """Whether the capture shows ``address`` whole: not a prefix of a longer address, nor inside one."""
    for form in {address, html.escape(address)}:
        if re.search(rf"(?<![\w/%.~?#=&+:@-]){re.escape(form)}(?![.,]?[\w/%~?#=&+:@-])", capture):
            return True
    return False


def body_links(markdown: str) -> Iterator[str]:
    """The targets of a body's links that the site publishes (one it would not is reported as such)."""
    if "[" not in markdown and "<" not in markdown:
        return  # no Markdown link or autolink: nothing renders as one (raw HTML is not read, bare addresses not linked)
    for block in blocks(markdown):
        yield from (link for link in block.links if urlsplit(link).scheme.lower() in URL_SCHEMES)


def _inline_links(text: str) -> tuple[str, ...]:
    if "[" not in text and "<" not in text:
        return ()  # as in body_links
    return tuple(link for block in html_blocks(f"<p>{inline_html(text)}</p>") for link in block.links)


def link_provenance(record: VersionRecord) -> list[tuple[str, str]]:
    """(field name, message) for every link that leads where the notice did not."""
    version = record.version
    problems: list[tuple[str, str]] = []
    headings = [(f"sections[{i}].heading", s.heading) for i, s in enumerate(version.sections) if s.heading]
    for name, text in [("title", version.title), *headings]:
        for lang in text.languages:
            for target in _inline_links(text[lang]):
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: links to {target!r}; a title or heading is text, without links "
                        "(keep the words, and any link in the section's body)",
                    )
                )
    for index, section in enumerate(version.sections):
        original: set[str] = set()
        for lang in version.published_in:
            if lang not in section.body.languages:
                continue
            name = f"sections[{index}].body.{lang}"
            capture = record.captures.get(lang)
            for target in body_links(section.body[lang]):
                original.add(target)
                if target.lower().startswith("mailto:") and ("?" in target or not shown(target)):
                    problems.append(
                        (name, f"{name}: links to {target!r}; a mail link is mailto: and one address, without '?' headers")
                    )
                    continue
                if capture is not None and not shows(capture, shown(target)):
                    problems.append(
                        (
                            name,
                            f"{name}: links to {target!r}, an address the capture does not show; a link in the "
                            "organisation's text leads only where the notice as published does (keep the words "
                            "and drop the link, or save a capture that shows the address)",
                        )
                    )
        for lang in (x for x in section.body.languages if x not in version.published_in):
            name = f"sections[{index}].body.{lang}"
            theirs = LANGUAGE_NAMES[version.published_in[0]]
            for target in body_links(section.body[lang]):
                if target not in original:
                    problems.append(
                        (
                            name,
                            f"{name}: links to {target!r}, where the {theirs} original of this section does not "
                            "link; a translation's links lead only where its original's do",
                        )
                    )
    return problems
