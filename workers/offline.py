"""`borderlines enrich`: the worker's processing steps on a JSON-lines file, without Kafka.

Same code path as the worker (`process_batch`), so a file run shows exactly what the stream
would publish. Lines that fail go to a dead-letter file beside the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tqdm import tqdm

from workers.codec import RawMessage
from workers.pipeline import EnrichFn, process_batch


@dataclass
class OfflineCounts:
    items: int = 0
    enriched: int = 0
    events: int = 0
    dead_letters: int = 0


def _messages(path: Path) -> Iterator[RawMessage]:
    with path.open("rb") as handle:
        for line_no, line in enumerate(handle, start=1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield RawMessage(f"file:{path.name}", 0, line_no, None, None, line)


def _batches(messages: Iterator[RawMessage], size: int) -> Iterator[list[RawMessage]]:
    batch: list[RawMessage] = []
    for message in messages:
        batch.append(message)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def enrich_items(items: list[dict[str, Any]], enrich: EnrichFn, batch_size: int,
                 max_message_bytes: int) -> list[dict[str, Any]]:
    """Enrich in-memory items through the worker's own steps (encode, decode, validate, enrich)."""
    messages = (RawMessage("memory", 0, n, None, None, orjson.dumps(item)) for n, item in enumerate(items))
    enriched: list[dict[str, Any]] = []
    for batch in _batches(messages, batch_size):
        enriched.extend(process_batch(batch, enrich, max_message_bytes=max_message_bytes).enriched)
    return enriched


def enrich_file(in_path: Path, out_path: Path, dlq_path: Path, enrich: EnrichFn, *, batch_size: int,
                max_message_bytes: int, progress: bool = True) -> OfflineCounts:
    counts = OfflineCounts()
    total = sum(1 for _ in _messages(in_path))
    with out_path.open("wb") as out, dlq_path.open("wb") as dlq, \
            tqdm(total=total, desc="enrich", unit="item", disable=not progress) as bar:
        for batch in _batches(_messages(in_path), batch_size):
            result = process_batch(batch, enrich, max_message_bytes=max_message_bytes)
            for record in result.enriched:
                out.write(orjson.dumps(record) + b"\n")
            for record in result.dead_letters:
                dlq.write(orjson.dumps(record) + b"\n")
            counts.items += len(batch)
            counts.enriched += len(result.enriched)
            counts.events += len(result.events)
            counts.dead_letters += len(result.dead_letters)
            bar.update(len(batch))
    return counts
