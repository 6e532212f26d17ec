"""A notice held in a React component's source (issue 15): ``seloste import`` of a ``.jsx`` or ``.tsx`` file reads the
markup the component returns as the page shows it (markup/jsx.py). Before, it read the file as an HTML page: the
module's code (``import Layout from ...; const PrivacyPage = () => (``) became the notice's first and last lines, the
title was left empty, and an expression such as ``{COMPANY}`` was published as the text ``{COMPANY}``."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from cliruns import run
from datadir import FIXTURES
from deadline import deadline
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.contribute.cli import main
from seloste.contribute.extract import capture_of
from seloste.markup.jsx import page_markup
from seloste.markup.vue import template_markup

IMPORTS = FIXTURES / "import"


def version_of(data: Path, slug: str) -> dict:
    (path,) = (data / slug).glob("20*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_tsx_page_is_imported_as_the_page_shows_it_without_its_code_and_validates(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "import", "mallikas", str(IMPORTS / "tietosuoja.tsx"), "--name", "Mallikas Oy")
    assert code == 0 and "the draft validates" in out, out
    version = version_of(data, "mallikas")
    assert version["title"]["fi"] == "Tietosuojaseloste"
    assert version["stated_date"] == "2024-03-11"  # "päivitetty\n11.3.2024." is one line of text on the page
    assert version["source"]["capture"].endswith(".txt")  # the text the page shows, not the component's source
    capture = (data / "mallikas" / version["source"]["capture"]).read_text(encoding="utf-8")
    for code_ in ("import ", "export ", "const ", "useState", "className", "=>", "{", "<", "| Mallikas", "Näytä lisää"):
        assert code_ not in capture, code_  # the module's code, the document's head, a button: none is the notice
    assert "A comment's markup" not in capture and "<p>" not in capture
    text = "\n\n".join(s["body"]["fi"] for s in version["sections"])
    assert "Mallikas Oy (Y-tunnus 1783913-6)\nMallikatu 3, 00100 Helsinki\n[tietosuoja@mallikas.fi]" in text
    assert "- Sähköpostiosoite ja puhelinnumero" in text  # JSX text over two lines is one line of words
    # {" "} and {'...'} are their text; next/link's <Link> is a link
    assert "Voit pyytää tietosi [lomakkeella](https://mallikas.fi/pyynto). Vastaamme kuukauden kuluessa." in text
    # a line break between a word and a tag is no space in JSX: the page runs the two together, and so does the text
    assert "Lue myös[käyttöehdot](https://mallikas.fi/ehdot)." in text
    load_archive(data)  # the draft is valid as it stands


def test_a_tsx_page_imports_as_its_markup_selected_by_hand_did() -> None:
    """The whole file imports as the one tree it returns: what ``--select`` of the outermost component gave before,
    without the code around it (the first real notice imported from a .tsx, data/huvimestari/, needed that)."""
    source = (IMPORTS / "tietosuoja.tsx").read_text(encoding="utf-8")
    whole = capture_of(source, name="tietosuoja.tsx")
    assert whole == capture_of(source, name="tietosuoja.tsx", select="layout")
    assert whole == capture_of(source, name="tietosuoja.tsx", select=".seloste")  # className reads as a class


@pytest.mark.parametrize(
    ("jsx", "html"),
    [
        ('<p>\n  Lue\n  <a href="https://x.fi">ehdot</a>.\n</p>', '<p>Lue<a href="https://x.fi">ehdot</a>.</p>'),
        ("<p>Nimi: <b>X</b> ja <i>Y</i></p>", "<p>Nimi: <b>X</b> ja <i>Y</i></p>"),
        ("<p>\n  yksi\n  kaksi\n</p>", "<p>yksi kaksi</p>"),
        ("<p>A{\" \"}\n  <b>B</b>{'<Nimi> & co'}{/* ohita */}</p>", "<p>A <b>B</b>&lt;Nimi&gt; &amp; co</p>"),
        ("<p>Nimi<br />\n  <IoIosMail /> osoite</p>", "<p>Nimi<br />osoite</p>"),
        (
            '<><p>A</p><Head><title>T</title></Head><Link href="https://x.fi/a">L</Link></>',
            '<p>A</p><a href="https://x.fi/a">L</a>',
        ),
    ],
    ids=["line-break-before-a-tag", "spaces-on-a-line", "lines-joined", "literals", "icon-after-a-break", "head-and-link"],
)
def test_jsx_text_reads_as_react_renders_it(jsx: str, html: str) -> None:
    assert page_markup(f"export default function Sivu() {{\n  return (\n{jsx}\n  );\n}}\n") == (html, [])


def test_code_that_only_looks_like_markup_is_not_read_as_it() -> None:
    source = (
        'const a = b < c;\nconst [x] = useState<boolean>(a);\nconst s = "<p>x</p>"; // <p>y</p>\n'
        "const t = `<p>${a}</p>`;\n/* <p>z</p> */\nconst icon = <IoIosMail />;\n"
        "export default function P() {\n  return (<p>Teksti</p>);\n}\n"
    )
    assert page_markup(source) == ("<p>Teksti</p>", [])


def test_a_jsx_expression_whose_value_the_file_does_not_hold_stops_import_at_its_line(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = IMPORTS / "lausekkeet.tsx"
    code, out = run(capsys, "import", "lauseke", str(source), "--name", "Lauseke Oy")
    assert code == 1 and f"{source}:9:29: the JSX expression '{{yritys.nimi}}' is not text" in out, out
    assert not (data / "lauseke").exists()  # nothing written: '{yritys.nimi}' would have been published as text


def test_a_file_with_several_pieces_of_markup_is_refused_naming_them(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = IMPORTS / "kaksi-puuta.jsx"
    code, out = run(capsys, "import", "kaksipuuta", str(source), "--name", "Kaksipuuta Oy")
    assert code == 1 and f"{source}:5:5: the file holds 2 pieces of JSX markup (at lines 1, 5)" in out, out
    assert not (data / "kaksipuuta").exists()


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("export default () => (\n  <main>\n    <p>Teksti</p>\n", "2:3: the JSX element <main> is not closed"),
        ("export default () => (\n  <main>\n    <p>Teksti</b>\n  </main>\n);", "3:14: </b> closes <p>, opened at line 3"),
        ("const x = 1;\n", "1:1: the file holds no JSX markup"),
        ("export default () => <p>{tekstit.map((t) => <b>{t}</b>)}</p>;", "1:25: the JSX expression '{tekstit.map"),
    ],
    ids=["unclosed", "mismatched", "none", "map"],
)
def test_what_the_file_does_not_hold_as_the_page_shows_it_is_named_at_its_place(source: str, said: str) -> None:
    _markup, notes = page_markup(source)
    assert any(f"{n.line}:{n.column}: {n.message}".startswith(said) for n in notes), notes


@pytest.mark.parametrize(
    "source",
    ["(<a {" * 50_000, "<p>" + '{""}' * 100_000, '(<a b="' * 50_000, "(<a b c d " * 50_000, "<p>" + "x<br/>" * 100_000 + "</p>"],
    ids=["unclosed-spreads", "expressions", "quotes", "attributes", "breaks"],
)
def test_a_component_built_to_be_slow_is_read_in_linear_time(source: str) -> None:
    with deadline(10):
        page_markup(source)


def test_a_tsx_file_at_a_commit_is_named_as_the_source_and_its_rendered_text_is_the_capture(data: Path) -> None:
    """The capture is the page's text (``.txt``); ``source.path`` names the ``.tsx`` file it was read from."""
    url = "https://github.com/mallikas/sivusto/blob/2945898c8d3daf6fa2f8b49ef0876e972ff82cf1/pages/tietosuoja.tsx"
    assert main(["import", "mallikas", str(IMPORTS / "tietosuoja.tsx"), "--name", "Mallikas Oy", "--url", url]) == 0
    version = version_of(data, "mallikas")
    assert version["source"]["path"] == "pages/tietosuoja.tsx"
    assert version["source"]["commit"] == "2945898c8d3daf6fa2f8b49ef0876e972ff82cf1"
    assert version["source"]["capture"] == "captures/2024-03-11.txt"
    try:
        load_archive(data)
    except DataErrors as err:
        pytest.fail("\n".join(str(e) for e in err.errors))


