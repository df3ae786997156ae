r"""The Faust worker: one app, one thin agent.

    news.raw.v1 --take(n, within)--> decode/validate/enrich (pure, in a thread) --> news.enriched.v1
                                                                           \--> migration.policy-events.v1
                                                                           \--> news.dlq.v1

Delivery: at-least-once. A batch's offsets are acknowledged by `take_events` only after the
agent body returns, and the body returns only once every output of the batch is confirmed
by the broker. Keys are idempotent (item_id, event_id), so consumers deduplicate on them.

The agent body never raises, on purpose. `take_events` acknowledges the batch in a `finally`,
which also runs when an abandoned generator is closed (faust's supervisor restarts a crashed
agent and the old generator is finalised later): a batch whose processing raised would be
acknowledged, and lost. So an unexpected error ends the process at once (`_die`, exit code 70)
without acknowledging anything, like `kill -9`; the batch is consumed again after the restart.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, NoReturn, cast

import faust
from faust.types import EventT

from workers.codec import RawMessage, dumps
from workers.kafka_config import ssl_context
from workers.logs import logging_config
from workers.metrics import CONTENT_TYPE, WorkerMetrics
from workers.pipeline import BatchResult, EnrichFn, process_batch
from workers.settings import Settings

log = logging.getLogger("borderlines.worker")

PUBLISH_RETRY_MAX_S = 30.0
# On SIGTERM the in-flight batch gets this long to be published; if the broker is away that long,
# the process exits without acknowledging it (the batch is consumed again after the restart).
SHUTDOWN_GRACE_S = 60.0
# An enriched record must fit in one message of the output topics, with room for the protocol's overhead.
RECORD_OVERHEAD_BYTES = 65_536
EXIT_UNACKED = 70  # EX_SOFTWARE: stopped on purpose without acknowledging the in-flight batch

EnricherFactory = Callable[[Settings], EnrichFn]


def default_enricher(settings: Settings) -> EnrichFn:
    from workers.nlp.enrich import Enricher  # spaCy is heavy: load only in the worker

    enricher = Enricher(model=settings.model, max_body_chars=settings.max_body_chars,
                        batch_size=settings.batch_size, prefilter=settings.prefilter,
                        parse_chars=settings.parse_max_chars, matmul=settings.matmul,
                        learned_events=settings.learned_events)
    started = time.perf_counter()
    enricher.warm_up()
    log.info("NLP pipeline warmed up in %.1fs", time.perf_counter() - started)
    return cast(EnrichFn, enricher.enrich_batch)  # Sequence/Mapping in, EnrichedItem (a dict) out


def load_enricher_factory(spec: str) -> EnricherFactory:
    """`package.module:function` -> the enricher factory (`--enricher`; the default is `default_enricher`)."""
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ValueError(f"--enricher must look like package.module:factory, not {spec!r}")
    factory = getattr(importlib.import_module(module_name), attr)
    if not callable(factory):
        raise ValueError(f"--enricher {spec!r} is not callable")
    return cast(EnricherFactory, factory)


class WorkerState:
    """What /health reports: set by the agent and faust's rebalance callbacks."""

    def __init__(self) -> None:
        self.last_batch_at: float | None = None  # time.time() of the last published batch
        self.last_batch_finished: float | None = None  # time.perf_counter() of the same
        self.batches = 0


