"""A single-node Apache Kafka broker (KRaft, combined mode) for `make run` and the tests.

No Docker: the broker's jars come from Maven Central through the checked-in pom.xml and are
cached outside the repository's tracked files. One module serves the Makefile
(`borderlines broker run`), the test fixtures (`LocalBroker`) and the benchmarks.
"""

from __future__ import annotations

import base64
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
KAFKA_VERSION = "4.0.2"
# Bump when pom.xml changes, so caches resolved from an older pom are not reused.
JARS_REVISION = "1"
JVM_HEAP = "-Xmx768m"


class BrokerError(RuntimeError):
    """The local broker could not be fetched, formatted or started."""


def jars_dir(cache_dir: Path) -> Path:
    return cache_dir / f"kafka-{KAFKA_VERSION}-{JARS_REVISION}" / "libs"


def ensure_jars(cache_dir: Path) -> Path:
    """Resolve the broker jars with Maven once; later calls reuse the cache."""
    libs = jars_dir(cache_dir)
    marker = libs / ".complete"
    if marker.exists():
        return libs
    if shutil.which("mvn") is None:
        raise BrokerError("Maven (mvn) is needed to fetch the Kafka broker jars")
    tmp = libs.with_name("libs.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = ["mvn", "-q", "-B", "-f", str(HERE / "pom.xml"), "dependency:copy-dependencies",
           f"-DoutputDirectory={tmp}"]
    log.info("fetching Apache Kafka %s jars into %s", KAFKA_VERSION, libs)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BrokerError(f"mvn failed ({done.returncode}): {done.stdout[-2000:]} {done.stderr[-2000:]}")
    shutil.rmtree(libs, ignore_errors=True)
    tmp.rename(libs)
    marker.touch()
    return libs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _cluster_id() -> str:
    # Kafka cluster ids are 16 random bytes, URL-safe base64 without padding; like Kafka's own
    # Uuid.randomUuid(), avoid a leading "-", which command-line parsers read as an option.
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


@dataclass
class LocalBroker:
    """One KRaft broker+controller on 127.0.0.1. Use as a context manager or start()/stop()."""

    data_dir: Path
    cache_dir: Path
    port: int = 9092
    controller_port: int = 9093
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> LocalBroker:
        libs = ensure_jars(self.cache_dir)
        self._check_port_free()
        config = self._write_config()
        if not (self.data_dir / "kraft-logs" / "meta.properties").exists():
            self._java(libs, "kafka.tools.StorageTool", "format", "-t", _cluster_id(), "-c", str(config),
                       "--ignore-formatted", wait=True)
        self.process = self._java(libs, "kafka.Kafka", str(config), wait=False)
        (self.data_dir / "broker.pid").write_text(str(self.process.pid))
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float) -> None:
        """Wait until the broker answers a metadata request (not just until the port opens)."""
        from kafka import KafkaAdminClient  # kafka-python: the tools' client

        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise BrokerError(f"broker exited with {self.process.returncode}; see {self.log_file}")
            if not _port_open(self.port):
                time.sleep(0.2)  # cheaper than letting the client back off exponentially
                continue
            try:
                admin = KafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=3000,
                                         client_id="borderlines-localbroker")
                try:
                    admin.describe_cluster()
                    return
                finally:
                    admin.close()
            except Exception as exc:  # not up yet: keep polling until the deadline
                last_error = exc
                time.sleep(0.5)
        raise BrokerError(f"broker not ready after {timeout:.0f}s ({last_error}); see {self.log_file}")

    def stop(self, timeout: float = 30.0) -> None:
        """Stop cleanly (SIGTERM: controlled shutdown); kill only if it hangs."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def kill(self) -> None:
        """Hard-kill the broker (for failure tests)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def __enter__(self) -> LocalBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _check_port_free(self) -> None:
        for port in (self.port, self.controller_port):
            if _port_open(port):
                raise BrokerError(f"port {port} on 127.0.0.1 is in use (another broker running?)")

    def _write_config(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        props = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs": str(self.data_dir / "kraft-logs"),
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "8",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            # Topics are the contract: they are created on purpose, never by a typo.
            "auto.create.topics.enable": "false",
        }
        path = self.data_dir / "server.properties"
        path.write_text("".join(f"{k}={v}\n" for k, v in props.items()))
        return path

    def _java(self, libs: Path, main: str, *args: str, wait: bool) -> subprocess.Popen[bytes]:
        java = shutil.which("java")
        if java is None:
            raise BrokerError("Java 17+ is needed to run the local Kafka broker")
        cmd = [java, JVM_HEAP, "-XX:+UseG1GC", f"-Dkafka.logs.dir={self.data_dir}",
               f"-Dlog4j2.configurationFile={HERE / 'log4j2.properties'}",
               "-cp", f"{libs}/*", main, *args]
        env = {**os.environ, "KAFKA_HEAP_OPTS": JVM_HEAP}
        if wait:
            done = subprocess.run(cmd, capture_output=True, env=env, check=False)
            if done.returncode != 0:
                raise BrokerError(f"{main} failed: {done.stderr.decode(errors='replace')[-2000:]}")
            return subprocess.Popen(["true"])
        # Own process group: Ctrl-C in the terminal reaches us, and we stop the broker in order.
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