def test_the_docs_tsx_example_is_refused_where_the_docs_say() -> None:
    contributing = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```tsx\n(.*?)```", contributing, re.DOTALL)
    said = re.search(r"`Tietosuoja\.tsx:(\d+):(\d+): (the JSX expression '\{COMPANY\}' is not text)", contributing)
    assert said, "CONTRIBUTING.md names where import stops"
    _markup, notes = page_markup(textwrap.dedent(block))
    assert [(n.line, n.column, n.message[: len(said[3])]) for n in notes] == [(int(said[1]), int(said[2]), said[3])]


# --- Vue single-file components -------------------------------------------------------------------------------------


def test_a_vue_page_is_imported_as_its_template_shows_it_and_validates(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before, a .vue file was read as an HTML page whose <template> is not shown: the capture came out empty."""
    code, out = run(capsys, "import", "vuemallikas", str(IMPORTS / "tietosuoja.vue"), "--name", "Vuemallikas Oy")
    assert code == 0 and "the draft validates" in out, out
    version = version_of(data, "vuemallikas")
    assert version["title"]["fi"] == "Tietosuojaseloste" and version["stated_date"] == "2024-04-02"
    capture = (data / "vuemallikas" / version["source"]["capture"]).read_text(encoding="utf-8")
    for code_ in ("script", "const", "naytaOikeudet", "Tilaa uutiskirjeemme", "margin", "{{", "<"):
        assert code_ not in capture, code_
    text = "\n\n".join(s["body"]["fi"] for s in version["sections"])
    assert "Vuemallikas Oy (Y-tunnus 1783913-6), Mallikatu 3, 00100 Helsinki." in text
    assert "Voit pyytää tietosi [lomakkeella](https://vuemallikas.fi/pyynto) tai sähköpostitse." in text
    load_archive(data)


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (
            "<template>\n  <p>Yhteyshenkilö: {{ yhteyshenkilo }}</p>\n</template>\n",
            "2:21: the interpolation '{{ yhteyshenkilo }}'",
        ),
        ('<template>\n  <ul><li v-for="t in tiedot">{{ t }}</li></ul>\n</template>\n', "2:11: v-for repeats its element"),
        ('<template>\n  <div v-html="seloste"></div>\n</template>\n', "2:8: v-html puts HTML"),
        ('<template>\n  <p v-if="fi">Suomeksi</p>\n  <p v-else>In English</p>\n</template>\n', "3:6: v-else shows its element"),
        ('<template lang="pug">\n  p Teksti\n</template>\n', "1:1: the template is written in 'pug'"),
        ("<script>\nexport default {}\n</script>\n", "1:1: the file holds no <template> block"),
        ("<template>\n  <p>{{ 'vain' </p>\n</template>\n", "2:6: this interpolation ('{{') is not closed"),
    ],
    ids=["interpolation", "v-for", "v-html", "v-else", "pug", "no-template", "unclosed"],
)
def test_what_a_vue_file_does_not_hold_as_the_page_shows_it_is_named_at_its_place(source: str, said: str) -> None:
    _markup, notes = template_markup(source)
    assert any(f"{n.line}:{n.column}: {n.message}".startswith(said) for n in notes), notes


def test_a_vue_interpolation_whose_value_the_file_does_not_hold_stops_import(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "Tietosuoja.vue"
    source.write_text("<template>\n  <h1>Seloste</h1>\n  <p>Yhteyshenkilö: {{ nimi }}</p>\n</template>\n", encoding="utf-8")
    code, out = run(capsys, "import", "vuenimi", str(source), "--name", "Vuenimi Oy")
    assert code == 1 and f"{source}:3:21: the interpolation '{{{{ nimi }}}}' is not text" in out, out
    assert not (data / "vuenimi").exists()


@pytest.mark.parametrize(
    "source",
    ["<template>\n" + "{{ ' ' }}" * 100_000 + "\n</template>\n", "<template>\n" + "{{" * 200_000, "<template>" * 100_000],
)
def test_a_vue_file_built_to_be_slow_is_read_in_linear_time(source: str) -> None:
    with deadline(10):
        template_markup(source)


def test_a_js_file_is_read_as_a_react_components_source(tmp_path: Path) -> None:
    """Gatsby and Create React App keep pages as .js: read as JSX, not as an HTML page whose code would be text."""
    source = (IMPORTS / "tietosuoja.tsx").read_text(encoding="utf-8")
    assert capture_of(source, name="pages/tietosuoja.js") == capture_of(source, name="pages/tietosuoja.tsx")
    assert "import " not in capture_of(source, name="pages/tietosuoja.js")


def test_a_page_that_shows_no_text_where_the_notice_should_be_is_refused_not_captured_empty(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the import wrote an empty capture and a draft, and said only that the title was empty."""
    page = tmp_path / "tyhja.html"
    page.write_text("<html><body><main><template><p>Teksti</p></template></main></body></html>", encoding="utf-8")
    code, out = run(capsys, "import", "tyhja", str(page), "--name", "Tyhjä Oy", "--select", "main")
    assert code == 1 and "the page shows no text in the part --select 'main' names" in out, out
    assert not (data / "tyhja").exists()
