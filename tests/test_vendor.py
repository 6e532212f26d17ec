"""The one change the build makes to Material's own script: no sitemap is asked for beside a page's alternates."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from seloste.publish.vendor import BUNDLES, VendorChanged, stop_sitemap_requests

MATERIAL_BUNDLES = sorted((Path(material.__file__).parent / "templates").glob(BUNDLES))


def _site(tmp_path: Path, code: str) -> Path:
    bundle = tmp_path / "assets/javascripts/bundle.0123abcd.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(code, encoding="utf-8")
    return bundle


def test_materials_script_reads_the_alternates_with_the_selector_the_fix_expects() -> None:
    assert len(MATERIAL_BUNDLES) == 1
    code = MATERIAL_BUNDLES[0].read_text(encoding="utf-8")
    assert code.count('"link[rel=alternate]"') == 1
    at = code.index('"link[rel=alternate]"')
    assert 'new URL("sitemap.xml"' in code[at - 400 : at]  # beside each of them, a sitemap is asked for


def test_the_selector_is_narrowed_once_and_left_alone_after(tmp_path: Path) -> None:
    bundle = _site(tmp_path, 'a=M("link[rel=alternate]"),b=1')
    assert stop_sitemap_requests(tmp_path) == 1
    assert bundle.read_text(encoding="utf-8") == 'a=M("link[rel=alternate][data-md-sitemap]"),b=1'
    assert stop_sitemap_requests(tmp_path) == 0  # a second build over the same files (mkdocs serve --dirty)
    assert bundle.read_text(encoding="utf-8") == 'a=M("link[rel=alternate][data-md-sitemap]"),b=1'


@pytest.mark.parametrize("code", ["a=1", 'M("link[rel=alternate]");M("link[rel=alternate]")'])
def test_a_script_that_changed_stops_the_build_with_what_to_look_at(tmp_path: Path, code: str) -> None:
    _site(tmp_path, code)
    with pytest.raises(VendorChanged, match=r"bundle\.0123abcd\.min\.js: expected .* once.*publish/vendor\.py"):
        stop_sitemap_requests(tmp_path)


def test_a_site_without_materials_script_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(VendorChanged, match="Material's script has moved"):
        stop_sitemap_requests(tmp_path)
