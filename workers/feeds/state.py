"""What the poller remembers across restarts, in one sqlite file under the state directory.

- `seen`: dedup keys (canonical URLs) already published, with their item id;
- `feeds`: per feed, the validators for the next conditional GET (ETag, Last-Modified), the
  count of consecutive failures and when it may be polled next (backoff survives a restart).

A key is written only after the broker confirmed the item (at-least-once: a crash in between
republishes the same item under the same key, never loses it).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    key TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    feed_url TEXT NOT NULL,
    first_seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at REAL NOT NULL DEFAULT 0,
    last_status TEXT,
    last_polled_at REAL
);
"""


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll_at: float = 0.0
    last_status: str | None = None


class StateStore:
    FILENAME = "feeds.sqlite3"

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        self.path = state_dir / self.FILENAME
        # one thread at a time, but not always the one that opened it (loop mode in a thread)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # seen ------------------------------------------------------------------------------------

    def unseen(self, keys: list[str]) -> set[str]:
        """The keys of `keys` not yet published."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self._db.execute(f"SELECT key FROM seen WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update(row[0] for row in rows)
        return set(keys) - found

    def mark_seen(self, rows: list[tuple[str, str]], feed_url: str) -> None:
        now = time.time()
        with self._db:
            self._db.executemany("INSERT OR IGNORE INTO seen (key, item_id, feed_url, first_seen) VALUES (?, ?, ?, ?)",
                                 [(key, item_id, feed_url, now) for key, item_id in rows])

    def seen_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM seen").fetchone()[0])

    # feeds -----------------------------------------------------------------------------------

    def feed(self, url: str) -> FeedState:
        row = self._db.execute("SELECT etag, last_modified, failures, next_poll_at, last_status FROM feeds "
                               "WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(url, row[0], row[1], int(row[2]), float(row[3]), row[4])

    def save_feed(self, state: FeedState) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO feeds (url, etag, last_modified, failures, next_poll_at, last_status, last_polled_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, failures = excluded.failures, "
                "next_poll_at = excluded.next_poll_at, last_status = excluded.last_status, "
                "last_polled_at = excluded.last_polled_at",
                (state.url, state.etag, state.last_modified, state.failures, state.next_poll_at, state.last_status,
                 time.time()))