def create_app(settings: Settings, enrich: EnrichFn) -> faust.App:
    """The app with its one agent; `enrich` is loaded before consuming starts (spaCy takes seconds)."""
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{server}" for server in settings.kafka_bootstrap.split(",")],
        broker_credentials=_credentials(settings),
        value_serializer="raw",
        key_serializer="raw",
        datadir=settings.data_dir,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=settings.topic_max_message_bytes,
        producer_max_request_size=settings.topic_max_message_bytes,
        producer_acks=-1,
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_commit_interval=settings.commit_interval_s,
        broker_heartbeat_interval=min(3.0, settings.kafka_session_timeout_s / 3),
        processing_guarantee="at_least_once",
        # on revocation faust waits until every message handed to the agent is acknowledged (our
        # in-flight batch is published first), then commits: the default, stated because we rely on it
        stream_wait_empty=True,
        # the contract topics are created by `borderlines topics create`, never implicitly
        topic_allow_declare=False,
    )
    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    sinks = {name: app.topic(name, key_type=bytes, value_type=bytes)
             for name in (settings.topic_enriched, settings.topic_events, settings.topic_dlq)}
    # One NLP thread keeps spaCy off the event loop (heartbeats, fetches and sends go on).
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlp")
    state = WorkerState()
    metrics = WorkerMetrics()
    max_record_bytes = max(settings.topic_max_message_bytes - RECORD_OVERHEAD_BYTES, 1024)

    # concurrency=1: faust-streaming #606 can commit past an unprocessed message with more.
    @app.agent(raw_topic, concurrency=1)
    async def enrich_news(stream: faust.StreamT[bytes]) -> None:
        # take_events is on faust.Stream, not on the StreamT interface the decorator types the argument as
        batches = stream.take_events(settings.batch_size, within=settings.batch_window_s)  # type: ignore[attr-defined]
        async for events in batches:
            work = asyncio.ensure_future(_handle_batch(events))
            try:
                await asyncio.shield(work)
            except asyncio.CancelledError:
                # Stopping (or faust restarting the agent): finish the in-flight batch first, so the
                # acks that `take_events` sends when we leave this body are true.
                await _finish_when_cancelled(work)
                raise
            except BaseException as exc:  # a bug, not bad input: never let take_events ack this batch
                _die(f"batch of {len(events)} failed unexpectedly: {type(exc).__name__}: {exc}", exc)

    async def _finish_when_cancelled(work: asyncio.Future[None]) -> None:
        try:
            await asyncio.wait_for(asyncio.shield(work), timeout=SHUTDOWN_GRACE_S)
        except TimeoutError:
            _die(f"in-flight batch not published within {SHUTDOWN_GRACE_S:.0f}s of stopping")
        except BaseException as exc:
            _die(f"in-flight batch failed while stopping: {type(exc).__name__}: {exc}", exc)

    async def _handle_batch(events: Sequence[EventT]) -> None:
        started = time.perf_counter()
        messages = [_raw_message(event) for event in events]
        loop = asyncio.get_running_loop()
        job = partial(process_batch, messages, enrich, max_message_bytes=settings.max_message_bytes,
                      max_record_bytes=max_record_bytes)
        result = await loop.run_in_executor(executor, job)
        processed = time.perf_counter()
        await _publish(result, timings={"process_s": round(processed - started, 3),
                                        "idle_before_s": _idle_before(started)})
        state.last_batch_finished = time.perf_counter()
        state.last_batch_at = time.time()
        state.batches += 1
        metrics.observe_batch(((m.topic, m.partition, m.offset) for m in messages), result.enriched,
                              result.dead_letters, time.perf_counter() - started)

    def _idle_before(started: float) -> float | None:
        """Seconds between the previous batch's end and this one's start: waiting for input (or the window)."""
        previous = state.last_batch_finished
        return None if previous is None else round(started - previous, 3)

    async def _publish(result: BatchResult, timings: dict[str, float | None]) -> None:
        sending = time.perf_counter()
        outputs = _outputs(result)  # serialised once, before any send: a retry resends the same bytes
        delay = 0.5
        while True:
            try:
                await _send_all(outputs)
                timings["publish_s"] = round(time.perf_counter() - sending, 3)
                log.info("batch done: %d enriched, %d events, %d dead-lettered (%s)", len(result.enriched),
                         len(result.events), len(result.dead_letters),
                         ", ".join(f"{k} {v}" for k, v in timings.items() if v is not None),
                         extra={**timings, "item_ids": [r["item_id"] for r in result.enriched],
                                "dead_letters": [{"item_id": d["item_id"], "reason": d["reason"]}
                                                 for d in result.dead_letters]})
                return
            except Exception as exc:  # broker away: retry, never ack an unpublished batch
                log.warning("publish failed (%s: %s); retrying in %.1fs", type(exc).__name__, exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, PUBLISH_RETRY_MAX_S)

    def _outputs(result: BatchResult) -> list[tuple[str, bytes | None, bytes]]:
        outputs: list[tuple[str, bytes | None, bytes]] = []
        for record in result.enriched:
            outputs.append((settings.topic_enriched, _key(record["item_id"]), dumps(record)))
            for event in record["events"]:
                outputs.append((settings.topic_events, _key(event["event_id"]), dumps(event)))
        for record in result.dead_letters:
            outputs.append((settings.topic_dlq, _key(record.get("item_id")), dumps(record)))
        return outputs

    async def _send_all(outputs: list[tuple[str, bytes | None, bytes]]) -> None:
        pending = []
        try:
            for topic, key, value in outputs:
                # force=True: send now instead of attaching to the current event (we await delivery ourselves).
                pending.append(await sinks[topic].send(key=key, value=value, force=True))
        finally:
            # confirmed by the broker (acks=all); on failure wait for the rest too, so no send of this
            # attempt is still in flight when the retry starts, and no exception goes unretrieved
            done = await asyncio.gather(*pending, return_exceptions=True)
        for outcome in done:
            if isinstance(outcome, BaseException):
                raise outcome

    @app.page("/health")
    async def health(web: Any, request: Any) -> Any:
        """200 when the worker has partitions and is not rebalancing, else 503; small JSON either way."""
        assigned = len(app.consumer.assignment()) if app.consumer is not None else 0
        rebalancing = bool(app.rebalancing)
        ok = assigned > 0 and not rebalancing
        body = {"status": "ok" if ok else "unavailable", "assigned_partitions": assigned,
                "rebalancing": rebalancing, "batches": state.batches, "last_batch_at": state.last_batch_at}
        return web.json(body, status=200 if ok else 503)

    @app.page("/metrics")
    async def prometheus(web: Any, request: Any) -> Any:
        """Prometheus text exposition: items in/enriched/dead-lettered, events by type, batch latency,
        consumer lag per assigned partition (high-water mark minus the next offset to process)."""
        assignment = app.consumer.assignment() if app.consumer is not None else set()
        highwaters = {(tp.topic, tp.partition): app.consumer.highwater(tp) for tp in assignment}
        return web.bytes(metrics.render(highwaters), headers={"Content-Type": CONTENT_TYPE})

    @app.page("/alive")
    async def alive(web: Any, request: Any) -> Any:
        """200 while the event loop answers: for liveness probes (an idle worker without partitions is alive)."""
        return web.json({"status": "alive"})

    app.conf.borderlines_settings = settings
    app.borderlines_state = state  # type: ignore[attr-defined]
    return app


