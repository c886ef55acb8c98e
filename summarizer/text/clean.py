"""Remove news boilerplate without touching the story.

Scraped and CMS text carries datelines (``Jakarta, CNN Indonesia --``),
"Baca juga:" links, reporter credit tags (``(rsa)``), "Laporan reporter"
lines and site chrome (``ADVERTISEMENT``). None of it belongs in a summary
or a headline, and leaving it in skews every sentence score. What is removed
is counted so the API can report it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .normalize import normalize, paragraphs
from .title import is_title_line, may_be_title

__all__ = ["Cleaned", "clean", "is_credit_tag", "strip_dateline"]

_DASH = r"(?:-{1,2}|–|—|:)"
_MEDIA = (
    r"(?:CNN\s?Indonesia(?:\.com)?|CNBC\s?Indonesia(?:\.com)?|KOMPAS\.com|Kompas\.com|Kompas|KOMPAS|kumparan(?:\.com)?|"
    r"Liputan6\.com|Tribunnews\.com|TRIBUNNEWS\.COM|Tempo\.co|TEMPO\.CO|Detik(?:com|\.com)|detikcom|"
    r"Suara\.com|merdeka\.com|Merdeka\.com|ANTARA(?:\s?News)?|Antara(?:news)?|Okezone|"
    r"Bisnis\.com|Kontan\.co\.id|KONTAN|Republika\.co\.id|REPUBLIKA\.CO\.ID|JPNN\.com|"
    r"VIVA(?:\.co\.id|news)?|Sindonews(?:\.com)?|Beritasatu\.com|Rimanews|Poskotanews|"
    r"Pos\s?Kota|Okezone\.com|IDN\s?Times|Kapanlagi\.com|Bola\.com|Goal\.com|Deras\.id|"
    r"[A-Za-z][A-Za-z0-9]*\.(?i:com|co\.id|id|net|co))"
)
_PLACE = r"(?:[A-Z][A-Za-z'.]*(?:[ \t]+[A-Z][A-Za-z'.]*){0,3})"
# "Jakarta, CNN Indonesia --", "JAKARTA, KOMPAS.com -", "Jakarta, Deras.id –",
# "Liputan6.com, Jakarta:", "Wamena (ANTARA News) -", "Suara.com -", "JUARA.NET, TOKYO -",
# "Samarinda, Kalimantan Timur (ANTARA News) -", "JAKARTA (Pos Kota) –",
# "SPANYOL –", "JAKARTA -", "Bisnis.com, JAKARTA -- "
_MEDIA_DATELINE = re.compile(
    r"^\s*(?:"
    rf"(?:{_PLACE}\s*,\s*)?{_MEDIA}(?:\s*,\s*{_PLACE})?\s*{_DASH}"
    rf"|{_PLACE}(?:\s*,\s*{_PLACE})?\s*\(\s*{_MEDIA}\s*\)\s*{_DASH}"
    r")\s*"
)
#: cities that open datelines (and, in headline.py, follow a job title: "Wali Kota Surabaya")
CITIES = (
    "Jakarta",
    "Bandung",
    "Surabaya",
    "Medan",
    "Semarang",
    "Yogyakarta",
    "Makassar",
    "Denpasar",
    "Palembang",
    "Bogor",
    "Depok",
    "Tangerang",
    "Bekasi",
    "Solo",
    "Malang",
    "Batam",
    "Pekanbaru",
    "Padang",
    "Balikpapan",
    "Manado",
    "Pontianak",
    "Banjarmasin",
    "Jayapura",
    "Kupang",
    "Mataram",
    "Ambon",
    "Serang",
    "Cirebon",
    "Samarinda",
    "Jambi",
    "Bengkulu",
)
_CITIES = "|".join(CITIES)
# A place then an outlet not in the list above, a date, or both: "JAKARTA, KOMPAS -",
# "Jakarta, HanTer -", "Jakarta, 27/11 (ANTARA) -", "Jakarta, 27 November 2026 -",
# "Medan (SIB) -". Only a dateline when the story follows with a capital. An outlet
# outside brackets is one word with a second capital or a dot ("DDTCNews", "Gatra.com"),
# so "Malang, UAV Ai - X1 ini ..." stays a sentence.
_DATE = (
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}[ \t]+(?:Januari|Februari|Maret|April|Mei|Juni|"
    r"Juli|Agustus|September|Oktober|November|Desember)(?:[ \t]+\d{4})?)"
)
_OUTLET_WORD = r"(?=[\w.]{3})(?=[A-Z]\w*[A-Z.])[A-Z][\w.]*+"  # possessive: linear on long words
_OUTLET_BRACKETS = r"\(\s*[A-Z][\w.]{2,}(?:[ \t]+[A-Z][\w.]*){0,2}\s*\)"
# A place name alone ("SPANYOL –", "Jakarta -"): only a dateline when the story
# follows with a capital. Title-case places need a city name before a plain hyphen,
# since detokenised text has "Go - Jek" style hyphens.
_PLACE_DATELINE = re.compile(
    r"^\s*(?:[A-Z]{3,}(?:[ \t]+[A-Z]{2,}){0,3}"
    r"(?:\s*,\s*[A-Z][a-z]+\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?\s*(?:-{1,2}|–|—)"
    rf"|{_PLACE}\s*,\s*(?:{_DATE}\s*,?\s*)?(?:{_OUTLET_BRACKETS}|{_OUTLET_WORD})\s*(?:-{{1,2}}|–|—)"
    rf"|{_PLACE}\s*,\s*{_DATE}\s*(?:-{{1,2}}|–|—)"
    rf"|{_PLACE}\s*{_OUTLET_BRACKETS}\s*(?:-{{1,2}}|–|—)"
    rf"|{_PLACE}\s*(?:--|–|—)|(?:{_CITIES})[ \t]+-)\s+"
)
# Reporter credit tags: "(rsa)", "(rdk/asa)", "[bal]", "(b)", "(julian / yp)",
# "(Antara)", "(Uu. C003)", "(gk-48)", "(Awita Ekasari Larasati / ard)". A short
# lower-case tag is one anywhere at the end of a paragraph; anything broader only
# right after the end of a sentence, or as a paragraph of its own.
_TAG_LOWER = r"[(\[]\s*[a-z]{1,6}(?:\s*/\s*[a-z]{1,6}){0,3}\s*[)\]]"
# Words and the gaps between them are matched possessively: each word ends where a
# gap starts, so nothing is lost, and without it "(" and 100 letters backtracked for
# a minute through every way of cutting the letters into six words.
_TAG_BROAD = r"[(\[]\s*[A-Za-z*][\w.'*-]*+(?:[ \t]*+[/-]?[ \t]*+[\w.'*-]++){0,5}\s*/?\s*[)\]]"
_CREDIT = re.compile(rf"(?:\s*{_TAG_LOWER}|(?<=[.!?\"”’'])\s*{_TAG_BROAD})\s*$")
_CREDIT_ONLY = re.compile(rf"^\s*(?:[-–—]\s*)?{_TAG_BROAD}\s*$")  # also "—(ant/ded)"
# ("Pilihan Editor:" and "Berita terkait:" only with their colon: the words also open sentences)
_READ_ALSO = re.compile(
    r"^\s*(?:(?:Baca(?:[\s_]+juga|\s+pula)?|Lihat\s+juga|Simak\s+juga)"
    r"\s*(?::|$|(?=\s+(?-i:[A-Z0-9])))"
    r"|(?:Pilihan\s+Editor|(?:Artikel|Berita)\s+(?:terkait|lainnya))\s*:)",
    re.I,
)
# "[Baca juga: …]" / "(Baca: …)" anywhere, and "Baca juga: <title>" closing a paragraph
# after the story's last sentence (a link title has no sentence punctuation).
_READ_ALSO_INLINE = re.compile(
    r"\s*\[\s*(?:Baca|Lihat|Simak|BACA)(?:\s+(?:juga|Juga|JUGA))?\s*:[^\]\n]{0,200}\]"
    r"|\s*\(\s*(?:Baca|Lihat|Simak|BACA)(?:\s+(?:juga|Juga|JUGA))?\s*:[^)\n]{0,200}\)"
    r"|(?<=[.!?\"”’'])\s+(?:Baca|BACA)(?:\s+juga|\s+JUGA)?\s*:[^.!?\n]{0,200}$",
)
_REPORTER = re.compile(
    r"^\s*(?:Laporan\s+(?:wartawan|reporter|jurnalis|koresponden|kontributor)\b|"
    r"Reporter\s*:|Editor\s*:|Penulis\s*:|Pewarta\s*:|Redaktur\s*:|Sumber\s*:|"
    r"Sumber\s+berita\b|(?:Sumber\s+)?Foto\s*:|Editor\b.*\bReporter\b)",
    re.I,
)
_SCROLL = r"SCROLL\s+TO\s+(?:CONTINUE|RESUME)(?:\s+WITH)?\s+CONTENT"
_CHROME = re.compile(
    r"^\s*(?:Exit\s+mobile\s+version|"
    rf"(?:ADVERTISEMENT|Advertisement)(?:\s+{_SCROLL})?|{_SCROLL}|"
    r"Simak\s+(?:video|juga\s+video|videonya|breaking\s+news)\b.*|\[Gambas:[^\]]*\].*|"
    r"Gambas:\s*Video.*|Tonton\s+juga.*|Lihat\s+Video\s*:.*|Saksikan\s+(?:live|video)\b.*|"
    r"Artikel\s+ini\s+(?:telah|sudah)\s+(?:tayang|terbit|dimuat)\s+di.*|"
    r"Lanjutkan\s+membaca\s+artikel.*|Klik\s+di\s*sini\b.*|Kunjungi\s+kanal\b.*|"
    r"Dapatkan\s+(?:update|informasi|berita)\b.*|"
    # "Ikuti kami di Google News", "Baca berita lainnya di Google News", "Follow Berita Okezone di …"
    r"(?:Ikuti|Baca|Cek|Follow|Simak)\b[^.!?\n]{0,80}\bGoogle\s+News.*|"
    r"Copyright\b.*|©.*|Tags?\s*:.*|"
    # photo lines: "Lihat Foto", "KOMPAS.com/RAHEL NARDA", "ANTARA FOTO/Aditya", an
    # "Ilustrasi …" caption with its credit or of four words at most; app and syndication
    # links; infographic headers
    r"Lihat\s+Foto|[A-Za-z][\w.]*\.(?:com|co\.id|id|net)(?:/[^\n]{0,80})?|ANTARA\s+FOTO/.*|"
    r"Ilustrasi\b[^.!?\n]{0,120}[.!?]?\s*[(\[][^)\]\n]{0,80}[)\]]|Ilustrasi(?:\s+[^\s.!?,]+){0,3}\.?|"
    r"Baca\s+artikel\s+\S++.{0,200}\bselengkapnya\b.*|Download\s+Apps?\b.*|"
    r"Pilihan\s+untuk\s+Anda|Infografis\s*:.*|\(\s*Sumber\s*:[^)\n]{0,80}\)|"
    r"(?:Berita|Artikel|Video)\s+(?:Terkait|Lainnya|Pilihan|Terpopuler|Terkini)\s*:?|Terpopuler|"
    r"Share\s*:?|Bagikan\s*:?|Halaman\s+selanjutnya|Halaman\s+\d+\s+dari\s+\d+|"
    r"Halaman\s*:?(?:\s*+\d++)++|Loading\.*|"
    r"\(\s*Gambas\s*:[^)]*\)|(?:\*\s*){3})\s*$",
    re.I,
)
# A linked headline under "Baca juga:": a short line without sentence punctuation.
_LINK_TITLE = re.compile(r"^[^.!?\n]{1,120}$")
_GAMBAS_INLINE = re.compile(r"\[Gambas:[^\]]*\]")


# The four whole-paragraph tests above as one anchored alternation, tried in the
# order ``clean`` applies them: one regex call per paragraph instead of four, and
# the group that matched names the kind of boilerplate.
_LINE_KINDS = re.compile(
    rf"(?P<read_also>(?i:{_READ_ALSO.pattern}))"
    rf"|(?P<reporter_lines>(?i:{_REPORTER.pattern}))"
    rf"|(?P<credit_tags>{_CREDIT_ONLY.pattern})"
    rf"|(?P<site_chrome>(?i:{_CHROME.pattern}))"
)
# ``clean`` tests for a substring without which an inline pattern cannot match
# ("[Gambas:", ":" and "Baca", a closing bracket) before it scans a paragraph with it.
_TAG_ENDS = (")", "]")


def is_credit_tag(text: str) -> bool:
    """Whether ``text`` is nothing but a reporter credit tag such as ``(rsa)`` or ``(b)``."""
    return bool(_CREDIT_ONLY.match(text)) and not _READ_ALSO_INLINE.match(text)


@dataclass(slots=True)
class Cleaned:
    """The story's paragraphs and what was removed from around them."""

    paragraphs: list[str]
    removed: Counter = field(default_factory=Counter)
    unread: int = 0  # lines past ``max_lines``, not looked at
    title: str | None = None  # the title line before the story, taken out


