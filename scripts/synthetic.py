"""Generate a synthetic archive for benchmarks: N organisations x V versions, both languages.

Text is drawn from a word-level Markov chain trained on the real notices in data/, so it
has Finnish and English word lengths, inflections and punctuation. Each notice has as many
sections and characters as a real notice of data/ drawn at random, so that the archive is as
long as the real one would be at that scale (--length long: every notice about 12 kB of
Finnish, as long as the longest real ones). Each later version changes a few things a
real update changes: a date, some words, a sentence added or dropped, now and then a
section renamed, moved, added or removed, and a fact. Each version has its capture, the Finnish
text as its page showed it, which validate holds the version to sentence by sentence, as it does
a real one's.

    python scripts/synthetic.py OUT_DIR --organisations 2000 --versions 5 [--seed 1] [--length archive|long]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from seloste.archive.loader import load_archive
from seloste.markup.render import markdown_html
from seloste.markup.text import html_text, plain_text

ROOT = Path(__file__).resolve().parents[1]
Chain = dict[tuple[str, str], list[str]]
_MARKER = re.compile(r"[-+*•>]|[0-9]+[.)]")
"""A word that Markdown reads as a block's marker where it starts a line."""


def _train(texts: list[str]) -> tuple[Chain, list[tuple[str, str]]]:
    chain: Chain = defaultdict(list)
    starts: list[tuple[str, str]] = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            words = sentence.split()
            if len(words) < 4 or _MARKER.fullmatch(words[0]):  # a list marker would start a list in one language only
                continue
            starts.append((words[0], words[1]))
            for a, b, c in zip(words, words[1:], words[2:], strict=False):
                chain[(a, b)].append(c)
            chain[(words[-2], words[-1])].append("")
    return chain, starts


def _is_list(blocks: list[dict[str, str]]) -> bool:
    return bool(blocks) and blocks[-1]["fi"].startswith("- ")


class Text:
    """Sentences in one language, from the real notices."""

    def __init__(self, bodies: list[str], headings: list[str], rng: random.Random) -> None:
        self.chain, self.starts = _train(bodies)
        self.headings = sorted(set(headings))
        self.rng = rng
        sample = random.Random(0)
        self.half_sentence = sum(len(self._sentence(sample)) for _ in range(200)) // 400
        """Half the length of a typical sentence: a text of a given length stops within it."""

    def sentence(self) -> str:
        return self._sentence(self.rng)

    def _sentence(self, rng: random.Random) -> str:
        a, b = rng.choice(self.starts)
        words = [a, b]
        while len(words) < 40:
            following = self.chain.get((a, b))
            if not following:
                break
            c = rng.choice(following)
            if not c:
                break
            words.append(c)
            a, b = b, c
        text = " ".join(words).replace("`", "")  # the chain splits inline code where it splits words: ``_ga_ ` | ...``
        return text if text[-1] in ".!?:" else text + "."


Shape = tuple[int, int]
"""A real notice's number of sections and characters of its original text."""


def _corpus() -> tuple[dict[str, tuple[list[str], list[str]]], list[Shape]]:
    archive = load_archive(ROOT / "data", root=ROOT)
    corpus: dict[str, tuple[list[str], list[str]]] = {"fi": ([], []), "en": ([], [])}
    shapes: list[Shape] = []
    for record in archive.organisations:
        for version in record.versions:
            original = version.version.published_in[0]
            shapes.append((len(version.version.sections), sum(len(s.body[original]) for s in version.version.sections)))
            for section in version.version.sections:
                for lang in (x for x in ("fi", "en") if x in section.body.languages):
                    body = re.sub(r"[#*\[\]()\\]|https?://\S+", " ", section.body[lang])
                    corpus[lang][0].append(body)
                    if section.heading:
                        corpus[lang][1].append(re.sub(r"^[0-9.]+\s*", "", section.heading[lang]))
    return corpus, shapes


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


