"""Who a draft names as the controller (``facts.controller``), read from the notice rather than guessed.

A page names other companies too: a payment provider, a web host, a processor, often with their business IDs and often
before the controller. So the draft looks where a notice says who the controller is: a section headed like
'Rekisterinpitäjä', 'Personuppgiftsansvarig' (or the older 'Registeransvarig') or 'Controller' (or with a line that
starts so), and in it the name next to a business ID (Y-tunnus). Where that does not tell (no such section and the
organisation's name next to no business ID, or several candidates), the draft leaves the section for a person and the
command says so, rather than name a wrong one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..markup.text import plain_text

CONTROLLER_HEADING = re.compile(r"rekisterin\s*pitäj|personuppgiftsansvarig|registeransvarig|\bcontroller\b", re.IGNORECASE)
"""A heading of the section that says who the controller is (fi, sv, en)."""

BUSINESS_ID = re.compile(
    r"(?:\by-tunnus|\bfo-nummer|\bbusiness\s+id|\borg(?:anisations)?\.?\s*nr)\W{0,3}(\d{7}-\d)\b|(?<![\d-])(\d{7}-\d)(?![\d-])",
    re.IGNORECASE,
)
"""A Finnish business ID (1234567-8), with the words that introduce it where there are any."""

_LABEL = re.compile(
    r"^(?:rekisterinpitäjä|rekisterin\s+pitäjä|personuppgiftsansvarig|registeransvarig|controller|(?:\w+\s+)?(?:nimi|namn|name)"
    r"|yritys|företag|company)"
    r"\s*[:\-–]\s*",
    re.IGNORECASE,
)
"""What a line writes before the name: 'Rekisterinpitäjä:', 'Yhdistyksen nimi:', 'Company name -'."""
_REMARK = re.compile(r"\s*\([^()]*\)$")
"""A remark in brackets after a name: 'Seura ry (myöhemmin yhdistys)'."""


_CONTROLLER_LINE = re.compile(
    r"^(?:rekisterinpitäjä|rekisterin\s+pitäjä|personuppgiftsansvarig|registeransvarig|(?:data\s+)?controller)\s*:", re.I
)


def _labelled(body: str) -> bool:
    """Does a line of the text say who the controller is ('Rekisterinpitäjä: Seura ry, Hollola')?"""
    return any(_CONTROLLER_LINE.match(plain_text(line).strip()) for line in body.splitlines())


@dataclass(frozen=True, slots=True)
class Named:
    """A name the notice writes next to a business ID, in a section."""

    name: str
    business_id: str
    section: str


def named_with_ids(section: str, body: str) -> list[Named]:
    """Each name a section's text writes next to a business ID: before it on its line ('Esimerkki Oy (Y-tunnus
    1783913-6)', 'Rekisterinpitäjä: Esimerkki Oy, Y-tunnus ...'), or on the line above it where the ID stands on a
    line of its own."""
    found = []
    lines = [plain_text(line).strip() for line in body.splitlines()]
    for index, line in enumerate(lines):
        for match in BUSINESS_ID.finditer(line):
            before = _LABEL.sub("", re.split(r"[.!?]\s", line[: match.start()])[-1].strip())  # its own sentence
            before = re.sub(r"[\s(,;:–\-/]+$", "", before).strip()
            if not before:
                above = next((text for text in reversed(lines[:index]) if text), "")
                before = _REMARK.sub("", re.sub(r"[\s,;:]+$", "", _LABEL.sub("", above))).strip()
            if before and len(before) <= 80:
                found.append(Named(before, match.group(1) or match.group(2), section))
    return found


def controller_fact(sections: list[tuple[str, str | None, str]], name: str) -> tuple[dict[str, Any], str | None]:
    """``facts.controller`` for a first version's draft, from its sections as (id, heading, body) and the
    organisation's name; and what a person must check or fill in, or None where the notice said it plainly."""
    headed = [s for s in sections if (s[1] and CONTROLLER_HEADING.search(plain_text(s[1]))) or _labelled(s[2])]
    key = name.casefold()
    for section_id, heading, body in headed:  # the organisation's name in the controller's section
        if key in f"{heading}\n{body}".casefold():
            ids = [n.business_id for n in named_with_ids(section_id, body) if key in n.name.casefold()]
            return {"name": name, **({"business_id": ids[0]} if len(set(ids)) == 1 else {}), "section": section_id}, None
    in_headed = [n for section_id, _h, body in headed for n in named_with_ids(section_id, body)]
    if len({n.name for n in in_headed}) == 1:  # another name, next to its business ID, in the controller's section
        named = in_headed[0]
        fact = {"name": named.name, "business_id": named.business_id, "section": named.section}
        return fact, (
            f"facts.controller: the section '{named.section}' names {named.name!r} (business ID {named.business_id}) as "
            f"the controller, not {name!r}: check that the organisation's name is right, or correct the fact"
        )
    if not headed:  # no controller's section: the organisation's name next to a business ID says it
        everywhere = [n for section_id, _h, body in sections for n in named_with_ids(section_id, body)]
        ours = [n for n in everywhere if key in n.name.casefold()]
        if len({(n.section, n.business_id) for n in ours}) == 1:
            return {"name": name, "business_id": ours[0].business_id, "section": ours[0].section}, None
    candidates = [f"{n.name!r} ({n.business_id}, section {n.section})" for n in in_headed] or [
        f"{n.name!r} ({n.business_id}, section {n.section})" for s in sections for n in named_with_ids(s[0], s[2])
    ]
    where = f"; it names {', '.join(candidates)}" if candidates else ""
    return {"name": name, "section": ""}, (
        "TODO facts.controller: the notice does not say plainly who the controller is (no section headed like "
        f"'Rekisterinpitäjä', 'Personuppgiftsansvarig' or 'Controller' names {name!r}, and no business ID stands next to "
        f"that name){where}: write the controller as "
        "the notice names it, and the id of the section that does; if the notice names no controller at all (only a "
        "publisher, say), remove facts.controller: the pages then say it is not stated (data/README.md, 'Facts')"
    )
