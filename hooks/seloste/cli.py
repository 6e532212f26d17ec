"""``seloste``: the archive's command line, for editors and CI.

Exit codes: 0 success; 1 the data (or a schema) has problems, listed as path:line:col;
2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataErrors
from .fidelity import fidelity_errors
from .loader import load_archive
from .schema import stale_schemas, write_schemas

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seloste",
        description="Seloste: validate and inspect the privacy-notice archive's data.",
        epilog="Exit codes: 0 success, 1 problems in the data (listed as path:line:col: message), 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = sub.add_parser(
        "validate",
        help="check every file under data/ and report all problems",
        description="Check every organisation and version under the data folder, and that each version's "
        "Finnish text holds every sentence of its original capture in order; report every problem as "
        "path:line:col: message. Exit 0 if the data is valid, 1 if not.",
    )
    validate.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")

    schema = sub.add_parser(
        "schema",
        help="check or rewrite data/schema/*.json from the model",
        description="The JSON Schemas in data/schema/ are generated from the model. --check exits 1 if they are "
        "out of date; --write regenerates them.",
    )
    mode = schema.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="exit 1 if a schema file is out of date")
    mode.add_argument("--write", action="store_true", help="regenerate the schema files")
    schema.add_argument("--dir", type=Path, default=Path("data/schema"), help="schema folder (default: data/schema)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args.data)
    if args.command == "schema":
        return _schema(args.dir, write=args.write)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def _validate(data: Path) -> int:
    try:
        archive = load_archive(data)
        problems = fidelity_errors(archive, data)
        if problems:
            raise DataErrors(problems)
    except DataErrors as err:
        print(err.report(), file=sys.stderr)
        return EXIT_DATA
    versions = sum(len(record.versions) for record in archive.organisations)
    print(f"{data}: {len(archive.organisations)} organisations, {versions} versions: valid")
    return EXIT_OK


def _schema(schema_dir: Path, *, write: bool) -> int:
    if write:
        for path in write_schemas(schema_dir):
            print(f"wrote {path}")
        return EXIT_OK
    stale = stale_schemas(schema_dir)
    for name in stale:
        print(f"{schema_dir / name}:1:1: out of date with the model; run 'seloste schema --write'", file=sys.stderr)
    return EXIT_DATA if stale else EXIT_OK