class Notice:
    """One organisation's notice as it evolves, both languages in step."""

    def __init__(self, texts: dict[str, Text], rng: random.Random, number: int, shape: Shape | None = None) -> None:
        self.texts, self.rng = texts, rng
        self.name = f"Synteettinen {number} Oy"
        self.sections: list[dict[str, object]] = []
        count = max(shape[0], 2) if shape else rng.randint(8, 13)
        self.section_length = shape[1] // count if shape else None
        """Characters of Finnish a section is given (a real notice's, shared among its sections); None: 2-3 blocks."""
        for index in range(count):
            self.sections.append(self._new_section(index + 1))
        self.period = rng.choice([2, 3, 5, 6, 10])

    def _new_section(self, number: int) -> dict[str, object]:
        heading = {lang: f"{number}. {self.rng.choice(t.headings)}" for lang, t in self.texts.items()}
        if self.section_length is None:
            blocks: list[dict[str, str]] = []
            for _ in range(self.rng.randint(2, 3)):
                blocks.append(self._block(after_list=_is_list(blocks)))
        else:
            blocks = [self._block(self.section_length)]
            while (left := self.section_length - sum(len(b["fi"]) for b in blocks)) > self.texts["fi"].half_sentence:
                blocks.append(self._block(left, after_list=_is_list(blocks)))
        taken = {section["id"] for section in self.sections}
        while (section_id := f"osio-{self.rng.randrange(10**6):06d}") in taken:  # ids are unique within a notice
            pass
        return {"id": section_id, "heading": heading, "blocks": blocks}

    def _block(self, length: int | None = None, *, after_list: bool = False) -> dict[str, str]:
        """A paragraph of 2-4 sentences or a list of 3-5 items, in both languages; given a length, cut short once
        its Finnish reaches it (one sentence at least). After a list, a paragraph: two lists with a blank line between
        are one list, whose items CommonMark and Python-Markdown space differently (``seloste validate`` refuses it)."""
        listed = self.rng.random() < 0.25 and not after_list
        count = self.rng.randint(3, 5) if listed else self.rng.randint(2, 4)
        sentences: dict[str, list[str]] = {lang: [] for lang in self.texts}
        for _ in range(count):
            for lang, t in self.texts.items():
                sentences[lang].append(t.sentence())
            if length is not None and length - sum(len(x) + 1 for x in sentences["fi"]) <= self.texts["fi"].half_sentence:
                break  # nearer its length than another sentence would bring it
        if listed:
            return {lang: "\n".join(f"- {x}" for x in xs) for lang, xs in sentences.items()}
        return {lang: " ".join(xs) for lang, xs in sentences.items()}

    def evolve(self) -> str:
        """Change the notice as an update would; returns the change kind."""
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            section = rng.choice(self.sections)
            blocks = section["blocks"]
            assert isinstance(blocks, list)
            index = rng.randrange(len(blocks))
            for lang, t in self.texts.items():
                words = blocks[index][lang].split(" ")
                for _ in range(rng.randint(1, 4)):
                    at, word = rng.randrange(len(words)), t.sentence().split(" ")[0].lower()
                    if "\n" not in words[at] and not _MARKER.fullmatch(words[at]):  # keep the blocks of both languages
                        words[at] = word
                blocks[index][lang] = " ".join(words)
        roll = rng.random()
        if roll < 0.2:
            self.sections.insert(rng.randrange(len(self.sections) + 1), self._new_section(len(self.sections) + 1))
        elif roll < 0.3 and len(self.sections) > 6:
            self.sections.pop(rng.randrange(len(self.sections)))
        elif roll < 0.4 and len(self.sections) > 1:
            i, j = rng.sample(range(len(self.sections)), 2)
            self.sections[i], self.sections[j] = self.sections[j], self.sections[i]
        elif roll < 0.5:
            section = rng.choice(self.sections)
            section["heading"] = {lang: f"{rng.choice(t.headings)}" for lang, t in self.texts.items()}
        if rng.random() < 0.3:
            self.period = rng.choice([2, 3, 5, 6, 10])
        return "substantive" if roll < 0.5 else "editorial"

    def _facts_sentence(self, lang: str) -> str:
        """The sentence the facts quote, opening the first section."""
        if lang == "fi":
            return f"Rekisterinpitäjä on {self.name}. Säilytämme asiakastietoja {self.period} vuotta asiakkuuden päätyttyä."
        return f"The controller is {self.name}. We keep customer data for {self.period} years after the customer leaves."

    def _texts(self, section: dict[str, object], lang: str) -> list[str]:
        """A section's blocks in ``lang``; the first section opens with what the facts quote (the controller and the
        retention period)."""
        blocks = section["blocks"]
        assert isinstance(blocks, list)
        texts = [block[lang] for block in blocks]
        if section is self.sections[0]:
            texts.insert(0, self._facts_sentence(lang))
        return texts

    def capture(self, date: dt.date) -> str:
        """The version's Finnish as its page showed it, for its capture (``captures/<date>.txt``): the title, the date
        line, each heading and block in order, as the fidelity check reads a real capture."""
        parts = [self.name + ":n tietosuojaseloste", f"Päivitetty {date.day}.{date.month}.{date.year}."]
        for section in self.sections:
            heading = section["heading"]
            assert isinstance(heading, dict)
            parts.append(plain_text(heading["fi"]))
            parts += [html_text(markdown_html(text)) for text in self._texts(section, "fi")]  # each block on its line
        return "\n\n".join(parts) + "\n"

    def yaml(self, date: dt.date, first: bool, kind: str) -> str:
        lines = [
            "# yaml-language-server: $schema=../schema/version.schema.json",
            f'stated_date: "{date.isoformat()}"',
            f'recorded_date: "{date.isoformat()}"',
            "source:",
            f"  url: https://synteettinen.example/{self.name.split()[1]}/tietosuoja",
            f"  capture: captures/{date.isoformat()}.txt",
        ]
        if not first:
            lines += [
                "change:",
                f"  kind: {kind}",
                "  summary:",
                f"    fi: {_yaml_text(self.texts['fi'].sentence())}",
                f"    en: {_yaml_text(self.texts['en'].sentence())}",
            ]
        lines += [
            "title:",
            f"  fi: {_yaml_text(self.name + ':n tietosuojaseloste')}",
            f"  en: {_yaml_text(self.name + ' privacy notice')}",
        ]
        lines.append("sections:")
        dated = {"fi": f"Päivitetty {date.day}.{date.month}.{date.year}.", "en": f"Updated {date.day}.{date.month}.{date.year}."}
        lines += ["  - id: johdanto", "    body:"]
        lines += [f"      {lang}: {_yaml_text(dated[lang])}" for lang in ("fi", "en")]
        for section in self.sections:
            heading = section["heading"]
            assert isinstance(heading, dict)
            lines += [f"  - id: {section['id']}", "    heading:"]
            lines += [f"      {lang}: {_yaml_text(heading[lang])}" for lang in ("fi", "en")]
            lines.append("    body:")
            for lang in ("fi", "en"):
                lines.append(f"      {lang}: " + _block("\n\n".join(self._texts(section, lang)), 8))
        first_id = self.sections[0]["id"]
        quote = {"fi": f"Säilytämme asiakastietoja {self.period} vuotta", "en": f"We keep customer data for {self.period} years"}
        lines += [
            "facts:",
            "  controller:",
            f"    name: {_yaml_text(self.name)}",
            f"    section: {first_id}",
            "  retention:",
            "    - category: {fi: asiakastiedot, en: customer data}",
            f"      period: {{fi: {self.period} vuotta, en: {self.period} years}}",
            f"      quote: {{fi: {_yaml_text(quote['fi'])}, en: {_yaml_text(quote['en'])}}}",
            f"      section: {first_id}",
        ]
        return "\n".join(lines) + "\n"


