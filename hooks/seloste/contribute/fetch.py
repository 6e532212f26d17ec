"""Fetching a notice's page: a local file, or an http(s) address with a timeout, a few retries,
a size limit and an honest User-Agent; the text decoded by the page's declared charset."""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import requests

from ..archive.githubpage import file_page
from ..limits import FETCH_DEADLINE, MAX_PAGE_BYTES, MAX_REDIRECTS

USER_AGENT = "Seloste/1 (privacy-notice archive; +https://github.com/seloste/seloste) python-requests"
RETRIES = 3
"""Attempts for a timeout, a dropped connection or a server error (5xx); a 4xx is an answer, not retried."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """The source could not be read; the message says why, in words for the person running the command. ``status``:
    the HTTP status the server answered with, where it answered with one that refused (4xx)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def gone(self) -> bool:
        """The server answered that nothing is at the address (404 Not Found, 410 Gone): the page was removed or moved,
        not merely unreachable today."""
        return self.status in (404, 410)


@dataclass(frozen=True, slots=True)
class Fetched:
    source: str
    """As given: a path or an address."""
    url: str | None
    """The address the page was read from after redirects; None for a local file."""
    text: str


def file_address(url: str) -> str:
    """Where the text at ``url`` is read from: GitHub's page of a file (``github.com/<owner>/<repo>/blob/<ref>/<path>``,
    HTML around the file) is read as the file itself, from ``raw.githubusercontent.com``; any other address as it is."""
    page = file_page(url)
    return page.raw if page else url


def fetch(source: str, *, timeout: float = 20.0, session: requests.Session | None = None) -> Fetched:
    """The page at ``source``: an address (a few attempts, all of them within ``FETCH_DEADLINE`` seconds) or a file."""
    if not re.match(r"https?://", source, re.IGNORECASE):
        path = Path(source)
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise FetchError(f"{source}: cannot read the file ({err.strerror or err})") from err
        if len(raw) > MAX_PAGE_BYTES:
            raise FetchError(f"{source}: {len(raw):,} bytes; a notice's page is at most {MAX_PAGE_BYTES:,}")
        return Fetched(source, None, decode(raw, None))
    address = file_address(source)
    http = session or requests.Session()
    http.max_redirects = MAX_REDIRECTS
    until = time.monotonic() + FETCH_DEADLINE
    last = ""
    for attempt in range(RETRIES):
        if attempt:
            time.sleep(min(2**attempt, 8) * 0.5)
        left = until - time.monotonic()
        if left <= 0:
            raise FetchError(f"{source}: {last}; no time left for another attempt within {FETCH_DEADLINE:g} s")
        try:
            with http.get(
                address, headers={"User-Agent": USER_AGENT}, timeout=(min(5.0, left), min(timeout, left)), stream=True
            ) as response:
                if response.status_code >= 500:
                    last = f"the server answered {response.status_code} {response.reason}"
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        f"{source}: the server answered {response.status_code} {response.reason}", response.status_code
                    )
                raw = _read(response, source, until)
                read_at = source if address != source else response.url  # GitHub's page of the file, as given
                return Fetched(source, read_at, decode(raw, response.headers.get("content-type")))
        except requests.TooManyRedirects as err:
            raise FetchError(f"{source}: more than {MAX_REDIRECTS} redirects") from err
        except requests.exceptions.SSLError as err:
            raise FetchError(f"{source}: TLS error ({_first_line(err)})") from err
        except requests.Timeout:
            last = f"no answer within {timeout:g} s"
        except requests.ConnectionError as err:
            last = f"cannot connect ({_first_line(err)})"
        except requests.RequestException as err:
            raise FetchError(f"{source}: {_first_line(err)}") from err
    raise FetchError(f"{source}: {last} ({RETRIES} attempts)")


def _read(response: requests.Response, source: str, until: float) -> bytes:
    """The body as it arrives, read by what each read of the socket brings (a server that sends a byte at a time is
    read a byte at a time, not waited on for a full chunk), until the deadline ``until``: the read timeout is for
    each read, and a server that trickles the page never trips it. Decompressed by its Content-Encoding afterwards,
    at most ``MAX_PAGE_BYTES`` of it."""
    chunks, size = [], 0
    while True:
        if time.monotonic() > until:
            raise FetchError(
                f"{source}: the page did not arrive within {FETCH_DEADLINE:g} s ({size:,} bytes came); "
                "a server that sends a notice this slowly is not waited for"
            )
        chunk = response.raw.read1(64 * 1024, decode_content=False)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchError(f"{source}: larger than {MAX_PAGE_BYTES:,} bytes; a notice's page is smaller")
        chunks.append(chunk)
    return _decompressed(b"".join(chunks), response.headers.get("content-encoding"), source)


def _decompressed(body: bytes, encoding: str | None, source: str) -> bytes:
    """The body as sent, decompressed (gzip or deflate) to at most ``MAX_PAGE_BYTES``."""
    name = (encoding or "identity").strip().lower()
    if name in ("", "identity"):
        return body
    if name not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"{source}: the server sent the page in the {name!r} encoding, which is not read")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in name else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        page = inflater.decompress(body, MAX_PAGE_BYTES + 1)
    except zlib.error as err:
        raise FetchError(f"{source}: the server's {name} data is broken ({err})") from err
    if len(page) > MAX_PAGE_BYTES:
        raise FetchError(f"{source}: larger than {MAX_PAGE_BYTES:,} bytes once decompressed; a notice's page is smaller")
    return page


def decode(raw: bytes, content_type: str | None) -> str:
    """The page's text by the charset its response or its own <meta> declares (UTF-8 otherwise); a byte-order
    mark wins over both."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    declared = re.search(r"charset=([A-Za-z0-9_.:-]+)", content_type or "", re.IGNORECASE)
    meta = _META_CHARSET.search(raw[:4096])
    for name in (declared and declared[1], meta and meta[1].decode("ascii", "replace"), "utf-8"):
        if not name:
            continue
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("cp1252", errors="replace")


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0][:200] if str(err) else type(err).__name__
