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

__all__ = ["Cleaned", "clean", "strip_dateline"]

_DASH = r"(?:-{1,2}|–|—|:)"
_MEDIA = (
    r"(?:CNN\s?Indonesia(?:\.com)?|KOMPAS\.com|Kompas\.com|kumparan(?:\.com)?|"
    r"Liputan6\.com|Tribunnews\.com|TRIBUNNEWS\.COM|Tempo\.co|TEMPO\.CO|Detik(?:com|\.com)|detikcom|"
    r"Suara\.com|merdeka\.com|Merdeka\.com|ANTARA(?:\s?News)?|Antara(?:news)?|Okezone|"
    r"Bisnis\.com|Kontan\.co\.id|KONTAN|Republika\.co\.id|REPUBLIKA\.CO\.ID|JPNN\.com|"
    r"VIVA(?:\.co\.id|news)?|Sindonews(?:\.com)?|Beritasatu\.com|Rimanews|Poskotanews|"
    r"Okezone\.com|IDN\s?Times|Kapanlagi\.com|Bola\.com|Goal\.com|Deras\.id|"
    r"[A-Z][A-Za-z0-9]*\.(?:com|co\.id|id|net|co))"
)
_PLACE = r"(?:[A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,3})"
# "Jakarta, CNN Indonesia --", "JAKARTA, KOMPAS.com -", "Jakarta, Deras.id –",
# "Liputan6.com, Jakarta:", "Wamena (ANTARA News) -", "Suara.com -",
# "SPANYOL –", "JAKARTA -", "Bisnis.com, JAKARTA -- "
_DATELINE = re.compile(
    r"^\s*(?:"
    rf"(?:{_PLACE}\s*,\s*)?{_MEDIA}(?:\s*,\s*{_PLACE})?\s*{_DASH}"
    rf"|{_PLACE}\s*\(\s*{_MEDIA}\s*\)\s*{_DASH}"
    r"|[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}(?:\s*,\s*[A-Z][a-z]+\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?\s*(?:-{1,2}|–|—)"
    r")\s*"
)
_CREDIT = re.compile(r"\s*[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*[)\]]\s*$")
_CREDIT_ONLY = re.compile(r"^\s*[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*[)\]]\s*$")
_READ_ALSO = re.compile(
    r"^\s*(?:Baca(?:\s+juga|\s+pula)?|BACA(?:\s+JUGA)?|Lihat\s+juga|Simak\s+juga)\s*:", re.I
)
_READ_ALSO_INLINE = re.compile(r"\s*(?:Baca\s+juga|BACA\s+JUGA)\s*:\s*[^.!?]*?(?=\s*$)")
_REPORTER = re.compile(
    r"^\s*(?:Laporan\s+(?:wartawan|reporter|jurnalis|koresponden)\b|Reporter\s*:|Editor\s*:|"
    r"Penulis\s*:|Pewarta\s*:|Redaktur\s*:|Sumber\s*:|Foto\s*:|Editor\b.*\bReporter\b)",
    re.I,
)
_CHROME = re.compile(
    r"^\s*(?:Exit\s+mobile\s+version|ADVERTISEMENT|Advertisement|SCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT|"
    r"Simak\s+(?:video|juga\s+video|videonya)\b.*|\[Gambas:[^\]]*\].*|Gambas:\s*Video.*|"
    r"Tonton\s+juga.*|Lihat\s+Video\s*:.*|Artikel\s+ini\s+telah\s+tayang\s+di.*|"
    r"Dapatkan\s+update\s+berita.*|Ikuti\s+(?:kami|berita).*di\s+Google\s+News.*|"
    r"Share\s*:?|Bagikan\s*:?|Halaman\s+selanjutnya|Halaman\s+\d+\s+dari\s+\d+|Loading\.*|"
    r"\(\s*Gambas\s*:[^)]*\))\s*$",
    re.I,
)
_GAMBAS_INLINE = re.compile(r"\[Gambas:[^\]]*\]")


@dataclass(slots=True)
class Cleaned:
    """The story's paragraphs and what was removed from around them."""

    paragraphs: list[str]
    removed: Counter = field(default_factory=Counter)


def strip_dateline(text: str) -> tuple[str, bool]:
    """Remove a dateline from the start of ``text``; say whether one was there."""
    match = _DATELINE.match(text)
    if not match or match.end() >= len(text):
        return text, False
    rest = text[match.end() :]
    if not rest[:1].isupper() and not rest[:1].isdigit() and rest[:1] not in "\"“'‘":
        return text, False
    return rest, True


def clean(text: str) -> Cleaned:
    """Normalise ``text`` and drop boilerplate paragraphs and fragments."""
    removed: Counter = Counter()
    kept: list[str] = []
    for para in paragraphs(normalize(text)):
        if _READ_ALSO.match(para):
            removed["read_also"] += 1
            continue
        if _REPORTER.match(para):
            removed["reporter_lines"] += 1
            continue
        if _CHROME.match(para) or _CREDIT_ONLY.match(para):
            removed["site_chrome" if not _CREDIT_ONLY.match(para) else "credit_tags"] += 1
            continue
        para, n = _GAMBAS_INLINE.subn("", para)
        removed["site_chrome"] += n
        para, n = _CREDIT.subn("", para)
        removed["credit_tags"] += n
        if not kept:
            para, had = strip_dateline(para)
            removed["datelines"] += had
        para = para.strip()
        if para:
            kept.append(para)
    return Cleaned(kept, +removed)
