"""Pure feed handling: canonical URLs, ids, dates, feed documents to entries, HTML to text.

Nothing here touches the network or the disk; every function takes bytes/strings and returns
values, so it is tested without a server and reused by the benchmark scripts.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser
from dateutil import parser as dateutil_parser

# Query parameters that only say where a click came from: dropped from canonical URLs.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "wt_mc", "wt.mc_id", "cmpid", "ocid", "icid", "ito", "ns_mchannel", "ns_source", "ns_campaign",
    "ns_linkname", "ns_fee", "sr_share", "smid", "at_medium", "at_campaign",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}

# A feed entry whose text is shorter than this is treated as a summary (the page is fetched
# when the feed allows it).
SUMMARY_MAX_CHARS = 500


class NotAFeed(ValueError):
    """The document is not an RSS/Atom feed (an HTML page, an error page, garbage)."""


# --------------------------------------------------------------------------------------------
# URLs and ids


def canonical_url(url: str, base: str | None = None) -> str | None:
    """Normalise a link so that the same article has one spelling.

    Lower-case scheme and host, default port dropped, fragment dropped, tracking parameters
    (utm_*, fbclid, gclid...) dropped, other parameters kept in their order, no trailing slash
    except for the root path. Relative links are resolved against `base`. Returns None for
    anything that is not an absolute http(s) URL.
    """
    url = (url or "").strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMS or k.startswith(TRACKING_PREFIXES)


def item_id_for(dedup_key: str) -> str:
    """Stable item id: the first 32 hex digits of SHA-256 of the dedup key (canonical URL)."""
    return hashlib.sha256(dedup_key.encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------------------------
# Dates


def iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(parsed: time.struct_time | None, raw: str | None) -> str | None:
    """ISO-8601 UTC from feedparser's parsed tuple (already UTC) or, failing that, the raw string.

    A raw date without a zone is taken as UTC. Unreadable dates give None.
    """
    if parsed is not None:
        try:
            return iso_utc(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC))
        except (OverflowError, ValueError, OSError):
            pass
    if raw and raw.strip():
        try:
            return iso_utc(dateutil_parser.parse(raw.strip(), fuzzy=False))
        except (ValueError, OverflowError, TypeError):
            return None
    return None


# --------------------------------------------------------------------------------------------
# Text

_BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/tr|/section|/article)\b[^>]*>", re.I)
_DROP_BLOCKS = re.compile(r"<\s*(script|style|noscript|template)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]{0,4000}>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\n\s*\n\s*")


def html_to_text(fragment: str | None) -> str:
    """Readable text from an HTML fragment as found in feeds (paragraph breaks kept)."""
    if not fragment:
        return ""
    text = _DROP_BLOCKS.sub(" ", fragment)
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _NEWLINES.sub("\n\n", text).strip()


def primary_language(tag: str | None) -> str | None:
    """'en-US' -> 'en'; None for anything that does not look like a language tag."""
    if not tag:
        return None
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$", tag)
    return match.group(1).lower() if match else None


# --------------------------------------------------------------------------------------------
# Feed documents


@dataclass(frozen=True)
class Entry:
    """One feed entry, normalised; `body` may still be only a summary."""

    dedup_key: str  # canonical URL, or a feed-scoped key when the entry has no usable link
    url: str | None  # canonical URL
    title: str | None
    body: str
    body_is_full: bool  # False: a summary (or nothing), the page may give the article
    published_at: str | None
    language: str | None  # declared by the feed/entry (xml:lang, <language>), primary subtag
    problems: tuple[str, ...] = ()

    @property
    def item_id(self) -> str:
        return item_id_for(self.dedup_key)


@dataclass(frozen=True)
class ParsedFeed:
    version: str  # feedparser's name: rss20, rss091u, rss10, atom10...
    title: str | None
    language: str | None
    entries: list[Entry]
    skipped: list[str] = field(default_factory=list)  # why entries were left out
    warning: str | None = None  # feed readable but not well-formed (feedparser's bozo)
    encoding: str | None = None


def parse_feed(document: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes; raise NotAFeed for anything else.

    Encodings follow the HTTP charset, then the XML declaration, then feedparser's fallbacks
    (UTF-8, windows-1252), so ISO-8859-1 and windows-1252 feeds read correctly.
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed: Any = feedparser.parse(document, response_headers=headers, sanitize_html=True,
                                   resolve_relative_uris=True)
    version = parsed.get("version") or ""
    raw_entries = parsed.get("entries") or []
    warning = None
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # feedparser's "things nobody cares about" (no/odd Content-Type, charset overridden) are not
    # problems with the feed; anything else means it was read with the lenient parser.
    if parsed.get("bozo") and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe):
        warning = f"{type(exc).__name__}: {str(exc)[:200]}" if exc else "not well-formed"
    if not version and not raw_entries:
        raise NotAFeed(f"not an RSS/Atom document ({warning or 'no feed elements found'})")
    channel = parsed.get("feed") or {}
    feed_lang = primary_language(channel.get("language"))
    entries: list[Entry] = []
    skipped: list[str] = []
    for position, raw in enumerate(raw_entries):
        entry = _entry(raw, position=position, feed_url=url, feed_lang=feed_lang)
        if isinstance(entry, str):
            skipped.append(entry)
        else:
            entries.append(entry)
    return ParsedFeed(version=version or "unknown", title=_clean(channel.get("title")), language=feed_lang,
                      entries=entries, skipped=skipped, warning=warning, encoding=parsed.get("encoding"))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = html_to_text(value) if "<" in value or "&" in value else value
    text = " ".join(text.split())
    return text or None


def _entry(raw: Any, *, position: int, feed_url: str, feed_lang: str | None) -> Entry | str:
    problems: list[str] = []
    link = _entry_link(raw)
    url = canonical_url(link, base=feed_url) if link else None
    if link and url is None:
        problems.append(f"unusable link {link[:120]!r}")
    guid = raw.get("id") or raw.get("guid")
    if url is None and isinstance(guid, str) and guid.startswith(("http://", "https://")):
        url = canonical_url(guid)  # RSS guid isPermaLink
    title = _clean(raw.get("title"))
    contents = [c.get("value", "") for c in raw.get("content") or [] if isinstance(c, dict)]
    content_text = max((html_to_text(c) for c in contents), key=len, default="")
    summary_text = html_to_text(raw.get("summary") or raw.get("description") or "")
    body = content_text if len(content_text) >= len(summary_text) else summary_text
    # dict.get: FeedParserDict.get would map a missing updated_* onto published_* with a warning
    published = parse_date(
        dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed") or dict.get(raw, "created_parsed"),
        dict.get(raw, "published") or dict.get(raw, "updated") or dict.get(raw, "created"))
    if published is None:
        problems.append("no readable date")
    if url is None:
        problems.append("no link")
    if title is None:
        problems.append("no title")
    has_guid = isinstance(guid, str) and bool(guid.strip())
    if url is not None and not (has_guid and urlsplit(url).path == "/" and not urlsplit(url).query):
        dedup_key = url
    elif has_guid:  # no link, or a link to the site's home page (podcasts do this): the guid tells entries apart
        dedup_key = f"guid:{canonical_url(feed_url) or feed_url}#{str(guid).strip()}"
    elif title or body:
        digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
        dedup_key = f"content:{canonical_url(feed_url) or feed_url}#{digest}"
    else:
        return f"entry {position}: no link, no id, no title and no text"
    if not body and url is None:
        return f"entry {position}: no text and no link to fetch it from ({title or dedup_key})"
    language = primary_language(_entry_lang(raw)) or feed_lang
    return Entry(dedup_key=dedup_key, url=url, title=title, body=body,
                 body_is_full=len(body) >= SUMMARY_MAX_CHARS, published_at=published, language=language,
                 problems=tuple(problems))


def _entry_link(raw: Any) -> str | None:
    link = raw.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    for candidate in raw.get("links") or []:
        href = candidate.get("href") if isinstance(candidate, dict) else None
        if href and candidate.get("rel", "alternate") == "alternate":
            return str(href).strip()
    return None


def _entry_lang(raw: Any) -> str | None:
    for key in ("content", "summary_detail", "title_detail"):
        detail = raw.get(key)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if isinstance(detail, dict) and detail.get("language"):
            return str(detail["language"])
    return None
