"""Article-body extraction quality of the feed connector's extractor (trafilatura) on saved pages.

    python bench/extraction_eval.py PAGES_DIR [--n-bootstrap 1000] [--json out.json]

PAGES_DIR holds `ground-truth.json` ({page_id: {"articleBody": ..., "url": ...}}) and
`html/<page_id>.html.gz`, the layout of the ScrapingHub article-extraction benchmark.

Scoring follows that benchmark's method (re-implemented here): texts are tokenised with `\\w+`;
per page, true/false positives and false negatives are counted over 4-token shingles (multiset
overlap) and normalised by their sum, so long pages weigh no more than short ones; precision is
the mean over pages with tp+fp>0, recall the mean over pages with tp+fn>0, F1 is the harmonic
mean of the two means; ± is 1.96 × the standard deviation over bootstrap resamples of pages.
The same is reported on single tokens (n=1, "token-level"). Three extractors are scored:
`extract_article` as the poller calls it, trafilatura's `extract` with defaults, and the
trivial baseline "all the text of the page" for scale.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_WORD = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    if n == 1:
        return Counter((t,) for t in tokens)
    grams = [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(gold: str, predicted: str, n: int) -> Counts:
    g, p = shingles(gold, n), shingles(predicted, n)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[Counts]) -> dict[str, float]:
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score(counts: list[Counts], n_bootstrap: int, seed: int = 13) -> dict[str, float]:
    result = aggregate(counts)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in result}
    for _ in range(n_bootstrap):
        resample = [counts[rng.randrange(len(counts))] for _ in counts]
        for key, value in aggregate(resample).items():
            samples[key].append(value)
    for key, values in samples.items():
        result[f"{key}_ci"] = 1.96 * statistics.stdev(values) if len(values) > 1 else 0.0
    return result


def extractors() -> dict[str, Callable[[bytes, str], str]]:
    import trafilatura
    from lxml import html as lxml_html

    from workers.feeds.extract import extract_article

    def poller(page: bytes, url: str) -> str:
        article = extract_article(page, url=url)
        return article.text if article else ""

    def defaults(page: bytes, url: str) -> str:
        return trafilatura.extract(page, url=url) or ""

    def all_text(page: bytes, url: str) -> str:
        try:
            tree = lxml_html.fromstring(page)
        except Exception:
            return ""
        for bad in tree.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        return str(tree.text_content())

    return {"poller extract_article": poller, "trafilatura.extract defaults": defaults, "all page text": all_text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None, help="write the scores here as JSON")
    args = parser.parse_args(argv)
    gold = json.loads((args.pages_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((args.pages_dir / "html" / f"{key}.html.gz").read_bytes()) for key in gold}
    print(f"{len(pages)} pages, {sum(len(v['articleBody']) for v in gold.values())} gold characters")
    report: dict[str, dict[str, object]] = {}
    for name, extract in extractors().items():
        started = time.perf_counter()
        predicted = {key: extract(page, gold[key].get("url", "")) for key, page in pages.items()}
        elapsed = time.perf_counter() - started
        empty = sum(1 for text in predicted.values() if not text.strip())
        entry: dict[str, object] = {"seconds": elapsed, "empty": empty}
        for label, n in (("shingles4", 4), ("tokens", 1)):
            counts = [page_counts(gold[key]["articleBody"], predicted[key], n) for key in gold]
            entry[label] = score(counts, args.n_bootstrap)
        report[name] = entry
        for label in ("shingles4", "tokens"):
            s = entry[label]
            assert isinstance(s, dict)
            print(f"{name:<30} {label:<9} precision={s['precision']:.3f} ± {s['precision_ci']:.3f}  "
                  f"recall={s['recall']:.3f} ± {s['recall_ci']:.3f}  F1={s['f1']:.3f} ± {s['f1_ci']:.3f}")
        print(f"{'':<30} {elapsed:.1f}s for {len(pages)} pages, {empty} with no text")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
