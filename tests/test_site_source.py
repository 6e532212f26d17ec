"""Captures of a site's source (issue 15): MDX and Nuxt Content (MDC) markup and inline HTML are the site's, not the
notice's text. ``seloste import`` leaves them out of the draft (keeping the text inside a component, and an HTML link
as a Markdown link), the fidelity check reads them as markup (so a faithful text passes with no noise declared), a
list that follows a paragraph gets the blank line it needs, and an error never quotes two texts that look alike
without saying what differs."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from cliruns import run
from datadir import FIXTURES, ORGANISATION_LINE, VERSION_LINE
from deadline import deadline
from seloste.archive.capturetext import capture_sentences
from seloste.archive.errors import DataErrors
from seloste.archive.likeness import difference_note
from seloste.archive.loader import load_archive
from seloste.contribute.drafting import draft
from seloste.contribute.extract import capture_of
from seloste.markup.render import markdown_html
from seloste.markup.sitesource import as_markdown, markup_lines

IMPORTS = FIXTURES / "import"


def version_of(data: Path, slug: str) -> tuple[Path, dict]:
    (path,) = (data / slug).glob("20*.yaml")
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


def errors(data: Path) -> list[str]:
    try:
        load_archive(data)
    except DataErrors as err:
        return [str(e) for e in err.errors]
    return []


def bodies(version: dict, lang: str = "fi") -> str:
    return "\n\n".join(s["body"][lang] for s in version["sections"])


# --- MDX -----------------------------------------------------------------------------------------------------------


def test_an_mdx_capture_is_imported_without_its_imports_exports_and_component_tags_and_validates(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "import", "mallikas", str(IMPORTS / "tietosuoja.mdx"), "--name", "Mallikas Oy")
    assert code == 0 and "the draft validates" in out, out
    _path, version = version_of(data, "mallikas")
    text = bodies(version)
    for markup in ("import ", "export ", "<Callout", "</Callout>", "<TableOfContents", "<Link", 'type="warning"'):
        assert markup not in text
    # the text inside a component is the notice's
    assert "Tietosuoja-asioissa voit ottaa yhteyttä osoitteeseen tietosuoja@mallikas.fi." in text
    assert "Emme luovuta tietoja kolmansille osapuolille." in text
    assert "source" in version and "capture_noise" not in version["source"]  # nothing declared line by line
    capture = (data / "mallikas" / version["source"]["capture"]).read_bytes()
    assert capture == (IMPORTS / "tietosuoja.mdx").read_bytes()  # the capture stays the file, byte for byte
    assert errors(data) == []


def test_the_fidelity_check_reads_mdx_markup_as_markup_and_the_text_inside_components_as_text() -> None:
    capture = (IMPORTS / "tietosuoja.mdx").read_text(encoding="utf-8")
    sentences = [s.text for s in capture_sentences(capture)]
    assert not [s for s in sentences if "import" in s or "export" in s or "<" in s or "updated" in s]
    assert "Tietosuoja-asioissa voit ottaa yhteyttä osoitteeseen tietosuoja@mallikas.fi." in sentences
    assert "Lue käyttöehdot ja evästeistä lisää." in sentences  # an inline component's text, in its sentence
    lines = capture.split("\n")
    marked = {lines[n - 1] for n in markup_lines(lines)}
    assert {"import Callout from '../components/Callout'", "<TableOfContents />", '<Callout type="info">'} <= marked
    assert '  title="Huom"' in marked and "}" in marked  # a tag and a statement written over several lines


def test_a_faithful_text_of_an_mdx_capture_still_misses_what_it_leaves_out(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", "mallikas", str(IMPORTS / "tietosuoja.mdx"), "--name", "Mallikas Oy")
    path, _version = version_of(data, "mallikas")
    raw = path.read_text(encoding="utf-8")
    path.write_text(
        raw.replace("Tietosuoja-asioissa voit ottaa yhteyttä osoitteeseen tietosuoja@mallikas.fi.", ""), encoding="utf-8"
    )
    found = errors(data)
    assert any(":21:1: this sentence of the original is missing" in e and "Tietosuoja-asioissa" in e for e in found), found


def test_a_word_in_angle_brackets_that_is_no_html_element_is_text() -> None:
    capture = "Yhteyshenkilö: <nimi> (<puhelin>), <b>lihava</b> <my-widget>ja</my-widget> <Callout>tämä</Callout>.\n"
    assert [s.text for s in capture_sentences(capture)] == ["Yhteyshenkilö: <nimi> (<puhelin>), lihava ja tämä."]


def test_an_mdx_comment_is_markup() -> None:
    assert [s.text for s in capture_sentences("{/* piilotettu huomautus */}\nTeksti.\n")] == ["Teksti."]


def test_text_that_only_looks_like_esm_or_a_component_is_the_notices() -> None:
    capture = (
        "Import- ja exporttiasiakkaiden tiedot.\nexport-palvelu on meidän.\nimport { puuttuu\n\n<Huom tämä on tekstiä\n\nLoppu.\n"
    )
    sentences = [s.text for s in capture_sentences(capture)]
    assert sentences == [
        "Import- ja exporttiasiakkaiden tiedot.",
        "export-palvelu on meidän.",
        "import { puuttuu",
        "<Huom tämä on tekstiä",
        "Loppu.",
    ]


# --- Nuxt Content / MDC ----------------------------------------------------------------------------------------------


def test_an_mdc_capture_is_imported_without_its_component_fences_and_validates(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "import", "pilvi", str(IMPORTS / "tietosuoja.mdc.md"), "--name", "Pilvi Oy")
    assert code == 0 and "the draft validates" in out, out
    _path, version = version_of(data, "pilvi")
    text = bodies(version)
    assert "::" not in text and ":badge" not in text and ":icon" not in text and "#title" not in text and "icon:" not in text
    assert "Käytämme evästeitä vain sivuston toimintaan." in text  # an inline component's text
    assert "Tiedot poistetaan vuoden kuluttua." in text  # one without text leaves none, and no double space
    assert "Voit estää evästeet selaimesi asetuksista." in text  # inside a nested ::: block
    assert errors(data) == []


def test_the_fidelity_check_reads_mdc_fences_props_and_slots_as_markup() -> None:
    capture = (IMPORTS / "tietosuoja.mdc.md").read_text(encoding="utf-8")
    sentences = [s.text for s in capture_sentences(capture)]
    assert not [s for s in sentences if "::" in s or s in ("icon: cookie", "#title", "---")]
    assert sentences[-4:] == [
        "Evästeet",
        "Käytämme evästeitä vain sivuston toimintaan.",
        "Voit estää evästeet selaimesi asetuksista.",
        "Tiedot poistetaan vuoden kuluttua.",
    ]
    # a colon in the notice's own words is no component
    assert [s.text for s in capture_sentences("Huom: tiedot (klo 8:00) ks. https://x.fi/:a[b]\n")] == [
        "Huom: tiedot (klo 8:00) ks.",
        "https://x.fi/:a[b]",
    ]


# --- a list after a paragraph ----------------------------------------------------------------------------------------


def test_a_list_that_follows_a_paragraph_directly_gets_the_blank_line_it_needs_to_render_as_a_list() -> None:
    drafted = draft(["# Seloste\n\n## Tiedot\n\nKäsittelemme:\n- nimi\n- osoite\njonka annat\n- puhelin\n\nLoppu.\n"])
    body = drafted.sections[0][1]
    assert body == "Käsittelemme:\n\n- nimi\n- osoite\njonka annat\n- puhelin\n\nLoppu."  # a lazy line stays in its item
    html = markdown_html(body)
    assert "<p>Käsittelemme:</p>" in html and html.count("<li>") == 3


def test_an_imported_markdown_list_after_a_paragraph_renders_as_a_list(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", "linkki", str(IMPORTS / "raaka-html.md"), "--name", "Linkki Oy")
    assert code == 0 and "the draft validates" in out, out
    _path, version = version_of(data, "linkki")
    body = next(s["body"]["fi"] for s in version["sections"] if s["heading"]["fi"] == "Käsittely")
    assert body.startswith("Käsittelemme seuraavia tietoja:\n\n- nimi\n")
    assert markdown_html(body).count("<li>") == 3


# --- inline HTML ---------------------------------------------------------------------------------------------------


def test_inline_html_in_a_markdown_capture_is_read_as_html_and_imported_as_markdown(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = (IMPORTS / "raaka-html.md").read_text(encoding="utf-8")
    last = capture_sentences(capture)[-2:]
    # target="_blank" is an attribute, not emphasis: the sentence is the link's text
    assert [s.text for s in last] == ["Lue käyttöehdot ja säilytä ne.", "Kysy lisää meiltä."]
    run(capsys, "import", "linkki", str(IMPORTS / "raaka-html.md"), "--name", "Linkki Oy")
    _path, version = version_of(data, "linkki")
    text = bodies(version)
    # <br> is a line break on the page: a line break in the body, which renders as one (a hard break)
    assert "Lue [käyttöehdot](https://linkki.fi/ehdot) ja **säilytä** ne.\nKysy lisää meiltä." in text
    assert "ne.<br>\nKysy" in markdown_html(text)
    assert "<" not in text and "_blank" not in text
    assert errors(data) == []


def test_a_hand_written_faithful_text_of_inline_html_passes(data: Path) -> None:
    folder = data / "linkki"
    (folder / "captures").mkdir(parents=True)
    (folder / "organisation.yaml").write_text(ORGANISATION_LINE + "name: Linkki Oy\n", encoding="utf-8")
    (folder / "captures" / "2024-01-10.txt").write_text(
        'Linkki Oy (Y-tunnus 1783913-6).\n\nLue <a href="https://linkki.fi/ehdot" target="_blank">käyttöehdot</a> tästä.\n',
        encoding="utf-8",
    )
    (folder / "2024-01-10.yaml").write_text(
        VERSION_LINE + "recorded_date: '2024-01-10'\nsource:\n  capture: captures/2024-01-10.txt\ntranslation: pending\n"
        "title: {fi: Linkki Oy (Y-tunnus 1783913-6).}\nsections:\n  - id: ehdot\n    body:\n"
        "      fi: 'Lue [käyttöehdot](https://linkki.fi/ehdot) tästä.'\n"
        "facts:\n  controller: {name: Linkki Oy, business_id: 1783913-6, section: title}\n",
        encoding="utf-8",
    )
    assert errors(data) == []


def test_a_markdown_file_with_html_blocks_is_its_own_capture_not_a_page_to_convert() -> None:
    text = '<div class="huom">\n\n# Tietosuojaseloste\n\nLue <a href="https://x.fi/ehdot">ehdot</a>.\n\n</div>\n'
    for name in ("tietosuoja.md", "tietosuoja.mdx", "https://raw.example/sivu/tietosuoja.md?raw=1"):
        assert capture_of(text, name=name) == text
    assert capture_of(text, name="tietosuoja.html") != text  # a page is converted to Markdown


def test_a_less_than_sign_a_page_shows_stays_text_through_import_and_fidelity(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "pohja.html"
    page.write_text(
        "<html><body><main><h1>Tietosuojaseloste</h1><h2>Rekisterinpitäjä</h2>"
        "<p>Pohja Oy (Y-tunnus 1783913-6). Yhteyshenkilö: &lt;nimi&gt;, alle &lt;18-vuotiaat huoltajan kanssa.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    code, out = run(capsys, "import", "pohja", str(page), "--select", "main", "--name", "Pohja Oy")
    assert code == 0 and "the draft validates" in out, out
    _path, version = version_of(data, "pohja")
    html = markdown_html(version["sections"][0]["body"]["fi"])
    assert "Yhteyshenkilö: &lt;nimi&gt;, alle &lt;18-vuotiaat" in html  # the words the page shows, not a tag
    (capture,) = (data / "pohja" / "captures").glob("*.txt")
    assert [s.text for s in capture_sentences(capture.read_text(encoding="utf-8"))][-1] == (
        "Yhteyshenkilö: <nimi>, alle <18-vuotiaat huoltajan kanssa."
    )


# --- messages that say what differs ---------------------------------------------------------------------------------


def test_an_error_about_a_dash_names_the_two_characters(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", "linkki", str(IMPORTS / "raaka-html.md"), "--name", "Linkki Oy")
    path, _version = version_of(data, "linkki")
    path.write_text(
        path.read_text(encoding="utf-8").replace("1783913-6) – Linkkikatu", "1783913-6) - Linkkikatu"), encoding="utf-8"
    )
    (message,) = [e for e in errors(data) if "missing from" in e]
    assert "the capture has an en dash '–' (U+2013) where the text has a hyphen-minus '-' (U+002D)" in message


@pytest.mark.parametrize(
    ("capture", "text", "said"),
    [
        (
            "Esimerkki Oy:n",
            "Esimerkki\u00a0Oy:n",
            "the capture has a space (U+0020) where the text has a no-break space (U+00A0)",
        ),
        ("A – B", "A — B", "an en dash '–' (U+2013) where the text has an em dash '—' (U+2014)"),
        ("Oy", "\u041ey", "the capture has a latin capital letter o 'O' (U+004F) where the text has a cyrillic capital letter o"),
        ("target=_blank", "target=blank", "the capture has a low line '_' (U+005F) where the text has none"),
        ("x" * 100 + "a", "x" * 100 + "\u00e0", "latin small letter a with grave"),
    ],
)
def test_two_texts_that_look_alike_are_never_quoted_alone(capture: str, text: str, said: str) -> None:
    note = difference_note(capture, text)
    assert said in note
    quoted = note.split(" where the capture has ")
    assert len(quoted) == 1 or quoted[0].split("has ", 1)[1] != quoted[1].split(":", 1)[0]


def test_two_texts_that_differ_in_words_are_quoted_as_before() -> None:
    assert difference_note("säilytetään viisi vuotta", "säilytetään kuusi vuotta") == (
        "; the nearest text has 'säilytetään kuusi vuotta' where the capture has 'säilytetään viisi vuotta'"
    )


# --- the docs' examples ----------------------------------------------------------------------------------------------


def _blocks(doc: str, fence: str) -> list[str]:
    text = (Path(__file__).resolve().parents[1] / doc).read_text(encoding="utf-8")
    return [textwrap.dedent(block) for block in re.findall(rf"^ *```{fence}\n(.*?)^ *```", text, re.MULTILINE | re.DOTALL)]


def test_the_docs_mdx_and_mdc_examples_read_as_they_say() -> None:
    mdx = _blocks("data/README.md", "mdx") + _blocks("CONTRIBUTING.md", "mdx")
    assert len(mdx) == 2
    assert [s.text for s in capture_sentences(mdx[0])] == ["Lue käyttöehdot."]
    assert [s.text for s in capture_sentences(mdx[1])] == [
        "Rekisterinpitäjä",
        "Tietosuoja-asioissa voit ottaa yhteyttä osoitteeseen tietosuoja@mallikas.fi.",
    ]
    (mdc,) = [block for block in _blocks("CONTRIBUTING.md", "md") if "::" in block]
    assert [s.text for s in capture_sentences(mdc)] == ["Käytämme evästeitä vain sivuston toimintaan."]


# --- the last limits met on real site sources (issue 15) --------------------------------------------------------------


def capture_file(data: Path, slug: str) -> Path:
    (path,) = (data / slug / "captures").iterdir()
    return path


def test_a_capitalised_word_in_angle_brackets_in_a_markdown_file_is_text(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In a .md file a word in angle brackets that is no HTML element is the notice's prose (a placeholder), not a JSX
    tag: it was dropped, and the published text lost words."""
    code, out = run(capsys, "import", "paikka", str(IMPORTS / "paikkamerkit.md"), "--name", "Paikka Oy")
    assert code == 0 and "the draft validates" in out and "check against the page" not in out, out
    _path, version = version_of(data, "paikka")
    text = bodies(version)
    assert 'otsikoksi "Tietopyyntö <Nimi>" ja' in text and "allekirjoituksena <Yritys Oy>." in text
    assert "[lomakkeella](https://paikka.fi/lomake)" in text  # an HTML element is still markup
    assert "Tietopyyntö &lt;Nimi&gt;" in markdown_html(text)  # the page's words, shown as written
    capture = capture_file(data, "paikka")
    assert capture.name.endswith(".md") and version["source"]["capture"] == f"captures/{capture.name}"  # its kind kept
    sentences = [s.text for s in capture_sentences(capture.read_text(encoding="utf-8"), dialect="markdown")]
    assert "Vastaamme kuukauden kuluessa, allekirjoituksena <Yritys Oy>." in sentences
    assert errors(data) == []