def _key(key: str | None) -> bytes | None:
    return key.encode() if key else None


def _die(reason: str, exc: BaseException | None = None) -> NoReturn:
    """Exit now, without acknowledging the in-flight batch (it is consumed again after the restart)."""
    log.critical("stopping without acknowledging the in-flight batch: %s", reason, exc_info=exc)
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stderr.flush()
    os._exit(EXIT_UNACKED)


def _raw_message(event: EventT) -> RawMessage:
    message = event.message
    timestamp = int(message.timestamp * 1000) if message.timestamp else None
    return RawMessage(message.topic, message.partition, message.offset, timestamp,
                      _as_bytes(message.key), _as_bytes(message.value))


def _as_bytes(data: Any) -> bytes | None:
    if data is None or isinstance(data, bytes):
        return data
    return str(data).encode()


def _credentials(settings: Settings) -> Any:
    protocol = settings.kafka_security_protocol
    if protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=settings.kafka_sasl_password,
            ssl_context=ssl_context(settings),
            mechanism=settings.kafka_sasl_mechanism,
        )
    if protocol == "SSL":
        return faust.SSLCredentials(ssl_context(settings))
    return None


def run_worker(settings: Settings, enricher_factory: EnricherFactory = default_enricher) -> None:
    """Run until SIGINT/SIGTERM; faust stops the agent, which finishes its in-flight batch."""
    log.info("loading the NLP pipeline (model %s)", settings.model)
    app = create_app(settings, enricher_factory(settings))
    log.info("worker settings: %s", settings.redacted())
    worker = faust.Worker(app, loglevel=settings.log_level, redirect_stdouts=False,
                          logging_config=logging_config(settings.log_format, settings.log_level))
    worker.execute_from_commandline()
