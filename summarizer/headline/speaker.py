"""Who a headline names: a speaker's name without the job title before it.

News writes people with their titles (``Kepala Bidang Humas Polda Metro Jaya Komisaris
Besar Raden Prabowo Argo Yuwono``); a title keeps the name (``Argo Yuwono``). These are the
words that make up Indonesian titles, ranks and what they are titles of; the runs of words
come from the syntax layer's noun phrases.
"""

from __future__ import annotations

from ..text.clean import CITIES
from ..text.words import STOP_WORDS, is_common_word

__all__ = ["short_speaker"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUNS = _wordset("dia ia mereka kami kita saya aku beliau dirinya anda")
_TITLE_WORDS = _wordset(
    "presiden wakil menteri ketua kepala gubernur bupati wali walikota direktur kapolri "
    "kapolda kapolres pelatih juru bicara jubir anggota sekretaris jenderal komisaris "
    "kabid kasubdit kasat dirut ceo pendiri manajer kapten wapres mantan perdana kanselir raden "
    "sekjen dirjen kadiv kabag kapolsek panglima rektor pengamat menko dubes prof dr drs ir"
)
# what a job title is of before the name: "Wali Kota Surabaya Eri Cahyadi", "Gubernur Jawa
# Barat Ridwan Kamil", "Kapolda Metro Jaya Irjen Fadil Imran" (ranks are titles too)
_TITLE_OF = _wordset(
    "kota kabupaten provinsi daerah dki metro jaya jawa barat tengah timur utara selatan "
    "sumatera sumatra sulawesi kalimantan nusa tenggara kepulauan bangka belitung aceh riau "
    "jambi bengkulu lampung banten bali papua maluku gorontalo istimewa yogyakarta diy "
    # portfolios and bodies: "Menteri Keuangan Sri Mulyani", "Ketua Komisi III DPR Herman Hery"
    "keuangan luar dalam negeri perhubungan pertahanan kesehatan agama sosial perdagangan "
    "perindustrian pertanian kelautan perikanan pendidikan kebudayaan pariwisata pemuda "
    "olahraga koordinator bidang hukum politik keamanan perekonomian kemaritiman investasi "
    "pekerjaan umum perumahan rakyat ketenagakerjaan lingkungan hidup kehutanan agraria "
    "komunikasi informatika riset teknologi desa sekretaris negara utama komisi dewan badan "
    "dinas pajak bea cukai pusat statistik data informasi humas indonesia ri republik "
    "jabar jateng jatim sumut sumbar sumsel sulsel sulut sulteng sultra kalbar kalteng kalsel "
    "kaltim kaltara ntb ntt babel kepri malut "
    # countries and unions: "Presiden Amerika Serikat Donald Trump", "Kanselir Jerman Angela Merkel"
    "amerika serikat as inggris britania raya prancis perancis jerman italia spanyol belanda "
    "rusia ukraina china tiongkok jepang korea india pakistan iran irak suriah turki mesir arab "
    "saudi israel palestina australia malaysia singapura thailand filipina vietnam myanmar "
    "eropa asia afrika pasifik uni"
) | {city.lower() for city in CITIES}
# police and military ranks: the name follows ("Kadiv Humas Polri Irjen Setyo Wasisto")
_RANKS = _wordset(
    "irjen brigjen komjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigpol briptu "
    "bripda pol mayjen letjen marsekal marsma marsda laksamana laksma laksda "
    "kolonel kol letkol mayor inspektur brigadir ajun"
)
# the rest of a rank written out ("Inspektur Jenderal", "Inspektur Polisi Satu"); "Komisaris"
# is a rank only before one of these ("Komisaris Besar"), a company's officer otherwise
_RANK_TAILS = _wordset("jenderal besar polisi pol satu dua tingkat muda madya utama")


def short_speaker(run: str, person: bool = True) -> str:
    """A speaker's name without their job title: ``Ketua KPK Agus Rahardjo`` → ``Agus Rahardjo``.

    ``person``: only a person's name will do, never a place or a body alone (a quote's
    speaker); an entity headline may be about ``Korea Utara``.
    """
    words = [w.strip(".,") for w in run.split() if w.strip(".,")]
    if words and words[-1].startswith("("):
        return ""  # a body and its acronym; the name is not in the run ("… (Ikahi), Suhardi")
    words = [w for w in words if not w.startswith("(")]  # "Sekretaris Daerah (Sekda) DKI …"
    lows = [w.lower() for w in words]
    if "selaku" in lows[1:]:
        del words[lows.index("selaku", 1) :]  # "Arie Christoper selaku Marketing Manager …"
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    name = _after_rank(words)
    if name is not None:
        if not name:
            return ""  # the run ends on the rank: the name is cut off ("Kombes drg. …")
        words = name
    titled = False
    while words and (words[0].lower() in _TITLE_WORDS or words[0].isupper()) and len(words) > 2:
        words.pop(0)
        titled = True
    if titled:  # what the title is of goes too, when a name follows
        of = 0
        while of < len(words) and (words[of].lower() in _TITLE_OF or words[of].isupper()):
            of += 1
        if of < len(words):
            del words[:of]
    if not words or words[0].lower() in _PRONOUNS or words[0].lower() in STOP_WORDS:
        return ""
    if all(w.lower() in _TITLE_WORDS or w.lower() in _RANKS for w in words):
        return ""  # a title without the name ("ujar Ketua majelis hakim Yanto")
    # after a title of a body not listed ("Pelatih Real Madrid Zinedine Zidane") the name
    # closes the run, and names are mostly two words
    if titled and len(words) > 3:
        # the body's own words are common ones ("Ikatan Advokat Indonesia Todung Mulya
        # Lubis"): the name starts after them; else it is the last two words
        name = list(words)
        while len(name) > 2 and (is_common_word(name[0].lower()) or name[0].lower() in _TITLE_OF):
            name.pop(0)
        # a body named by one common word and a name ("Real Madrid Zinedine Zidane") is
        # more likely than a body of one word: three names left after one word are two
        dropped = len(words) - len(name)
        words = name if len(name) <= 2 or (len(name) == 3 and dropped >= 2) else words[-2:]
    else:
        words = words[:3]
    # after a title, common words are no name either ("Direktur Pemasaran", "Kepala Seksi
    # Pengawasan"); without one a single common-looking word may still be a name ("Agus")
    titled = titled or any(w.lower() in _TITLE_WORDS for w in words)
    if person and all(
        w.lower() in _TITLE_OF
        or w.lower() in _TITLE_WORDS
        or (titled and (w.isupper() or is_common_word(w.lower())))
        for w in words
    ):
        return ""  # a place or a body, no name ("Kasat Reskrim Polres Jakarta Utara, AKBP …")
    return " ".join(words)


def _after_rank(words: list[str]) -> list[str] | None:
    """The words after the last police or military rank (``None`` without one)."""
    last = -1
    for i, word in enumerate(words):
        low = word.lower()
        if low in _RANKS or (
            low == "komisaris" and i + 1 < len(words) and words[i + 1].lower() in _RANK_TAILS
        ):
            last = i
    if last < 0:
        return None
    end = last + 1
    while end < len(words) and words[end].lower() in _RANK_TAILS:
        end += 1
    return words[end:]
