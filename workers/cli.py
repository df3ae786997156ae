"""The `borderlines` command: worker, Kafka tools, offline enrichment, evaluation, local broker."""

from __future__ import annotations

import contextlib
import logging
import logging.config
import signal
import sys
import time
from pathlib import Path

import click

from workers.logs import logging_config
from workers.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
def main(verbose: bool) -> None:
    """borderlines: enrich news items and publish migration-policy events."""
    settings = _settings()
    level = "debug" if verbose else settings.log_level
    logging.config.dictConfig(logging_config(settings.log_format, level))
    if verbose:
        logging.getLogger("kafka").setLevel(logging.DEBUG)


@main.command()
@click.option("--enricher", "enricher_spec", default=None, metavar="MODULE:FACTORY",
              help="Import path of an enricher factory (Settings -> enrich function); default: the spaCy "
                   "Enricher. Used by the tests to inject failures; production runs leave it unset.")
def worker(enricher_spec: str | None) -> None:
    """Run the stream worker (consumes news.raw.v1)."""
    from workers.app import default_enricher, load_enricher_factory, run_worker

    try:
        factory = load_enricher_factory(enricher_spec) if enricher_spec else default_enricher
    except (ValueError, ImportError, AttributeError) as exc:
        raise click.BadParameter(str(exc), param_hint="--enricher") from exc
    run_worker(_settings(), factory)


@main.group()
def topics() -> None:
    """Manage the contract topics."""


@topics.command("create")
def topics_create() -> None:
    """Create news.raw.v1, news.enriched.v1, migration.policy-events.v1 and news.dlq.v1 if missing."""
    from workers.tools.topics import create_topics

    settings = _settings()
    created = create_topics(settings)
    click.echo(f"created: {', '.join(created) or 'none (all exist)'}")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rate", type=float, default=None, help="Items per second (default: as fast as possible).")
@click.option("--topic", default=None, help="Target topic (default: the raw topic).")
def replay(file: Path, rate: float | None, topic: str | None) -> None:
    """Produce the items of a JSON-lines FILE into the raw topic."""
    from workers.tools.replay import replay as do_replay

    sent = do_replay(_settings(), file, rate=rate, topic=topic)
    click.echo(f"sent {sent} items", err=True)


@main.command()
@click.argument("topic")
@click.option("--from-beginning/--latest", default=True, help="Start at the earliest offset (default).")
@click.option("--idle-timeout", type=float, default=None, help="Exit after N seconds without records.")
@click.option("--raw", is_flag=True, help="Print JSON instead of readable lines.")
def tail(topic: str, from_beginning: bool, idle_timeout: float | None, raw: bool) -> None:
    """Pretty-print the records of TOPIC as they arrive."""
    from workers.tools.tail import tail as do_tail

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with contextlib.suppress(KeyboardInterrupt):
        do_tail(_settings(), topic, from_beginning=from_beginning, idle_timeout=idle_timeout, raw=raw,
                echo=lambda line: click.echo(line))


@main.command()
@click.option("--in", "in_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dlq", "dlq_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Dead-letter file (default: OUT with .dlq.jsonl).")
def enrich(in_path: Path, out_path: Path, dlq_path: Path | None) -> None:
    """Enrich a JSON-lines file of news items without Kafka (same code as the worker)."""
    from workers.app import default_enricher
    from workers.offline import enrich_file

    settings = _settings()
    dlq_path = dlq_path or out_path.with_suffix(".dlq.jsonl")
    counts = enrich_file(in_path, out_path, dlq_path, default_enricher(settings), batch_size=settings.batch_size,
                         max_message_bytes=settings.max_message_bytes)
    click.echo(f"{counts.items} items: {counts.enriched} enriched, {counts.events} events, "
               f"{counts.dead_letters} dead-lettered ({dlq_path})", err=True)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bare/--no-bare", default=True, help="Also score the bare spaCy model's entities.")
@click.option("-V", "--verbose-report", is_flag=True, help="List false positives/negatives and wrong fields.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report as JSON here too.")
@click.option("--strict", is_flag=True, help="Exit 1 when a metric is below the bar.")
def evaluate(gold: Path, bare: bool, verbose_report: bool, json_path: Path | None, strict: bool) -> None:
    """Score the enrichment on a GOLD file (JSON lines or one JSON object; format in the README)."""
    import orjson

    from workers.app import default_enricher
    from workers.evaluation import run_eval
    from workers.offline import enrich_items

    settings = _settings()
    enrich = default_enricher(settings)
    report = run_eval(gold, lambda items: enrich_items(items, enrich, settings.batch_size,
                                                       settings.max_message_bytes),
                      bare_model=settings.model if bare else None)
    click.echo(report.format_text(verbose=verbose_report))
    if json_path:
        json_path.write_bytes(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2))
    if strict and not all(report.meets_bar().values()):
        sys.exit(1)


@main.group()
def broker() -> None:
    """A local single-node Kafka broker (KRaft) for development and tests."""


@broker.command("fetch")
def broker_fetch() -> None:
    """Resolve the broker jars from Maven Central into the cache."""
    from workers.localbroker import ensure_jars

    click.echo(str(ensure_jars(Path(_cache_dir()))))


@broker.command("run")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=Path(".local/kafka"))
@click.option("--port", type=int, default=9092)
@click.option("--controller-port", type=int, default=9093)
@click.option("--ready-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Touched once the broker answers (for scripts that wait on it).")
def broker_run(data_dir: Path, port: int, controller_port: int, ready_file: Path | None) -> None:
    """Run the broker in the foreground until Ctrl-C / SIGTERM, then stop it cleanly."""
    from workers.localbroker import LocalBroker

    local = LocalBroker(data_dir=data_dir, cache_dir=Path(_cache_dir()), port=port,
                        controller_port=controller_port)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    started = time.monotonic()
    try:
        local.start()
        click.echo(f"kafka {local.bootstrap} ready in {time.monotonic() - started:.1f}s (logs: {local.log_file})",
                   err=True)
        if ready_file:
            ready_file.touch()
        while local.process is not None and local.process.poll() is None:
            time.sleep(0.5)
        click.echo("broker exited", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("stopping broker", err=True)
    finally:
        local.stop()
        if ready_file:
            ready_file.unlink(missing_ok=True)


@main.group()
def feeds() -> None:
    """RSS/Atom feed connector: publish new feed items to the raw topic."""


@feeds.command("poll")
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--once", is_flag=True, help="Poll every feed once and exit (cron, tests); default: loop.")
@click.option("--state-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where seen URLs and ETags are kept (default: BORDERLINES_FEEDS_STATE_DIR).")
def feeds_poll(feeds_file: Path, once: bool, state_dir: Path | None) -> None:
    """Poll the feeds listed in FEEDS_FILE (feeds.yaml) and publish new items; Ctrl-C/SIGTERM stop cleanly."""
    from workers.feeds.config import FeedConfigError
    from workers.feeds.run import poll
    from workers.feeds.sink import SinkError

    try:
        results = poll(_settings(), feeds_file, once=once, state_dir=state_dir)
    except (FeedConfigError, SettingsError) as exc:
        raise click.UsageError(str(exc)) from exc
    except SinkError as exc:
        raise click.ClickException(str(exc)) from exc
    if once:
        published = sum(r.published for r in results)
        failed = [r for r in results if r.status in ("error", "rejected")]
        click.echo(f"{len(results)} feeds polled: {published} items published, {len(failed)} failed", err=True)


def _cache_dir() -> str:
    return str(Path(_settings().cache_dir).expanduser())


if __name__ == "__main__":
    main()
