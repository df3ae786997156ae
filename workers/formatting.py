"""One readable line per record, for `borderlines tail` and `make run`. Pure functions."""

from __future__ import annotations

from typing import Any

_EVIDENCE_CHARS = 140


def event_line(event: dict[str, Any]) -> str:
    date = event.get("date") or {}
    actors = ", ".join(a.get("canonical", "?") for a in event.get("actors", [])) or "-"
    where = (event.get("location") or {}).get("canonical") or "-"
    evidence = " ".join(str((event.get("evidence") or {}).get("sentence", "")).split())
    if len(evidence) > _EVIDENCE_CHARS:
        evidence = evidence[: _EVIDENCE_CHARS - 1] + "…"
    return (f"{event.get('event_type', '?'):<22} {event.get('status', '?'):<12} {date.get('resolved') or '-':<10} "
            f"actors=[{actors}] at={where} | {evidence}")


def enriched_line(record: dict[str, Any]) -> str:
    relevance = record.get("relevance") or {}
    warnings = (record.get("processing") or {}).get("warnings") or []
    flag = "MIGRATION" if relevance.get("migration") else "other"
    text = (f"{record.get('item_id', '?')} {flag} score={relevance.get('score', 0):.2f} "
            f"entities={len(record.get('entities', []))} events={len(record.get('events', []))}")
    return text + (f" warnings={warnings}" if warnings else "")


def dead_letter_line(record: dict[str, Any]) -> str:
    original = record.get("original") or {}
    return (f"DLQ {record.get('reason', '?')} item={record.get('item_id')} "
            f"at={original.get('topic')}/{original.get('partition')}@{original.get('offset')} "
            f"| {record.get('detail', '')}")


def format_record(topic: str, record: Any) -> str:
    if not isinstance(record, dict):
        return repr(record)
    if "event_type" in record:
        return event_line(record)
    if "reason" in record and "original" in record:
        return dead_letter_line(record)
    if "relevance" in record:
        return enriched_line(record)
    return repr(record)
