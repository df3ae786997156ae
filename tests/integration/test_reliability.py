"""Nothing lost, nothing stuck: crashes, broker restarts, rebalances and graceful stops on the real broker.

Each test sends items with known ids, disturbs the worker mid-stream, then reconciles by id: every id is
on news.enriched.v1 or news.dlq.v1, and duplicates (allowed by at-least-once) are counted and reported in
a `RECONCILE` line (printed, recorded as a property and repeated in the terminal summary).
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import WorkerProcess, make_settings, produce
from tests.integration.corpus import items
from tests.integration.reconcile import Collector, reconcile
from workers.localbroker import LocalBroker, free_port
from workers.settings import Settings

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

StartWorker = Callable[..., WorkerProcess]


def _collector(s: Settings) -> Collector:
    return Collector(s, [s.topic_enriched, s.topic_dlq])


def _processed(s: Settings, at_least: int) -> Callable[[Collector], bool]:
    return lambda c: len(c.distinct(s.topic_enriched, s.topic_dlq)) >= at_least


def _finish(name: str, s: Settings, ids: list[str], collector: Collector, record_property: Any,
            timeout: float = 180.0) -> Any:
    collector.until(_processed(s, len(ids)), timeout, f"all {len(ids)} ids processed")
    collector.drain()
    result = reconcile(name, ids, collector, s, record_property)
    assert result.missing == 0
    assert result.unexpected == 0
    assert result.enriched_distinct + result.dlq_distinct - result.in_both == len(ids)
    return result


def test_worker_killed_twice_mid_stream_loses_nothing(settings4: Settings, start_worker: StartWorker,
                                                      record_property: Any) -> None:
    s = settings4
    ids, values = items("crash", 2000)
    collector = _collector(s)
    produce(s, values[:1000], [i.encode() for i in ids[:1000]])
    worker = start_worker(s)
    collector.until(_processed(s, 300), 120, "300 processed before the first kill")
    worker.kill()
    produce(s, values[1000:], [i.encode() for i in ids[1000:]])
    worker = start_worker(s)
    collector.until(_processed(s, 1200), 120, "1200 processed before the second kill")
    worker.kill()
    start_worker(s)
    result = _finish("worker-crash", s, ids, collector, record_property)
    assert result.dlq == 0  # every item is valid: all of them are enriched
    collector.close()


def test_broker_restart_mid_stream_worker_reconnects(tmp_path: Path, start_worker: StartWorker,
                                                     record_property: Any) -> None:
    from tests.integration.conftest import CACHE_DIR

    broker = LocalBroker(data_dir=tmp_path / "kafka", cache_dir=CACHE_DIR, port=free_port(),
                         controller_port=free_port())
    broker.start()
    try:
        s = make_settings(broker.bootstrap, tmp_path, partitions=2)
        ids, values = items("brokerrestart", 500)
        produce(s, values[:350], [i.encode() for i in ids[:350]])
        # one second per batch: the broker goes away while a batch is in the NLP thread, so that batch is
        # published (or retried) against a broker that is not there
        worker = start_worker(s, "--enricher", "tests.integration.fault_enricher:slow_enricher")
        collector = _collector(s)
        collector.until(_processed(s, 150), 120, "150 processed before the broker stops")
        collector.close()
        broker.stop()
        time.sleep(5)  # the worker sees the broker away (fetch, heartbeat and publish fail)
        broker.start()
        produce(s, values[350:], [i.encode() for i in ids[350:]])
        collector = _collector(s)
        _finish("broker-restart", s, ids, collector, record_property)
        collector.close()
        assert worker.proc.poll() is None, "the worker must survive the broker restart by itself"
        assert worker.stop() == 0
        log = worker.log()
        print(f"produce requests retried by aiokafka: {log.count('Got error produce response')}, "
              f"publish attempts retried by the worker: {log.count('publish failed')}")
    finally:
        broker.stop()


def test_second_worker_joins_then_first_leaves_nothing_lost(settings4: Settings, start_worker: StartWorker,
                                                            record_property: Any) -> None:
    s = settings4
    ids, values = items("rebalance", 2000)
    produce(s, values, [i.encode() for i in ids])
    collector = _collector(s)
    first = start_worker(s)
    collector.until(_processed(s, 300), 120, "300 processed by the first worker")
    second = start_worker(s)
    collector.until(lambda _: second.batches_done() >= 3, 120, "the second worker got partitions and works")
    collector.until(_processed(s, 1300), 120, "1300 processed by the two workers")
    first_batches = first.batches_done()
    assert first.stop() == 0  # SIGTERM: leaves the group, its partitions move to the second worker
    _finish("scale-out-rebalance", s, ids, collector, record_property)
    collector.close()
    print(f"first worker: {first_batches} batches, second worker: {second.batches_done()} batches")
    assert first_batches > 0 and second.batches_done() > 0


def test_sigterm_finishes_and_commits_the_in_flight_batch(settings: Settings, start_worker: StartWorker,
                                                          record_property: Any) -> None:
    s = settings
    ids, values = items("graceful", 400)
    produce(s, values, [i.encode() for i in ids])
    collector = _collector(s)
    # one second per batch: the SIGTERM below lands while a batch is in the NLP thread
    worker = start_worker(s, "--enricher", "tests.integration.fault_enricher:slow_enricher")
    collector.until(_processed(s, 100), 120, "100 processed before SIGTERM")
    time.sleep(0.5)
    batches_before = worker.batches_done()
    assert worker.stop() == 0
    log = worker.log()
    assert worker.batches_done() == batches_before + 1, "the in-flight batch is finished and published"
    assert "stopping without acknowledging" not in log
    collector.drain()
    done_at_stop = len(collector.distinct(s.topic_enriched))
    start_worker(s)
    result = _finish("graceful-stop", s, ids, collector, record_property)
    print(f"graceful stop: {done_at_stop} items published before the stop, {result.duplicates} reprocessed")
    assert result.duplicates == 0, "a restart after a clean stop reprocesses nothing"


def test_poison_item_goes_to_dlq_and_the_rest_of_its_batch_is_published(settings: Settings,
                                                                         start_worker: StartWorker,
                                                                         record_property: Any) -> None:
    from tests.integration.fault_enricher import POISON_MARKER

    s = settings
    ids, values = items("poison", 60)
    poisoned = {ids[7], ids[33]}
    for n, item_id in enumerate(ids):
        if item_id in poisoned:
            doc = orjson.loads(values[n])
            doc["body"] += f" {POISON_MARKER}"
            values[n] = orjson.dumps(doc)
    start_worker(s, "--enricher", "tests.integration.fault_enricher:poison_enricher")
    produce(s, values, [i.encode() for i in ids])
    collector = _collector(s)
    result = _finish("poison-nlp", s, ids, collector, record_property, timeout=120)
    assert set(collector.ids(s.topic_dlq)) == poisoned
    assert set(collector.ids(s.topic_enriched)) == set(ids) - poisoned
    for _, dead in collector.records[s.topic_dlq]:
        assert dead["reason"] == "enrichment_failed"
        assert "injected enrichment failure" in dead["detail"]
        assert orjson.loads(base64.b64decode(dead["original"]["value_b64"]))["id"] == dead["item_id"]
    assert result.duplicates == 0
    collector.close()


def test_unexpected_error_stops_the_worker_without_acknowledging(settings: Settings, start_worker: StartWorker,
                                                                 record_property: Any) -> None:
    """A bug (an error the pipeline does not isolate) must not let `take_events` ack the batch: the worker
    exits (code 70) and the batch is consumed again by the next worker."""
    from tests.integration.fault_enricher import FATAL_MARKER

    s = settings
    ids, values = items("fatal", 40)
    doc = orjson.loads(values[20])
    doc["body"] += f" {FATAL_MARKER}"
    values[20] = orjson.dumps(doc)
    faulty = start_worker(s, "--enricher", "tests.integration.fault_enricher:poison_enricher")
    produce(s, values, [i.encode() for i in ids])
    faulty.proc.wait(60)
    assert faulty.proc.returncode == 70
    assert "stopping without acknowledging the in-flight batch" in faulty.log()
    start_worker(s)  # the real enricher: the batch with the "fatal" item is consumed again
    collector = _collector(s)
    result = _finish("fatal-error-no-ack", s, ids, collector, record_property, timeout=120)
    assert result.dlq == 0
    collector.close()


def _get_health(port: int) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, orjson.loads(exc.read())


def test_health_is_ok_with_partitions_and_503_without(kafka: LocalBroker, tmp_path: Path,
                                                      start_worker: StartWorker) -> None:
    s = make_settings(kafka.bootstrap, tmp_path, partitions=1)
    first = start_worker(s)
    deadline = time.monotonic() + 60
    while (status := _get_health(first.web_port))[0] != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert status[0] == 200, status
    assert status[1]["assigned_partitions"] == 1 and status[1]["rebalancing"] is False
    produce(s, items("health", 5)[1], None)
    deadline = time.monotonic() + 60
    while _get_health(first.web_port)[1]["last_batch_at"] is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _get_health(first.web_port)[1]["batches"] >= 1

    # one partition, two workers: the second has nothing assigned and says so
    second = start_worker(s)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        statuses = sorted([_get_health(first.web_port), _get_health(second.web_port)], key=lambda r: r[0])
        if [code for code, _ in statuses] == [200, 503]:
            break
        time.sleep(0.5)
    assert [code for code, _ in statuses] == [200, 503], statuses
    assert statuses[1][1]["status"] == "unavailable" and statuses[1][1]["assigned_partitions"] == 0
    for worker in (first, second):  # both are alive (liveness), only one is ready
        with urllib.request.urlopen(f"http://127.0.0.1:{worker.web_port}/alive", timeout=5) as response:
            assert response.status == 200


def test_long_body_is_truncated_with_a_warning_and_secrets_stay_out_of_the_log(
        settings: Settings, start_worker: StartWorker) -> None:
    s = settings
    secret = "s3cr3t-Pa55word-do-not-log"
    worker = start_worker(s, env={"BORDERLINES_MAX_BODY_CHARS": "300", "BORDERLINES_KAFKA_SASL_PASSWORD": secret})
    sentence = "Officials from Spain and Morocco met in Rabat to discuss migration. "
    long_body = sentence * 20  # 1,380 characters
    produce(s, [orjson.dumps({"id": "long-body", "body": long_body, "published_at": "2024-05-06T08:00:00Z"})],
            [b"long-body"])
    collector = _collector(s)
    collector.until(lambda c: "long-body" in c.ids(s.topic_enriched), 60, "long body enriched")
    record = next(v for _, v in collector.records[s.topic_enriched] if v["item_id"] == "long-body")
    assert f"body_truncated:{len(long_body)}" in record["processing"]["warnings"]
    assert all(e["end"] <= 300 for e in record["entities"])
    collector.close()
    assert worker.stop() == 0
    log = worker.log()
    assert "'kafka_sasl_password': '***'" in log  # the settings are logged, redacted
    assert secret not in log
