"""Precision of the published events on real news, against an audit of judged events.

    python bench/feed_audit.py --feed ../shared/data/dev-feed.jsonl \
        [--labels bench/audits/feed-events-2026-11-29.jsonl] [--verbose]

The audit file holds one line per event the pipeline once published on the feed: its `event_id`, the `item_id`
and the evidence span (`start`, `end`), the type and status published then, and an analyst's judgement: `valid`
(a migration-policy event as docs/EVALUATION.md and the contract define it), `best_type` and `best_status` (null
when not valid) and a short `why`. An event is found again by its item and span, so a change of its type or
status still meets its judgement; where one sentence gave several events, the one of the same type first. Texts
stay with their publisher: the audit names events, it does not copy them.

The script enriches the audited items with the current code and prints, for the audited events: how many are
still published and valid or invalid (the precision of what is kept), how many valid and invalid ones are no
longer published, the type and status accuracy of the kept valid ones, and how many events it publishes that
the audit never judged (a change that adds events needs a new audit before its precision is known).
A measurement, not a test: it reads data outside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workers.settings import Settings

DEFAULT_LABELS = Path(__file__).resolve().parent / "audits" / "feed-events-2026-11-29.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


Span = tuple[str, int, int]


def span_of(item_id: str, event: dict[str, Any]) -> Span:
    return item_id, event["evidence"]["start"], event["evidence"]["end"]


def pair(labels: list[dict[str, Any]], published: dict[Span, list[dict[str, Any]]]) -> list[tuple[dict, dict | None]]:
    """Each label with the published event it judges, or None: by item and evidence span, and within one span
    the event of the label's type first."""
    by_span: dict[Span, list[dict[str, Any]]] = defaultdict(list)
    for label in labels:
        by_span[(label["item_id"], label["start"], label["end"])].append(label)
    pairs: list[tuple[dict, dict | None]] = []
    for span, group in by_span.items():
        events = list(published.get(span, []))
        unmatched = []
        for label in group:
            same = next((e for e in events if e["event_type"] == label["event_type"]), None)
            if same is None:
                unmatched.append(label)
                continue
            events.remove(same)
            pairs.append((label, same))
        for label in unmatched:
            pairs.append((label, events.pop(0) if events else None))
    return pairs


def audit(labels: list[dict[str, Any]], published: dict[Span, list[dict[str, Any]]]) -> Counter[str]:
    """Counts of the audited events by their fate in `published` ((item, start, end) -> events)."""
    counts: Counter[str] = Counter()
    for label, event in pair(labels, published):
        judged = "valid" if label["valid"] else "invalid"
        if event is None:
            counts[f"dropped_{judged}"] += 1
            continue
        counts[f"kept_{judged}"] += 1
        if label["valid"]:
            counts["kept_valid_type_ok"] += event["event_type"] == label["best_type"]
            counts["kept_valid_status_ok"] += event["status"] == label["best_status"]
    counts["unjudged"] = sum(len(events) for events in published.values()) - counts["kept_valid"] - counts[
        "kept_invalid"
    ]
    return counts


def report(counts: Counter[str]) -> str:
    kept = counts["kept_valid"] + counts["kept_invalid"]
    valid = max(1, counts["kept_valid"])
    return "\n".join(
        [
            f"audited events still published: {kept} (valid {counts['kept_valid']}, invalid {counts['kept_invalid']})",
            f"precision of the kept audited events: {counts['kept_valid'] / max(1, kept):.3f}",
            f"type accuracy of the kept valid events: {counts['kept_valid_type_ok'] / valid:.3f}",
            f"status accuracy of the kept valid events: {counts['kept_valid_status_ok'] / valid:.3f}",
            f"no longer published: valid {counts['dropped_valid']}, invalid {counts['dropped_invalid']}",
            f"published but never audited: {counts['unjudged']}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feed", type=Path, required=True, help="JSON lines of news items (the audited feed)")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--verbose", action="store_true", help="list the events that changed fate")
    args = parser.parse_args()

    from workers.app import default_enricher
    from workers.offline import enrich_items

    labels = read_jsonl(args.labels)
    wanted = {label["item_id"] for label in labels}
    items = [item for item in read_jsonl(args.feed) if item.get("id") in wanted]
    settings = Settings.from_env()
    enriched = enrich_items(items, default_enricher(settings), settings.batch_size, settings.max_message_bytes)
    published: dict[Span, list[dict[str, Any]]] = defaultdict(list)
    for record in enriched:
        for event in record["events"]:
            published[span_of(record["item_id"], event)].append(event)
    print(f"{len(items)} audited items, {len(labels)} audited events")
    print(report(audit(labels, published)))
    if args.verbose:
        for label, event in pair(labels, published):
            if event is None:
                print("no longer published:", "valid" if label["valid"] else "invalid", label["event_type"],
                      label["item_id"], label["why"])
            elif (event["event_type"], event["status"]) != (label["event_type"], label["status"]):
                print("changed:", label["event_type"], label["status"], "->", event["event_type"], event["status"],
                      "| judged", label["best_type"], label["best_status"], label["item_id"])


if __name__ == "__main__":
    main()
