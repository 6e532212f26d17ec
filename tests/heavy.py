"""Pairs of versions built to make a comparison slow (the comparison's hostile corpus): tests/test_limits.py
holds the Python core to its budget on them, tests/test_diff_parity.py the browser's port to the same result."""

from __future__ import annotations

from seloste.compare.diff import SectionText, VersionText
from seloste.markup.blocks import Block


def _text(version_id: str, *sections: list[Block] | str) -> VersionText:
    """A version of paragraphs: each argument a section's blocks, or one paragraph's text."""
    made = [[Block("paragraph", s)] if isinstance(s, str) else s for s in sections]
    return VersionText(
        id=version_id,
        title="Tietosuojaseloste",
        sections=tuple(SectionText(id=f"s{i}", heading=f"Osio {i}", blocks=tuple(b), source=str(i)) for i, b in enumerate(made)),
        facts={"single": {}, "list": {}},
    )


HEAVY = {
    "20000 repeated words": (_text("a", "sana " * 20_000 + "loppu."), _text("b", "sana " * 20_000 + "alku.")),
    "x against x y": (_text("a", "x " * 1_500), _text("b", "x y " * 750)),  # the matcher's cubic case
    "3000 paragraphs replaced": (
        _text("a", [Block("paragraph", f"vanha {i}") for i in range(3_000)]),
        _text("b", [Block("paragraph", f"uusi teksti {i + 10_000}") for i in range(3_000)]),
    ),
    "20000 lines moved": (
        _text("a", "\n".join(f"rivi {i}" for i in range(20_000)), "loppu"),
        _text("b", "alku", "\n".join(f"rivi {i}" for i in range(20_000))),
    ),
    "500 sections renamed": (
        VersionText(
            id="a",
            title="T",
            sections=tuple(SectionText(f"a{i}", f"Osio {i}", (Block("paragraph", f"teksti {i}"),), "x") for i in range(500)),
            facts={"single": {}, "list": {}},
        ),
        VersionText(
            id="b",
            title="T",
            sections=tuple(SectionText(f"b{i}", f"Osio {i}", (Block("paragraph", f"teksti {i} nyt"),), "y") for i in range(500)),
            facts={"single": {}, "list": {}},
        ),
    ),
    "3000 fact entries renamed": (
        VersionText(
            id="a",
            title="T",
            sections=(),
            facts={"single": {}, "list": {"recipients": {f"Yritys {i}": "" for i in range(3_000)}}},
        ),
        VersionText(
            id="b",
            title="T",
            sections=(),
            facts={"single": {}, "list": {"recipients": {f"Firma {i} Oy": "" for i in range(3_000)}}},
        ),
    ),
    "a paragraph of 5000 lines split": (
        _text("a", "\n".join(f"rivi {i}" for i in range(5_000))),
        _text("b", [Block("paragraph", f"rivi {i}") for i in range(5_000)]),
    ),
}
"""Pairs of versions that each took from a minute to hours to compare: the matcher's worst cases, and paragraphs or
lines by the thousand weighed or matched against each other."""
