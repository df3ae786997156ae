"""`borderlines enrich` and `borderlines eval` run the real enrichment without Kafka."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from click.testing import CliRunner

from workers.cli import main
from workers.schemas import validator

REPO = Path(__file__).resolve().parents[2]


def test_enrich_file_writes_enriched_items_and_dead_letters(tmp_path: Path) -> None:
    out, dlq = tmp_path / "out.jsonl", tmp_path / "out.dlq.jsonl"
    result = CliRunner().invoke(main, ["enrich", "--in", str(REPO / "samples/feed.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    enriched = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    dead = [orjson.loads(line) for line in dlq.read_bytes().splitlines()]
    inputs = [line for line in (REPO / "samples/feed.jsonl").read_bytes().splitlines() if line.strip()]
    assert len(enriched) + len(dead) == len(inputs)
    assert [d["reason"] for d in dead] == ["invalid_json"]
    for record in enriched:
        validator("news.enriched.v1").validate(record)
    by_id = {r["item_id"]: r for r in enriched}
    assert by_id["seed-001"]["relevance"]["migration"] is True
    assert by_id["seed-001"]["events"]
    assert by_id["sample-not-migration"]["relevance"]["migration"] is False
    assert by_id["sample-not-migration"]["events"] == []
    assert "enriched" in result.output


def test_eval_scores_the_seed_article(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["eval", str(REPO / "tests/fixtures/seed-gold.json"), "--no-bare",
                                       "--json", str(report_path)])
    assert result.exit_code == 0, result.output
    assert "relevance" in result.output and "events" in result.output
    report = json.loads(report_path.read_text())
    assert report["events"]["f1"] >= 0.8
    assert report["relevance"]["f1"] == 1.0
