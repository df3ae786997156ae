"""Enricher factories for the worker's `--enricher` option, used by the tests to inject failures into a real
worker process. Production never names these: the option defaults to the spaCy Enricher, and there is no
environment switch that could turn fault injection on by accident.

    borderlines worker --enricher tests.integration.fault_enricher:poison_enricher
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from workers.app import default_enricher
from workers.pipeline import EnrichFn
from workers.settings import Settings

POISON_MARKER = "POISON-PILL-7f3a"  # enrichment raises ValueError for a body containing this
FATAL_MARKER = "FATAL-BUG-91c2"  # enrichment raises an error the pipeline does not isolate (a bug)
SLOW_BATCH_S = 1.0


class InjectedFatalError(BaseException):
    """Not an Exception: escapes the pipeline's poison isolation, like a bug in the worker itself would."""


def poison_enricher(settings: Settings) -> EnrichFn:
    real = default_enricher(settings)

    def enrich(items: Sequence[Mapping[str, Any]], ingest_time: datetime) -> list[dict[str, Any]]:
        for item in items:
            if POISON_MARKER in item["body"]:
                raise ValueError(f"injected enrichment failure for item {item['id']}")
            if FATAL_MARKER in item["body"]:
                raise InjectedFatalError(f"injected fatal error for item {item['id']}")
        return real(list(items), ingest_time)

    return enrich  # type: ignore[return-value]


def slow_enricher(settings: Settings) -> EnrichFn:
    """The real enricher, plus SLOW_BATCH_S per batch: a signal sent at any moment lands mid-batch."""
    real = default_enricher(settings)

    def enrich(items: Sequence[Mapping[str, Any]], ingest_time: datetime) -> list[dict[str, Any]]:
        time.sleep(SLOW_BATCH_S)
        return real(list(items), ingest_time)

    return enrich  # type: ignore[return-value]
