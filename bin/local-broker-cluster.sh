#!/usr/bin/env bash
# The three brokers of `./local-broker.sh start --brokers 3` (docs/durability.md), sourced by local-broker.sh:
# a controller (node 0) and brokers 1, 2 and 3, each an OS process running lab/KafkaNode, so that kill-broker is
# a real kill -9. Broker N listens on the first port + N - 1, the controller on the first port + 3. The
# controller is a process of its own: killing brokers never takes the metadata quorum with them.

# The three brokers' first port and data directory, kept from start until wipe; one pid file and log per node.
cluster_memory="$here/target/local-kafka-cluster.conf"
node_pid() { echo "$here/target/local-kafka-node-$1.pid"; }
node_log() { echo "$here/target/local-kafka-node-$1.log"; }
# One cluster id for the three brokers' storage, as docker-compose.cluster.yml has its CLUSTER_ID.
cluster_id="MkU3OEVBNTcwNTJENDM2Qg"

cluster_port() { local p _; read -r p _ <"$cluster_memory"; echo "$p"; }
cluster_dir() { local _ d; read -r _ d <"$cluster_memory"; echo "$d"; }
node_port() { if [[ "$1" == 0 ]]; then echo $(($(cluster_port) + 3)); else echo $(($(cluster_port) + $1 - 1)); fi; }
node_name() { if [[ "$1" == 0 ]]; then echo "Controller (node 0)"; else echo "Broker $1"; fi; }

node_running_pid() { alive_pid "$(node_pid "$1")"; }

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

# From this start's line on: the log keeps the node's earlier runs.
await_node() {
  local from
  from="$(grep -n -- "^--- " "$(node_log "$1")" | tail -n 1 | cut -d: -f1)"
  await_ready "$(node_log "$1")" "$from" "$(node_pid "$1")" "$(node_name "$1")" >/dev/null || return 1
  echo "$(node_name "$1") ready on localhost:$(node_port "$1")."
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

stop_node() {
  local pid
  pid="$(node_running_pid "$1")" || return 0
  terminate "$pid" "$(node_name "$1")"
  rm -f "$(node_pid "$1")"
}

stop_cluster() {
  local id
  any_node_running || return 1
  for id in 1 2 3; do stop_node "$id" & done
  wait
  stop_node 0
  echo "The three local brokers stopped (data kept in $(cluster_dir))."
}
