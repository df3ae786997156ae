"""Run the feed connector's parser over a folder of saved feeds and tabulate what it made of each.

    python bench/feeds_survey.py FEEDS_DIR [--markdown] [--poll]

Every file (LICENSE* excepted) is parsed exactly as the poller parses a downloaded feed
(`workers.feeds.normalize.parse_feed`, no Content-Type header): either it is parsed (format,
encoding, entries kept, entries skipped with reasons, entries lacking a date/link/title,
summary-only entries that would trigger a page fetch) or it is rejected with the reason.

With --poll, the whole poller also runs twice over the folder served by `http.server` on 127.0.0.1
(Last-Modified / If-Modified-Since), into an in-memory sink and a throw-away state dir, without page
fetches: what would be published, what dedup removes across feeds, and that the second poll is all 304s.
No network beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from workers.feeds.normalize import NotAFeed, parse_feed

COLUMNS = ("file", "result", "format", "encoding", "entries", "skipped", "no date", "no link", "no title",
           "summary only", "language", "note")


def survey(folder: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("LICENSE")):
        row: dict[str, object] = dict.fromkeys(COLUMNS, "")
        row["file"] = path.name
        try:
            feed = parse_feed(path.read_bytes(), url=f"https://feeds.invalid/{path.name}")
        except NotAFeed as exc:
            row.update(result="rejected", note=str(exc))
            rows.append(row)
            continue
        entries = feed.entries
        row.update(
            result="parsed", format=feed.version, encoding=feed.encoding or "", entries=len(entries),
            skipped=len(feed.skipped),
            **{"no date": sum(e.published_at is None for e in entries),
               "no link": sum(e.url is None for e in entries),
               "no title": sum(e.title is None for e in entries),
               "summary only": sum(not e.body_is_full for e in entries)},
            language=feed.language or "",
            note="; ".join(filter(None, [feed.warning and f"lenient parse: {feed.warning[:70]}",
                                         *feed.skipped[:2]])),
        )
        rows.append(row)
    return rows


def poll_locally(folder: Path) -> None:
    from workers.feeds.config import FeedConfig, PollerOptions
    from workers.feeds.poller import FeedPoller
    from workers.feeds.sink import ListSink
    from workers.feeds.state import StateStore
    from workers.settings import Settings

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    feeds = [FeedConfig(url=base + p.name, outlet=p.stem, interval_s=60, fetch_full_text=False)
             for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith("LICENSE")]
    sink = ListSink()
    try:
        with tempfile.TemporaryDirectory() as state_dir, StateStore(Path(state_dir)) as store:
            options = PollerOptions.from_settings(Settings(), state_dir=Path(state_dir))
            poller = FeedPoller(feeds, options, sink, store)
            started = time.perf_counter()
            first = poller.run_once()
            elapsed = time.perf_counter() - started
            second = poller.run_once()
            poller.http.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    print(f"\npoll 1: {dict(Counter(r.status for r in first))}, {sum(r.published for r in first)} items published, "
          f"{sum(r.already_seen for r in first)} dropped as already published by an earlier feed, "
          f"{elapsed:.1f}s")
    print(f"poll 2: {dict(Counter(r.status for r in second))}, {sum(r.published for r in second)} items published")
    print(f"items: languages {dict(Counter(str(i['language']) for i in sink.items).most_common(8))}; "
          f"without published_at {sum(i['published_at'] is None for i in sink.items)}; "
          f"body from title only {sum(i['body_origin'] == 'title' for i in sink.items)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("feeds_dir", type=Path)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--poll", action="store_true", help="also run the poller over the folder served locally")
    args = parser.parse_args(argv)
    rows = survey(args.feeds_dir)
    if args.markdown:
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "---|" * len(COLUMNS))
        for row in rows:
            print("| " + " | ".join(str(row[c]).replace("|", "/") for c in COLUMNS) + " |")
    else:
        for row in rows:
            print("  ".join(f"{row[c]!s:<{w}}" for c, w in zip(COLUMNS, (30, 9, 8, 12, 8, 8, 8, 8, 9, 13, 9, 0),
                                                                   strict=True)))
    results = Counter(str(r["result"]) for r in rows)
    parsed = [r for r in rows if r["result"] == "parsed"]
    total = {c: sum(int(str(r[c])) for r in parsed) for c in ("entries", "skipped", "no date", "no link", "no title",
                                                          "summary only")}
    formats = Counter(str(r["format"]) for r in parsed)
    encodings = Counter(str(r["encoding"]) for r in parsed)
    print(f"\n{len(rows)} files: {results['parsed']} parsed, {results['rejected']} rejected; "
          f"formats {dict(sorted(formats.items()))}; encodings {dict(sorted(encodings.items()))}")
    print("entries kept: {entries}, skipped: {skipped}, without date: {no date}, without link: {no link}, "
          "without title: {no title}, summary-only: {summary only}".format(**total))
    print(f"read leniently (not well-formed XML): {sum(1 for r in parsed if 'lenient' in str(r['note']))}")
    if args.poll:
        poll_locally(args.feeds_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
