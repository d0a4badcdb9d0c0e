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
# KAFKA_PORT picks another port than 9092, KAFKA_DATA_DIR another data directory. `mvn -q test-compile exec:java@broker` runs the same broker in the
# foreground instead, until Ctrl+C.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
data_dir="${KAFKA_DATA_DIR:-$here/target/local-kafka}"
pid_file="$here/target/local-kafka.pid"
log_file="$here/target/local-kafka.log"

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
  echo "${recorded:-$data_dir}"
}

start() {
  local pid running_on
  if pid="$(running_pid)"; then
    running_on="$(running_port)"
    if [[ -n "${KAFKA_PORT:-}" && "$KAFKA_PORT" != "$running_on" ]]; then
      echo "local-broker: the local broker is already running (pid $pid) on localhost:$running_on, not on" \
        "$KAFKA_PORT; stop it first (./local-broker.sh stop)" >&2
      exit 1
    fi
    echo "The local broker is already running (pid $pid) on localhost:$running_on."
    return 0
  fi
  if ! (cd "$here" && mvn -q -B test-compile </dev/null >"$here/target/local-kafka.build.log" 2>&1); then
    echo "local-broker: the build failed; see target/local-kafka.build.log" >&2
    exit 1
  fi
  local classpath
  classpath="$here/target/test-classes:$here/target/classes:$("$here/kafka.sh" --classpath)"
  nohup java -Xmx1g -cp "$classpath" dev.kafkatutorial.useractivity.broker.LocalKafkaBroker \
    --port "$port" --data-dir "$data_dir" </dev/null >"$log_file" 2>&1 &
  echo "$! $port $data_dir" >"$pid_file"
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

stop() {
  local pid stopped_dir
  if ! pid="$(running_pid)"; then
    echo "The local broker is not running."
    rm -f "$pid_file"
    return 0
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

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid="$(running_pid)"; then
      echo "The local broker is running (pid $pid) on localhost:$(running_port)."
    else
      echo "The local broker is not running."
      exit 3
    fi
    ;;
  logs) cat "$log_file" ;;
  wipe)
    if pid="$(running_pid)"; then
      echo "local-broker: stop it first (./local-broker.sh stop); it is running (pid $pid)" >&2
      exit 1
    fi
    rm -rf "$data_dir"
    echo "The local broker's data is deleted."
    ;;
  *)
    echo "usage: ./local-broker.sh start|status|logs|stop|wipe" >&2
    exit 2
    ;;
esac