LENGTHS = ("archive", "long")
"""How long the notices are: ``archive``, each as long as a real notice of data/ drawn at random (its number of
sections and characters); ``long``, 8-13 sections of 2-3 blocks each, about 12 kB of Finnish, as long as the
archive's longest notices."""


def generate(out: Path, organisations: int, versions: int, seed: int = 1, length: str = "archive") -> Path:
    """Write ``out/data`` with the synthetic archive; returns the data folder."""
    if length not in LENGTHS:
        raise ValueError(f"length must be one of {LENGTHS}, not {length!r}")
    rng = random.Random(seed)
    corpus, shapes = _corpus()
    texts = {lang: Text(bodies, headings, rng) for lang, (bodies, headings) in corpus.items()}
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    for number in range(1, organisations + 1):
        folder = data / f"synteettinen-{number:05d}"
        (folder / "captures").mkdir(parents=True, exist_ok=True)
        notice = Notice(texts, rng, number, rng.choice(shapes) if length == "archive" else None)
        (folder / "organisation.yaml").write_text(
            f"# yaml-language-server: $schema=../schema/organisation.schema.json\nname: {_yaml_text(notice.name)}\n",
            encoding="utf-8",
        )
        date = dt.date(2018, 5, 25) + dt.timedelta(days=rng.randrange(365))
        kind = "substantive"
        for index in range(versions):
            if index:
                kind = notice.evolve()
                date += dt.timedelta(days=rng.randint(60, 400))
            (folder / f"{date.isoformat()}.yaml").write_text(notice.yaml(date, index == 0, kind), encoding="utf-8")
            (folder / "captures" / f"{date.isoformat()}.txt").write_text(notice.capture(date), encoding="utf-8")
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write data/ into")
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--length", choices=LENGTHS, default="archive", help="how long the notices are (see LENGTHS)")
    args = parser.parse_args()
    data = generate(args.out, args.organisations, args.versions, args.seed, args.length)
    print(f"wrote {args.organisations} organisations x {args.versions} versions to {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
