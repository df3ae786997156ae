"""The poller against a local HTTP server (127.0.0.1, free port) serving the fixtures in
tests/fixtures/feeds/: formats and encodings, missing fields, not-a-feed, timeouts, 304s,
summary-only feeds with page extraction, dedup across a restart, sink failures, clean stop.
No test reaches the internet.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from workers.cli import main
from workers.codec import NewsItem, decode_item
from workers.feeds.config import FeedConfig, PollerOptions
from workers.feeds.http import HttpClient
from workers.feeds.poller import FeedPoller
from workers.feeds.sink import ListSink
from workers.feeds.state import StateStore
from workers.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
LAST_MODIFIED = "Tue, 05 Mar 2024 12:00:00 GMT"


class FixtureServer:
    """Serves tests/fixtures/feeds on 127.0.0.1 with a few behaviours chosen by path prefix:

    /feeds/NAME    the fixture, with ETag and Last-Modified; answers 304 to a matching conditional GET
    /nocache/NAME  the fixture without validators (always 200)
    /slow/NAME     the fixture after `slow_s` seconds (a feed that times out)
    /pages/NAME    an article page (404 when missing)
    /status/CODE   that status (503 with Retry-After: 120)
    /big           2 MiB of XML
    """

    def __init__(self, root: Path = FIXTURES, slow_s: float = 3.0) -> None:
        self.root = root
        self.slow_s = slow_s
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                server.route(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def route(self, h: BaseHTTPRequestHandler) -> None:
        prefix, _, name = h.path.lstrip("/").partition("/")
        if prefix == "status":
            extra = {"Retry-After": "120"} if name == "503" else {}
            self.send(h, int(name), b"error page", "text/html", extra)
        elif prefix == "big":
            self.send(h, 200, b"<rss version='2.0'><channel>" + b" " * 2_097_152 + b"</channel></rss>",
                      "application/rss+xml")
        elif prefix == "pages":
            path = self.root / "pages" / name
            if not path.is_file():
                self.send(h, 404, b"<html><body>not found</body></html>", "text/html")
            else:  # the windows-1252 page says so only in its <meta>
                ctype = "text/html" if b"windows-1252" in path.read_bytes() else "text/html; charset=utf-8"
                self.send(h, 200, path.read_bytes(), ctype)
        elif prefix in ("feeds", "nocache", "slow") and (self.root / name).is_file():
            body = (self.root / name).read_bytes()
            ctype = "text/html; charset=utf-8" if name.endswith(".html") else "application/xml"
            if prefix == "slow":
                time.sleep(self.slow_s)
            if prefix == "feeds":
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
                if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == LAST_MODIFIED:
                    self.send(h, 304, b"", ctype, validators)
                    return
                self.send(h, 200, body, ctype, validators)
            else:
                self.send(h, 200, body, ctype)
        else:
            self.send(h, 404, b"not found", "text/plain")

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str,
             headers: dict[str, str] | None = None) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            for key, value in (headers or {}).items():
                h.send_header(key, value)
            if status != 304:
                h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if status != 304:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with FixtureServer(slow_s=2.0) as s:
        yield s


def options(tmp_path: Path, **overrides: Any) -> PollerOptions:
    values: dict[str, Any] = {"state_dir": tmp_path / "state", "http_timeout_s": 1.0, "max_feed_bytes": 1_048_576,
                              "max_page_bytes": 262_144, "default_interval_s": 60.0, "max_backoff_s": 600.0}
    values.update(overrides)
    return PollerOptions.from_settings(Settings(), **values)


class Harness:
    """A poller with a ListSink and its state store; `restart()` reopens the same state directory."""

    def __init__(self, tmp_path: Path, feeds: list[FeedConfig], **overrides: Any) -> None:
        self.options = options(tmp_path, **overrides)
        self.feeds = feeds
        self.sink = ListSink()
        self.stop = threading.Event()
        self._open()

    def _open(self) -> None:
        self.store = StateStore(self.options.state_dir)
        self.http = HttpClient(timeout_s=self.options.http_timeout_s, user_agent="borderlines-tests")
        self.poller = FeedPoller(self.feeds, self.options, self.sink, self.store, http=self.http, stop=self.stop)

    def restart(self) -> None:
        self.close()
        self.sink = ListSink()
        self._open()

    def close(self) -> None:
        self.http.close()
        self.store.close()


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Any]:
    made: list[Harness] = []

    def make(feeds: list[FeedConfig], **overrides: Any) -> Harness:
        h = Harness(tmp_path, feeds, **overrides)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


def feed(server: FixtureServer, path: str, outlet: str = "Test Outlet", **kw: Any) -> FeedConfig:
    return FeedConfig(url=server.url(path), outlet=outlet, interval_s=kw.pop("interval_s", 60.0),
                      fetch_full_text=kw.pop("fetch_full_text", False), **kw)


def by_title(items: list[dict[str, Any]]) -> dict[str | None, dict[str, Any]]:
    return {item["title"]: item for item in items}


# ------------------------------------------------------------------------------------------------


def test_every_format_and_encoding_is_published_as_valid_raw_items(server: FixtureServer, harness: Any,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="workers.feeds")
    h = harness([feed(server, "/feeds/rss20.xml", "Wire"), feed(server, "/feeds/rss091-latin1.xml", "Quotidien"),
                 feed(server, "/feeds/rss10-cp1252.rdf", "Policy Notes"), feed(server, "/feeds/atom.xml", "Ticker"),
                 feed(server, "/feeds/missing-fields.xml", "Incomplete")])
    results = h.poller.run_once()
    assert [r.status for r in results] == ["published"] * 5
    assert [r.published for r in results] == [2, 2, 1, 1, 4]
    items = h.sink.items
    assert len({item["id"] for item in items}) == len(items) == 10
    for item in items:  # the worker accepts every one of them; nothing internal leaks into the record
        assert isinstance(decode_item(orjson.dumps(item), max_message_bytes=1_048_576), NewsItem)
        assert set(item) == {"id", "url", "source", "title", "body", "published_at", "language", "feed_url",
                             "body_origin"}
    titles = by_title(items)
    wire = titles["Asylum processing to resume at northern crossings"]
    assert wire["url"] == "http://wire.example.test/news/asylum-processing?id=7"
    assert wire["source"] == "Wire" and wire["published_at"] == "2024-03-05T12:30:00Z"
    assert wire["language"] == "en" and wire["body_origin"] == "feed"
    assert "Same story, tracking variant" not in titles  # same canonical URL within the feed
    geneve = titles["Réunion des ministres à Genève sur l'accueil des réfugiés"]
    assert geneve["language"] == "fr" and geneve["published_at"] is None
    visa = titles["“Visa fees” to rise to 90 € – what changes"]
    assert visa["published_at"] == "2024-03-07T08:15:00Z" and visa["language"] == "en"
    atom = titles["Bundesregierung beschließt neue Regeln für Abschiebungen"]
    assert atom["language"] == "de" and atom["url"] == server.url("/meldungen/abschiebungen")
    assert titles[None]["url"] == "http://incomplete.example.test/no-title"
    assert titles["No link on this one"]["url"] is None
    headline = titles["Headline only, no description"]
    assert headline["body"] == headline["title"] and headline["body_origin"] == "title"
    log = caplog.text
    assert "no readable date" in log and "no title" in log and "no link" in log
    assert "skipped entry 4: no link, no id, no title and no text" in log
    assert "has no text; publishing its title as the body" in log


def test_second_poll_is_a_conditional_get_answered_304(server: FixtureServer, harness: Any,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="workers.feeds")
    h = harness([feed(server, "/feeds/rss20.xml")])
    assert h.poller.run_once()[0].published == 2
    second = h.poller.run_once()[0]
    assert second.status == "not_modified" and len(h.sink.items) == 2
    _, headers = server.requests[-1]
    assert headers["if-none-match"].startswith('"') and headers["if-modified-since"] == LAST_MODIFIED
    assert "304 not modified" in caplog.text
    h.restart()  # validators are in the state file too
    assert h.poller.run_once()[0].status == "not_modified"


def test_dedup_survives_a_restart_and_ignores_tracking_variants(server: FixtureServer, harness: Any,
                                                                tmp_path: Path) -> None:
    h = harness([feed(server, "/nocache/rss20.xml")])
    assert h.poller.run_once()[0].published == 2
    h.restart()
    again = h.poller.run_once()[0]
    assert (again.status, again.published, again.already_seen) == ("published", 0, 2)
    assert h.sink.items == []
    assert (tmp_path / "state" / StateStore.FILENAME).is_file()


def test_a_feed_that_times_out_backs_off_without_crashing(server: FixtureServer, harness: Any,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="workers.feeds")
    h = harness([feed(server, "/slow/rss20.xml", interval_s=30.0), feed(server, "/feeds/atom.xml")],
                http_timeout_s=0.5)
    started = time.time()
    first, second = h.poller.run_once()
    assert first.status == "error" and "timeout" in first.detail
    assert second.status == "published"  # the other feed is not held up
    state = h.store.feed(server.url("/slow/rss20.xml"))
    assert state.failures == 1 and 29 <= state.next_poll_at - started <= 35
    h.poller.run_once()
    state = h.store.feed(server.url("/slow/rss20.xml"))
    assert state.failures == 2 and state.next_poll_at - time.time() > 55  # doubled
    assert "timeout after 0.5s" in caplog.text and "failure 2 in a row" in caplog.text


def test_a_web_page_is_rejected_with_a_reason(server: FixtureServer, harness: Any,
                                              caplog: pytest.LogCaptureFixture) -> None:
    h = harness([feed(server, "/feeds/not-a-feed.html")])
    result = h.poller.run_once()[0]
    assert result.status == "rejected" and "not a feed" in result.detail
    assert "rejected: not a feed: not an RSS/Atom document" in caplog.text
    assert h.sink.items == []


def test_http_errors_too_large_and_refused_connections(server: FixtureServer, harness: Any) -> None:
    h = harness([feed(server, "/status/503"), feed(server, "/status/404"), feed(server, "/big"),
                 FeedConfig(url="http://127.0.0.1:9/feed.xml", outlet="nobody", interval_s=60.0)],
                max_feed_bytes=65_536)
    unavailable, missing, big, refused = h.poller.run_once()
    assert unavailable.detail == "HTTP 503" and missing.detail == "HTTP 404"
    assert "too large" in big.detail
    assert refused.status == "error" and "ConnectError" in refused.detail
    retry = h.store.feed(server.url("/status/503")).next_poll_at - time.time()
    assert 110 <= retry <= 121  # Retry-After: 120 beats the 60 s interval


def test_summary_only_feed_gets_the_article_pages(server: FixtureServer, harness: Any,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    h = harness([feed(server, "/feeds/summary-only.xml", "Teaser Times", fetch_full_text=True, language="en")])
    result = h.poller.run_once()[0]
    assert (result.published, result.pages_fetched) == (3, 3)
    items = by_title(h.sink.items)
    reform = items["EU agrees asylum reform"]
    assert reform["body_origin"] == "page" and "provisional agreement overnight" in reform["body"]
    assert "Football results" not in reform["body"] and reform["language"] == "en"
    informe = items["Informe fronterizo"]
    assert informe["body_origin"] == "page" and "aumentó un veinte por ciento" in informe["body"]
    assert informe["language"] == "es"  # detected from the text, not the feed's hint
    gone = items["Page that is gone"]
    assert gone["body_origin"] == "feed" and gone["body"].startswith("Only this summary survives")
    assert "gone.html: HTTP 404; keeping the feed's summary" in caplog.text


def test_pages_are_not_fetched_when_the_feed_says_no(server: FixtureServer, harness: Any) -> None:
    h = harness([feed(server, "/feeds/summary-only.xml", fetch_full_text=False)])
    assert h.poller.run_once()[0].pages_fetched == 0
    assert not [p for p in server.paths() if p.startswith("/pages/")]
    assert {item["body_origin"] for item in h.sink.items} == {"feed"}


def test_oversized_page_keeps_the_summary(server: FixtureServer, harness: Any,
                                          caplog: pytest.LogCaptureFixture) -> None:
    h = harness([feed(server, "/feeds/summary-only.xml", fetch_full_text=True)], max_page_bytes=1024)
    assert h.poller.run_once()[0].published == 3
    assert {item["body_origin"] for item in h.sink.items} == {"feed"}
    assert "too large" in caplog.text


def test_a_failed_publish_marks_nothing_seen_and_is_retried(server: FixtureServer, harness: Any) -> None:
    h = harness([feed(server, "/feeds/rss20.xml")])
    h.sink.fail_next = True
    failed = h.poller.run_once()[0]
    assert failed.status == "error" and "publish failed" in failed.detail
    assert h.store.seen_count() == 0 and h.store.feed(server.url("/feeds/rss20.xml")).etag is None
    retried = h.poller.run_once()[0]  # full download again (no validators were kept), then published
    assert retried.published == 2 and h.store.seen_count() == 2


def test_loop_mode_polls_until_stopped(server: FixtureServer, harness: Any) -> None:
    h = harness([feed(server, "/feeds/rss20.xml", interval_s=1.0)])
    thread = threading.Thread(target=h.poller.run_forever, kwargs={"tick_s": 0.2})
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.paths().count("/feeds/rss20.xml") < 2:
            time.sleep(0.05)
        assert server.paths().count("/feeds/rss20.xml") >= 2  # polled again after its interval (304)
    finally:
        h.stop.set()
        thread.join(5)
    assert not thread.is_alive()
    assert len(h.sink.items) == 2


def test_cli_refuses_a_bad_feeds_file(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds:\n  - url: ftp://example.test/feed\n")
    result = CliRunner().invoke(main, ["feeds", "poll", str(bad), "--once", "--state-dir", str(tmp_path / "s")])
    assert result.exit_code == 2 and "absolute http(s) URL" in result.output


def test_page_fetches_per_poll_are_capped_and_the_rest_wait(server: FixtureServer, harness: Any) -> None:
    h = harness([feed(server, "/feeds/summary-only.xml", fetch_full_text=True)], max_pages_per_poll=2)
    first = h.poller.run_once()[0]
    assert (first.published, first.pages_fetched, first.waiting) == (2, 2, 1)
    assert h.store.feed(server.url("/feeds/summary-only.xml")).etag is None  # next poll downloads again
    second = h.poller.run_once()[0]
    assert (second.published, second.already_seen, second.waiting) == (1, 2, 0)
    assert h.poller.run_once()[0].status == "not_modified"


def test_cli_reports_an_unreachable_broker(tmp_path: Path, server: FixtureServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from kafka.errors import KafkaConnectionError

    def no_broker(*_: Any, **__: Any) -> None:  # what KafkaProducer raises after its bootstrap timeout
        raise KafkaConnectionError("Unable to bootstrap from [127.0.0.1:9]")

    monkeypatch.setattr("workers.feeds.run.KafkaSink", no_broker)
    feeds_yaml = tmp_path / "feeds.yaml"
    feeds_yaml.write_text(f"feeds:\n  - url: {server.url('/feeds/rss20.xml')}\n")
    result = CliRunner().invoke(main, ["feeds", "poll", str(feeds_yaml), "--once", "--state-dir",
                                       str(tmp_path / "s")], env={"BORDERLINES_KAFKA_BOOTSTRAP": "127.0.0.1:9"})
    assert result.exit_code == 1 and "cannot connect to Kafka at 127.0.0.1:9" in result.output