def strip_dateline(text: str) -> tuple[str, bool]:
    """Remove a dateline from the start of ``text``; say whether one was there."""
    if "-" not in text and ":" not in text and "–" not in text and "—" not in text:
        return text, False  # every dateline ends on a dash or a colon (most sentences have none)
    match = _MEDIA_DATELINE.match(text)
    if match:
        rest = text[match.end() :]
        # The media name makes it a dateline even when the story starts in lower case.
        return (text, False) if rest[:1] and rest[0] in ",.;" else (rest, True)
    match = _PLACE_DATELINE.match(text)
    if not match or match.end() >= len(text):
        return text, False
    rest = text[match.end() :]
    if not rest[:1].isupper() and not rest[:1].isdigit() and rest[:1] not in "\"“'‘":
        return text, False
    return rest, True


def _line_kind(para: str) -> str | None:
    """The kind of boilerplate ``para`` is as a whole, or None for a story paragraph."""
    match = _LINE_KINDS.match(para)
    if match is None:
        return None
    kind = match.lastgroup
    if kind == "credit_tags" and _READ_ALSO_INLINE.match(para):
        # "(Baca: …)" alone is no credit tag (``is_credit_tag``); it may still be chrome
        return "site_chrome" if _CHROME.match(para) else None
    return kind


