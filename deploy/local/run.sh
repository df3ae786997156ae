#!/usr/bin/env bash
# make run: local broker -> topics -> worker -> replay the sample feed -> print events.
# Ctrl-C (or SIGTERM) stops the tail, then the worker, then the broker, in that order.
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=.venv/bin/borderlines
FEED=${FEED:-samples/feed.jsonl}
PORT=${BORDERLINES_LOCAL_KAFKA_PORT:-9092}
CONTROLLER_PORT=${BORDERLINES_LOCAL_CONTROLLER_PORT:-9093}
STATE=.local
export BORDERLINES_KAFKA_BOOTSTRAP="127.0.0.1:${PORT}"
export BORDERLINES_DATA_DIR="${STATE}/worker"

# A fresh broker log per run keeps the printed events those of this run's replay.
rm -rf "${STATE}/kafka" "${STATE}/worker"
mkdir -p "${STATE}"

broker_pid=""
worker_pid=""
stop_all() {
  trap - EXIT INT TERM
  if [[ -n "${worker_pid}" ]] && kill -0 "${worker_pid}" 2>/dev/null; then
    echo "stopping worker" >&2
    kill -TERM "${worker_pid}" 2>/dev/null || true
    wait "${worker_pid}" 2>/dev/null || true
  fi
  if [[ -n "${broker_pid}" ]] && kill -0 "${broker_pid}" 2>/dev/null; then
    kill -TERM "${broker_pid}" 2>/dev/null || true
    wait "${broker_pid}" 2>/dev/null || true
  fi
}
trap stop_all EXIT INT TERM

"${BIN}" broker run --data-dir "${STATE}/kafka" --port "${PORT}" --controller-port "${CONTROLLER_PORT}" \
  --ready-file "${STATE}/kafka.ready" &
broker_pid=$!
for _ in $(seq 1 240); do
  [[ -f "${STATE}/kafka.ready" ]] && break
  kill -0 "${broker_pid}" 2>/dev/null || { echo "broker failed to start; see ${STATE}/kafka/server.log" >&2; exit 1; }
  sleep 0.5
done
[[ -f "${STATE}/kafka.ready" ]] || { echo "broker not ready after 120s" >&2; exit 1; }

"${BIN}" topics create
"${BIN}" worker >"${STATE}/worker.log" 2>&1 &
worker_pid=$!
echo "worker started (pid ${worker_pid}, log ${STATE}/worker.log)" >&2
"${BIN}" replay "${FEED}"
echo "migration-policy events (Ctrl-C to stop):" >&2
# Foreground: Ctrl-C reaches the tail, then the EXIT/INT trap stops worker and broker.
"${BIN}" tail migration.policy-events.v1 || true
