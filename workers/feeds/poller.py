"""The poll loop: fetch each feed when due, turn new entries into news.raw.v1 items, publish them.

Order of a poll, per feed:
 1. conditional GET (ETag / Last-Modified from the state store); 304 -> nothing to do;
 2. parse (RSS 0.9x/1.0/2.0, Atom); a document that is not a feed is rejected with its reason;
 3. drop entries whose canonical URL was already published (state store, survives restarts);
 4. for summary-only entries of feeds with `fetch_full_text`, fetch the page and extract the
    main text (size and time limits); identify the language;
 5. publish the batch (acks=all, key = item id) and only then record the keys as seen and the
    new validators (so a crash or a broker outage repeats items, never loses them).
Errors (HTTP, timeouts, too large, not a feed, broker) back off exponentially per feed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from workers.feeds.config import FeedConfig, PollerOptions
from workers.feeds.extract import choose_language, extract_article
from workers.feeds.http import Fetched, HttpClient, charset_of
from workers.feeds.normalize import Entry, NotAFeed, ParsedFeed, iso_utc, parse_feed
from workers.feeds.sink import Sink, SinkError
from workers.feeds.state import FeedState, StateStore

log = logging.getLogger("workers.feeds")

# Bodies are cut to this many characters so an item stays far below the worker's message limit.
MAX_ITEM_BODY_CHARS = 200_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class PollResult:
    feed_url: str
    status: str  # published | not_modified | error | rejected | stopped
    published: int = 0
    already_seen: int = 0
    skipped: int = 0
    pages_fetched: int = 0
    waiting: int = 0  # summary-only entries left for a later poll (page limit)
    detail: str = ""


class FeedPoller:
    def __init__(self, feeds: list[FeedConfig], options: PollerOptions, sink: Sink, store: StateStore, *,
                 http: HttpClient | None = None, stop: threading.Event | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.feeds = feeds
        self.options = options
        self.sink = sink
        self.store = store
        self.http = http or HttpClient(timeout_s=options.http_timeout_s, user_agent=options.user_agent)
        self.stop = stop or threading.Event()
        self.clock = clock

    # ------------------------------------------------------------------------------------------
    # loops

    def run_once(self) -> list[PollResult]:
        """Poll every feed once, now, whatever its schedule (tests, cron)."""
        results = []
        for feed in self.feeds:
            if self.stop.is_set():
                break
            results.append(self.poll_safely(feed))
        return results

    def run_forever(self, *, tick_s: float = 5.0) -> None:
        """Poll each feed when due until `stop` is set (SIGINT/SIGTERM)."""
        log.info("polling %d feeds (state: %s)", len(self.feeds), self.store.path)
        while not self.stop.is_set():
            now = self.clock()
            for feed in self.feeds:
                if self.stop.is_set():
                    break
                if self.store.feed(feed.url).next_poll_at <= now:
                    self.poll_safely(feed)
            if not self.feeds:
                self.stop.wait(tick_s)
                continue
            next_at = min(self.store.feed(f.url).next_poll_at for f in self.feeds)
            self.stop.wait(max(0.0, min(next_at - self.clock(), tick_s)))
        log.info("stopped")

    def poll_safely(self, feed: FeedConfig) -> PollResult:
        try:
            return self.poll_feed(feed)
        except Exception as exc:  # one broken feed must not stop the others
            log.exception("feed %s: unexpected error", feed.url)
            return self._failed(feed, self.store.feed(feed.url), "error", f"{type(exc).__name__}: {exc}")

    # ------------------------------------------------------------------------------------------
    # one feed

    def poll_feed(self, feed: FeedConfig) -> PollResult:
        state = self.store.feed(feed.url)
        fetched = self.http.get(feed.url, max_bytes=self.options.max_feed_bytes, etag=state.etag,
                                last_modified=state.last_modified)
        if fetched.not_modified:
            log.info("feed %s: 304 not modified", feed.url)
            self._succeeded(feed, state, "not_modified", etag=fetched.etag or state.etag,
                            last_modified=fetched.last_modified or state.last_modified)
            return PollResult(feed.url, "not_modified")
        if not fetched.ok:
            return self._failed(feed, state, "error", fetched.error or f"HTTP {fetched.status}", fetched)
        try:
            parsed = parse_feed(fetched.body, url=fetched.url, content_type=fetched.content_type)
        except NotAFeed as exc:
            return self._failed(feed, state, "rejected", f"not a feed: {exc}", fetched)
        return self._publish_new(feed, state, fetched, parsed)

    def _publish_new(self, feed: FeedConfig, state: FeedState, fetched: Fetched, parsed: ParsedFeed) -> PollResult:
        if parsed.warning:
            log.warning("feed %s: read despite a malformed document (%s)", feed.url, parsed.warning)
        for reason in parsed.skipped:
            log.warning("feed %s: skipped %s", feed.url, reason)
        unique: dict[str, Entry] = {}
        for entry in parsed.entries:
            unique.setdefault(entry.dedup_key, entry)
        fresh_keys = self.store.unseen(list(unique))
        fresh = [e for key, e in unique.items() if key in fresh_keys]
        already = len(unique) - len(fresh)
        items: list[dict[str, Any]] = []
        keys: list[str] = []
        pages = 0
        deferred = 0
        stopped = False
        waiting = 0
        for entry in fresh:
            if self.stop.is_set():
                stopped = True
                break
            if self._wants_page(feed, entry) and pages >= self.options.max_pages_per_poll:
                waiting += 1  # not marked seen: picked up by a later poll
                continue
            for problem in entry.problems:
                log.info("feed %s: entry %s: %s", feed.url, entry.url or entry.dedup_key[:80], problem)
            item, fetched_page = self._item(feed, entry)
            pages += fetched_page
            if item is None:
                deferred += 1
                continue
            items.append(item)
            keys.append(entry.dedup_key)
        if items:
            try:
                self.sink.publish(items)
            except SinkError as exc:
                return self._failed(feed, state, "error", f"publish failed, will retry: {exc}")
            self.store.mark_seen([(key, item["id"]) for key, item in zip(keys, items, strict=True)], feed.url)
        if waiting:
            log.info("feed %s: page limit (%d per poll) reached; %d summary-only entries wait for the next poll",
                     feed.url, self.options.max_pages_per_poll, waiting)
        complete = not stopped and deferred == 0 and waiting == 0
        # Validators are kept only when every new entry went out; otherwise the next poll must
        # download the feed again (a 304 would hide the entries still to do).
        self._succeeded(feed, state, "ok" if complete else "partial",
                        etag=fetched.etag if complete else None,
                        last_modified=fetched.last_modified if complete else None)
        log.info("feed %s: %s, %d entries, %d new published, %d already seen, %d skipped%s%s",
                 feed.url, parsed.version, len(parsed.entries), len(items), already,
                 len(parsed.skipped) + deferred, f", {pages} pages fetched" if pages else "",
                 " (stopped early)" if stopped else "")
        return PollResult(feed.url, "stopped" if stopped else "published", published=len(items),
                          already_seen=already, skipped=len(parsed.skipped) + deferred, pages_fetched=pages,
                          waiting=waiting)

    @staticmethod
    def _wants_page(feed: FeedConfig, entry: Entry) -> bool:
        return feed.fetch_full_text and not entry.body_is_full and entry.url is not None

    def _item(self, feed: FeedConfig, entry: Entry) -> tuple[dict[str, Any] | None, int]:
        body, origin, title, published = entry.body, "feed", entry.title, entry.published_at
        page_language: str | None = None
        fetched_page = 0
        if self._wants_page(feed, entry) and entry.url:
            fetched_page = 1
            article = self._fetch_article(feed, entry.url)
            if article is not None:
                page_language = article.declared_language
                if len(article.text) > len(body):
                    body, origin = article.text, "page"
                title = title or article.title
                if published is None and article.published:
                    published = _page_date(article.published)
        if not body.strip() and title:
            # a headline-only entry (no description, no page text): the headline is the body
            log.info("feed %s: entry %s has no text; publishing its title as the body",
                     feed.url, entry.url or entry.dedup_key[:80])
            body, origin = title, "title"
        if not body.strip():
            log.warning("feed %s: entry %s has neither text nor title (page: %s); not published yet",
                        feed.url, entry.url or entry.dedup_key[:80], "failed" if fetched_page else "not fetched")
            return None, fetched_page
        if len(body) > MAX_ITEM_BODY_CHARS:
            log.info("feed %s: entry %s: body cut to %d characters", feed.url, entry.url, MAX_ITEM_BODY_CHARS)
            body = body[:MAX_ITEM_BODY_CHARS]
        language = choose_language(body, entry.language, page_language, feed.language)
        item = {
            "id": entry.item_id,
            "url": entry.url,
            "source": feed.outlet,
            "title": title[:4096] if title else None,
            "body": body,
            "published_at": published,
            "language": language,
            "feed_url": feed.url,
            "body_origin": origin,
        }
        return item, fetched_page

    def _fetch_article(self, feed: FeedConfig, url: str) -> Any:
        page = self.http.get(url, max_bytes=self.options.max_page_bytes)
        if not page.ok:
            log.warning("feed %s: page %s: %s; keeping the feed's summary", feed.url, url, page.error)
            return None
        ctype = (page.content_type or "").split(";")[0].strip().lower()
        if ctype and ctype not in _HTML_TYPES:
            log.warning("feed %s: page %s is %s, not HTML; keeping the feed's summary", feed.url, url, ctype)
            return None
        charset = charset_of(page.content_type)
        content: bytes | str = page.body
        if charset:
            try:
                content = page.body.decode(charset, errors="replace")
            except LookupError:
                content = page.body
        article = extract_article(content, url=page.url)
        if article is None:
            log.warning("feed %s: page %s: no main text found; keeping the feed's summary", feed.url, url)
        return article

    # ------------------------------------------------------------------------------------------
    # schedule

    def _succeeded(self, feed: FeedConfig, state: FeedState, status: str, *, etag: str | None,
                   last_modified: str | None) -> None:
        self.store.save_feed(replace(state, etag=etag, last_modified=last_modified, failures=0,
                                     next_poll_at=self.clock() + feed.interval_s, last_status=status))

    def _failed(self, feed: FeedConfig, state: FeedState, status: str, reason: str,
                fetched: Fetched | None = None) -> PollResult:
        failures = state.failures + 1
        delay = backoff_delay(feed.interval_s, failures, self.options.max_backoff_s,
                              retry_after_s=fetched.retry_after_s if fetched else None)
        self.store.save_feed(replace(state, failures=failures, next_poll_at=self.clock() + delay,
                                     last_status=f"{status}: {reason}"[:500]))
        log.warning("feed %s: %s: %s (failure %d in a row, next poll in %.0fs)", feed.url, status, reason,
                    failures, delay)
        return PollResult(feed.url, status, detail=reason)


def backoff_delay(interval_s: float, failures: int, max_backoff_s: float, *,
                  retry_after_s: float | None = None) -> float:
    """interval, 2x, 4x, ... after 1, 2, 3... failures in a row; capped; Retry-After honoured."""
    delay = min(interval_s * 2 ** max(0, failures - 1), max(max_backoff_s, interval_s))
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, max(max_backoff_s, interval_s)))
    return delay


def _page_date(value: str) -> str | None:
    try:
        return iso_utc(datetime.fromisoformat(value))
    except ValueError:
        return None
