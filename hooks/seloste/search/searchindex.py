"""The search index: one per language, built from the model, small enough to fetch per query.

A reader's query fetches only what it needs, whatever the size of the archive:

- ``lex/<shard>.json.gz``: for each word form of the notices (and, in Finnish, each base form),
  the *keys* it is searched by, each with the chunk that holds it, sharded by the form's first
  two letters. Keys are the form as written (``=evästeet``), its Snowball stem (``~eväst``)
  and, in Finnish, Voikko's base forms (``henkilötieto``), so that consonant gradation
  (henkilötiedot / henkilötietojen) and irregular stems meet. Under ``~``, the keys of the forms
  of each stem: a form the notices do not use is searched by those of the longest stem it
  starts with, if the rest is an ending (``evästeillemme``: ``eväst`` + ``eillemme``).
- ``keys/<chunk>.json.gz``: for each key, the forms of the notices that carry it (to mark them in
  results) and the notices that use it, with how often (to rank them); keys in the order of their
  words, so that a word's keys mostly share a chunk; the lexicon says which chunk holds a key.
  A word also carries the keys of what it is made of (a compound's last part and the words it
  begins with, a derived word's root), so ``seloste`` finds ``tietosuojaseloste``, but not the
  other way round (a query's keys are its own).
- ``pos/<bucket>.json.gz``: for each exact form, where in each notice it stands: only a quoted
  phrase needs it. A form's bucket is a hash of it (32-bit FNV-1a, as the search script has it).
- ``docs/<n>.json.gz``: one notice's organisation, page address and sections (anchor, heading, text;
  the title first, with the organisation's name): fetched for the results shown, to pick the
  matching sections and mark the words.
- ``meta.json``: the number of notices, chunks and buckets, the lexicon's shards (by first letter; a word whose shard is not
  among them is no word of the notices: no file is asked for), the search dialog's labels, and the build the
  files belong to.

Files are gzip-compressed (deterministic: no name, no time), read with the browser's
DecompressionStream. Only current notices are indexed. docs/search.en.md records how the
engines compared.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import operator
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..archive.localized import LANGUAGES
from ..archive.model import Archive
from ..labels import counted, labels
from ..markup.rendercache import markdown_html
from ..markup.text import plain_text, rendered_text
from ..publish.packed import gzipped, json_bytes
from ..publish.timing import stage
from ..publish.urls import lang_prefix, notice_path
from ..publish.workers import in_chunks
from .keytable import key_table
from .language import ENDINGS, EXACT, FOLDED, STEM, STOPWORDS, TOP, TOP_WORDS, Keys, compounds, fold, nfc, terms, tokens
from .lexicon import Analyser

INDEX_DIR = "search-index"
FORMAT = 1
POSITION_BYTES = 6_000
"""Aimed size of a position bucket before compression: a phrase's word fetches one, and the positions of a
common word (every notice, many times) make most of it, not those of the words that share its bucket."""


@dataclasses.dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    text: str


@dataclasses.dataclass(frozen=True)
class Document:
    """A current notice as search sees it: its organisation, its page and its sections (the title first)."""

    title: str
    url: str
    sections: tuple[Section, ...]


def documents(archive: Archive, lang: str) -> list[Document]:
    """The current notice of every organisation in ``lang``, as its page shows it. A notice whose page in ``lang``
    shows a text in another language (published only in English or Swedish, not translated) is found by its
    organisation's names only: that text is not in ``lang``, and this index's words are. Every name of the organisation
    is found (``Organisation.all_names``): its Swedish name finds it on the Finnish site too."""
    docs = []
    for record in archive.organisations:
        version = record.current.version
        path = lang_prefix(lang) + notice_path(record.slug)
        name = record.organisation.name_in(lang)
        others = " ".join(other for other, _lang in record.organisation.other_names(name))
        if version.reading(lang)[0] != lang:
            docs.append(Document(name, path, (Section("", name, others),)))
            continue
        sections = [Section("", plain_text(version.title[lang]), " ".join(filter(None, (name, others))))]
        for section in (s for s in version.sections if s.has(lang)):  # as the page shows the text in lang
            heading = plain_text(section.heading[lang]) if section.heading else ""
            sections.append(Section(section.id, heading, rendered_text(markdown_html(section.body[lang]))))
        docs.append(Document(name, path, tuple(sections)))
    return docs


@dataclasses.dataclass
class Index:
    """A language's index, as the files it is published as (path under the language's folder -> data), and those of
    them already encoded (path -> the JSON :func:`json_bytes` gives of the data)."""

    files: dict[str, object]
    words: int
    keys: int
    encoded: dict[str, bytes] = dataclasses.field(default_factory=dict)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes; the search script computes the same."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard(form: str) -> str:
    """The lexicon file of a form: its first two characters as hex code points (safe in any URL or file system)."""
    return _shard(form[:2])


@functools.lru_cache(maxsize=1 << 16)
def _shard(start: str) -> str:
    return "-".join(f"{ord(c):x}" for c in start)


def _buckets(table: dict[str, list], total: int) -> tuple[int, dict[str, dict[str, list]]]:
    count = max(1, round(total / POSITION_BYTES))
    buckets: dict[str, dict[str, list]] = {str(n): {} for n in range(count)}  # every one, empty or not
    for key in sorted(table):
        buckets[str(fnv1a(key) % count)][key] = table[key]
    return count, buckets


def build_index(docs: list[Document], keys: Keys) -> Index:
    """The index of ``docs`` (in their order: a result is a document's number)."""
    counts: dict[str, dict[int, int]] = defaultdict(dict)  # form -> doc -> occurrences
    positions: dict[str, list[int]] = defaultdict(list)  # form -> flat [doc delta, n, position deltas...]
    last_doc: dict[str, int] = {}
    files: dict[str, object] = {}
    for number, doc in enumerate(docs):
        where: dict[str, list[int]] = defaultdict(list)
        hyphenated: dict[str, int] = defaultdict(int)
        position = 0
        for section in doc.sections:
            for text in (section.heading, section.text):
                forms = tokens(text)
                for at, form in enumerate(forms, position):
                    where[form].append(at)
                position += len(forms) + 1  # no phrase across a heading and its text, or across sections
                for form in compounds(text):  # counted as words of their own; a phrase is placed by their parts
                    hyphenated[form] += 1
        for form, n in hyphenated.items():
            counts[form][number] = n
        for form, found in where.items():
            counts[form][number] = len(found)
            positions[form] += [number - last_doc.get(form, 0), len(found), found[0], *map(operator.sub, found[1:], found)]
            last_doc[form] = number
        sections = [[s.anchor, nfc(s.heading), nfc(s.text)] for s in doc.sections]
        files[f"docs/{number}.json.gz"] = {"t": nfc(doc.title), "u": doc.url, "s": sections}

    forms_of: dict[str, list[str]] = defaultdict(list)
    for form in sorted(counts):
        for key in keys.index(form) | {EXACT + form}:
            forms_of[key].append(form)
    keyed = key_table(forms_of, counts)
    chunk_of = keyed.chunk_of

    def located(found: Iterable[str]) -> list[list[str | int]]:
        return [[key, chunk_of[key]] for key in sorted(found) if key in chunk_of]

    lexicon: dict[str, dict[str, object]] = defaultdict(dict)
    searchable: dict[str, set[str]] = {}
    for form in counts:
        for base in keys.bases(form):
            searchable.setdefault(base, set(keys.query(base)) | {EXACT + base})
    for form in counts:
        searchable[form] = set(keys.query(form)) | {EXACT + form}
    for form in counts:
        joined = form.replace("-", "")  # e-mail is found as email, the way many write it (Keys.query)
        if joined != form and joined not in searchable:
            searchable[joined] = set(keys.query(joined))
    for form in sorted(searchable):
        lexicon[shard(form)][form] = located(searchable[form])
    # For a form the notices do not use: what the words of the stem it starts with are searched by.
    stems = _stems(counts, searchable, keys)
    for stem, stem_keys in sorted(stems.items()):
        table = lexicon[shard(stem)].setdefault(STEM, {})
        table[stem] = located(stem_keys)  # type: ignore[index]
    # For a reader without ä and ö: the words and stems so written, in the lexicon file of what they begin with.
    for kind, written in ((FOLDED, searchable), (FOLDED + STEM, stems)):
        folded: dict[str, set[str]] = defaultdict(set)
        for word, word_keys in written.items():
            if (bare := fold(word)) != word:
                folded[bare] |= {key for key in word_keys if not key.startswith(EXACT)}
        for word, word_keys in sorted(folded.items()):
            lexicon[shard(word)].setdefault(kind, {})[word] = located(word_keys)  # type: ignore[index]

    # While a reader types: the most used words of each file, and of each first letter.
    common = set(STOPWORDS.get(keys.lang, ()))
    tops: dict[str, list[str]] = defaultdict(list)
    for form in sorted(counts, key=lambda f: (-len(counts[f]), f)):
        if form not in common and len(form) > 2:
            for start in {shard(form), shard(form[:1])}:
                if len(tops[start]) < TOP_WORDS:
                    tops[start].append(form)
    for start, top in sorted(tops.items()):
        lexicon[start][TOP] = top

    size = sum(len(v) * 3 for v in positions.values())
    pos_count, pos_buckets = _buckets(dict(positions), size)
    files.update({f"keys/{b}.json.gz": chunk for b, chunk in keyed.chunks.items()})
    files.update({f"pos/{b}.json.gz": table for b, table in pos_buckets.items()})
    files.update({f"lex/{name}.json.gz": table for name, table in lexicon.items()})
    files["meta.json"] = {
        "format": FORMAT,
        "docs": len(docs),
        "keys": keyed.count,
        "pos": pos_count,
        "endings": ENDINGS.get(keys.lang, ENDINGS["en"]),
        "stop": sorted(set(STOPWORDS.get(keys.lang, ()))),
        "languages": list(LANGUAGES),
        "lex": _listing(lexicon),
        "ui": labels(keys.lang)["search"],
    }
    encoded = {f"keys/{b}.json.gz": raw for b, raw in keyed.encoded.items()}
    return Index(files, words=len(counts), keys=len(forms_of), encoded=encoded)


def _stems(counts: dict[str, dict[int, int]], searchable: dict[str, set[str]], keys: Keys) -> dict[str, set[str]]:
    """Stem -> keys: the Snowball stem of each form of the notices, with the keys of its forms, and Voikko's stems
    of the forms of the notices and of their base forms, with the keys of their base forms. In English, a stem
    ending in e or i also stands without the e (stor-ing) or with y (rectify-ing)."""
    by_stem: dict[str, set[str]] = defaultdict(set)
    for form in counts:
        stem = keys.stem(form)[len(STEM) :]
        by_stem[stem] |= keys.query(form)
        if keys.lang == "en" and len(stem) > 3 and stem[-1] in "ei":
            by_stem[stem[:-1] + ("" if stem[-1] == "e" else "y")] |= keys.query(form)
    for form in searchable:
        for stem, bases in keys.stems(form).items():
            by_stem[stem] |= bases
    return by_stem


def _listing(lexicon: dict[str, dict[str, object]]) -> dict[str, str]:
    """The lexicon's files, short: first letter -> its files' second letters, space-separated ("-" for the file
    of words of one letter). meta.json is fetched on every visit, and this is most of it."""
    listing: dict[str, list[str]] = defaultdict(list)
    for name in sorted(lexicon):
        first, _, second = name.partition("-")
        listing[first].append(second or "-")
    return {first: " ".join(seconds) for first, seconds in listing.items()}


def _encode(path: str, data: object, raw: bytes | None = None) -> bytes:
    raw = json_bytes(data) if raw is None else raw
    return gzipped(raw) if path.endswith(".gz") else raw


def write_index(site_dir: Path, lang: str, index: Index) -> int:
    """Write a language's index under ``search-index/<lang>/``; returns its size in bytes.

    ``meta.json`` names the build (a hash of every other file): the search script asks for the
    files of that build, so a browser never mixes files cached from an earlier one.
    """
    folder = site_dir / INDEX_DIR / lang
    encoded = {path: _encode(path, data, index.encoded.get(path)) for path, data in index.files.items() if path != "meta.json"}
    digest = hashlib.sha256()
    for path in sorted(encoded):
        digest.update(path.encode("utf-8") + b"\0" + encoded[path])
    encoded["meta.json"] = _encode("meta.json", {**index.files["meta.json"], "build": digest.hexdigest()[:16]})  # type: ignore[dict-item]
    for parent in sorted({(folder / path).parent for path in encoded}):
        parent.mkdir(parents=True, exist_ok=True)
    for path, body in encoded.items():
        (folder / path).write_bytes(body)
    return sum(len(body) for body in encoded.values())


def write_search_index(archive: Archive, site_dir: Path, analyser: Analyser | None, jobs: int = 1) -> dict[str, Index]:
    """Build and write the index of every language, each in one of ``jobs`` processes (the files are the same)."""

    def languages(start: int, stop: int) -> dict[str, Index]:
        return {lang: index_language(archive, site_dir, analyser, lang) for lang in LANGUAGES[start:stop]}

    return {lang: index for part in in_chunks("search index", languages, len(LANGUAGES), jobs) for lang, index in part.items()}


def index_language(archive: Archive, site_dir: Path, analyser: Analyser | None, lang: str) -> Index:
    """Build and write the index of ``lang``."""
    with stage("search index"):
        docs = documents(archive, lang)
        names = frozenset(word for doc in docs for word in terms(doc.title) + tokens(doc.title))
        index = build_index(docs, Keys(lang, analyser, names))
        write_index(site_dir, lang, index)
    return index


def describe(built: dict[str, Index]) -> str:
    return ", ".join(
        f"{lang}: {counted(i.words, 'word form', 'word forms')}, {counted(i.keys, 'key', 'keys')}" for lang, i in built.items()
    )
