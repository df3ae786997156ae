"""feeds.yaml: which feeds to poll, and the poller's limits taken from Settings.

```yaml
defaults:                 # optional, applies to every feed
  interval: 15m           # seconds (900) or 30s / 15m / 2h
  fetch_full_text: true
feeds:
  - url: https://example.org/rss.xml
    outlet: Example Times # recorded as `source` on every item (default: the feed's host)
    interval: 10m
    fetch_full_text: true # fetch the article page when the feed gives only a summary
    language: en          # hint, used when the text is too short to identify
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from workers.settings import PREFIX, Settings, SettingsError

FEED_KEYS = {"url", "outlet", "interval", "fetch_full_text", "language"}
MIN_INTERVAL_S = 1.0


class FeedConfigError(ValueError):
    """feeds.yaml cannot be used as it is; the message names the place."""


@dataclass(frozen=True)
class FeedConfig:
    url: str
    outlet: str
    interval_s: float
    fetch_full_text: bool = True
    language: str | None = None


@dataclass(frozen=True)
class PollerOptions:
    """The Settings the poller uses, checked."""

    state_dir: Path
    http_timeout_s: float
    max_feed_bytes: int
    max_page_bytes: int
    default_interval_s: float
    max_backoff_s: float
    user_agent: str
    topic: str
    max_pages_per_poll: int = 50

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> PollerOptions:
        values: dict[str, Any] = {
            "state_dir": Path(settings.feeds_state_dir).expanduser(),
            "http_timeout_s": settings.feeds_http_timeout_s,
            "max_feed_bytes": settings.feeds_max_feed_bytes,
            "max_page_bytes": settings.feeds_max_page_bytes,
            "default_interval_s": settings.feeds_default_interval_s,
            "max_backoff_s": settings.feeds_max_backoff_s,
            "user_agent": settings.feeds_user_agent,
            "topic": settings.topic_raw,
            "max_pages_per_poll": settings.feeds_max_pages_per_poll,
        }
        values.update(overrides)
        options = cls(**values)
        checks = [
            (options.http_timeout_s > 0, "FEEDS_HTTP_TIMEOUT_S must be > 0"),
            (options.max_feed_bytes >= 1024, "FEEDS_MAX_FEED_BYTES must be >= 1024"),
            (options.max_page_bytes >= 1024, "FEEDS_MAX_PAGE_BYTES must be >= 1024"),
            (options.default_interval_s >= MIN_INTERVAL_S, f"FEEDS_DEFAULT_INTERVAL_S must be >= {MIN_INTERVAL_S:g}"),
            (options.max_backoff_s >= options.default_interval_s,
             "FEEDS_MAX_BACKOFF_S must be >= FEEDS_DEFAULT_INTERVAL_S"),
            (bool(options.user_agent.strip()), "FEEDS_USER_AGENT must not be empty"),
            (options.max_pages_per_poll >= 1, "FEEDS_MAX_PAGES_PER_POLL must be >= 1"),
        ]
        for ok, message in checks:
            if not ok:
                raise SettingsError(PREFIX + message)
        return options


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: Any, where: str) -> float:
    if isinstance(value, bool):
        raise FeedConfigError(f"{where}: interval must be seconds or a duration like 15m, not {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise FeedConfigError(f"{where}: interval {value!r} is not seconds or a duration like 30s/15m/2h")
        seconds = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
    if seconds < MIN_INTERVAL_S:
        raise FeedConfigError(f"{where}: interval must be at least {MIN_INTERVAL_S:g}s")
    return seconds


def load_feeds(path: Path, *, default_interval_s: float) -> list[FeedConfig]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FeedConfigError(f"{path}: cannot read: {exc}") from exc
    return feeds_from_doc(doc, default_interval_s=default_interval_s, where=str(path))


def feeds_from_doc(doc: Any, *, default_interval_s: float, where: str = "feeds.yaml") -> list[FeedConfig]:
    if isinstance(doc, list):
        doc = {"feeds": doc}
    if not isinstance(doc, dict) or not isinstance(doc.get("feeds"), list):
        raise FeedConfigError(f"{where}: expected a mapping with a `feeds:` list")
    unknown_top = set(doc) - {"feeds", "defaults"}
    if unknown_top:
        raise FeedConfigError(f"{where}: unknown top-level keys {sorted(unknown_top)}")
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, dict) or set(defaults) - (FEED_KEYS - {"url", "outlet"}):
        raise FeedConfigError(f"{where}: `defaults` may set only interval, fetch_full_text, language")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for n, raw in enumerate(doc["feeds"]):
        at = f"{where}: feeds[{n}]"
        if isinstance(raw, str):
            raw = {"url": raw}
        if not isinstance(raw, dict):
            raise FeedConfigError(f"{at}: expected a mapping with at least `url`")
        unknown = set(raw) - FEED_KEYS
        if unknown:
            raise FeedConfigError(f"{at}: unknown keys {sorted(unknown)} (allowed: {sorted(FEED_KEYS)})")
        entry = {**defaults, **raw}
        url = str(entry.get("url") or "").strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FeedConfigError(f"{at}: url must be an absolute http(s) URL, got {url!r}")
        if url in seen:
            raise FeedConfigError(f"{at}: {url} is listed twice")
        seen.add(url)
        outlet = str(entry.get("outlet") or parts.hostname).strip()
        interval = parse_interval(entry["interval"], at) if "interval" in entry else default_interval_s
        full_text = entry.get("fetch_full_text", True)
        if not isinstance(full_text, bool):
            raise FeedConfigError(f"{at}: fetch_full_text must be true or false")
        language = entry.get("language")
        if language is not None and not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", str(language)):
            raise FeedConfigError(f"{at}: language must be a language code like en or pt-BR")
        feeds.append(FeedConfig(url=url, outlet=outlet[:512], interval_s=interval, fetch_full_text=full_text,
                                language=str(language).split("-")[0].split("_")[0].lower() if language else None))
    return feeds
