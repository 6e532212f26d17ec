"""Forms readers type that no notice uses: the recall list of search (docs/search.en.md).

Each entry is a word the notices of the frozen fixture archive use, with inflected forms written from the
grammar of the language (not taken from the notices, nor from the index): forms that no current notice
of that archive uses (tests/test_search.py checks this before it measures). A query of any of these forms
must find the organisations whose notice uses a form of the word (``pattern``, matched against the
lower-cased text of every section, the oracle), and only organisations whose notice holds ``allowed``
(the pattern, widened where a query rightly also finds a word of the same family).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    lemma: str
    pattern: str
    forms: tuple[str, ...]
    allowed: str = ""

    @property
    def loose(self) -> str:
        return self.allowed or self.pattern


FINNISH = (
    # nouns with consonant gradation (t : d)
    Word(
        "henkilötieto",
        r"henkilötie[dt]o",
        ("henkilötiedoissa", "henkilötiedoille", "henkilötietoina", "henkilötiedoistamme", "henkilötietoon", "henkilötiedolla"),
    ),
    Word(
        "yhteystieto",
        r"yhteystie[dt]o",
        ("yhteystiedoissa", "yhteystietoihin", "yhteystiedoilla", "yhteystietonne", "yhteystieto"),
    ),
    # nouns in -e (strong grade in the inflected stem: eväste : evästeen, osoite : osoitteen)
    Word(
        "eväste",
        r"eväste",
        ("eväste", "evästeen", "evästeellä", "evästeissä", "evästeille", "evästeiksi", "evästettä", "evästeistämme"),
    ),
    Word(
        "tietosuojaseloste",
        r"tietosuojaselost",
        ("tietosuojaselosteet", "tietosuojaselosteita", "tietosuojaselosteemme", "tietosuojaselosteella", "tietosuojaselosteesi"),
    ),
    Word(
        "sähköpostiosoite",
        r"sähköpostiosoit",
        ("sähköpostiosoitteen", "sähköpostiosoitteita", "sähköpostiosoitteeseesi", "sähköpostiosoitteet", "sähköpostiosoitetta"),
    ),
    Word("IP-osoite", r"ip-osoit", ("IP-osoitteet", "IP-osoitteen", "IP-osoitteita", "IP-osoitteista", "IP-osoitteeni")),
    # nouns in -s (oikeus : oikeuden : oikeutta, suostumus : suostumuksen)
    Word(
        "oikeus",
        r"oikeu(s|d|k|t(?!et))",
        ("oikeudesta", "oikeuteen", "oikeuksista", "oikeudella", "oikeutena", "oikeuksistasi"),
        allowed=r"oikeu",
    ),
    Word(
        "tarkastusoikeus",
        r"tarkastusoikeu",
        ("tarkastusoikeuden", "tarkastusoikeutta", "tarkastusoikeuttasi", "tarkastusoikeudesta", "tarkastusoikeuttaan"),
    ),
    Word(
        "suostumus",
        r"suostumu",
        ("suostumusta", "suostumuksella", "suostumuksestasi", "suostumuksemme", "suostumuksia", "suostumuksiin"),
    ),
    Word("valitus", r"valitu[sk]", ("valituksia", "valituksella", "valituksesta", "valitukset")),
    # nouns with consonant gradation in clusters (nt : nn, lt : ll)
    Word(
        "profilointi",
        r"profiloin",
        ("profiloinnin", "profilointia", "profiloinnissa", "profiloinnista", "profilointiin", "profiloinneista"),
        allowed=r"profiloi",
    ),
    Word(
        "markkinointikielto",
        r"markkinointikiel[lt]",
        ("markkinointikiellon", "markkinointikielto", "markkinointikieltoa", "markkinointikieltoon", "markkinointikiellot"),
    ),
    Word(
        "Yhdysvallat",
        r"yhdysval",
        ("Yhdysvallat", "Yhdysvalloista", "Yhdysvaltoihin", "Yhdysvaltojen", "Yhdysvalloille", "Yhdysvalloilla"),
    ),
    # nouns in -ä and -i
    Word(
        "rekisterinpitäjä",
        r"rekisterinpitäj",
        (
            "rekisterinpitäjät",
            "rekisterinpitäjää",
            "rekisterinpitäjältä",
            "rekisterinpitäjänä",
            "rekisterinpitäjien",
            "rekisterinpitäjille",
        ),
    ),
    Word("osapuoli", r"osapuol", ("osapuoli", "osapuolelle", "osapuolta", "osapuolilta", "osapuoliin")),
    # verbs: present, past, passive, participles, conditional (with consonant gradation: tt : t, rt : rr)
    Word(
        "säilyttää",
        r"säily(tä|tet|ttä|tti)",
        ("säilytti", "säilyttävät", "säilytimme", "säilyttäisimme", "säilyttänyt", "säilyttäneet", "säilytettiin", "säilytän"),
        allowed=r"säily",
    ),
    Word(
        "luovuttaa",
        r"luovu(ta|te|tta|tti)",
        ("luovutti", "luovuttavat", "luovutimme", "luovutettiin", "luovutettu", "luovuttanut", "luovuttaneet"),
        allowed=r"luovu",
    ),
    Word(
        "kerätä",
        r"kerä",
        ("keräsimme", "keräsi", "keräävät", "kerännyt", "keränneet", "kerättävä", "keräisimme"),
    ),
    Word("poistaa", r"poist", ("poistamme", "poistimme", "poisti", "poistettiin", "poistettu", "poistavat", "poistan")),
    Word("siirtää", r"siir[rt]", ("siirsimme", "siirretty", "siirtävät", "siirrämme", "siirsi", "siirrettiin")),
    Word(
        "käsitellä",
        r"käsi(tel|ttel)(?!y|ij)",
        ("käsittelin", "käsittelimme", "käsiteltiin", "käsitelty", "käsittelisimme", "käsittelet", "käsittelevä"),
        allowed=r"käsit",
    ),
)

ENGLISH = (
    Word("cookie", r"cookie", ("cookie", "cookie's")),
    Word("retain", r"retain", ("retains", "retaining"), allowed=r"retain|retent"),
    Word("transfer", r"transfer", ("transferring",)),
    Word("controller", r"controller", ("controllers",)),
    Word("delete", r"delet", ("delete", "deletes", "deleting"), allowed=r"delet|eras"),
    Word("object", r"object", ("objects", "objected", "objecting")),
    Word("store", r"stor", ("storing",)),
    Word("consent", r"consent", ("consented", "consenting")),
    Word("collect", r"collect", ("collecting", "collections")),
    Word("profile", r"profil", ("profile", "profiled")),
    Word("email", r"e-?mail", ("emailed", "emailing")),
    Word("address", r"address", ("addressing",)),
    Word("subscribe", r"subscrib", ("subscribe", "subscribed", "subscribes")),
    Word("withdraw", r"withdr", ("withdraws", "withdrawn", "withdrew")),
    Word("rectify", r"rectif(?!ication)", ("rectifying", "rectifies"), allowed=r"rectif"),
    Word("access", r"access", ("accessing", "accesses")),
    Word("disclose", r"disclos", ("disclosing", "discloses")),
    Word("complaint", r"complaint", ("complaint's",)),
    Word("partner", r"partner", ("partner's", "partnered")),
    Word("newsletter", r"newsletter", ("newsletter's",)),
)
