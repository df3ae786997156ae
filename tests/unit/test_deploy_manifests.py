"""The Kubernetes manifests parse and agree with the worker (probes, settings, topics, scaling)."""

from __future__ import annotations

from pathlib import Path

import yaml

from workers.settings import PREFIX, Settings

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def _docs() -> dict[str, dict]:
    docs = {}
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(path.read_text()):
            docs[f"{doc['kind']}/{doc['metadata'].get('name', path.stem)}"] = doc
    return docs


def test_kustomization_lists_every_manifest() -> None:
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


def test_worker_probes_hit_health_and_alive_on_the_web_port() -> None:
    docs = _docs()
    container = docs["Deployment/borderlines-worker"]["spec"]["template"]["spec"]["containers"][0]
    config = docs["ConfigMap/borderlines-config"]["data"]
    port = next(p for p in container["ports"] if p["name"] == "web")["containerPort"]
    assert port == int(config["BORDERLINES_WEB_PORT"])
    assert container["readinessProbe"]["httpGet"] == {"path": "/health", "port": "web"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/alive", "port": "web"}


def test_configmap_only_sets_known_settings() -> None:
    known = {PREFIX + name.upper() for name in Settings.__dataclass_fields__}
    config = _docs()["ConfigMap/borderlines-config"]["data"]
    secret = _docs()["Secret/borderlines-kafka"]["stringData"]
    assert set(config) <= known
    assert set(secret) <= known
    Settings.from_env(config)  # the values are valid settings


def test_keda_scales_on_raw_topic_lag_within_partition_count() -> None:
    docs = _docs()
    scaled = docs["ScaledObject/borderlines-worker"]["spec"]
    trigger = scaled["triggers"][0]["metadata"]
    config = docs["ConfigMap/borderlines-config"]["data"]
    assert trigger["topic"] == Settings().topic_raw
    assert trigger["consumerGroup"] == config["BORDERLINES_APP_ID"]
    assert scaled["maxReplicaCount"] <= int(config["BORDERLINES_TOPIC_PARTITIONS"])
