#!/usr/bin/env bash
# Stops what install-docker.sh started: every container of that dockerd, then
# dockerd itself (SIGTERM, then SIGKILL after a bounded wait) and any child it
# leaves behind (containerd). A daemon that install-docker.sh did not start
# (no pid file) is left alone. Meant for a trap, so it never fails:
#   trap '.ci/docker/stop-docker.sh' EXIT
#
# Env: DOCKER_STATE_DIR (default /tmp/ci-docker), DOCKER_STOP_TIMEOUT (default 30)
set -euo pipefail

STATE_DIR="${DOCKER_STATE_DIR:-/tmp/ci-docker}"
TIMEOUT="${DOCKER_STOP_TIMEOUT:-30}"
PID_FILE="$STATE_DIR/dockerd.pid"

log() { echo "[stop-docker] $*" >&2; }

if [[ ! -s $PID_FILE ]]; then
  log "no $PID_FILE: dockerd was not started by install-docker.sh; nothing to stop"
  exit 0
fi
pid="$(cat "$PID_FILE")"
if ! [[ $pid =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null; then
  log "dockerd (pid $pid) is not running"
  rm -f "$PID_FILE"
  exit 0
fi

# 1. Containers: all of them belong to this CI-private daemon.
if timeout 10 docker info >/dev/null 2>&1; then
  mapfile -t ids < <(timeout 10 docker ps -aq 2>/dev/null || true)
  if ((${#ids[@]} > 0)); then
    log "stopping ${#ids[@]} container(s)"
    timeout 60 docker stop -t 5 "${ids[@]}" >/dev/null 2>&1 || true
    timeout 30 docker rm -f -v "${ids[@]}" >/dev/null 2>&1 || true
  fi
fi

# 2. The daemon (and whatever it spawned, e.g. containerd, if it must be killed).
mapfile -t children < <(pgrep -P "$pid" 2>/dev/null || true)
log "stopping dockerd (pid $pid)"
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + TIMEOUT))
while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  log "dockerd did not exit within ${TIMEOUT}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
fi
for child in "${children[@]}"; do
  if kill -0 "$child" 2>/dev/null; then
    log "killing leftover child process $child ($(cat "/proc/$child/comm" 2>/dev/null || echo '?'))"
    kill -TERM "$child" 2>/dev/null || true
    sleep 2
    kill -KILL "$child" 2>/dev/null || true
  fi
done
rm -f "$PID_FILE"
log "done"
