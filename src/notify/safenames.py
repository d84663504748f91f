"""Names from mail made safe to use as one file or folder name on any system.

A sender chooses their attachment's name and their display name; either may
say "../../etc/passwd.pdf", "CON:<>|?.pdf" or carry control characters. What
comes out of here is always a single path component, without separators,
"..", leading dots or characters that Windows or macOS refuse, so an export
copied to the committee's laptop opens everywhere and never writes outside
its folder.
"""

import re
import unicodedata

NAME_LIMIT = 100
# File systems count bytes (ext4 and NTFS allow 255); leave room for "-2".
_BYTE_LIMIT = 200
_KEPT_PUNCTUATION = frozenset(" .-_")
# Letters, digits, and the combining marks that some scripts' letters need.
_KEPT_CATEGORIES = ("L", "N", "Mn", "Mc")
_REPLACED = re.compile(r"_{2,}")
_SPACES = re.compile(r" {2,}")
_DOTS = re.compile(r"\.{2,}")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")
# Device names Windows will not open as files, with or without an extension.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{device}{n}" for device in ("COM", "LPT") for n in range(10)]
)


def clean(text: str) -> str:
    """`text` reduced to letters, digits, space, ".", "-" and "_"; may be empty.

    NFKC first, so full-width and ligature look-alikes become plain letters;
    dashes become "-" and every run of anything else one "_"; no "..", no
    leading dot, no trailing dot or space.
    """
    return _trim(_reduce(text))


def safe_filename(original: str, fallback: str, suffix: str = ".pdf") -> str:
    """A safe file name for `original` that ends in `suffix` (case-insensitive).

    The extension survives the length limit (about 100 characters); a name
    with nothing usable left becomes `fallback` (e.g. "document-3.pdf"),
    which the caller must choose safe.
    """
    name = _reduce(original).rstrip(" ._")
    extension = _EXTENSION.search(name)
    stem, ext = (name[: extension.start()], extension.group()) if extension else (name, "")
    if ext.lower() != suffix.lower():
        stem, ext = name, suffix
    stem = _cut(_trim(stem), NAME_LIMIT - len(ext))
    return _unreserved(stem) + ext if stem else fallback


def folder_name(reference: str, name: str, address: str) -> str:
    """ "IPO-00012 Sanne de Vries": the reference keeps two namesakes apart and
    is the one the overview and the replies quote; the address's local part
    stands in for a missing or unusable name. `reference` must already be
    safe (letters, digits and "-")."""
    if clean(reference) != reference or not reference:
        raise ValueError("unsafe reference for a folder name")
    label = _cut(clean(name), 60) or _cut(clean(address.partition("@")[0]), 60)
    return f"{reference} {label or 'applicant'}"


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or "stem-2.ext", "stem-3.ext", ... if taken; records the result.

    Compared case-folded, because the committee's file systems (Windows,
    macOS) treat "CV.pdf" and "cv.pdf" as one file.
    """
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    taken.add(candidate.casefold())
    return candidate


def _reduce(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    kept = "".join(_keep(ch) for ch in folded)
    return _DOTS.sub(".", _SPACES.sub(" ", _REPLACED.sub("_", kept)))


def _keep(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch in _KEPT_PUNCTUATION or category.startswith(_KEPT_CATEGORIES):
        return ch
    return "-" if category == "Pd" else "_"


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters and _BYTE_LIMIT bytes of UTF-8, trimmed again."""
    text = text[:limit]
    while len(text.encode()) > _BYTE_LIMIT:
        text = text[:-1]
    return _trim(text)


def _trim(text: str) -> str:
    """No leading dots (hidden files), no trailing dots or spaces (Windows)."""
    return text.strip(" ._")


def _unreserved(stem: str) -> str:
    """ "_CON": Windows refuses "CON.pdf" and "con.anything.pdf" alike."""
    return f"_{stem}" if stem.partition(".")[0].upper() in _RESERVED else stem
