"""The one settings object, read from the environment in one place.

Every variable is documented in the README ("Settings"). Nothing else in the package reads
os.environ: components receive a Settings (or the few values they need) as arguments.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from workers.nlp import defaults as nlp_defaults

PREFIX = "BORDERLINES_"


class SettingsError(ValueError):
    """An environment variable has a value the worker cannot use."""


@dataclass(frozen=True)
class Settings:
    # Kafka connection
    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_security_protocol: str = "PLAINTEXT"  # PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL
    kafka_sasl_mechanism: str = "SCRAM-SHA-512"  # PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = field(default="", repr=False)  # never printed
    kafka_ssl_cafile: str = ""
    # how long the group waits for a silent worker (crashed, partitioned) before its partitions move
    kafka_session_timeout_s: float = 10.0
    # how often acknowledged offsets are committed: bounds what a crash or rebalance makes the group redo
    commit_interval_s: float = 1.0
    # Topics (the names are the contract; partitions/replication are deployment choices)
    topic_raw: str = "news.raw.v1"
    topic_enriched: str = "news.enriched.v1"
    topic_events: str = "migration.policy-events.v1"
    topic_dlq: str = "news.dlq.v1"
    topic_partitions: int = 4
    topic_replication: int = 1
    # Worker
    app_id: str = "borderlines"  # also the consumer group id
    web_port: int = 6066
    web_host: str = "127.0.0.1"
    data_dir: str = ".local/worker"  # faust's table/state directory
    log_level: str = "info"
    log_format: str = "text"  # text | json (one JSON object per line, with item ids)
    cache_dir: str = "~/.cache/borderlines"  # broker jars for the local broker (outside the repo)
    # NLP
    model: str = nlp_defaults.MODEL
    matmul: str = nlp_defaults.MATMUL  # numpy | blis: the matrix-product backend of the model's layers
    batch_size: int = nlp_defaults.BATCH_SIZE
    batch_window_s: float = 0.1  # at full load batches fill first; at low load this is added latency
    parse_max_chars: int = nlp_defaults.PARSE_MAX_CHARS  # one nlp.pipe group at most: bounds peak memory
    prefilter: bool = nlp_defaults.PREFILTER  # skip the parse and event rules where the words rule migration out
    learned_events: bool = nlp_defaults.LEARNED_EVENTS  # the sentence classifier adds events the rules miss
    # Limits on what comes from outside
    max_message_bytes: int = 1_048_576
    max_body_chars: int = nlp_defaults.MAX_BODY_CHARS  # longer bodies are cut at a paragraph
    max_batch_size: int = 512
    topic_max_message_bytes: int = 8_388_608  # broker-side limit set on our topics
    # Feed poller (`borderlines feeds poll`; checked by PollerOptions in workers/feeds/config.py)
    feeds_state_dir: str = ".local/feeds"  # sqlite store: seen URLs, ETag/Last-Modified, backoff
    feeds_http_timeout_s: float = 10.0  # connect/read timeout and overall deadline per download
    feeds_max_feed_bytes: int = 5_242_880  # larger feed documents are refused
    feeds_max_page_bytes: int = 2_097_152  # article pages are cut off (and skipped) past this
    feeds_default_interval_s: float = 900.0  # poll interval when feeds.yaml gives none
    feeds_max_backoff_s: float = 3600.0  # longest wait after repeated errors
    feeds_user_agent: str = "borderlines-feeds/0.1"
    feeds_max_pages_per_poll: int = 50  # article pages fetched per feed per poll; the rest wait

    def __post_init__(self) -> None:
        _require(self.matmul in nlp_defaults.MATMUL_CHOICES, f"MATMUL must be one of {nlp_defaults.MATMUL_CHOICES}")
        _require(self.batch_size >= 1, "BATCH_SIZE must be >= 1")
        _require(self.batch_size <= self.max_batch_size, "BATCH_SIZE must be <= MAX_BATCH_SIZE")
        _require(self.batch_window_s > 0, "BATCH_WINDOW_S must be > 0")
        _require(self.max_message_bytes >= 1024, "MAX_MESSAGE_BYTES must be >= 1024")
        _require(self.max_body_chars >= 100, "MAX_BODY_CHARS must be >= 100")
        _require(self.parse_max_chars >= 1000, "PARSE_MAX_CHARS must be >= 1000")
        _require(0.1 <= self.commit_interval_s <= 60.0, "COMMIT_INTERVAL_S must be between 0.1 and 60")
        _require(6.0 <= self.kafka_session_timeout_s <= 300.0,
                 "KAFKA_SESSION_TIMEOUT_S must be between 6 and 300 (the broker's group session bounds)")
        _require(self.topic_partitions >= 1, "TOPIC_PARTITIONS must be >= 1")
        _require(self.topic_replication >= 1, "TOPIC_REPLICATION must be >= 1")
        _require(self.log_format in {"text", "json"}, "LOG_FORMAT must be text or json")
        protocols = {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}
        _require(self.kafka_security_protocol in protocols, f"KAFKA_SECURITY_PROTOCOL must be one of {protocols}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from BORDERLINES_* variables; explicit overrides win."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _convert(f.name, raw, type(getattr(_DEFAULTS, f.name)))
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The BORDERLINES_* variables that `from_env` reads back into these settings (for subprocesses)."""
        return {PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    @property
    def topics(self) -> tuple[str, str, str, str]:
        return (self.topic_raw, self.topic_enriched, self.topic_events, self.topic_dlq)

    def redacted(self) -> dict[str, object]:
        """Settings safe to log: secrets replaced by a marker."""
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        if out["kafka_sasl_password"]:
            out["kafka_sasl_password"] = "***"
        return out


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SettingsError(PREFIX + message)


def _convert(name: str, raw: str, kind: type) -> object:
    try:
        if kind is bool:
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{PREFIX}{name.upper()}: cannot read {raw!r} as {kind.__name__}") from exc
    return raw


_DEFAULTS = Settings()
