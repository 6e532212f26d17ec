"""The editors' JSON Schema and the loader agree, and the committed schema is current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from datadir import FIXTURES
from seloste.archive.schema import SCHEMAS, render, stale_schemas
from sitebuild import DATA, FROZEN

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "data" / "schema"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _schema_accepts(name: str, text: str) -> bool:
    """What an editor sees: YAML read as plain text values, checked against the schema."""
    try:
        document = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return False
    return _validator(name).is_valid(document)


def test_committed_schemas_match_the_model() -> None:
    assert stale_schemas(SCHEMA_DIR) == []


def test_schema_would_notice_a_model_change(tmp_path: Path) -> None:
    (tmp_path / "version.schema.json").write_text(render(SCHEMAS["version.schema.json"]).replace("kind", "sort"))
    (tmp_path / "organisation.schema.json").write_text(render(SCHEMAS["organisation.schema.json"]))
    assert stale_schemas(tmp_path) == ["version.schema.json"]


def _data_files() -> list:
    live = [
        pytest.param(p, marks=pytest.mark.archive, id=f"live-{p.parent.name}/{p.name}") for p in sorted(DATA.glob("*/*.yaml"))
    ]
    fixtures = sorted(FROZEN.glob("*/*.yaml")) + sorted((FIXTURES / "valid").glob("*.yaml"))
    fixtures += sorted((FIXTURES / "sensitive").glob("*/*.yaml"))
    fixtures += sorted((FIXTURES / "denials").glob("*/*.yaml"))
    return live + [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in fixtures]


@pytest.mark.parametrize("path", _data_files())
def test_schema_accepts_every_valid_file(path: Path) -> None:
    name = "organisation.schema.json" if path.name == "organisation.yaml" else "version.schema.json"
    assert _schema_accepts(name, path.read_text(encoding="utf-8"))


def _invalid() -> list[tuple[str, Path]]:
    return [(kind, path) for kind in ("version", "organisation") for path in sorted((FIXTURES / "invalid" / kind).glob("*.yaml"))]


@pytest.mark.parametrize(("kind", "path"), _invalid(), ids=lambda x: x if isinstance(x, str) else x.stem)
def test_schema_and_loader_agree_on_invalid_fixtures(kind: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    accepted = _schema_accepts(f"{kind}.schema.json", text)
    if path.name == "_base.yaml":
        assert accepted
        return
    verdict = re.search(r"^# schema: (rejects|loader-only \(.+\))$", text, re.MULTILINE)
    assert verdict, f"{path} must say '# schema: rejects' or '# schema: loader-only (why)'"
    # A defect the schema can express must be refused by it; the loader-only ones are those
    # JSON Schema cannot see (duplicate keys, cross-field rules), so editors accept them.
    assert accepted is (verdict.group(1) != "rejects")


@pytest.mark.parametrize("basis", ["consent", "not-stated", "[consent, public-task]", "[contract, consent, legal-obligation]"])
def test_schema_takes_one_legal_basis_or_a_list_of_several_different_ones(basis: str) -> None:
    """The list's least length and its each-once rule (minItems, uniqueItems) leave one basis as a value of its own."""
    text = (FIXTURES / "invalid" / "version" / "legal-bases-one.yaml").read_text(encoding="utf-8")
    assert "legal_basis: [consent]" in text
    assert _schema_accepts("version.schema.json", text.replace("legal_basis: [consent]", f"legal_basis: {basis}"))


@pytest.mark.archive
def test_data_files_reference_their_schema() -> None:
    """As `seloste validate` reads them (a byte-order mark is the editor's: the file's text starts after it)."""
    files = sorted(DATA.glob("*/*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()[0]
        expected = "organisation" if path.name == "organisation.yaml" else "version"
        assert first == f"# yaml-language-server: $schema=../schema/{expected}.schema.json", path


def test_fixture_files_reference_the_data_schema_as_data_files_do() -> None:
    """A fixture's files name their schema as data/'s do: one copied into data/ is right there. (In the fixture's own
    folder the line leads nowhere; an archive holds no links, so a fixture archive cannot link to data/schema/.) The
    invalid organisations are installed as organisation.yaml: theirs is the organisation schema. Every one begins
    with its line, as validate holds data/ to."""
    files = sorted(FIXTURES.rglob("*.yaml"))
    assert len(files) >= 140
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        organisation = path.name == "organisation.yaml" or path.parent == FIXTURES / "invalid" / "organisation"
        expected = "organisation" if organisation else "version"
        relative = f"../schema/{expected}.schema.json"
        assert first == f"# yaml-language-server: $schema={relative}", path
