"""Integration fixtures: a real Apache Kafka broker (KRaft) started from Maven Central jars,
fresh topics and consumer groups per test, and the worker run as a real subprocess.

Under CI=true a broker that cannot start fails the run; elsewhere the integration tests skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer

from workers.kafka_config import kafka_python_kwargs
from workers.localbroker import BrokerError, LocalBroker, free_port
from workers.settings import PREFIX, Settings
from workers.tools.topics import create_topics

REPO = Path(__file__).resolve().parents[2]
CACHE_DIR = Path(os.environ.get("BORDERLINES_CACHE_DIR", "~/.cache/borderlines")).expanduser()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    broker = LocalBroker(data_dir=tmp_path_factory.mktemp("kafka"), cache_dir=CACHE_DIR,
                         port=free_port(), controller_port=free_port())
    try:
        broker.start()
    except (BrokerError, OSError) as exc:
        broker.stop()
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and the Kafka broker could not start: {exc}")
        pytest.skip(f"no Kafka broker: {exc}")
    yield broker
    broker.stop()


def make_settings(bootstrap: str, tmp_path: Path, *, partitions: int = 2, **overrides: Any) -> Settings:
    """Fresh topic names and consumer group; topics created on the broker at `bootstrap`."""
    suffix = uuid.uuid4().hex[:10]
    values: dict[str, Any] = {
        "kafka_bootstrap": bootstrap,
        "topic_raw": f"news.raw.v1.{suffix}",
        "topic_enriched": f"news.enriched.v1.{suffix}",
        "topic_events": f"migration.policy-events.v1.{suffix}",
        "topic_dlq": f"news.dlq.v1.{suffix}",
        "topic_partitions": partitions,
        "app_id": f"borderlines-test-{suffix}",
        "web_port": free_port(),
        "data_dir": str(tmp_path / f"worker-{suffix}"),
        "batch_window_s": 0.2,
        # a killed worker's partitions move after this long (the broker's minimum is 6 s)
        "kafka_session_timeout_s": 6.0,
        **overrides,
    }
    s = Settings(**values)
    create_topics(s)
    return s


@pytest.fixture
def settings(kafka: LocalBroker, tmp_path: Path) -> Settings:
    """Fresh topic names and consumer group for each test; topics created on the real broker."""
    return make_settings(kafka.bootstrap, tmp_path)


@pytest.fixture
def settings4(kafka: LocalBroker, tmp_path: Path) -> Settings:
    """As `settings`, with 4 partitions (room for a second worker in the group)."""
    return make_settings(kafka.bootstrap, tmp_path, partitions=4)


class WorkerProcess:
    """`borderlines worker` as a subprocess, as it runs in production."""

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
                raise AssertionError(f"worker exited {self.proc.returncode}:\n{self.log()[-3000:]}")
            if "Worker ready" in self.log():
                return
            time.sleep(0.3)
        raise AssertionError(f"worker not ready in {timeout}s:\n{self.log()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def batches_done(self) -> int:
        return self.log().count("batch done:")

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, like a crashed or OOM-killed process."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()

    def stop(self, timeout: float = 60.0) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()
        return self.proc.returncode


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """start_worker(settings, *cli_args, env={...}, wait=True) -> a running worker (stopped at teardown)."""
    started: list[WorkerProcess] = []

    def start(s: Settings, *args: str, env: Mapping[str, str] | None = None, wait: bool = True) -> WorkerProcess:
        worker = WorkerProcess(s, tmp_path / f"worker-{len(started)}.log", args, env)
        started.append(worker)
        if wait:
            worker.wait_ready()
        return worker

    yield start
    for worker in started:
        worker.stop()


def produce(s: Settings, values: list[bytes], keys: list[bytes | None] | None = None,
            topic: str | None = None) -> None:
    producer = KafkaProducer(acks="all", max_request_size=s.topic_max_message_bytes, **kafka_python_kwargs(s))
    try:
        for n, value in enumerate(values):
            producer.send(topic or s.topic_raw, value=value, key=keys[n] if keys else None)
        producer.flush()
    finally:
        producer.close()


def consume(s: Settings, topic: str, *, until: Callable[[list[dict[str, Any]]], bool],
            timeout: float = 90.0) -> list[dict[str, Any]]:
    """Read `topic` from the start until `until(records)` holds; fail with what was seen if not."""
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
                    records.append(record)
            if until(records):
                return records
    finally:
        consumer.close()
    raise AssertionError(f"condition not met on {topic} within {timeout}s; saw {len(records)} records: "
                         f"{[r.get('item_id') or r.get('event_id') for r in records][:20]}")


def item_bytes(item: dict[str, Any]) -> bytes:
    return orjson.dumps(item)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Repeat the reliability tests' reconciliation lines at the end of the run (also without -s)."""
    from tests.integration.reconcile import RECONCILE_LINES

    if RECONCILE_LINES:
        terminalreporter.section("reliability reconciliation")
        for line in RECONCILE_LINES:
            terminalreporter.write_line(line)
