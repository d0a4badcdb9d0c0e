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
# The three brokers' first port and data directory, kept from start until wipe; one pid file and log per node.
cluster_memory="$here/target/local-kafka-cluster.conf"
node_pid() { echo "$here/target/local-kafka-node-$1.pid"; }
node_log() { echo "$here/target/local-kafka-node-$1.log"; }
# One cluster id for the three brokers' storage, as docker-compose.cluster.yml has its CLUSTER_ID.
cluster_id="MkU3OEVBNTcwNTJENDM2Qg"

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

# ---- the single broker ------------------------------------------------------------------------------------

# The pid file holds "PID PORT DATA_DIR": where the broker was started, whatever KAFKA_PORT says now.
running_pid() {
  local pid _
  [[ -s "$pid_file" ]] || return 1
  read -r pid _ <"$pid_file"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

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
  for _ in $(seq 1 120); do
    if grep -q "ready on" "$log_file"; then
      grep "ready on" "$log_file"
      return 0
    fi
    if ! running_pid >/dev/null; then
      echo "local-broker: it did not start: $(tail -n 1 "$log_file")" >&2
      rm -f "$pid_file"
      exit 1
    fi
    sleep 0.5
  done
  echo "local-broker: not ready after 60 s; see $log_file" >&2
  exit 1
}

