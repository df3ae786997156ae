r"""The Faust worker: one app, one thin agent.

    news.raw.v1 --take(n, within)--> decode/validate/enrich (pure, in a thread) --> news.enriched.v1
                                                                           \--> migration.policy-events.v1
                                                                           \--> news.dlq.v1

Delivery: at-least-once. A batch's offsets are acknowledged by `take_events` only after the
agent body returns, and the body returns only once every output of the batch is confirmed
by the broker. Keys are idempotent (item_id, event_id), so consumers deduplicate on them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import faust
from faust.types import EventT

from workers.codec import RawMessage, dumps
from workers.kafka_config import ssl_context
from workers.pipeline import BatchResult, EnrichFn, process_batch
from workers.settings import Settings

log = logging.getLogger("borderlines.worker")

PUBLISH_RETRY_MAX_S = 30.0


def default_enricher(settings: Settings) -> EnrichFn:
    from workers.nlp.enrich import Enricher  # spaCy is heavy: load only in the worker

    enricher = Enricher(model=settings.model, max_body_chars=settings.max_body_chars,
                        batch_size=settings.batch_size)
    return enricher.enrich_batch


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
        web_port=settings.web_port,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=settings.topic_max_message_bytes,
        producer_max_request_size=settings.topic_max_message_bytes,
        producer_acks=-1,
        processing_guarantee="at_least_once",
        # the contract topics are created by `borderlines topics create`, never implicitly
        topic_allow_declare=False,
    )
    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    sinks = {name: app.topic(name, key_type=bytes, value_type=bytes)
             for name in (settings.topic_enriched, settings.topic_events, settings.topic_dlq)}
    # One NLP thread keeps spaCy off the event loop (heartbeats, fetches and sends go on).
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlp")

    # concurrency=1: faust-streaming #606 can commit past an unprocessed message with more.
    @app.agent(raw_topic, concurrency=1)
    async def enrich_news(stream: faust.StreamT[bytes]) -> None:
        async for events in stream.take_events(settings.batch_size, within=settings.batch_window_s):
            work = asyncio.ensure_future(_handle_batch(events))
            try:
                await asyncio.shield(work)
            except asyncio.CancelledError:
                # Stopping: finish the in-flight batch first, so the acks that `take_events`
                # sends when we leave this body are true.
                await work
                raise

    async def _handle_batch(events: Sequence[EventT]) -> None:
        messages = [_raw_message(event) for event in events]
        loop = asyncio.get_running_loop()
        job = partial(process_batch, messages, enrich, max_message_bytes=settings.max_message_bytes)
        result = await loop.run_in_executor(executor, job)
        await _publish(result)

    async def _publish(result: BatchResult) -> None:
        delay = 0.5
        while True:
            try:
                await _send_all(result)
                log.info("batch done: %d enriched, %d events, %d dead-lettered", len(result.enriched),
                         len(result.events), len(result.dead_letters))
                return
            except Exception as exc:  # broker away: retry, never ack an unpublished batch
                log.warning("publish failed (%s); retrying in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, PUBLISH_RETRY_MAX_S)

    async def _send_all(result: BatchResult) -> None:
        pending = []
        for record in result.enriched:
            pending.append(await _send(settings.topic_enriched, record["item_id"], record))
            for event in record["events"]:
                pending.append(await _send(settings.topic_events, event["event_id"], event))
        for record in result.dead_letters:
            pending.append(await _send(settings.topic_dlq, record.get("item_id"), record))
        await asyncio.gather(*pending)  # confirmed by the broker (acks=all)

    async def _send(topic: str, key: str | None, record: dict[str, Any]) -> Any:
        # force=True: send now instead of attaching to the current event (we await delivery ourselves).
        return await sinks[topic].send(key=key.encode() if key else None, value=dumps(record), force=True)

    app.conf.borderlines_settings = settings  # type: ignore[attr-defined]
    return app


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


def run_worker(settings: Settings, enricher_factory: Callable[[Settings], EnrichFn] = default_enricher) -> None:
    """Run until SIGINT/SIGTERM; faust stops the agent, which finishes its in-flight batch."""
    log.info("loading the NLP pipeline (model %s)", settings.model)
    app = create_app(settings, enricher_factory(settings))
    log.info("worker settings: %s", settings.redacted())
    worker = faust.Worker(app, loglevel=settings.log_level, redirect_stdouts=False)
    worker.execute_from_commandline()
