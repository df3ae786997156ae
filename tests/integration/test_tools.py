"""kafka-python tools against the real broker: topics, replay, tail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
from kafka import KafkaAdminClient, KafkaConsumer

from tests.integration.conftest import REPO
from workers.kafka_config import kafka_python_kwargs
from workers.tools.topics import create_topics


def test_topics_create_is_idempotent_and_sets_partitions(settings):
    assert create_topics(settings) == []  # the fixture created them already
    admin = KafkaAdminClient(**kafka_python_kwargs(settings))
    try:
        described = {t["name"]: t for t in admin.describe_topics(list(settings.topics))}
    finally:
        admin.close()
    assert set(described) == set(settings.topics)
    assert all(len(t["partitions"]) == settings.topic_partitions for t in described.values())


def test_replay_keys_items_by_id_and_tail_prints_them(settings, tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "r1", "body": "a"}\n\nnot json\n{"id": "r2", "body": "b"}\n')
    env = settings.to_env()
    run = subprocess.run([sys.executable, "-m", "workers.cli", "replay", str(feed), "--rate", "100"],
                         cwd=REPO, env={**_base_env(), **env}, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "sent 3 items" in run.stderr

    consumer = KafkaConsumer(settings.topic_raw, group_id=None, auto_offset_reset="earliest",
                             consumer_timeout_ms=5000, **kafka_python_kwargs(settings))
    records = [(m.key, m.value) for m in consumer]
    consumer.close()
    assert sorted(k for k, _ in records if k) == [b"r1", b"r2"]
    assert b"not json" in {v for _, v in records}

    tail = subprocess.run([sys.executable, "-m", "workers.cli", "tail", settings.topic_raw, "--raw",
                           "--idle-timeout", "3"], cwd=REPO, env={**_base_env(), **env},
                          capture_output=True, text=True, timeout=60)
    assert tail.returncode == 0, tail.stderr
    lines = tail.stdout.strip().splitlines()
    assert len(lines) == 3
    assert {orjson.loads(line).get("id") for line in lines if line.startswith("{")} == {"r1", "r2"}


def _base_env() -> dict[str, str]:
    return dict(os.environ)
