"""The feed poller against the real broker: one-shot poll of the local fixture server, items on the
raw topic keyed by item id; and `borderlines feeds poll` in loop mode, stopped by SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.integration.conftest import REPO, consume
from tests.unit.test_feeds_poller import FixtureServer
from workers.feeds.run import poll
from workers.settings import Settings


def write_feeds_yaml(path: Path, server: FixtureServer) -> Path:
    path.write_text(
        "defaults:\n  interval: 60\n  fetch_full_text: false\n"
        "feeds:\n"
        f"  - url: {server.url('/feeds/rss20.xml')}\n    outlet: Wire\n"
        f"  - url: {server.url('/feeds/rss091-latin1.xml')}\n    outlet: Quotidien\n    language: fr\n"
        f"  - url: {server.url('/feeds/summary-only.xml')}\n    outlet: Teaser Times\n    fetch_full_text: true\n"
        f"  - url: {server.url('/feeds/not-a-feed.html')}\n    outlet: Not A Feed\n",
        encoding="utf-8")
    return path


def test_one_shot_poll_publishes_keyed_items_to_the_raw_topic(settings: Settings, tmp_path: Path) -> None:
    with FixtureServer() as server:
        feeds_yaml = write_feeds_yaml(tmp_path / "feeds.yaml", server)
        results = poll(settings, feeds_yaml, once=True, state_dir=tmp_path / "state",
                       install_signal_handlers=False)
        assert [r.status for r in results] == ["published", "published", "published", "rejected"]
        records = consume(settings, settings.topic_raw, until=lambda rs: len(rs) >= 7)
        assert len(records) == 7
        for record in records:
            assert record["_key"] == record["id"].encode()  # `_key` and `_timestamp` are added by `consume`
            fields = set(record) - {"_key", "_timestamp"}
            assert fields == {"id", "url", "source", "title", "body", "published_at", "language", "feed_url",
                              "body_origin"}
        by_title = {r["title"]: r for r in records}
        assert by_title["EU agrees asylum reform"]["body_origin"] == "page"
        assert by_title["Hausse des arrivées à Lampedusa"]["source"] == "Quotidien"
        # a second one-shot run (same state dir) publishes nothing new
        again = poll(settings, feeds_yaml, once=True, state_dir=tmp_path / "state", install_signal_handlers=False)
        assert sum(r.published for r in again) == 0


def test_loop_mode_stops_cleanly_on_sigterm(settings: Settings, tmp_path: Path) -> None:
    with FixtureServer() as server:
        feeds_yaml = write_feeds_yaml(tmp_path / "feeds.yaml", server)
        env = {**os.environ, **settings.to_env(), "BORDERLINES_FEEDS_STATE_DIR": str(tmp_path / "state"),
               "PYTHONUNBUFFERED": "1"}
        log_path = tmp_path / "feeds.log"
        with log_path.open("wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", "workers.cli", "feeds", "poll", str(feeds_yaml)],
                                    cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                consume(settings, settings.topic_raw, until=lambda rs: len(rs) >= 7)
                time.sleep(0.5)
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(30) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait(10)
        text = log_path.read_text(errors="replace")
        assert "SIGTERM received" in text and "stopped" in text
        assert "rejected: not a feed" in text
