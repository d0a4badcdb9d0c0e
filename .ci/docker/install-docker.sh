#!/usr/bin/env bash
# Install a Docker engine (docker.io), docker-compose v1 and debootstrap from
# Debian's apt mirror, start dockerd in the background and wait until it answers.
# Idempotent: packages already installed are not re-installed and a daemon
# that already answers is left alone.
#
# Env:
#   DOCKER_STATE_DIR       where the pid file and daemon log go (default /tmp/ci-docker)
#   DOCKER_BIP             bridge IP for docker0 (default 172.17.0.1/16; must be set, see REPORT.md)
#   DOCKER_START_TIMEOUT   seconds to wait for `docker info` (default 60)
set -euo pipefail

STATE_DIR="${DOCKER_STATE_DIR:-/tmp/ci-docker}"
BIP="${DOCKER_BIP:-172.17.0.1/16}"
TIMEOUT="${DOCKER_START_TIMEOUT:-60}"
PID_FILE="$STATE_DIR/dockerd.pid"
LOG_FILE="$STATE_DIR/dockerd.log"

log() { echo "[install-docker] $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (apt-get and dockerd need it)"
  exit 1
fi

# --- packages ---------------------------------------------------------------
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if ((${#missing[@]} > 0)); then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "packages already installed"
fi

# --- daemon -----------------------------------------------------------------
if docker info >/dev/null 2>&1; then
  log "dockerd already answers; leaving it alone"
  exit 0
fi

mkdir -p "$STATE_DIR"
if [[ -s $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  log "dockerd (pid $(cat "$PID_FILE")) is running but not answering yet; waiting for it"
else
  log "starting dockerd --bip $BIP (log: $LOG_FILE)"
  # setsid: own session, so a Ctrl-C or job-control signal aimed at the
  # caller's process group does not hit the daemon; stop-docker.sh stops it by pid.
  setsid dockerd --bip "$BIP" >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
fi

pid="$(cat "$PID_FILE")"
deadline=$((SECONDS + TIMEOUT))
until docker info >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    log "ERROR: dockerd (pid $pid) exited during start-up; last lines of $LOG_FILE:"
    tail -n 30 "$LOG_FILE" >&2 || true
    rm -f "$PID_FILE"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    log "ERROR: dockerd (pid $pid) did not answer 'docker info' within ${TIMEOUT}s; last lines of $LOG_FILE:"
    tail -n 30 "$LOG_FILE" >&2 || true
    exit 1
  fi
  sleep 0.5
done
log "dockerd is up (pid $pid, server $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'), storage driver $(docker info --format '{{.Driver}}' 2>/dev/null || echo '?'))"
