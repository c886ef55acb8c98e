"""How Indonesian news says who said what: the reporting verbs, in one place.

After a quote the verb is a bare root, with the speaker next or ``-nya`` standing for
them (``"…," kata Kapolri Tito Karnavian`` / ``"…," ujarnya``): :data:`SAID`. Before what was
said it is a me-/ber- verb (``Tito mengatakan, "…"``, ``Tito menilai …``): :data:`SAYS`.
The headline model was trained with :data:`SAYS` as it is; changing it means retraining
(``python -m benchmarks.headlines train``).
"""

from __future__ import annotations

__all__ = ["SAID", "SAID_PATTERN", "SAID_ROOT", "SAYS"]

SAID: tuple[str, ...] = (
    "kata",
    "ujar",
    "ucap",
    "ungkap",
    "tutur",
    "jelas",
    "imbuh",
    "tambah",
    "terang",
    "sebut",
    "papar",
    "tegas",
    "lanjut",
    "pungkas",
    "beber",
    "aku",
)
# regular expressions, without word boundaries: one of SAID, and one with or without -nya
SAID_ROOT = rf"(?:{'|'.join(SAID)})"
SAID_PATTERN = rf"{SAID_ROOT}(?:nya)?"

SAYS = frozenset(
    [
        "mengatakan",
        "menyatakan",
        "menilai",
        "menegaskan",
        "menyebut",
        "menyebutkan",
        "mengungkapkan",
        "menjelaskan",
        "mengaku",
        "menuturkan",
        "memaparkan",
        "menambahkan",
        "mengklaim",
        "berharap",
        "meminta",
        "mengimbau",
        "menganggap",
        "mengingatkan",
        "membenarkan",
        "menyampaikan",
        "menerangkan",
    ]
)
