"""Replay a JSON-lines file of news items into the raw topic (kafka-python producer).

Lines are sent as they are (bytes untouched), so a malformed line reaches the worker and
its dead-letter path like any bad input from a real feed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import orjson
from kafka import KafkaProducer
from tqdm import tqdm

from workers.kafka_config import kafka_python_kwargs
from workers.settings import Settings


def iter_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for line in handle:
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield line


def key_of(line: bytes) -> bytes | None:
    """The item id as message key, so one item always lands on one partition."""
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    item_id = doc.get("id") if isinstance(doc, dict) else None
    return item_id.encode() if isinstance(item_id, str) and item_id else None


def replay(settings: Settings, path: Path, *, rate: float | None = None, topic: str | None = None,
           progress: bool = True) -> int:
    """Produce every line of `path`; `rate` caps items per second. Returns the count sent."""
    lines = list(iter_lines(path))
    producer = KafkaProducer(
        client_id="borderlines-replay",
        acks="all",
        linger_ms=5,
        max_request_size=settings.topic_max_message_bytes,
        **kafka_python_kwargs(settings),
    )
    interval = 1.0 / rate if rate else 0.0
    started = time.monotonic()
    try:
        for n, line in enumerate(tqdm(lines, desc=f"replay -> {topic or settings.topic_raw}", unit="item",
                                      disable=not progress)):
            if interval:
                delay = started + n * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            producer.send(topic or settings.topic_raw, value=line, key=key_of(line))
        producer.flush()
    finally:
        producer.close()
    return len(lines)
