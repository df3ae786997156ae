"""Helpers that drive a real worker against a real broker, shared by the integration tests and the
benchmark (`bench/bench.py`): fresh topics and groups, the worker as a subprocess, produce and read back.

Not used by the worker itself. kafka-python, like the other tools.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson

from workers.kafka_config import kafka_python_kwargs
from workers.localbroker import free_port
from workers.settings import PREFIX, Settings
from workers.tools.topics import create_topics

REPO = Path(__file__).resolve().parents[1]
READY_LINE = "Worker ready"
BATCH_LINE = "batch done:"


class WorkerError(RuntimeError):
    """The worker subprocess exited or did not become ready."""


def fresh_settings(bootstrap: str, data_root: Path, *, partitions: int = 2, base: Settings | None = None,
                   **overrides: Any) -> Settings:
    """`base` (default: the defaults) with fresh topic names and consumer group; topics created on the
    broker at `bootstrap`, so runs never see each other's records or offsets."""
    suffix = uuid.uuid4().hex[:10]
    s = replace(
        base or Settings(),
        kafka_bootstrap=bootstrap,
        topic_raw=f"news.raw.v1.{suffix}",
        topic_enriched=f"news.enriched.v1.{suffix}",
        topic_events=f"migration.policy-events.v1.{suffix}",
        topic_dlq=f"news.dlq.v1.{suffix}",
        topic_partitions=partitions,
        app_id=f"borderlines-test-{suffix}",
        web_port=free_port(),
        data_dir=str(data_root / f"worker-{suffix}"),
        **overrides,
    )
    create_topics(s)
    return s


class WorkerProcess:
    """`borderlines worker` as a subprocess, as it runs in production; stdout and stderr go to `log_path`."""

    def __init__(self, s: Settings, log_path: Path, args: Sequence[str] = (),
                 env: Mapping[str, str] | None = None) -> None:
        self.log_path = log_path
        self.settings = s
        # each worker process gets its own web port and state directory (several may share a group)
        self.web_port = free_port()
        own = {PREFIX + "WEB_PORT": str(self.web_port), PREFIX + "DATA_DIR": str(log_path.with_suffix(".data"))}
        full_env = {**os.environ, **s.to_env(), **own, "PYTHONUNBUFFERED": "1", **(env or {})}
        self._log = log_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "workers.cli", "worker", *args], cwd=REPO,
                                     env=full_env, stdout=self._log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise WorkerError(f"worker exited {self.proc.returncode}:\n{self.log()[-3000:]}")
            if READY_LINE in self.log():
                return
            time.sleep(0.3)
        raise WorkerError(f"worker not ready in {timeout}s:\n{self.log()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def batches_done(self) -> int:
        return self.log().count(BATCH_LINE)

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory so far (Linux VmHWM); NaN where /proc is not there."""
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return float("nan")
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, like a crashed or OOM-killed process."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()

    def stop(self, timeout: float = 60.0) -> int:
        """SIGTERM, then SIGKILL after `timeout`; the exit code."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()
        return self.proc.returncode


def produce(s: Settings, values: Sequence[bytes], keys: Sequence[bytes | None] | None = None,
            topic: str | None = None, rate: float | None = None) -> None:
    """Send `values` (to the raw topic unless `topic`), acks=all; at `rate` messages/s if given."""
    from kafka import KafkaProducer

    producer = KafkaProducer(acks="all", linger_ms=5, max_request_size=s.topic_max_message_bytes,
                             **kafka_python_kwargs(s))
    started = time.monotonic()
    try:
        for n, value in enumerate(values):
            if rate:
                delay = started + n / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            producer.send(topic or s.topic_raw, value=value, key=keys[n] if keys else None)
        producer.flush()
    finally:
        producer.close()


def consume(s: Settings, topic: str, *, until: Callable[[list[dict[str, Any]]], bool],
            timeout: float = 90.0) -> list[dict[str, Any]]:
    """Read `topic` from the start until `until(records)` holds; raise TimeoutError with what was seen
    if not. Each record is the decoded JSON value plus `_key` (bytes) and `_timestamp` (ms)."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, group_id=None, auto_offset_reset="earliest", enable_auto_commit=False,
                             **kafka_python_kwargs(s))
    records: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                for message in batch:
                    record = orjson.loads(message.value)
                    record["_key"] = message.key
                    record["_timestamp"] = message.timestamp
                    records.append(record)
            if until(records):
                return records
    finally:
        consumer.close()
    raise TimeoutError(f"condition not met on {topic} within {timeout}s; saw {len(records)} records: "
                       f"{[r.get('item_id') or r.get('event_id') for r in records][:20]}")


def key_timestamps(s: Settings, topic: str, idle_s: float = 3.0) -> dict[bytes, int]:
    """Key -> record timestamp (ms) of the first record with that key on `topic`, read until idle."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, group_id=None, auto_offset_reset="earliest", enable_auto_commit=False,
                             consumer_timeout_ms=int(idle_s * 1000), **kafka_python_kwargs(s))
    try:
        times: dict[bytes, int] = {}
        for message in consumer:
            times.setdefault(message.key, message.timestamp)
        return times
    finally:
        consumer.close()
