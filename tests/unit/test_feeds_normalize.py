"""Pure feed functions: canonical URLs, ids, dates, parsing of each fixture format, config, backoff."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from workers.feeds.config import FeedConfigError, PollerOptions, feeds_from_doc, parse_interval
from workers.feeds.extract import choose_language, declared_language, detect_language, extract_article
from workers.feeds.normalize import (
    NotAFeed,
    canonical_url,
    html_to_text,
    item_id_for,
    parse_date,
    parse_feed,
    primary_language,
)
from workers.feeds.poller import backoff_delay
from workers.settings import Settings, SettingsError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
BASE = "http://127.0.0.1:8000/feeds/"


def parse_fixture(name: str):
    return parse_feed((FIXTURES / name).read_bytes(), url=BASE + name)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://Example.COM:80/a/b/?utm_source=x&id=3#frag", "http://example.com/a/b?id=3"),
        ("https://example.com:443/", "https://example.com/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com:8443/x/", "https://example.com:8443/x"),
        ("https://example.com/x?fbclid=1&gclid=2&UTM_Campaign=3&mc_eid=4", "https://example.com/x"),
        ("https://example.com/x?b=2&a=1&utm_medium=rss", "https://example.com/x?b=2&a=1"),
        ("https://example.com//double//slash/", "https://example.com/double/slash"),
        ("https://example.com/search?q=", "https://example.com/search?q="),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_canonical_url_resolves_relative_links_and_refuses_other_schemes() -> None:
    assert canonical_url("../b/", base="https://news.example/a/feed.xml") == "https://news.example/b"
    assert canonical_url("mailto:someone@example.com") is None
    assert canonical_url("javascript:void(0)") is None
    assert canonical_url("   ") is None
    assert canonical_url("http://[::1]:99999/") is None  # bad port


def test_item_id_is_stable_and_follows_the_canonical_url() -> None:
    a = canonical_url("https://Example.com/story/?utm_source=tw")
    b = canonical_url("https://example.com/story#top")
    assert a == b and a is not None and b is not None
    assert item_id_for(a) == item_id_for(b)
    assert item_id_for(a) == "ab116c15d8ac8b5285e0a8c70be0bf03"  # sha256(canonical URL)[:32], the same in every run
    assert len(item_id_for(a)) == 32 and item_id_for(a) != item_id_for("https://example.com/other")


def test_parse_date_prefers_parsed_tuple_and_falls_back_to_raw() -> None:
    assert parse_date(time.strptime("2024-03-05 12:30:00", "%Y-%m-%d %H:%M:%S"), None) == "2024-03-05T12:30:00Z"
    assert parse_date(None, "2024-03-05T14:30:00+02:00") == "2024-03-05T12:30:00Z"
    assert parse_date(None, "5 March 2024 10:00") == "2024-03-05T10:00:00Z"  # no zone: UTC
    assert parse_date(None, "not a date") is None
    assert parse_date(None, None) is None


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text("<p>One &amp; two</p><script>alert(1)</script><p>Three<br>four</p>")
    assert text == "One & two\n\nThree\n\nfour"
    assert html_to_text(None) == ""


def test_primary_language() -> None:
    assert primary_language("en-US") == "en"
    assert primary_language("pt_BR") == "pt"
    assert primary_language("") is None
    assert primary_language("english please") is None


def test_rss20_utf8_dedups_tracking_variants_and_reads_zones() -> None:
    feed = parse_fixture("rss20.xml")
    assert feed.version == "rss20" and feed.language == "en"
    first, duplicate, second = feed.entries
    assert first.url == "http://wire.example.test/news/asylum-processing?id=7"
    assert duplicate.dedup_key == first.dedup_key  # fbclid/gclid/utm_*/fragment/trailing slash/port
    assert first.published_at == "2024-03-05T12:30:00Z"  # +0200 -> UTC
    assert first.body_is_full and first.body.startswith("The interior ministry")
    assert second.published_at == "2024-03-06T08:00:00Z"


def test_rss091_in_iso_8859_1() -> None:
    feed = parse_fixture("rss091-latin1.xml")
    assert feed.version.startswith("rss091") and feed.encoding == "iso-8859-1"
    assert feed.entries[0].title == "Réunion des ministres à Genève sur l'accueil des réfugiés"
    assert feed.entries[0].published_at is None and "no readable date" in feed.entries[0].problems
    assert feed.entries[0].language == "fr"


def test_rss10_in_windows_1252() -> None:
    feed = parse_fixture("rss10-cp1252.rdf")
    assert feed.version == "rss10" and feed.encoding == "windows-1252"
    entry = feed.entries[0]
    assert entry.title == "“Visa fees” to rise to 90 € – what changes"
    assert entry.published_at == "2024-03-07T08:15:00Z"


def test_atom_relative_link_and_language() -> None:
    feed = parse_fixture("atom.xml")
    assert feed.version == "atom10"
    entry = feed.entries[0]
    assert entry.url == "http://127.0.0.1:8000/meldungen/abschiebungen"
    assert entry.language == "de" and entry.body_is_full
    assert entry.published_at == "2024-03-08T08:45:00Z"


def test_missing_fields_are_kept_when_possible_and_skipped_with_a_reason() -> None:
    feed = parse_fixture("missing-fields.xml")
    by_title = {e.title: e for e in feed.entries}
    assert by_title["No date on this one"].published_at is None
    no_link = by_title["No link on this one"]
    assert no_link.url is None and no_link.dedup_key.startswith("guid:") and "no link" in no_link.problems
    no_title = by_title[None]
    assert no_title.url == "http://incomplete.example.test/no-title"
    assert {"no title", "no readable date"} <= set(no_title.problems)
    assert by_title["Headline only, no description"].body == ""
    assert feed.skipped == ["entry 4: no link, no id, no title and no text"]


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(NotAFeed, match="not an RSS/Atom document"):
        parse_fixture("not-a-feed.html")
    with pytest.raises(NotAFeed):
        parse_feed(b"\x00\x01 garbage", url=BASE + "x")


def test_extraction_from_page_bytes_in_windows_1252() -> None:
    article = extract_article((FIXTURES / "pages" / "informe-frontera.html").read_bytes(),
                              url="http://127.0.0.1/pages/informe-frontera.html")
    assert article is not None
    assert "aumentó un veinte por ciento" in article.text
    assert "Portada" not in article.text and "derechos reservados" not in article.text
    assert choose_language(article.text) == "es"


def test_extraction_of_english_page_drops_navigation() -> None:
    page = (FIXTURES / "pages" / "asylum-reform.html").read_bytes()
    article = extract_article(page, url="http://127.0.0.1/pages/asylum-reform.html")
    assert article is not None and article.declared_language == "en"
    assert "provisional agreement overnight" in article.text
    assert "Football results" not in article.text and "Cookie settings" not in article.text
    assert extract_article(b"<html><body></body></html>") is None


def test_language_detection_needs_enough_text() -> None:
    assert detect_language("Bonjour") == (None, 0.0)
    lang, prob = detect_language("Die Bundesregierung hat am Freitag neue Regeln für Abschiebungen beschlossen, "
                                 "die Verfahren sollen schneller werden.")
    assert lang == "de" and prob > 0.9
    assert choose_language("short", None, "pt-BR") == "pt"  # too short: declared language wins
    assert declared_language(b'<html xml:lang="x" lang="it-IT"><head>') == "it"


def test_feeds_yaml_format() -> None:
    feeds = feeds_from_doc({
        "defaults": {"interval": "15m", "fetch_full_text": False},
        "feeds": [
            {"url": "https://a.example/rss", "outlet": "A Daily", "language": "pt-BR"},
            {"url": "https://b.example/atom", "interval": 30, "fetch_full_text": True},
            "https://c.example/feed",
        ],
    }, default_interval_s=900)
    a, b, c = feeds
    assert (a.outlet, a.interval_s, a.fetch_full_text, a.language) == ("A Daily", 900.0, False, "pt")
    assert (b.outlet, b.interval_s, b.fetch_full_text) == ("b.example", 30.0, True)
    assert c.url == "https://c.example/feed" and c.outlet == "c.example"
    assert parse_interval("2h", "x") == 7200 and parse_interval("45s", "x") == 45


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"feeds": [{"url": "ftp://x.example/feed"}]}, "absolute http"),
        ({"feeds": [{"url": "https://x.example/f", "intervall": 5}]}, "unknown keys"),
        ({"feeds": [{"url": "https://x.example/f"}, {"url": "https://x.example/f"}]}, "twice"),
        ({"feeds": [{"url": "https://x.example/f", "interval": "soon"}]}, "interval"),
        ({"feeds": [{"url": "https://x.example/f", "fetch_full_text": "yes"}]}, "fetch_full_text"),
        ({"feeds": [{"url": "https://x.example/f", "language": "English"}]}, "language"),
        ({"feed": []}, "feeds"),
    ],
)
def test_feeds_yaml_errors_name_the_place(doc: object, message: str) -> None:
    with pytest.raises(FeedConfigError, match=message):
        feeds_from_doc(doc, default_interval_s=900)


def test_poller_options_are_checked() -> None:
    options = PollerOptions.from_settings(Settings.from_env({"BORDERLINES_FEEDS_HTTP_TIMEOUT_S": "2.5"}))
    assert options.http_timeout_s == 2.5 and options.topic == "news.raw.v1"
    with pytest.raises(SettingsError, match="FEEDS_MAX_PAGE_BYTES"):
        PollerOptions.from_settings(Settings.from_env({"BORDERLINES_FEEDS_MAX_PAGE_BYTES": "10"}))


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(60, n, 600) for n in (1, 2, 3, 4, 5)] == [60, 120, 240, 480, 600]
    assert backoff_delay(60, 1, 600, retry_after_s=300) == 300
    assert backoff_delay(60, 1, 600, retry_after_s=10_000) == 600
    assert backoff_delay(7200, 3, 600) == 7200  # never polls more often than the interval


def test_the_sample_feeds_file_loads() -> None:
    from workers.feeds.config import load_feeds

    feeds = load_feeds(Path(__file__).resolve().parents[2] / "samples" / "feeds.yaml", default_interval_s=900)
    assert len(feeds) == 3 and {f.outlet for f in feeds} >= {"Example Daily"}


def test_entries_linking_to_the_home_page_are_told_apart_by_guid() -> None:
    doc = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Cast</title><link>http://cast.example/</link>
    <item><title>Episode 1</title><link>http://cast.example/</link><guid>ep-1</guid><description>One</description></item>
    <item><title>Episode 2</title><link>http://www.cast.example</link><guid>ep-2</guid><description>Two</description></item>
    </channel></rss>"""
    one, two = parse_feed(doc, url="http://cast.example/feed.xml").entries
    assert one.url == "http://cast.example/" and one.dedup_key != two.dedup_key
    assert one.dedup_key.startswith("guid:http://cast.example/feed.xml#") and one.dedup_key.endswith("ep-1")