def test_in_mdx_a_tag_without_its_closing_tag_is_text_and_the_import_says_where(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = IMPORTS / "paikkamerkit.mdx"
    code, out = run(capsys, "import", "paikka", str(source), "--name", "Paikka Oy")
    assert code == 0 and "the draft validates" in out, out
    text = bodies(version_of(data, "paikka")[1])
    assert "<Nimi>" in text and "<Yritys Oy>" in text  # kept, and said so at their lines and columns
    assert f"check against the page: {source}:11:41: '<Nimi>' is read as text" in out
    assert f"check against the page: {source}:14:49: '<Yritys Oy>' is read as text" in out
    # a tag of valid shape with its closing tag, or one that closes itself, is a component's: its text stays
    assert "Callout" not in text and "Lomake on sivulla pyyntölomake." in text and "Linkki" not in text
    assert capture_file(data, "paikka").suffix == ".mdx"
    assert errors(data) == []


@pytest.mark.parametrize(
    ("line", "read", "said"),
    [
        ("Ota yhteyttä <Nimi>.", "Ota yhteyttä <Nimi>.", ["1:14: '<Nimi>' is read as text", "not its closing tag"]),
        ("Loppu </Nimi> tässä.", "Loppu </Nimi> tässä.", ["1:7: '</Nimi>' is read as text", "not its opening tag"]),
        ("A <Huom tyyppi=info>x</Huom>.", "A <Huom tyyppi=info>x</Huom>.", ["1:3:", "not a JSX tag's shape", "1:22:"]),
        ('A <Huom tyyppi="info">x</Huom> <Tyhja />.', "A x .", []),
    ],
    ids=["unclosed", "unopened", "shape", "components"],
)
def test_in_mdx_a_capitalised_tag_is_a_components_only_with_a_valid_shape_and_its_pair(
    line: str, read: str, said: list[str]
) -> None:
    markdown, notes = as_markdown(line + "\n", "mdx")
    assert markdown.strip() == read
    told = " ".join(f"{note.line}:{note.column}: {note.message}" for note in notes)
    assert all(part in told for part in said) and (said or not notes), told
    assert not any(note.unreadable for note in notes)  # text kept, for a person to check: never an error


def test_an_mdx_export_with_a_blank_line_inside_is_read_to_its_end(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """MDX reads an ES module statement to its end over blank lines: the rest of it was read as text, and leaked."""
    capture = (IMPORTS / "vienti.mdx").read_text(encoding="utf-8")
    lines = capture.split("\n")
    assert set(range(1, 15)) - {9} <= markup_lines(lines, dialect="mdx")  # the import, the object, the function
    assert [s.text for s in capture_sentences(capture, dialect="mdx")][:2] == ["Tietosuojaseloste", "Rekisterinpitäjä"]
    code, out = run(capsys, "import", "vienti", str(IMPORTS / "vienti.mdx"), "--name", "Vienti Oy")
    assert code == 0 and "the draft validates" in out, out
    text = bodies(version_of(data, "vienti")[1])
    for code_text in ("description", "tags", "tietojasi", "return", "Layout", "children"):
        assert code_text not in text
    assert errors(data) == []


@pytest.mark.parametrize(
    ("capture", "where", "left"),
    [
        ("export const meta = {\n  title: 'x',\n\nTeksti.\n", "2:1", "a '{' is left open at line 5"),
        ("Alku.\n\nexport const t = `kesken\n\nTeksti.\n", "4:1", "a template literal is left open"),
        ("import { A }\n\nTeksti.\n", "2:1", "no 'from' and module name is left open at line 2"),
    ],
    ids=["object", "template", "import"],
)
def test_an_mdx_statement_that_does_not_end_is_an_error_at_its_line(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], capture: str, where: str, left: str
) -> None:
    source = tmp_path / "kesken.mdx"
    source.write_text("# Seloste\n" + capture, encoding="utf-8")
    code, out = run(capsys, "import", "kesken", str(source), "--name", "Kesken Oy")
    assert code == 1 and f"{source}:{where}: this " in out and left in out, out
    assert not (data / "kesken").exists()  # nothing written
    # validate says the same of a capture written by hand, at the capture's line
    hand_made(data, "kesken", "# Seloste\n" + capture, "captures/2024-01-10.mdx")
    assert any(f"captures/2024-01-10.mdx:{where}: this " in e and left in e for e in errors(data)), errors(data)


def hand_made(data: Path, slug: str, capture: str, name: str, path: str | None = None) -> None:
    folder = data / slug
    (folder / "captures").mkdir(parents=True)
    (folder / "organisation.yaml").write_text(ORGANISATION_LINE + "name: Käsin Oy\n", encoding="utf-8")
    (folder / name).write_text(capture, encoding="utf-8")
    where = f"  repository: kasin/sivut\n  path: {path}\n  commit: {'a' * 40}\n" if path else ""
    (folder / "2024-01-10.yaml").write_text(
        VERSION_LINE + f"recorded_date: '2024-01-10'\nsource:\n{where}  capture: {name}\ntranslation: pending\n"
        "title: {fi: Seloste}\nsections:\n  - id: teksti\n    body:\n      fi: 'Käsin Oy (Y-tunnus 1783913-6). Teksti.'\n"
        "facts:\n  controller: {name: Käsin Oy, business_id: 1783913-6, section: teksti}\n",
        encoding="utf-8",
    )


def test_jsx_expressions_in_mdx_text_read_as_the_page_shows_them(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A string literal is its text, a comment is nothing: neither dropped nor published with its braces."""
    capture = (IMPORTS / "lausekkeet.mdx").read_text(encoding="utf-8")
    sentences = [s.text for s in capture_sentences(capture, dialect="mdx")]
    assert "Lauseke Oy (Y-tunnus 1783913-6), Lausekatu 3, 00100 Helsinki." in sentences
    assert sentences[-4:] == [
        "Voit pyytää tietosi lomakkeella.",
        "Vastaamme kuukauden kuluessa.",
        "Koodissa {muuttuja} on koodia.",
        "Lue ehdot.",  # an expression in a tag's attribute is the tag's
    ]
    code, out = run(capsys, "import", "lauseke", str(IMPORTS / "lausekkeet.mdx"), "--name", "Lauseke Oy")
    assert code == 0 and "the draft validates" in out, out
    text = bodies(version_of(data, "lauseke")[1])
    assert "Voit pyytää tietosi lomakkeella. Vastaamme kuukauden kuluessa." in text and "TODO" not in text
    assert "Koodissa `{muuttuja}` on koodia." in text  # braces in code are code's
    assert errors(data) == []


def test_a_jsx_expression_whose_value_the_file_does_not_hold_is_named_at_its_line(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "muuttuja.mdx"
    source.write_text("# Seloste\n\nYhteyshenkilö on {yhteyshenkilo.nimi}.\n", encoding="utf-8")
    code, out = run(capsys, "import", "muuttuja", str(source), "--name", "Muuttuja Oy")
    assert code == 1 and f"{source}:3:18: the JSX expression '{{yhteyshenkilo.nimi}}' is not text" in out, out
    assert not (data / "muuttuja").exists()
    # a capture written by hand: validate refuses it at its line, whether the capture's name or the source's path says MDX
    hand_made(
        data, "muuttuja", "Käsin Oy (Y-tunnus 1783913-6). Teksti {nimi}.\n", "captures/2024-01-10.txt", "sivut/tietosuoja.mdx"
    )
    assert any("captures/2024-01-10.txt:1:39: the JSX expression '{nimi}' is not text" in e for e in errors(data))


def test_the_source_path_tells_how_a_txt_capture_is_read(data: Path) -> None:
    hand_made(data, "kasin", "Käsin Oy (Y-tunnus 1783913-6). <Huom>Teksti.</Huom>\n", "captures/2024-01-10.txt", "tietosuoja.md")
    found = errors(data)  # in a .md file the tags are text the page shows, which the body leaves out
    assert any("missing from kasin/2024-01-10.yaml" in e and "<Huom>Teksti." in e for e in found), found


def test_a_line_a_br_starts_with_a_lists_mark_is_escaped_so_that_the_page_shows_no_backslash() -> None:
    """Markdown escapes no digit: '\\2.' shows its backslash; '2\\.' shows '2.' and starts no list."""
    from seloste.markup.sitesource import as_markdown

    drafted = as_markdown("Ennen<br>2. ei listaa<br>3) eikä tätä<br>- eikä tätä\n", "markdown")[0]
    assert drafted == "Ennen\n2\\. ei listaa\n3\\) eikä tätä\n\\- eikä tätä\n"
    html = markdown_html(drafted)
    assert "\\" not in html and "<ol" not in html and "<ul" not in html and "2. ei listaa" in html


def test_a_br_is_a_line_break_in_the_capture_and_in_the_draft(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On a page <br> is a line break: the draft writes one (a newline: a hard break in both renderers), so the page
    shows what the original showed; in a table's row or a heading it is a space."""
    capture = (IMPORTS / "rivinvaihdot.md").read_text(encoding="utf-8")
    sentences = [s.text for s in capture_sentences(capture, dialect="markdown")]
    assert sentences[2:6] == ["Vaihto Oy", "Vaihtokatu 4", "00100 Helsinki", "Y-tunnus 1783913-6."]
    code, out = run(capsys, "import", "vaihto", str(IMPORTS / "rivinvaihdot.md"), "--name", "Vaihto Oy")
    assert code == 0 and "the draft validates" in out, out
    sections = version_of(data, "vaihto")[1]["sections"]
    address, kept = sections[0]["body"]["fi"], sections[1]["body"]["fi"]
    assert address == "Vaihto Oy\nVaihtokatu 4\n00100 Helsinki\nY-tunnus 1783913-6."
    assert markdown_html(address).count("<br>") == 3
    assert kept.startswith("Ennen\n\\- ei listaa, vaan rivi.")  # a break never starts a list
    assert "<ul>" not in markdown_html(kept) and "| nimi osoite | 2 vuotta |" in kept
    assert errors(data) == []  # the fidelity check and the renderers' agreement


# --- Jekyll and Hugo ------------------------------------------------------------------------------------------------


def test_a_line_of_template_code_is_markup_and_the_import_says_what_it_left_out(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Jekyll page's Liquid tags and a Hugo shortcode stand alone on their lines: the site's template code, which no
    reader sees as the notice's words. Before, import drafted them as the notice's opening text and validate passed it."""
    source = IMPORTS / "rekisteriseloste.jekyll.md"
    sentences = [s.text for s in capture_sentences(source.read_text(encoding="utf-8"), dialect="markdown")]
    assert not [s for s in sentences if "{" in s], sentences
    assert "Esimerkkiseura ry" in sentences and "Tietoja säilytetään jäsenyyden ajan." in sentences
    code, out = run(capsys, "import", "esimerkkiseura", str(source), "--name", "Esimerkkiseura ry")
    assert code == 0 and "the draft validates" in out, out
    _path, version = version_of(data, "esimerkkiseura")
    assert "{" not in bodies(version) and "Esimerkkiseura ry" in bodies(version)
    lines = source.read_text(encoding="utf-8").splitlines()
    for number in [n for n, line in enumerate(lines, 1) if line.startswith("{")]:  # each named, to compare with the page
        assert f"{source}:{number}:1: {lines[number - 1]!r} is the site's template code" in out, out
    assert errors(data) == []


@pytest.mark.parametrize(
    "line",
    ["Lue {% link ehdot.md %} ensin.", "{{ site.email }}", "{% a", "{{< a >}} ja teksti", "{{<a>}}}"],
)
def test_template_code_inside_text_or_unclosed_is_text(line: str) -> None:
    assert markup_lines([line], dialect="markdown") == set()


def test_mdx_reads_braces_its_own_way_not_as_template_code() -> None:
    assert markup_lines(["{% include x %}"], dialect="mdx") == set()


# --- untrusted captures ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "capture",
    [
        "import {\n" * 100_000,
        "<Callout a\n" * 100_000,
        "<a b" * 250_000,
        ":a[" * 300_000,
        "::a\n---\n" * 100_000,
        "export const x = {\n" * 50_000,
        '<a href="' * 200_000,
        "export const x = `\n\n" * 50_000,
        "<Nimi>" * 100_000 + "\n" + "</Nimi>\n" * 50_000,
        "{" * 200_000 + "}" * 200_000,
        "`{a}" * 200_000,
        "<br>" * 200_000,
        "{%" + " %" * 200_000 + "\n{{<" + ">" * 200_000,
    ],
    ids=[
        "imports",
        "tags",
        "attributes",
        "inline",
        "props",
        "exports",
        "quotes",
        "templates",
        "pairs",
        "braces",
        "code",
        "breaks",
        "liquid",
    ],
)
def test_a_capture_built_to_be_slow_is_read_in_linear_time(capture: str) -> None:
    for dialect in ("text", "mdx", "markdown"):  # each kind of file read within the bound
        with deadline(10):
            capture_sentences(capture, dialect=dialect)  # type: ignore[arg-type]
            as_markdown(capture, dialect)  # type: ignore[arg-type]
