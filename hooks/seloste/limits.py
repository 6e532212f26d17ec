"""Every limit that keeps untrusted input from crashing, hanging or flooding a check, in one place.

Data arrives in pull requests from people nobody knows, and ``seloste check`` and ``seloste changes`` run on
it in CI; ``seloste track`` reads pages from servers nobody controls. Each limit below bounds the work one
such input can cause, and the message that refuses it names the file, the line and the limit. Each is far
above what a real notice needs: the figures compare with the largest of the archive's own data (``data/``,
December 2026), where the largest version file is 44 kB, the largest capture 12 kB (173 lines, 135
sentences, the longest line 1,285 characters), the largest version text 12 kB in one language, the most
sections 17, the most blocks in a section 32, and the most emphasis markers in a body 28.
"""

from __future__ import annotations

# --- data files -----------------------------------------------------------------------------------------------

MAX_FILE_BYTES = 1_000_000
"""Largest data file (a version or organisation.yaml) read at all. The largest real version is 44 kB: 23x."""

MAX_DEPTH = 40
"""Deepest nesting of YAML mappings and lists: a version file needs 7. Composing tens of thousands of levels
crashes the parser (a segmentation fault, not an exception), so depth is counted first, event by event."""

MAX_SLUG = 60
"""Longest organisation slug: a folder name and a part of every address of the organisation's pages."""

MAX_SECTIONS = 300
"""Most sections in one version: 18x the archive's most (17). A comparison works out which sections kept their order
in time that grows with the square of their number (8,000 sections took 3 s and 300 MB), and the browser repeats it."""

MAX_UNKNOWN_KEYS = 20
"""Unknown keys reported one by one in one mapping; the rest are counted in one line. Each is looked up among
the known keys for a "did you mean"; 20,000 of them made 20,000 lines (4 MB) and took a minute."""

# --- captures -------------------------------------------------------------------------------------------------

MAX_CAPTURE_BYTES = 1_000_000
"""Largest capture file: 80x the largest real capture (12 kB)."""

MAX_VERSION_CAPTURE_BYTES = 2_000_000
"""Most bytes of capture one version may name, all its pages in all its languages together: 160x the largest
real one (12 kB). Each capture is also named once: a version that named one 1 MB file 300 times had every check
read and compare 300 MB (48 s, and 1,200 lines of errors)."""

MAX_MISSING_SENTENCES = 20
"""Sentences of a capture reported missing from the version's text one by one; past them the comparison of that
capture stops, with one line saying how many sentences were left unchecked. Each search for a missing sentence reads
the whole text: a capture of 20,000 sentences none of which is published took more than five minutes."""

MAX_HINT_WORK = 200_000
"""Steps spent finding where the text comes closest to a missing sentence (the error's "the nearest text has ..."),
a few milliseconds; a hint that would take more is left out, and the error stands without it. A hint for a real
sentence with a word changed takes a few hundred (the archive's most: 2,800)."""

# --- Markdown -------------------------------------------------------------------------------------------------

MAX_BRACKETS = 500
"""Most ``[`` in one text: Python-Markdown takes quadratic time on runs of them (8,000 take over 20 s, 100,000
never end). A notice needs a handful (the archive's most: 5)."""

MAX_NESTING = 20
"""Most list or quote markers opening one line, or levels of indentation before one: Python-Markdown recurses
once per level and hits Python's limit (``- `` * 500). A notice needs three."""

MAX_INLINE_MARKS = 2_000
"""Most characters of inline markup in one text: ``*``, ``_``, backticks, ``&``, backslashes, ``<`` and line breaks
made with two spaces, together. Python-Markdown's inline passes take time that grows faster than their number
(110,000 emphasis markers took 38 s to validate, 150,000 ``&amp;`` 138 s); at this limit a text renders in a few
hundredths of a second. The archive's most in one text: 28."""

# --- comparing versions ---------------------------------------------------------------------------------------

MAX_DIFF_WORK = 5_000_000
"""Steps of word matching one comparison of two versions may take, in one language (seloste/matching.py: building a
matcher, reading words, visiting pairs of equal words, each weighing of two paragraphs, sections or fact entries for
likeness). Matching words takes time that grows with the square of a paragraph's length, in bad cases with its cube:
two versions of 20,000 repeated words took 6 minutes in ``seloste changes``, ``x`` against ``x y`` over 1,000 words
33 s. Past the budget, what is left is compared paragraph by paragraph (a changed paragraph's common start and end
kept, the rest shown removed and added whole), and the comparison says so. Spent, it has taken under a second; the
most a comparison of the archive's real versions takes is 20,800 steps (240x less). The browser's comparison counts
the same steps in the same order."""

# --- the change report ----------------------------------------------------------------------------------------

MAX_REPORT_BYTES = 900 * 1024
"""Largest change report printed (``seloste changes``, ``seloste report``), and largest list of the files a pull
request changes outside data/: GitHub refuses a job summary over 1 MiB per step. Past it, the changes to published
notices come first and a closing line says what was left out and how to see all of it. The whole archive as one
report, every organisation new, is 369 kB; a pull request's is a few kilobytes."""

# --- fetching a notice's page (seloste import, seloste track) ------------------------------------------------

MAX_PAGE_BYTES = 5_000_000
"""The largest page fetched: a notice is tens of kilobytes; anything far larger is not a notice page."""

MAX_REDIRECTS = 5
"""Redirects followed for one page."""

FETCH_DEADLINE = 120.0
"""Seconds one page may take to arrive, all its attempts together (give or take the read timeout of the read under
way). The read timeout is for each read: a server that sends a byte every few seconds never trips it, and would
hold ``seloste track`` for as long as it liked. A notice's page arrives in a second or two."""

MAX_PAGE_DEPTH = 200
"""Deepest nesting of a page's elements that is read: real pages nest a few dozen deep. Turning the page into
Markdown recurses once per level and runs into Python's limit between 300 and 400 levels."""
