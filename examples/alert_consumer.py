"""A small downstream alerting consumer: subscribes to migration.policy-events.v1, deduplicates on
event_id (the worker delivers at-least-once), and prints or POSTs an alert for the chosen types.

    python examples/alert_consumer.py --types DEPORTATION,COURT_RULING --min-confidence 0.5
    python examples/alert_consumer.py --webhook http://127.0.0.1:8080/alerts

Uses only kafka-python and the standard library. Its consumer group commits offsets only after an
alert was handled, so a restart resumes where it stopped; the dedup window survives restarts by
being rebuilt from what is re-read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from collections import OrderedDict
from typing import Any

from kafka import KafkaConsumer


class SeenIds:
    """A bounded set of recently seen event ids (the duplicates at-least-once can produce are recent)."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        if event_id in self._ids:
            self._ids.move_to_end(event_id)
            return False
        self._ids[event_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return True


def wanted(event: dict[str, Any], types: set[str], min_confidence: float) -> bool:
    return (not types or event.get("event_type") in types) and float(event.get("confidence", 0)) >= min_confidence


def alert_text(event: dict[str, Any]) -> str:
    date = (event.get("date") or {}).get("resolved") or "undated"
    actors = ", ".join(a["canonical"] for a in event.get("actors", [])) or "no named actor"
    source = event.get("source") or {}
    return (f"[{event['event_type']} / {event['status']}] {date}: {actors} — "
            f"{event['evidence']['sentence'][:200]} ({source.get('outlet')}, {source.get('url')})")


def post(webhook: str, event: dict[str, Any]) -> None:
    body = json.dumps({"text": alert_text(event), "event": event}).encode()
    request = urllib.request.Request(webhook, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default=os.environ.get("BORDERLINES_KAFKA_BOOTSTRAP", "127.0.0.1:9092"))
    parser.add_argument("--topic", default="migration.policy-events.v1")
    parser.add_argument("--group", default="borderlines-alerts")
    parser.add_argument("--types", default="", help="comma-separated event types (default: all)")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--webhook", default=None, help="POST alerts here as JSON instead of printing")
    parser.add_argument("--max-idle-s", type=float, default=None, help="exit after this long without events")
    args = parser.parse_args()

    types = {t.strip() for t in args.types.split(",") if t.strip()}
    seen = SeenIds()
    consumer = KafkaConsumer(args.topic, bootstrap_servers=args.bootstrap.split(","), group_id=args.group,
                             enable_auto_commit=False, auto_offset_reset="earliest",
                             consumer_timeout_ms=int(args.max_idle_s * 1000) if args.max_idle_s else float("inf"))
    try:
        for message in consumer:
            event = json.loads(message.value)
            if seen.first_time(event["event_id"]) and wanted(event, types, args.min_confidence):
                if args.webhook:
                    post(args.webhook, event)
                else:
                    print(alert_text(event), flush=True)
            consumer.commit()
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