def _strip_gambas(para: str) -> tuple[str, int]:
    """``_GAMBAS_INLINE.subn`` over the text up to the last "]", the only part it can match.

    A "[Gambas:" with no "]" after it scans to the end of the text and fails; many of
    them in a row made that quadratic.
    """
    end = para.rfind("]") + 1
    head, n = _GAMBAS_INLINE.subn("", para[:end])
    return head + para[end:], n


def _strip_credit(para: str) -> tuple[str, int]:
    """``_CREDIT.subn`` searched only from the blanks before the last "(" or "[".

    A credit tag holds no opening bracket after its first character and runs to the
    end of the text, so no match can start earlier, and there is at most one.
    """
    opening = max(para.rfind("("), para.rfind("["))
    if opening < 0:
        return para, 0
    match = _CREDIT.search(para, len(para[:opening].rstrip()))
    if match is None:
        return para, 0
    return para[: match.start()] + para[match.end() :], 1


def clean(text: str, max_lines: int | None = None, title: str | None = None) -> Cleaned:
    """Normalise ``text`` and drop boilerplate paragraphs and fragments.

    A title line before the story (:func:`~summarizer.text.title.is_title_line`; ``title``
    is the one the caller knows, if any) is taken out into ``Cleaned.title``. With
    ``max_lines``, only that many lines (paragraphs, boilerplate included) are read.
    """
    # kind → count, keys in the order first counted; a plain dict in the loop, since
    # Counter's missing-key and update paths run Python code
    removed: dict[str, int] = {}
    kept: list[str] = []
    links_follow = False
    story_seen = False
    lines = paragraphs(normalize(text))
    unread = 0
    if max_lines is not None and len(lines) > max_lines:
        unread = len(lines) - max_lines
        del lines[max_lines:]
    title_line = None
    for i, para in enumerate(lines):
        kind = _line_kind(para)
        if kind == "read_also":
            removed["read_also"] = removed.get("read_also", 0) + 1
            # a bare "Baca juga:" header: the link titles follow, one a line
            links_follow = para.rstrip().endswith(":") or len(para.split()) <= 2
            continue
        if links_follow and _LINK_TITLE.match(para):
            removed["read_also"] = removed.get("read_also", 0) + 1
            continue
        links_follow = False
        if kind is not None:
            removed[kind] = removed.get(kind, 0) + 1
            continue
        if not story_seen:
            # The counts keep the key order they always had: these three keys enter
            # ``removed`` (at zero) when the first story paragraph is reached.
            story_seen = True
            for key in ("site_chrome", "read_also", "credit_tags"):
                removed.setdefault(key, 0)
            if i + 1 < len(lines) and (title or may_be_title(para)):
                line, had = strip_dateline(para)  # a line all dateline is no title
                if line and is_title_line(line, strip_dateline(lines[i + 1])[1], title):
                    title_line = line.strip()
                    removed["title_line"] = 1
                    removed["datelines"] = removed.get("datelines", 0) + had
                    continue
        if ":" in para:  # both inline patterns need one
            if "[Gambas:" in para:
                para, n = _strip_gambas(para)
                removed["site_chrome"] += n
            if ":" in para and (
                "Baca" in para or "BACA" in para or "Lihat" in para or "Simak" in para
            ):
                para, n = _READ_ALSO_INLINE.subn("", para)
                removed["read_also"] += n
        if para.rstrip().endswith(_TAG_ENDS):
            para, n = _strip_credit(para)
            removed["credit_tags"] += n
        if not kept and not removed.get("datelines"):
            para, had = strip_dateline(para)
            removed["datelines"] = removed.get("datelines", 0) + had
        para = para.strip()
        if para:
            kept.append(para)
    counts: Counter = Counter()  # what ``+Counter(removed)`` gives, built directly
    for kind, n in removed.items():
        if n > 0:
            counts[kind] = n
    return Cleaned(kept, counts, unread, title_line)
