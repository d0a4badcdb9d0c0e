#!/usr/bin/env bash
# The local broker in the background, for machines without Docker: Kafka's own KRaft server in a JVM on
# localhost:9092, as `docker-compose up -d` gives the tutorial's readers.
#
#   ./local-broker.sh start     start it (like docker-compose up -d); data in target/local-kafka
#   ./local-broker.sh status    is it running? (like docker-compose ps)
#   ./local-broker.sh logs      its log (like docker-compose logs kafka)
#   ./local-broker.sh stop      stop it, keeping its data (like docker-compose down)
#   ./local-broker.sh wipe      delete its data; it must be stopped (like the -v in docker-compose down -v)
#
# Three brokers, each a process of its own, as docker-compose.cluster.yml gives them (docs/durability.md):
#
#   ./local-broker.sh start --brokers 3   brokers 1, 2, 3 on localhost:9092, 9093, 9094 and their controller
#                                         (node 0) on 9095; data in target/local-kafka-cluster
#   ./local-broker.sh kill-broker N       kill broker N hard (kill -9), as a crash or a pulled plug
#   ./local-broker.sh stop-broker N       stop broker N cleanly: it hands its leaderships over first
#   ./local-broker.sh start-broker N      start broker N again on its port and data
#   ./local-broker.sh logs N              broker N's log (0: the controller's)
#   ./local-broker.sh wipe --brokers 3    delete their data (status and stop work on the three as on one)
#
# KAFKA_PORT picks another port than 9092 (the first broker's; the others take the next ones), KAFKA_DATA_DIR
# another data directory. The script remembers both from `start` until `wipe`, so stop, wipe and the broker
# commands act on what was started, whatever the variables say now. `mvn -q test-compile exec:java@broker`
# runs the single broker in the foreground instead, until Ctrl+C.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
port="${KAFKA_PORT:-9092}"
pid_file="$here/target/local-kafka.pid"
log_file="$here/target/local-kafka.log"
# The single broker's data directory of its last start, kept after stop: what wipe deletes.
data_memory="$here/target/local-kafka.data"

usage() {
  echo "usage: ./local-broker.sh start [--brokers 1|3]|status|logs [N]|stop|wipe [--brokers 1|3]|kill-broker N|stop-broker N|start-broker N" >&2
  exit 2
}

build() {
  if ! (cd "$here" && mvn -q -B test-compile </dev/null >"$here/target/local-kafka.build.log" 2>&1); then
    echo "local-broker: the build failed; see target/local-kafka.build.log" >&2
    exit 1
  fi
}

