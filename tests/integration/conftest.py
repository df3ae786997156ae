"""Integration fixtures: a real Apache Kafka broker (KRaft) started from Maven Central jars,
fresh topics and consumer groups per test, and the worker run as a real subprocess.

Under CI=true a broker that cannot start fails the run; elsewhere the integration tests skip.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson
import pytest

from workers.devtools import REPO, WorkerProcess, consume, fresh_settings, produce
from workers.localbroker import BrokerError, LocalBroker, free_port
from workers.settings import Settings

__all__ = ["REPO", "WorkerProcess", "consume", "item_bytes", "make_settings", "produce"]

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
    test_defaults: dict[str, Any] = {
        "batch_window_s": 0.2,
        # a killed worker's partitions move after this long (the broker's minimum is 6 s)
        "kafka_session_timeout_s": 6.0,
    }
    return fresh_settings(bootstrap, tmp_path, partitions=partitions, **{**test_defaults, **overrides})


@pytest.fixture
def settings(kafka: LocalBroker, tmp_path: Path) -> Settings:
    """Fresh topic names and consumer group for each test; topics created on the real broker."""
    return make_settings(kafka.bootstrap, tmp_path)


@pytest.fixture
def settings4(kafka: LocalBroker, tmp_path: Path) -> Settings:
    """As `settings`, with 4 partitions (room for a second worker in the group)."""
    return make_settings(kafka.bootstrap, tmp_path, partitions=4)


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


def item_bytes(item: dict[str, Any]) -> bytes:
    return orjson.dumps(item)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Repeat the reliability tests' reconciliation lines at the end of the run (also without -s)."""
    from tests.integration.reconcile import RECONCILE_LINES

    if RECONCILE_LINES:
        terminalreporter.section("reliability reconciliation")
        for line in RECONCILE_LINES:
            terminalreporter.write_line(line)
