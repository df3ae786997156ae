"""The pre-filter: items whose words rule migration out skip the parse, never an event."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import news_item
from workers.nlp import enrich as enrich_module
from workers.nlp.enrich import Enricher
from workers.nlp.relevance import lexical_score

NOW = datetime(2024, 5, 1, tzinfo=UTC)
MARKETS = news_item("markets", "Shares of Apple and Microsoft rose on Tuesday in New York after the Federal "
                               "Reserve kept interest rates unchanged. Analysts at Goldman Sachs expect a cut "
                               "in September, said Jane Porter, a strategist in London.")
RAID = news_item("raid", "Immigration and Customs Enforcement agents arrested 114 undocumented immigrants in a "
                         "raid at a meat-packing plant in Ohio on Tuesday, the agency said. Migrant advocates "
                         "said deportation proceedings would begin next week.")


@pytest.fixture(scope="module")
def enrichers() -> tuple[Enricher, Enricher]:
    return Enricher(prefilter=False), Enricher(prefilter=True)


def test_lexical_score_separates_the_two() -> None:
    assert lexical_score(MARKETS["body"]) < enrich_module.PREFILTER_GATE <= lexical_score(RAID["body"])


def test_irrelevant_item_takes_the_light_path_and_keeps_its_entities(enrichers: tuple[Enricher, Enricher]) -> None:
    full, fast = (e.enrich_one(MARKETS, NOW) for e in enrichers)
    assert fast["processing"]["prefiltered"] is True
    assert full["processing"]["prefiltered"] is False
    assert fast["events"] == [] and fast["relevance"]["migration"] is False
    canonicals = {e["canonical"] for e in fast["entities"]}
    assert {"Apple", "Microsoft"} <= canonicals or {"Goldman Sachs", "Jane Porter"} <= canonicals
    full_set = {(e["label"], e["canonical"]) for e in full["entities"]}
    fast_set = {(e["label"], e["canonical"]) for e in fast["entities"]}
    assert len(full_set & fast_set) >= 0.6 * len(full_set | fast_set)


def test_relevant_item_gets_the_full_pipeline(enrichers: tuple[Enricher, Enricher]) -> None:
    _, fast = enrichers
    record = fast.enrich_one(RAID, NOW)
    assert record["processing"]["prefiltered"] is False
    assert record["relevance"]["migration"] is True
    assert record["events"]


def test_light_path_that_finds_migration_falls_back_to_a_full_parse(
    enrichers: tuple[Enricher, Enricher], seed_item: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    full, fast = enrichers
    monkeypatch.setattr(enrich_module, "PREFILTER_GATE", 1.01)  # every item looks irrelevant by its words
    record = fast.enrich_one(seed_item, NOW)
    expected = full.enrich_one(seed_item, NOW)
    assert record["processing"]["prefiltered"] is False
    assert [e["event_id"] for e in record["events"]] == [e["event_id"] for e in expected["events"]]


def test_a_fallback_to_the_full_parse_records_each_warning_once(
    enrichers: tuple[Enricher, Enricher], seed_item: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    full, fast = enrichers
    undated = {k: v for k, v in seed_item.items() if k != "published_at"}
    monkeypatch.setattr(enrich_module, "PREFILTER_GATE", 1.01)  # light first, then the full parse
    record = fast.enrich_one(undated, NOW)
    assert record["processing"]["prefiltered"] is False
    assert record["processing"]["warnings"].count("published_at_missing:ingest_time_used") == 1
    assert record["processing"]["warnings"] == full.enrich_one(undated, NOW)["processing"]["warnings"]


PASSING = news_item("passing", "The city council approved a new budget for parks and libraries on Monday after a "
                               "long debate about property taxes. Council members also discussed road repairs, "
                               "school buses and a festival planned for the summer. One speaker mentioned that "
                               "the new library would offer classes for immigrants and other residents. The "
                               "mayor said the budget would be signed this week.")


def test_a_passing_mention_takes_the_light_path_with_the_full_judgement(enrichers: tuple[Enricher, Enricher]) -> None:
    # words alone put it between "nothing about migration" and the event gate: no event could be extracted
    # from it on the full path either, so the light path loses nothing
    assert 0 < lexical_score(PASSING["body"]) < enrich_module.PREFILTER_GATE
    full, fast = (e.enrich_one(PASSING, NOW) for e in enrichers)
    assert fast["processing"]["prefiltered"] is True
    assert full["events"] == fast["events"] == []
    assert fast["relevance"] == full["relevance"]