# The pid in a pid file (its first word), if that process is alive.
alive_pid() {
  local pid _
  [[ -s "$1" ]] || return 1
  read -r pid _ <"$1"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# SIGTERM, and the clean shutdown it starts (a broker hands its leaderships over first), for at most 30 s.
terminate() {
  local pid="$1" name="$2"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "local-broker: $name still running after 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

# Waits until LOG says "ready on" after its line FROM; fails if the pid in PID_FILE dies first.
await_ready() {
  local log="$1" from="$2" pid_file_of="$3" name="$4"
  for _ in $(seq 1 240); do
    if tail -n "+$from" "$log" | grep "ready on"; then
      return 0
    fi
    if ! alive_pid "$pid_file_of" >/dev/null; then
      echo "local-broker: $name did not start: $(tail -n 1 "$log")" >&2
      rm -f "$pid_file_of"
      return 1
    fi
    sleep 0.5
  done
  echo "local-broker: $name not ready after 120 s; see $log" >&2
  return 1
}

# ---- the single broker ------------------------------------------------------------------------------------

# The pid file holds "PID PORT DATA_DIR": where the broker was started, whatever KAFKA_PORT says now.
running_pid() { alive_pid "$pid_file"; }

running_port() {
  local _ recorded
  read -r _ recorded _ <"$pid_file"
  echo "${recorded:-$port}" # a pid file of an older version of this script has no port
}

running_data_dir() {
  local _ recorded
  read -r _ _ recorded <"$pid_file"
  echo "${recorded:-$here/target/local-kafka}"
}

start() {
  local pid running_on running_in data_dir
  data_dir="$(absolute "${KAFKA_DATA_DIR:-$here/target/local-kafka}")"
  if any_node_running; then
    echo "local-broker: the three local brokers are running (./local-broker.sh status); stop them first" \
      "(./local-broker.sh stop)" >&2
    exit 1
  fi
  if pid="$(running_pid)"; then
    running_on="$(running_port)"
    running_in="$(running_data_dir)"
    if [[ -n "${KAFKA_PORT:-}" && "$KAFKA_PORT" != "$running_on" ]]; then
      echo "local-broker: the local broker is already running (pid $pid) on localhost:$running_on, not on" \
        "$KAFKA_PORT; stop it first (./local-broker.sh stop)" >&2
      exit 1
    fi
    if [[ -n "${KAFKA_DATA_DIR:-}" && "$data_dir" != "$running_in" ]]; then
      echo "local-broker: the local broker is already running (pid $pid) with its data in $running_in, not in" \
        "$data_dir; stop it first (./local-broker.sh stop)" >&2
      exit 1
    fi
    echo "The local broker is already running (pid $pid) on localhost:$running_on. Its data: $running_in"
    return 0
  fi
  if [[ -d "$data_dir/controller" ]]; then
    echo "local-broker: $data_dir holds the three brokers' data; use another KAFKA_DATA_DIR, or wipe it" >&2
    exit 1
  fi
  build
  local classpath
  classpath="$here/target/test-classes:$here/target/classes:$("$here/kafka.sh" --classpath)"
  nohup java -Xmx1g -cp "$classpath" dev.kafkatutorial.useractivity.broker.LocalKafkaBroker \
    --port "$port" --data-dir "$data_dir" </dev/null >"$log_file" 2>&1 &
  echo "$! $port $data_dir" >"$pid_file"
  echo "$data_dir" >"$data_memory"
  await_ready "$log_file" 1 "$pid_file" "it" || exit 1
}

stop_single() {
  local pid stopped_dir
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    return 1
  fi
  stopped_dir="$(running_data_dir)"
  terminate "$pid" "the local broker"
  rm -f "$pid_file"
  echo "The local broker stopped (data kept in $stopped_dir)."
}

# The three brokers: start_cluster, cluster_status, kill_broker, stop_node, stop_cluster and their helpers.
# shellcheck source=bin/local-broker-cluster.sh
. "$here/bin/local-broker-cluster.sh"

# wipe deletes the single broker's data, wipe --brokers 3 the three brokers': the directory each last started
# with (or KAFKA_DATA_DIR, if set), as `docker-compose down -v` deletes the volumes of its own compose file.
wipe() {
  local dir memory name
  if pid="$(running_pid)" || any_node_running; then
    echo "local-broker: stop it first (./local-broker.sh stop); it is running" >&2
    exit 1
  fi
  if [[ "${1:-}" == cluster ]]; then
    memory="$cluster_memory" name="The three local brokers'"
    dir="$( [[ -s "$cluster_memory" ]] && cluster_dir || echo "$here/target/local-kafka-cluster")"
  else
    memory="$data_memory" name="The local broker's"
    dir="$(cat "$data_memory" 2>/dev/null || echo "$here/target/local-kafka")"
  fi
  if [[ -n "${KAFKA_DATA_DIR:-}" ]]; then
    dir="$(absolute "$KAFKA_DATA_DIR")"
  fi
  if [[ -z "$dir" || "$dir" == "/" ]]; then
    echo "local-broker: will not delete '$dir'" >&2
    exit 1
  fi
  if [[ ! -e "$dir" ]]; then
    echo "$name data in $dir is deleted already (nothing there)."
  else
    rm -rf "$dir"
    echo "$name data in $dir is deleted."
  fi
  # Forget the directory once it is gone, not before: a wipe of another KAFKA_DATA_DIR keeps the memory.
  if [[ -s "$memory" && ! -e "$( [[ "$memory" == "$cluster_memory" ]] && cluster_dir || cat "$memory")" ]]; then
    rm -f "$memory"
    [[ "$memory" == "$cluster_memory" ]] && rm -f "$here"/target/local-kafka-node-*.log
  fi
  return 0
}

case "${1:-}" in
  start)
    case "${2:-} ${3:-}" in
      " " | "--brokers 1") start ;;
      "--brokers 3") start_cluster ;;
      *) echo "local-broker: start takes --brokers 1 or --brokers 3" >&2; exit 2 ;;
    esac
    ;;
  stop)
    stopped=1
    stop_single && stopped=0
    stop_cluster && stopped=0
    if [[ "$stopped" == 1 ]]; then echo "The local broker is not running."; fi
    ;;
  status)
    if pid="$(running_pid)"; then
      echo "The local broker is running (pid $pid) on localhost:$(running_port). Its data: $(running_data_dir)"
    elif [[ -s "$cluster_memory" ]] && any_node_running; then
      cluster_status
    else
      echo "The local broker is not running."
      exit 3
    fi
    ;;
  logs)
    if [[ -n "${2:-}" ]]; then
      [[ "$2" =~ ^[0123]$ && -f "$(node_log "$2")" ]] || { echo "local-broker: no log of node '$2' (0-3)" >&2; exit 2; }
      cat "$(node_log "$2")"
    elif [[ -s "$cluster_memory" ]] && any_node_running; then
      for id in 1 2 3 0; do echo "=== $(node_name "$id")"; cat "$(node_log "$id")" 2>/dev/null || true; done
    else
      cat "$log_file"
    fi
    ;;
  wipe)
    case "${2:-} ${3:-}" in
      " " | "--brokers 1") wipe ;;
      "--brokers 3") wipe cluster ;;
      *) echo "local-broker: wipe takes --brokers 1 or --brokers 3" >&2; exit 2 ;;
    esac
    ;;
  kill-broker) broker_arg "${2:-}"; kill_broker "$2" ;;
  stop-broker)
    broker_arg "${2:-}"
    if ! node_running_pid "$2" >/dev/null; then echo "Broker $2 is not running."; exit 0; fi
    stop_node "$2"
    echo "Broker $2 stopped cleanly (its leaderships moved first; data kept in $(cluster_dir)/broker-$2)."
    ;;
  start-broker)
    broker_arg "${2:-}"
    if pid="$(node_running_pid "$2")"; then
      echo "Broker $2 is already running (pid $pid) on localhost:$(node_port "$2")."
      exit 0
    fi
    start_nodes no-build "$2" || exit 1
    ;;
  *) usage ;;
esac
