"""Main text of an article page (trafilatura) and language identification (py3langid). Pure.

py3langid ships its model inside the package: nothing is downloaded at run time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import trafilatura

from workers.feeds.normalize import primary_language

log = logging.getLogger(__name__)

# Below this many characters the identifier is not trusted; the declared language is used.
MIN_DETECT_CHARS = 80
MIN_DETECT_PROBABILITY = 0.90

_HTML_LANG = re.compile(rb"<html\b[^>]{0,2000}?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I)
_META_LANG = re.compile(
    rb"<meta\b[^>]{0,500}?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]{0,500}?content\s*=\s*[\"']?"
    rb"([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I)


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None
    declared_language: str | None  # <html lang> / Content-Language, primary subtag
    published: str | None  # as trafilatura found it (YYYY-MM-DD), informative only


def extract_article(page: bytes | str, *, url: str | None = None) -> Article | None:
    """The article body of an HTML page, or None when trafilatura finds no main text.

    `page` as bytes lets trafilatura detect the encoding (meta charset, then detection); pass a
    str when the HTTP header already said the charset.
    """
    declared = declared_language(page if isinstance(page, bytes) else page[:20000].encode("utf-8", "replace"))
    try:
        doc: Any = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                               include_tables=True, include_images=False,
                                               include_links=False)
    except Exception as exc:  # trafilatura/lxml on hostile input: never crash the poller
        log.warning("extraction failed for %s: %s: %s", url, type(exc).__name__, exc)
        return None
    if doc is None:
        return None
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        return None
    return Article(text=text, title=getattr(doc, "title", None) or None, declared_language=declared,
                   published=getattr(doc, "date", None) or None)


def declared_language(page_head: bytes) -> str | None:
    head = page_head[:20000]
    for pattern in (_HTML_LANG, _META_LANG):
        match = pattern.search(head)
        if match:
            lang = primary_language(match.group(1).decode("ascii", "replace"))
            if lang:
                return lang
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from the text itself; (None, 0.0) when too short to tell."""
    sample = " ".join(text.split())[:5000]
    if len(sample) < MIN_DETECT_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def choose_language(text: str, *declared: str | None) -> str | None:
    """The detected language when the identifier is confident, else the first declared one."""
    detected, prob = detect_language(text)
    if detected and prob >= MIN_DETECT_PROBABILITY:
        return detected
    for candidate in declared:
        lang = primary_language(candidate)
        if lang:
            return lang
    return detected
