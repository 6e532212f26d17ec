"""Hostile text for every kind of text field: markup, links, styles, templates, entities.

Each payload that could run sets ``window.__xss`` or fetches from ``evil.test``; the test
opens every page kind and checks that nothing ran, nothing was fetched and no markup from
the data survived as markup. Unicode direction overrides are not here: the loader refuses
them outright (tests/test_malformed.py).
"""

from __future__ import annotations

SINGLE_LINE = [
    "<script>window.__xss=1</script>",
    '<img src="https://evil.test/2.png" onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"></svg>',
    "<svg><script>window.__xss=4</script></svg>",
    '<iframe src="javascript:window.__xss=5"></iframe>',
    "[linkki](javascript:window.__xss=6)",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9NzwvZGF0YT4=)",
    '<a href="javascript:window.__xss=8">a</a>',
    '<body onload="window.__xss=9">',
    '<style>body{background:url("https://evil.test/10.png")}</style>',
    '<div style="background:url(https://evil.test/11.png)">tyyli</div>',
    "{{ 7*7 }}",
    "{% for x in range(3) %}silmukka{% endfor %}",
    '{: onclick="window.__xss=14" }',
    "&lt;script&gt;window.__xss=15&lt;/script&gt;",
    "&#x3C;img src=x onerror=window.__xss=16&#x3E;",
    '<a href="https://evil.test/17" target="_blank">ulos</a>',
    "![kuva](https://evil.test/18.png)",
    '<link rel="stylesheet" href="https://evil.test/19.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.test/20">',
    '<object data="javascript:window.__xss=21"></object>',
    '<embed src="https://evil.test/22.swf">',
    '<form action="https://evil.test/23"><button>lähetä</button></form>',
    '<base href="https://evil.test/24/">',
    "[vb](vbscript:msgbox(25))",
    "[isot](JaVaScRiPt:window.__xss=26)",
    "[väli]( javascript:window.__xss=27)",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=28>",
    '"><script>window.__xss=29</script>',
    "'onmouseover='window.__xss=30",
    "</script><script>window.__xss=31</script>",
    "<!-- kommentti --><script>window.__xss=32</script>",
    "[entiteetti](javascript&colon;window.__xss=33)",
    "<https://evil.test/34>",
    "${7*7} #{7*7} <%= 7*7 %>",
    "`<script>window.__xss=36</script>`",
    "<img src=x:y onerror=window.__xss=37>",
    "javascript:window.__xss=38",
    '<video><source onerror="window.__xss=39"></video>',
    '<details open ontoggle="window.__xss=40">',
    '<svg><a xlink:href="javascript:window.__xss=41"><text>t</text></a></svg>',
    '<input autofocus onfocus="window.__xss=42">',
    '<img src="//evil.test/43.png">',
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=44>">',
]

MULTI_LINE = [
    "[viite][r]\n\n[r]: javascript:window.__xss=45",
    "```\n<script>window.__xss=46</script>\n```",
    "<div>\n<script>window.__xss=47</script>\n</div>",
    "Otsikko\n===\n<script>window.__xss=48</script>",
    '    <script>window.__xss=49</script>\n\n<p onclick="window.__xss=50">',
]

REFUSED = [
    "[linkki](javascript:window.__xss=6)",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9NzwvZGF0YT4=)",
    "![kuva](https://evil.test/18.png)",
    "[vb](vbscript:msgbox(25))",
    "[isot](JaVaScRiPt:window.__xss=26)",
    "[väli]( javascript:window.__xss=27)",
    "[entiteetti](javascript&colon;window.__xss=33)",
    "[viite][r]\n\n[r]: javascript:window.__xss=45",
]
"""Markdown links and images the loader refuses in a notice's title, headings and bodies (with a located
message): they never reach a page from there. The sanitiser is tested on them directly, and they still
go through every other text field."""

SEPARATOR = " ⁂ "
ONE_LINE = SEPARATOR.join(SINGLE_LINE)
"""Every single-line payload in one text, for one-line fields (names, summaries, notes)."""

LINKED = ["<https://evil.test/34>"]
"""A link the loader allows in a body only, and refuses in a title or heading (which are text)."""

NOTICE_LINE = SEPARATOR.join(p for p in SINGLE_LINE if p not in REFUSED and p not in LINKED)
"""The same for a notice's title and headings, without the refused links and without links at all."""

_PUBLISHED_SINGLE = [p for p in SINGLE_LINE if p not in REFUSED]
BODY = "\n\n".join(
    [
        "Vihamielinen testi.",
        *_PUBLISHED_SINGLE,
        *(p for p in MULTI_LINE if p not in REFUSED),
        "- " + "\n- ".join(_PUBLISHED_SINGLE),
    ]
)
"""Every payload the loader lets into a body as its own paragraph, then the single-line ones again as list items."""

assert len(SINGLE_LINE) + len(MULTI_LINE) >= 30


UNRENDERABLE = {
    "brackets": "[" * 8_000,  # Python-Markdown's quadratic case: 20 s and more
    "images": "![" * 3_000 + "x",
    "footnotes": "[^" * 3_000 + "x",
    "links": "[a](" * 3_000 + "x",
    "lists": "- " * 500 + "x",  # nested past Python's recursion limit
    "quotes": "> " * 300 + "x",
    "emphasis": "*a*" * 100_000,  # inline placeholders, more than linear: 110,000 took 38 s
    "entities": "&amp;" * 100_000,  # 150,000 took 138 s
}
"""Bodies that would hang or crash the Markdown renderer: the loader refuses each, at its place, before anything
renders it."""