stop_single() {
  local pid stopped_dir
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    return 1
  fi
  stopped_dir="$(running_data_dir)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      echo "The local broker stopped (data kept in $stopped_dir)."
      return 0
    fi
    sleep 0.5
  done
  echo "local-broker: still running after 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

# ---- three brokers ----------------------------------------------------------------------------------------

# Node 0 is the controller, nodes 1-3 the brokers: broker N listens on first port + N - 1, the controller on
# first port + 3. The controller is a process of its own, so killing brokers never takes the metadata quorum.
cluster_port() { local p _; read -r p _ <"$cluster_memory"; echo "$p"; }
cluster_dir() { local _ d; read -r _ d <"$cluster_memory"; echo "$d"; }
node_port() { if [[ "$1" == 0 ]]; then echo $(($(cluster_port) + 3)); else echo $(($(cluster_port) + $1 - 1)); fi; }
node_name() { if [[ "$1" == 0 ]]; then echo "Controller (node 0)"; else echo "Broker $1"; fi; }

node_running_pid() {
  local pid
  [[ -s "$(node_pid "$1")" ]] || return 1
  read -r pid <"$(node_pid "$1")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

any_node_running() {
  local id
  for id in 0 1 2 3; do
    node_running_pid "$id" >/dev/null && return 0
  done
  return 1
}

launch_node() {
  local id="$1" role=broker dir heap=-Xmx256m
  dir="$(cluster_dir)"
  if [[ "$id" == 0 ]]; then role=controller; heap=-Xmx192m; fi
  # One log per node across restarts: a learner reads what happened to it (a kill, a restart, ISR changes).
  echo "--- $(date '+%F %T') starting $(node_name "$id")" >>"$(node_log "$id")"
  nohup java "$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath" \
    dev.kafkatutorial.useractivity.lab.KafkaNode "$role" "$id" "$(node_port "$id")" "$(node_port 0)" \
    "$dir/$([[ "$id" == 0 ]] && echo controller || echo "broker-$id")" "$cluster_id" \
    </dev/null >>"$(node_log "$id")" 2>&1 &
  echo "$!" >"$(node_pid "$id")"
}

await_node() {
  local id="$1" log from
  log="$(node_log "$id")"
  from="$(grep -n -- "^--- " "$log" | tail -n 1 | cut -d: -f1)"
  for _ in $(seq 1 240); do
    if tail -n "+$from" "$log" | grep -q "ready on"; then
      echo "$(node_name "$id") ready on localhost:$(node_port "$id")."
      return 0
    fi
    if ! node_running_pid "$id" >/dev/null; then
      echo "local-broker: $(node_name "$id") did not start: $(tail -n 1 "$log")" >&2
      rm -f "$(node_pid "$id")"
      return 1
    fi
    sleep 0.5
  done
  echo "local-broker: $(node_name "$id") not ready after 120 s; see $log" >&2
  return 1
}

# Starts the controller if it is not running, then the brokers given that are not, all at once, and waits for
# each. `start` builds first; start-broker runs what the cluster was started with.
start_nodes() {
  local id started=() failed=0
  if [[ "$1" == build || ! -f "$here/target/classes/dev/kafkatutorial/useractivity/lab/KafkaNode.class" ]]; then
    build
  fi
  shift
  classpath="$here/target/classes:$("$here/kafka.sh" --classpath)"
  if ! node_running_pid 0 >/dev/null; then
    launch_node 0
    await_node 0 || return 1
  fi
  for id in "$@"; do
    if node_running_pid "$id" >/dev/null; then continue; fi
    launch_node "$id"
    started+=("$id")
  done
  for id in "${started[@]}"; do
    await_node "$id" || failed=1
  done
  return "$failed"
}

start_cluster() {
  local data_dir running_on running_in
  data_dir="$(absolute "${KAFKA_DATA_DIR:-$here/target/local-kafka-cluster}")"
  if pid="$(running_pid)"; then
    echo "local-broker: the single local broker is running (pid $pid) on localhost:$(running_port); stop it first" \
      "(./local-broker.sh stop)" >&2
    exit 1
  fi
  if any_node_running; then
    running_on="$(cluster_port)"
    running_in="$(cluster_dir)"
    if [[ -n "${KAFKA_PORT:-}" && "$KAFKA_PORT" != "$running_on" ]] \
        || [[ -n "${KAFKA_DATA_DIR:-}" && "$data_dir" != "$running_in" ]]; then
      echo "local-broker: the three local brokers are already running from localhost:$running_on with their data in" \
        "$running_in; stop them first (./local-broker.sh stop)" >&2
      exit 1
    fi
  else
    if [[ -f "$data_dir/meta.properties" ]]; then
      echo "local-broker: $data_dir holds the single broker's data; use another KAFKA_DATA_DIR, or wipe it" >&2
      exit 1
    fi
    mkdir -p "$here/target"
    echo "$port $data_dir" >"$cluster_memory"
  fi
  start_nodes build 1 2 3 || exit 1
  echo "Three brokers on localhost:$(node_port 1),localhost:$(node_port 2),localhost:$(node_port 3)" \
    "(data: $(cluster_dir))."
}

cluster_status() {
  local id pid any=3
  for id in 1 2 3 0; do
    if pid="$(node_running_pid "$id")"; then
      echo "$(node_name "$id") on localhost:$(node_port "$id"): running (pid $pid)"
      any=0
    else
      echo "$(node_name "$id") on localhost:$(node_port "$id"): down"
    fi
  done
  return "$any"
}

# kill-broker, stop-broker, start-broker: N must name a broker of a cluster this script started.
broker_arg() {
  [[ "${1:-}" =~ ^[123]$ ]] || { echo "local-broker: name the broker: 1, 2 or 3 (the node ids Kafka's tools print)" >&2; exit 2; }
  if [[ ! -s "$cluster_memory" ]]; then
    echo "local-broker: no three brokers were started here; start them with ./local-broker.sh start --brokers 3" >&2
    exit 1
  fi
}

kill_broker() {
  local pid
  if ! pid="$(node_running_pid "$1")"; then
    echo "local-broker: broker $1 is not running" >&2
    exit 1
  fi
  kill -KILL "$pid"
  rm -f "$(node_pid "$1")"
  echo "Broker $1 killed (kill -9, pid $pid): no clean shutdown. In about 4 s the controller misses its heartbeats," \
    "takes it out of every ISR and moves its leaderships."
}

# SIGTERM: a broker's clean shutdown moves its leaderships to in-sync replicas before it stops.
stop_node() {
  local id="$1" pid
  pid="$(node_running_pid "$id")" || return 0
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(node_pid "$id")"
      return 0
    fi
    sleep 0.5
  done
  echo "local-broker: $(node_name "$id") still running after 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$(node_pid "$id")"
}

stop_cluster() {
  local id
  any_node_running || return 1
  for id in 1 2 3; do stop_node "$id" & done
  wait
  stop_node 0
  echo "The three local brokers stopped (data kept in $(cluster_dir))."
}

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
