"""Where new items go: the raw topic (kafka-python, acks=all, key = item id), or a list in tests."""

from __future__ import annotations

from typing import Any, Protocol

import orjson

from workers.kafka_config import kafka_python_kwargs
from workers.settings import Settings


class SinkError(RuntimeError):
    """The items could not be confirmed by the destination; nothing of the batch counts as sent."""


class Sink(Protocol):
    def publish(self, items: list[dict[str, Any]]) -> None:
        """Deliver every item or raise SinkError; returns only once all are confirmed."""

    def close(self) -> None: ...


class KafkaSink:
    def __init__(self, settings: Settings, *, topic: str | None = None, send_timeout_s: float = 60.0) -> None:
        from kafka import KafkaProducer

        self.topic = topic or settings.topic_raw
        self.send_timeout_s = send_timeout_s
        self._producer = KafkaProducer(
            client_id="borderlines-feeds",
            acks="all",
            linger_ms=5,
            retries=5,
            max_request_size=settings.topic_max_message_bytes,
            **kafka_python_kwargs(settings),
        )

    def publish(self, items: list[dict[str, Any]]) -> None:
        from kafka.errors import KafkaError

        try:
            futures = [self._producer.send(self.topic, key=item["id"].encode("utf-8"), value=orjson.dumps(item))
                       for item in items]
            self._producer.flush(timeout=self.send_timeout_s)
            for future in futures:
                future.get(timeout=self.send_timeout_s)
        except KafkaError as exc:
            raise SinkError(f"{type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        self._producer.close(timeout=10)


class ListSink:
    """Collects items in memory (tests, dry runs)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.fail_next = False

    def publish(self, items: list[dict[str, Any]]) -> None:
        if self.fail_next:
            self.fail_next = False
            raise SinkError("simulated failure")
        self.items.extend(items)

    def close(self) -> None:
        pass
