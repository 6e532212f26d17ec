"""The archive's search query list (issue: search that understands Finnish), shared by the tests
and scripts/search_engines.py.

Each query maps to a pattern matching the forms of its word: the oracle of what must be
found. PRECISION widens the pattern where a query rightly also finds a shorter word of the
same family (säilytysaika -> säilytys).
"""

FINNISH = {
    "evästeistä": r"eväste",
    "evästeet": r"eväste",
    "henkilötiedot": r"henkilötie[dt]o",
    "henkilötietojen": r"henkilötie[dt]o",
    "säilyttää": r"säily(tä|tet|ttä)",
    "säilytysaika": r"säilytysa[ij]",
    "rekisterinpitäjän": r"rekisterinpitäj",
    "luovutetaan": r"luovu(ta|te|tta|tti)",
    "suoramarkkinointi": r"suoramarkkinoin",
    "tietosuojavaltuutetulle": r"tietosuojavaltuute",
    "oikeus": r"oikeu(s|d|k|t(?!et))",
    "poistaminen": r"poist[ae]",
    "tietosuojaseloste": r"tietosuojaselost",
    "seloste": r"selost",
    "henkilötieto": r"henkilötie[dt]o",  # consonant gradation: henkilötiedot / henkilötieto
}
ENGLISH = {"cookies": r"cookie", "retention": r"retention", "transfer": r"transfer"}
PRECISION = {"säilytysaika": r"säilyty"}
