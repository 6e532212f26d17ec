"""Files the browser (or a reader of the open data) decompresses: compact JSON, gzip-compressed the
same way in every build, and the content hash a page asks for them with."""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any


def json_bytes(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def gzipped(data: bytes) -> bytes:
    """``data`` gzip-compressed, reproducibly: no name and no time in the header."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def content_query(data: bytes) -> str:
    """``?v=`` and a hash of ``data``: a page asking for a file with it never gets a copy cached from an older build."""
    return "?v=" + hashlib.sha256(data).hexdigest()[:16]
