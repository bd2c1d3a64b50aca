"""Turn the bytes of a text export into text: BOMs, UTF-8, Windows-1252, binary and mojibake checks.

Swedish offices export CSV as UTF-8 (with or without a byte-order mark), as Windows-1252 (Excel's
"CSV (semikolonavgränsad)") or as UTF-16 ("Unicode-text"). UTF-8 is tried first because a
Windows-1252 file read as UTF-8 fails loudly, while the reverse gives silent garbage (``MÃ¥nad``).
A file that *decodes* as UTF-8 but contains such garbage was converted twice somewhere upstream;
that is reported, with the probable correct word, rather than guessed away.
"""

from __future__ import annotations

import codecs
import re

from workbench.core.errors import FileReadError

# signatures of formats people rename to .csv by mistake -> catalogue key of the message
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "data.binary_pdf"),
    (b"PK\x03\x04", "data.binary_zip"),
    (b"\xd0\xcf\x11\xe0", "data.binary_office"),
    (b"\x89PNG", "data.binary_image"),
    (b"\xff\xd8\xff", "data.binary_image"),
    (b"GIF8", "data.binary_image"),
    (b"\x1f\x8b", "data.binary_compressed"),
)

# 'Ã' or 'Â' followed by what a UTF-8 continuation byte looks like when read as Windows-1252
_MOJIBAKE = re.compile(
    r"[^\s;,\"']*[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
    r"\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122][^\s;,\"']*"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def binary_error(raw: bytes, *, name: str, lang: str | None = None) -> FileReadError:
    """The error for binary content, naming the format when its signature is known."""
    for magic, key in _MAGIC:
        if raw.startswith(magic):
            return FileReadError(key, lang=lang, name=name)
    return FileReadError("data.binary_file", lang=lang, name=name)


def _is_known_binary(raw: bytes) -> bool:
    return any(raw.startswith(magic) for magic, _ in _MAGIC)


def decode_text(raw: bytes, *, name: str, lang: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text table; return ``(text, encoding)``.

    Order: UTF-16 when a UTF-16 byte-order mark is present, else UTF-8 (a UTF-8 BOM is removed),
    else Windows-1252.

    Raises
    ------
    FileReadError
        ``data.empty_file`` (nothing but whitespace), ``data.binary_*`` (NUL bytes, control
        characters or a known binary signature), ``data.encoding_unknown`` (neither UTF-8 nor
        Windows-1252) or ``data.mojibake`` (text converted twice, e.g. ``MÃ¥nad``).
    """
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise binary_error(raw, name=name, lang=lang) from None
    else:
        if not raw.strip():
            raise FileReadError("data.empty_file", lang=lang, name=name)
        if _is_known_binary(raw) or b"\x00" in raw[:65536]:
            raise binary_error(raw, name=name, lang=lang)
        try:
            text, encoding = raw.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as cp_error:
                if len(_CONTROL.findall(raw[:65536].decode("latin-1"))) > 2:
                    raise binary_error(raw, name=name, lang=lang) from None
                pos = max(utf8_error.start, cp_error.start)
                line = raw.count(b"\n", 0, pos) + 1
                raise FileReadError("data.encoding_unknown", lang=lang, name=name, line=line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FileReadError("data.empty_file", lang=lang, name=name)
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000):
        raise binary_error(raw, name=name, lang=lang)
    check_mojibake(text, name=name, lang=lang)
    return text, encoding


def check_mojibake(text: str, *, name: str, lang: str | None = None) -> None:
    """Raise ``data.mojibake`` if ``text`` holds UTF-8 that was read as Windows-1252 and saved again."""
    if "Ã" not in text and "Â" not in text:
        return
    for match in _MOJIBAKE.finditer(text):
        word = match.group(0)
        try:
            fixed = word.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != word:
            line = text.count("\n", 0, match.start()) + 1
            raise FileReadError(
                "data.mojibake", lang=lang, name=name, found=word, suggestion=fixed, line=line
            )
