"""Throughput, latency, scale-out and memory of the worker, measured in one run on the same items.

    python bench/bench.py --feed items.jsonl [--topics topics.jsonl] [--limit 1000] [--out bench/results/bench.json]

Prints a table and writes JSON. Steps (README of issue 5 / docs/PERFORMANCE.md):
  1. bare `nlp.pipe` of the configured model over the bodies (the reference limit)
  2. offline enrichment (`borderlines enrich` code path), full pipeline on every item and with the pre-filter
  3. end to end through a real local broker, one worker: replay at full speed, time to the last enriched record
  4. latency at 50% of that rate: produce timestamp -> enriched record timestamp, p50/p95/p99
  5. two workers in one consumer group vs one
  6. peak RSS per worker (VmHWM)
Run order: offline full, offline pre-filter, bare, then `--rounds` times (end to end full, bare again,
end to end pre-filter), then two workers and the two latency runs: what a ratio compares is measured back
to back. A benchmark, not a test: numbers vary between machines; compare ratios measured in the same run.
This machine's speed drifts by up to 10% within minutes, so each end-to-end run is divided by the mean of
the two bare runs that bracket it, and with `--rounds N` the ratios are the medians over N such rounds
(each round's ratios are in the JSON).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workers.devtools import WorkerProcess, consume, fresh_settings, key_timestamps, produce  # noqa: E402
from workers.localbroker import LocalBroker, free_port  # noqa: E402
from workers.settings import Settings  # noqa: E402


def load_items(feed: Path, limit: int) -> list[dict[str, Any]]:
    items = []
    with feed.open("rb") as handle:
        for line in handle:
            try:
                item = orjson.loads(line) if line.strip() else None
            except orjson.JSONDecodeError:
                continue  # the benchmark measures enrichment: malformed lines are the DLQ tests' business
            if isinstance(item, dict):
                items.append(item)
            if len(items) >= limit:
                break
    return items


def relevant_ids(topics: Path | None) -> set[str] | None:
    if topics is None:
        return None
    return {d["id"] for d in map(orjson.loads, topics.read_bytes().splitlines()) if d.get("topic") == "immigration"}


def count_tokens(bodies: list[str], model: str) -> int:
    import spacy

    tokenizer = spacy.load(model).tokenizer
    return sum(len(tokenizer(b)) for b in bodies)


def bench_bare(bodies: list[str], settings: Settings, matmul: str | None = None) -> float:
    """`nlp.pipe` of the configured model with nothing of ours, its layers on the configured matmul backend
    (or on `matmul`), loaded as the worker loads it."""
    from workers.nlp.model import load_model

    nlp = load_model(settings.model, matmul or settings.matmul)
    list(nlp.pipe(bodies[:8]))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - started


def measure_bare(bodies: list[str], settings: Settings, tokens: int) -> dict[str, float]:
    seconds = bench_bare(bodies, settings)
    print(f"bare nlp.pipe: {len(bodies) / seconds:.2f} items/s", flush=True)
    return {"seconds": seconds, "items_per_s": len(bodies) / seconds, "tokens_per_s": tokens / seconds}


def bench_offline(items: list[dict[str, Any]], settings: Settings, prefilter: bool) -> tuple[float, list[dict]]:
    from workers.app import default_enricher
    from workers.offline import enrich_items

    enrich = default_enricher(replace(settings, prefilter=prefilter))
    enrich_items(items[:8], enrich, settings.batch_size, settings.max_message_bytes)  # warm-up
    started = time.perf_counter()
    out = enrich_items(items, enrich, settings.batch_size, settings.max_message_bytes)
    return time.perf_counter() - started, out


def run_stream(base: Settings, tmp: Path, items: list[dict[str, Any]], workers: int,
               rate: float | None, prefilter: bool = False) -> dict[str, Any]:
    settings = fresh_settings(base.kafka_bootstrap, tmp, partitions=4, base=base, prefilter=prefilter)
    running = [WorkerProcess(settings, tmp / f"{settings.app_id}-{n}.log") for n in range(workers)]
    for worker in running:
        worker.wait_ready(timeout=180)
    time.sleep(2.0)  # let the group settle so the timing measures processing, not joining
    keys = [item["id"].encode() for item in items]
    started = time.time()
    produce(settings, [orjson.dumps(item) for item in items], keys, rate=rate)
    expected = set(keys)
    records = consume(settings, settings.topic_enriched, until=lambda rs: expected <= {r["_key"] for r in rs},
                      timeout=3600)
    done: dict[bytes, int] = {}
    for record in records:  # the first enriched record of each item (a redelivery can add a later one)
        done.setdefault(record["_key"], record["_timestamp"])
    produced = key_timestamps(settings, settings.topic_raw)
    last = max(done.values()) / 1000.0
    latency_by_id = {k.decode(): (done[k] - produced[k]) / 1000.0 for k in done if k in produced}
    latencies = sorted(latency_by_id.values())
    chars = {item["id"]: len(item["body"]) for item in items}
    slowest = sorted(latency_by_id, key=latency_by_id.__getitem__, reverse=True)[:10]
    result = {
        "workers": workers,
        "prefilter": prefilter,
        "rate": rate,
        "items": len(done),
        "seconds": last - started,
        "items_per_s": len(done) / (last - started),
        "latency_s": {"p50": _pct(latencies, 50), "p95": _pct(latencies, 95), "p99": _pct(latencies, 99)},
        "slowest": [{"item_id": k, "latency_s": latency_by_id[k], "body_chars": chars.get(k)} for k in slowest],
        "peak_rss_mb": [round(w.peak_rss_mb(), 1) for w in running],
        "batches_per_worker": [w.batches_done() for w in running],
    }
    for worker in running:
        worker.stop()
    return result


def _pct(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def relevance_recall(full: list[dict], fast: list[dict]) -> float:
    fast_by_id = {r["item_id"]: r for r in fast}
    relevant = [r["item_id"] for r in full if r["relevance"]["migration"]]
    if not relevant:
        return 1.0
    return sum(1 for i in relevant if fast_by_id[i]["relevance"]["migration"]) / len(relevant)


def round_ratios(one: dict[str, Any], pre: dict[str, Any], bracket: list[dict[str, float]]) -> dict[str, Any]:
    """One round: the one-worker run against the two bare runs around it, and the pre-filter run after it
    against that one-worker run."""
    bare = sum(run["items_per_s"] for run in bracket) / len(bracket)
    return {"e2e_items_per_s": one["items_per_s"], "prefilter_items_per_s": pre["items_per_s"],
            "bare_items_per_s": [run["items_per_s"] for run in bracket],
            "e2e_vs_bare": one["items_per_s"] / bare, "prefilter_vs_full": pre["items_per_s"] / one["items_per_s"]}


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median rate (the lower middle one for an even count)."""
    return sorted(runs, key=lambda run: run["items_per_s"])[(len(runs) - 1) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feed", type=Path, default=REPO / "samples/feed.jsonl")
    parser.add_argument("--topics", type=Path, default=None, help="topic labels (id, topic) beside the feed")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=REPO / "bench/results/bench.json")
    parser.add_argument("--skip-stream", action="store_true", help="only the offline measurements")
    parser.add_argument("--rounds", type=int, default=1,
                        help="end-to-end rounds (full, bare, pre-filter); ratios are medians over rounds")
    args = parser.parse_args()

    base = Settings.from_env()
    items = [i for i in load_items(args.feed, args.limit) if isinstance(i.get("body"), str) and i.get("id")]
    bodies = [i["body"][: base.max_body_chars] for i in items]
    relevant = relevant_ids(args.topics)
    tokens = count_tokens(bodies, base.model)
    report: dict[str, Any] = {"when": datetime.now(UTC).isoformat(), "model": base.model, "items": len(items),
                              "tokens": tokens, "cpus": os.cpu_count(), "batch_size": base.batch_size,
                              "matmul": base.matmul}
    print(f"{len(items)} items, {tokens} tokens, model {base.model}", flush=True)

    full_s, full = bench_offline(items, base, prefilter=False)
    report["offline_full"] = {"seconds": full_s, "items_per_s": len(items) / full_s, "tokens_per_s": tokens / full_s}
    print(f"offline, full pipeline on every item: {len(items) / full_s:.1f} items/s", flush=True)
    fast_s, fast = bench_offline(items, base, prefilter=True)
    report["offline_prefilter"] = {"seconds": fast_s, "items_per_s": len(items) / fast_s,
                                   "relevance_recall_vs_full": relevance_recall(full, fast),
                                   "light_path_share": sum(r["processing"]["prefiltered"] for r in fast) / len(fast)}
    print(f"offline, with pre-filter: {len(items) / fast_s:.1f} items/s", flush=True)
    if relevant is not None:
        subset = [i for i in load_items(args.feed, 10**9) if i.get("id") in relevant and isinstance(i.get("body"), str)]
        subset = subset[: args.limit]
        sub_s, _ = bench_offline(subset, base, prefilter=False)
        sub_pre_s, _ = bench_offline(subset, base, prefilter=True)
        report["migration_subset"] = {"items": len(subset), "offline_full_items_per_s": len(subset) / sub_s,
                                      "offline_prefilter_items_per_s": len(subset) / sub_pre_s}
        print(f"migration subset ({len(subset)} items): full {len(subset) / sub_s:.1f} items/s, "
              f"pre-filter {len(subset) / sub_pre_s:.1f} items/s", flush=True)
        predicted = {r["item_id"] for r in full if r["relevance"]["migration"]}
        labelled = {i["id"] for i in items} & relevant
        tp = len(predicted & labelled)
        report["relevance_vs_topic_labels"] = {"labelled": len(labelled), "predicted": len(predicted),
                                               "precision": tp / max(len(predicted), 1),
                                               "recall": tp / max(len(labelled), 1)}

    library_s = bench_bare(bodies, base, matmul="blis")
    report["bare_nlp_pipe_library_default"] = {"matmul": "blis", "items_per_s": len(items) / library_s}
    print(f"bare nlp.pipe, thinc's default matmul (blis): {len(items) / library_s:.2f} items/s", flush=True)
    bare_runs = [measure_bare(bodies, base, tokens)]
    if not args.skip_stream:
        with tempfile.TemporaryDirectory(prefix="borderlines-bench-") as tmp_name:
            tmp = Path(tmp_name)
            broker = LocalBroker(tmp / "kafka", Path(base.cache_dir).expanduser(), port=free_port(),
                                 controller_port=free_port())
            broker.start()
            stream_base = replace(base, kafka_bootstrap=broker.bootstrap)
            try:
                rounds, ones, pres = [], [], []
                for _ in range(max(1, args.rounds)):
                    one = run_stream(stream_base, tmp, items, workers=1, rate=None)
                    print(f"end to end, 1 worker: {one['items_per_s']:.1f} items/s", flush=True)
                    bare_runs.append(measure_bare(bodies, base, tokens))  # the reference, again, right after
                    pre = run_stream(stream_base, tmp, items, workers=1, rate=None, prefilter=True)
                    print(f"end to end, 1 worker, pre-filter: {pre['items_per_s']:.1f} items/s", flush=True)
                    rounds.append(round_ratios(one, pre, bare_runs[-2:]))
                    ones.append(one)
                    pres.append(pre)
                one, pre = median_run(ones), median_run(pres)
                two = run_stream(stream_base, tmp, items, workers=2, rate=None)
                print(f"end to end, 2 workers: {two['items_per_s']:.1f} items/s", flush=True)
                half = run_stream(stream_base, tmp, items[: max(50, len(items) // 2)], workers=1,
                                  rate=one["items_per_s"] / 2)
                print(f"latency at 50% load: {half['latency_s']}", flush=True)
                pre_half = run_stream(stream_base, tmp, items[: max(50, len(items) // 2)], workers=1,
                                      rate=pre["items_per_s"] / 2, prefilter=True)
                print(f"latency at 50% load, pre-filter: {pre_half['latency_s']}", flush=True)
            finally:
                broker.stop()
        report["stream_1_worker"] = one
        report["stream_latency_at_50pct"] = half
        report["stream_2_workers"] = two
        report["stream_1_worker_prefilter"] = pre
        report["stream_latency_at_50pct_prefilter"] = pre_half
        report["rounds"] = rounds
    report["bare_nlp_pipe"] = {
        "runs": bare_runs,
        "items_per_s": sum(run["items_per_s"] for run in bare_runs) / len(bare_runs),
        "tokens_per_s": sum(run["tokens_per_s"] for run in bare_runs) / len(bare_runs),
    }
    if not args.skip_stream:
        report["ratios"] = {
            "e2e_1_worker_vs_bare": statistics.median(r["e2e_vs_bare"] for r in rounds),
            "two_vs_one_worker": two["items_per_s"] / one["items_per_s"],
            "e2e_prefilter_vs_full": statistics.median(r["prefilter_vs_full"] for r in rounds),
        }
    report.setdefault("ratios", {})["offline_full_vs_bare"] = (
        report["offline_full"]["items_per_s"] / report["bare_nlp_pipe"]["items_per_s"])
    report["ratios"]["offline_prefilter_vs_full"] = (
        report["offline_prefilter"]["items_per_s"] / report["offline_full"]["items_per_s"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    print_table(report)
    print(f"\nJSON: {args.out}")


def print_table(report: dict[str, Any]) -> None:
    print("\n| measurement | items/s | notes |\n|---|---:|---|")
    bare = report["bare_nlp_pipe"]
    runs = " and ".join(f"{run['items_per_s']:.2f}" for run in bare["runs"])
    print(f"| bare nlp.pipe ({report['model']}, matmul {report['matmul']}) | {bare['items_per_s']:.1f} | "
          f"{bare['tokens_per_s']:.0f} tokens/s; mean of {runs} items/s (around the one-worker runs) |")
    if "bare_nlp_pipe_library_default" in report:
        print(f"| bare nlp.pipe, thinc's default matmul (blis) | "
              f"{report['bare_nlp_pipe_library_default']['items_per_s']:.1f} | |")
    print(f"| offline enrich, full pipeline | {report['offline_full']['items_per_s']:.1f} | |")
    p = report["offline_prefilter"]
    print(f"| offline enrich, pre-filter | {p['items_per_s']:.1f} | relevance recall vs full "
          f"{p['relevance_recall_vs_full']:.3f}, light path {p['light_path_share']:.0%} of items |")
    if "migration_subset" in report:
        sub = report["migration_subset"]
        print(f"| migration-relevant subset ({sub['items']} items), offline full / pre-filter | "
              f"{sub['offline_full_items_per_s']:.1f} / {sub['offline_prefilter_items_per_s']:.1f} | |")
    if "stream_1_worker" in report:
        one, two, half = report["stream_1_worker"], report["stream_2_workers"], report["stream_latency_at_50pct"]
        print(f"| end to end, 1 worker | {one['items_per_s']:.1f} | peak RSS {one['peak_rss_mb']} MB |")
        print(f"| end to end, 2 workers | {two['items_per_s']:.1f} | peak RSS {two['peak_rss_mb']} MB, "
              f"batches {two['batches_per_worker']} |")
        pre = report["stream_1_worker_prefilter"]
        print(f"| end to end, 1 worker, pre-filter | {pre['items_per_s']:.1f} | peak RSS {pre['peak_rss_mb']} MB |")
        for name, run in (("", half), (", pre-filter", report["stream_latency_at_50pct_prefilter"])):
            lat = run["latency_s"]
            print(f"| latency at 50% load{name} | {run['items_per_s']:.1f} | p50 {lat['p50']:.2f} s, "
                  f"p95 {lat['p95']:.2f} s, p99 {lat['p99']:.2f} s; peak RSS {run['peak_rss_mb']} MB |")
    rounds = report.get("rounds", [])
    for n, r in enumerate(rounds if len(rounds) > 1 else [], start=1):
        bare = " and ".join(f"{b:.2f}" for b in r["bare_items_per_s"])
        print(f"| round {n}: e2e / bare, pre-filter / full | {r['e2e_vs_bare']:.2f} / {r['prefilter_vs_full']:.2f} "
              f"| e2e {r['e2e_items_per_s']:.1f}, pre-filter {r['prefilter_items_per_s']:.1f}, bare {bare} items/s |")
    for name, value in report.get("ratios", {}).items():
        note = "median over rounds" if len(rounds) > 1 and name.startswith("e2e") else ""
        print(f"| ratio {name} | {value:.2f} | {note} |")


if __name__ == "__main__":
    main()
