"""`borderlines feeds poll`: build the poller from Settings and feeds.yaml, stop cleanly on signals."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from workers.feeds.config import PollerOptions, load_feeds
from workers.feeds.poller import FeedPoller, PollResult
from workers.feeds.sink import KafkaSink, Sink, SinkError
from workers.feeds.state import StateStore
from workers.settings import Settings

log = logging.getLogger("workers.feeds")


def poll(settings: Settings, feeds_path: Path, *, once: bool, state_dir: Path | None = None,
         sink: Sink | None = None, stop: threading.Event | None = None,
         install_signal_handlers: bool = True) -> list[PollResult]:
    """Poll the feeds of `feeds_path` once (`once`) or until SIGINT/SIGTERM. Returns the last results."""
    overrides = {"state_dir": state_dir} if state_dir is not None else {}
    options = PollerOptions.from_settings(settings, **overrides)
    feeds = load_feeds(feeds_path, default_interval_s=options.default_interval_s)
    stop = stop or threading.Event()
    previous: dict[signal.Signals, Any] = {}
    if install_signal_handlers and threading.current_thread() is threading.main_thread():
        def request_stop(signum: int, _frame: FrameType | None) -> None:
            log.info("%s received: finishing the current feed, then stopping", signal.Signals(signum).name)
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, request_stop)
    if sink is None:
        try:
            sink = KafkaSink(settings, topic=options.topic)
        except Exception as exc:  # kafka-python: NoBrokersAvailable, bad SSL/SASL settings...
            raise SinkError(f"cannot connect to Kafka at {settings.kafka_bootstrap}: "
                            f"{type(exc).__name__}: {exc}") from exc
    try:
        with StateStore(options.state_dir) as store:
            poller = FeedPoller(feeds, options, sink, store, stop=stop)
            try:
                if once:
                    return poller.run_once()
                poller.run_forever()
                return []
            finally:
                poller.http.close()
    finally:
        sink.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
