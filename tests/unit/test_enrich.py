"""The Enricher facade: output shape, order, warnings, truncation, failure behaviour."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from workers.nlp.enrich import PIPELINE_VERSION, Enricher, parse_groups, truncate_body
from workers.nlp.types import EnrichedItem

ITEMS: list[dict[str, Any]] = [
    {
        "id": "a",
        "url": "https://example.test/a",
        "source": "wire",
        "title": "Migrants reach border",
        "body": "Hundreds of migrants crossed the border near El Paso on Monday to ask for asylum.",
        "published_at": "2019-03-26T20:00:00Z",
        "language": "en",
    },
    {
        "id": "b",
        "url": None,
        "source": None,
        "title": None,
        "body": "The central bank raised interest rates on Wednesday.",
        "published_at": "2019-03-27",
    },
    {
        "id": "c",
        "url": "https://example.test/c",
        "source": "wire",
        "title": "Empty",
        "body": "",
        "published_at": None,
    },
]


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher(max_body_chars=2_000, batch_size=2)


def _check_shape(out: EnrichedItem) -> None:
    assert set(out) == {
        "item_id",
        "url",
        "source",
        "title",
        "published_at",
        "language",
        "relevance",
        "entities",
        "events",
        "processing",
    }
    assert set(out["processing"]) == {"pipeline_version", "model", "duration_ms", "warnings", "prefiltered"}
    assert out["processing"]["pipeline_version"] == PIPELINE_VERSION
    assert out["processing"]["duration_ms"] >= 0
    assert 0.0 <= out["relevance"]["score"] <= 1.0
    orjson.dumps(out)  # the record goes straight to Kafka as JSON


def test_batch_keeps_order_and_count(enricher: Enricher) -> None:
    out = enricher.enrich_batch(ITEMS, ingest_time=datetime(2019, 3, 28, tzinfo=UTC))
    assert [o["item_id"] for o in out] == ["a", "b", "c"]
    for o in out:
        _check_shape(o)
    assert out[0]["relevance"]["migration"] is True
    assert out[0]["events"] and out[0]["events"][0]["source"]["item_id"] == "a"
    assert out[1]["relevance"]["migration"] is False and out[1]["events"] == []
    assert out[1]["language"] == "en"
    assert out[2]["events"] == [] and out[2]["entities"] == []
    assert "published_at_missing:ingest_time_used" in out[2]["processing"]["warnings"]
    assert out[0]["processing"]["warnings"] == []


def test_batch_equals_one_by_one(enricher: Enricher) -> None:
    now = datetime(2019, 3, 28, tzinfo=UTC)
    batch = enricher.enrich_batch(ITEMS, ingest_time=now)
    single = [enricher.enrich_one(item, now) for item in ITEMS]
    for b, s in zip(batch, single, strict=True):
        b["processing"]["duration_ms"] = s["processing"]["duration_ms"] = 0.0
        assert b == s


def test_unparseable_published_at_falls_back(enricher: Enricher) -> None:
    item = dict(ITEMS[0], published_at="not a date")
    out = enricher.enrich_one(item, ingest_time=datetime(2019, 3, 28, tzinfo=UTC))
    assert "published_at_missing:ingest_time_used" in out["processing"]["warnings"]
    assert out["published_at"] == "not a date"  # passed through as received
    for event in out["events"]:
        if event["date"] is not None:
            assert event["date"]["anchor"] == "ingest_time"


def test_long_body_is_truncated_with_warning(enricher: Enricher) -> None:
    paragraph = "Migrants waited at the border crossing for a chance to ask for asylum. " * 5
    body = "\n\n".join([paragraph] * 20)
    out = enricher.enrich_one(dict(ITEMS[0], body=body))
    assert f"body_truncated:{len(body)}" in out["processing"]["warnings"]
    for ent in out["entities"]:
        assert ent["end"] <= 2_000
    for event in out["events"]:
        assert event["evidence"]["end"] <= 2_000


def test_truncate_body_cuts_at_boundaries() -> None:
    text = "First paragraph here.\n\nSecond paragraph is longer. It has two sentences."
    assert truncate_body(text, 1000) == text
    assert truncate_body(text, 40) == "First paragraph here."
    sentences = "One sentence here. Another sentence follows. And a third one."
    assert truncate_body(sentences, 50) == "One sentence here. Another sentence follows."
    assert len(truncate_body("x" * 100, 10)) == 10


def test_bad_item_raises(enricher: Enricher) -> None:
    with pytest.raises(TypeError):
        enricher.enrich_batch([ITEMS[0], dict(ITEMS[1], body=12345)])
    with pytest.raises(KeyError):
        enricher.enrich_one({"body": "no id here"})


def test_missing_body_is_empty(enricher: Enricher) -> None:
    out = enricher.enrich_one({"id": "n", "title": "Asylum", "published_at": "2019-01-01"})
    assert out["entities"] == [] and out["events"] == []


def test_records_match_the_published_schemas(enricher: Enricher) -> None:
    import json
    from pathlib import Path

    from workers.schemas import validator

    seed = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "seed-gold.json").read_text("utf-8"))
    out = enricher.enrich_batch([*ITEMS, seed], ingest_time=datetime(2019, 3, 28, tzinfo=UTC))
    enriched, event = validator("news.enriched.v1"), validator("migration.policy-events.v1")
    assert out[-1]["events"]
    for record in out:
        plain = orjson.loads(orjson.dumps(record))
        assert not list(enriched.iter_errors(plain))
        for ev in plain["events"]:
            assert not list(event.iter_errors(ev))


# ---- memory: character-bounded parse groups and spaCy memory zones ---------------------------------


def test_parse_groups_bound_items_and_characters() -> None:
    groups = parse_groups([0, 1, 2, 3, 4, 5], [10, 10, 10, 50, 5, 5], max_items=4, max_chars=30)
    assert groups == [[0, 1, 2], [3], [4, 5]]  # 3 alone exceeds the budget: it still gets its own group
    assert parse_groups([7, 8, 9], [1, 1, 1], max_items=2, max_chars=1000) == [[7, 8], [9]]
    assert parse_groups([], [], max_items=4, max_chars=10) == []


def test_groups_do_not_change_the_output() -> None:
    now = datetime(2019, 3, 28, tzinfo=UTC)
    wide = Enricher(batch_size=8, parse_chars=1_000_000).enrich_batch(ITEMS, ingest_time=now)
    narrow = Enricher(batch_size=8, parse_chars=1_000).enrich_batch(ITEMS, ingest_time=now)
    for a, b in zip(wide, narrow, strict=True):
        a["processing"]["duration_ms"] = b["processing"]["duration_ms"] = 0.0
        assert a == b


def _novel_item(n: int) -> dict[str, Any]:
    words = " ".join(f"Zorblax{n}qu{k}" for k in range(20))
    return {"id": f"novel-{n}", "body": f"Migrants {words} crossed the border near Nogales{n}ville.",
            "published_at": "2019-03-26"}


def test_vocab_does_not_grow_after_warmup() -> None:
    enricher = Enricher(batch_size=4, warmup_items=1)
    enricher.enrich_batch([_novel_item(0)])  # the warm-up item: its strings stay
    strings = len(enricher.nlp.vocab.strings)
    for n in range(1, 4):
        out = enricher.enrich_batch([_novel_item(n)])
        assert out[0]["item_id"] == f"novel-{n}"
        assert orjson.loads(orjson.dumps(out)) == out  # plain data: nothing points into the evicted vocab
    assert len(enricher.nlp.vocab.strings) == strings


def test_vocab_grows_without_zone() -> None:
    """The control for the test above: during warm-up the new words do stay in the vocab."""
    enricher = Enricher(batch_size=4, warmup_items=10)
    before = len(enricher.nlp.vocab.strings)
    enricher.enrich_batch([_novel_item(5)])
    assert len(enricher.nlp.vocab.strings) > before


def test_warm_up_goes_through_every_stage(enricher: Enricher) -> None:
    # the warm-up item must exercise entities, places, dates and events, or the first real batch pays
    record = enricher.warm_up()
    assert record["relevance"]["migration"] is True
    assert {"GPE", "ORG", "NORP"} <= {e["label"] for e in record["entities"]}
    assert len({e["event_type"] for e in record["events"]}) >= 3
    assert any(e["date"] and e["date"]["anchor"] == "published_at" for e in record["events"])


def test_inline_junk_is_not_read_but_evidence_quotes_the_body(enricher: Enricher) -> None:
    body = (
        "Sen. Janet Doe Janet Q. DoeSenators trade barbs over Boeing merger Kamala Harris praises Ohio farmers MORE "
        "(R-Ore.) said on Tuesday that the Department of Homeland Security deported 300 migrants to Guatemala."
    )
    item = {"id": "card", "title": "Deportations", "body": body, "published_at": "2019-03-27T12:00:00Z"}
    out = enricher.enrich_one(item)
    names = {e["text"] for e in out["entities"]}
    assert "Boeing" not in names and not any("Harris" in n or "Ohio" in n for n in names)
    assert any(e["event_type"] == "DEPORTATION" for e in out["events"])
    for event in out["events"]:
        evidence = event["evidence"]
        assert body[evidence["start"] : evidence["end"]] == evidence["sentence"]
