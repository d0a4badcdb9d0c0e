#!/usr/bin/env bash
# Benchmarks the two programs against Kafka's own tools and the tutorial's Python client, on one local broker.
# A benchmark, not a test: it prints figures and a verdict per goal, and exits 0 whatever they are.
#
#   bench/run.sh                      # 3 rounds, 1,000,000 events per throughput run (about 10 minutes)
#   ROUNDS=1 MESSAGES=100000 bench/run.sh     # a quick look
#
# Each pair runs alternately (A B A B ...), ROUNDS times, and the table shows the medians: other work on the
# machine makes single figures noisy. Every run is timed the same way, whole process and wall clock, with
# /usr/bin/time (which also gives the peak RSS).
#
# Settings (environment):
#   ROUNDS=3            rounds of each pair
#   MESSAGES=1000000    events per producer/consumer throughput run
#   PY_MESSAGES         events per Python producer run (default: MESSAGES)
#   E2E_MESSAGES=10000  events per end-to-end latency run (1,000 events/s)
#   E2E_WARMUP=3000     of those, how many the "steady" latency figures leave out (JIT warm-up)
#   RECORD_SIZE=69      bytes per record for kafka-producer-perf-test: our events' mean JSON size
#   SKIP_PYTHON=1       leave out the Python producer (needs Debian's python3-kafka in /usr/bin/python3)
#   OUT_DIR             where the raw figures and logs go (default: target/bench)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

rounds="${ROUNDS:-3}"
messages="${MESSAGES:-1000000}"
py_messages="${PY_MESSAGES:-$messages}"
e2e_messages="${E2E_MESSAGES:-10000}"
e2e_warmup="${E2E_WARMUP:-3000}"
record_size="${RECORD_SIZE:-69}"
python=/usr/bin/python3 # Debian's, with python3-kafka; not a pyenv or venv python first on PATH
out_dir="${OUT_DIR:-$here/target/bench}"
results="$out_dir/results.tsv"
jar="$here/target/user-activity-kafka.jar"
launcher="$here/bin/user-activity-kafka"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  echo "bench: /usr/bin/time is missing (apt-get install -y time)" >&2
  exit 1
fi
run_python=1
if [[ -n "${SKIP_PYTHON:-}" ]]; then
  run_python=0
elif ! "$python" -c 'import kafka' 2>/dev/null; then
  log "no kafka-python for $python (apt-get install -y python3-kafka): leaving the Python producer out"
  run_python=0
fi

# ---- build ---------------------------------------------------------------------------------------------------
log "building (mvn -q package -DskipTests)"
mvn -q -B package -DskipTests </dev/null
classpath="$here/target/test-classes:$here/target/classes:$("$here/kafka.sh" --classpath)"
mkdir -p "$out_dir"
rm -f "$out_dir"/*.out "$out_dir"/*.err "$out_dir"/table.md
: >"$results"

# ---- one broker, stopped on exit ---------------------------------------------------------------------------
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/user-activity-bench.XXXXXX")"
broker_pid=""
cleanup() {
  if [[ -n "$broker_pid" ]] && kill -0 "$broker_pid" 2>/dev/null; then
    kill -TERM "$broker_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$broker_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$broker_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Kafka's broker in a JVM (port: any free one)"
java -Xmx1g -cp "$classpath" dev.kafkatutorial.useractivity.broker.LocalKafkaBroker \
  --port 0 --data-dir "$data_dir/kafka" </dev/null >"$out_dir/broker.log" 2>&1 &
broker_pid=$!
bootstrap=""
for _ in $(seq 1 120); do
  if bootstrap="$(grep -o 'ready on localhost:[0-9]*' "$out_dir/broker.log" | sed 's/ready on //')" \
      && [[ -n "$bootstrap" ]]; then
    break
  fi
  kill -0 "$broker_pid" 2>/dev/null || { echo "bench: the broker did not start; see $out_dir/broker.log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$bootstrap" ]] || { echo "bench: the broker is not ready after 60 s" >&2; exit 1; }
log "broker ready on $bootstrap"

topic() { "$here/kafka.sh" kafka-topics --bootstrap-server "$bootstrap" --create --if-not-exists \
  --topic "$1" --partitions 1 --replication-factor 1 >/dev/null; }

# ---- measuring ----------------------------------------------------------------------------------------------
# measure NAME COMMAND...: runs it under /usr/bin/time; appends "NAME wall_s rss_kb" to the results. Its
# stdout goes to $out_dir/NAME.out (the consumers' rendered events), its stderr to $out_dir/NAME.err.
measure() {
  local name="$1" timing="$out_dir/time.tmp" code=0
  shift
  /usr/bin/time -f '%e %M' -o "$timing" "$@" >"$out_dir/$name.out" 2>"$out_dir/$name.err" || code=$?
  if ((code != 0)); then
    log "$name failed (exit code $code); see $out_dir/$name.err"
    tail -n 3 "$out_dir/$name.err" >&2
    return 0
  fi
  read -r wall rss <"$timing"
  printf '%s\t%s\t%s\n' "$name" "$wall" "$rss" >>"$results"
  log "$name: $wall s, $((rss / 1024)) MiB"
}

ours=(java -jar "$jar")
# The same jar through bin/user-activity-kafka: class-data sharing and a JVM set up for a short-lived tool.
ours_launcher=("$launcher")
kafka=("$here/kafka.sh")

# bin/user-activity-kafka records its class-data sharing archive on its first run after a build; make that run
# now, untimed, with the producer (whose classes are most of the consumer's too).
"${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_warm_up --max-messages 1 \
  --interval 0 >"$out_dir/launcher-warm-up.log" 2>&1

# ---- 1. producer throughput -----------------------------------------------------------------------------
topic bench_produce
pp=(kafka-producer-perf-test --topic bench_produce --num-records "$messages" --record-size "$record_size"
    --throughput -1 --producer-props "bootstrap.servers=$bootstrap" acks=all enable.idempotence=true)
for round in $(seq 1 "$rounds"); do
  log "producer throughput, round $round of $rounds"
  measure producer.ours "${ours[@]}" producer --bootstrap-server "$bootstrap" --topic bench_produce --interval 0 \
    --max-messages "$messages" --quiet
  measure producer.perf-test-defaults "${kafka[@]}" "${pp[@]}"
  measure producer.ours-launcher "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_produce \
    --interval 0 --max-messages "$messages" --quiet
  measure producer.perf-test-batched "${kafka[@]}" "${pp[@]}" batch.size=65536 linger.ms=10
  if ((run_python)); then
    measure producer.python "$python" "$here/bench/python_producer.py" --bootstrap-server "$bootstrap" \
      --topic bench_produce --max-messages "$py_messages" --quiet
  fi
done

# ---- 2. consumer throughput: render MESSAGES events to a file -----------------------------------------------
topic bench_consume
log "filling bench_consume with $messages events"
"${ours[@]}" producer --bootstrap-server "$bootstrap" --topic bench_consume --interval 0 --max-messages "$messages" \
  --quiet 2>"$out_dir/fill.err"
for round in $(seq 1 "$rounds"); do
  log "consumer throughput, round $round of $rounds"
  measure consumer.ours "${ours[@]}" consumer --bootstrap-server "$bootstrap" --topic bench_consume --from-beginning \
    --max-messages "$messages"
  measure consumer.console-consumer "${kafka[@]}" kafka-console-consumer --bootstrap-server "$bootstrap" \
    --topic bench_consume --from-beginning --max-messages "$messages"
  measure consumer.ours-launcher "${ours_launcher[@]}" consumer --bootstrap-server "$bootstrap" --topic bench_consume \
    --from-beginning --max-messages "$messages"
done

# ---- 3. start-up: process start to the first acknowledged event (both exit once it is acknowledged) -------
topic bench_start
startup_rounds=$((rounds * 2))
for round in $(seq 1 "$startup_rounds"); do
  log "start-up, round $round of $startup_rounds"
  measure startup.ours "${ours[@]}" producer --bootstrap-server "$bootstrap" --topic bench_start --max-messages 1 \
    --interval 0
  measure startup.console-producer bash -c "echo '{\"user_id\": 1, \"action\": \"login\"}' | \"\$0\" \
    kafka-console-producer --bootstrap-server \"\$1\" --topic bench_start --request-required-acks all" \
    "$here/kafka.sh" "$bootstrap"
  measure startup.ours-launcher "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_start \
    --max-messages 1 --interval 0
done

# ---- 4. end-to-end latency at 1,000 events/s ---------------------------------------------------------------
# Both harnesses run a producer and a consumer in one JVM, timed by one clock, with the JVM flags ./kafka.sh
# gives Kafka's tools (and bin/user-activity-kafka gives ours). EndToEndLatency sends one record, waits until
# its consumer has it, then sends the next; ours sends 1,000 events/s (--interval 1ms) whatever the consumer does.
for round in $(seq 1 "$rounds"); do
  log "end-to-end latency, round $round of $rounds"
  topic "bench_e2e_ours_$round"
  topic "bench_e2e_kafka_$round"
  measure "e2e.ours.$round" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath" \
    dev.kafkatutorial.useractivity.EndToEndLatencyBench "$bootstrap" "bench_e2e_ours_$round" "$e2e_messages" \
    "$e2e_warmup"
  measure "e2e.kafka.$round" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.kafka.tools.EndToEndLatency \
    "$bootstrap" "bench_e2e_kafka_$round" "$e2e_messages" all "$record_size"
done

# ---- the table ----------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n || index($1, n ".") == 1 { print $c }' "$results"; }
wall() { column_of "$1" 2 | median; }
rss_mib() { column_of "$1" 3 | median | awk '{ printf "%.0f", $1 / 1024 }'; }
rate() { awk -v n="$1" -v w="$2" 'BEGIN { if (w == "nan" || w == 0) print "nan"; else printf "%.0f", n / w }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "nan";
  else printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v op="$2" -v goal="$3" 'BEGIN { if (r == "nan") print "n/a";
  else if ((op == ">=" && r + 0 >= goal + 0) || (op == "<=" && r + 0 <= goal + 0)) print "holds"; else print "MISSED" }'; }
e2e_field() { # e2e_field ours|ours-steady|kafka FIELD: the median over rounds of one latency figure
  local side="$1" field="$2" f which=all
  if [[ "$side" == ours-steady ]]; then
    side=ours
    which=steady
  fi
  for f in "$out_dir"/e2e."$side".*.out; do
    [[ -s "$f" ]] || continue
    if [[ "$side" == ours ]]; then
      grep "^$which " "$f" | tr ' ' '\n' | awk -F= -v k="$field" '$1 == k { print $2 }'
    else
      case "$field" in
        p50_ms) sed -n 's/.*50th = \([0-9.]*\).*/\1/p' "$f" ;;
        p99_ms) sed -n 's/.*99th = \([0-9.]*\),.*/\1/p' "$f" ;;
        avg_ms) sed -n 's/^Avg latency: \([0-9.]*\) ms/\1/p' "$f" ;;
      esac
    fi
  done | median
}

row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }

p_ours=$(rate "$messages" "$(wall producer.ours)")
p_launch=$(rate "$messages" "$(wall producer.ours-launcher)")
p_def=$(rate "$messages" "$(wall producer.perf-test-defaults)")
p_bat=$(rate "$messages" "$(wall producer.perf-test-batched)")
p_py=$(rate "$py_messages" "$(wall producer.python)")
c_ours=$(rate "$messages" "$(wall consumer.ours)")
c_launch=$(rate "$messages" "$(wall consumer.ours-launcher)")
c_cc=$(rate "$messages" "$(wall consumer.console-consumer)")
s_ours=$(wall startup.ours)
s_launch=$(wall startup.ours-launcher)
s_cp=$(wall startup.console-producer)

{
  echo
  echo "Broker: Kafka $(grep -o 'Kafka [0-9.]*' "$out_dir/broker.log" | head -n 1 | cut -d' ' -f2) in one JVM on $bootstrap." \
    "Rounds: $rounds (start-up: $startup_rounds). Events: $messages (Python: $py_messages)," \
    "record size for perf-test: $record_size B. Medians; throughput = events / whole-process wall time."
  echo
  row "pair" "ours" "theirs" "ratio ours/theirs" "goal" "verdict"
  row "---" "---:" "---:" "---:" "---" "---"
  r=$(ratio "$p_ours" "$p_def");  row "producer vs perf-test, Kafka's defaults (records/s)" "$p_ours" "$p_def" "$r" ">= 0.9" "$(verdict "$r" '>=' 0.9)"
  r=$(ratio "$p_ours" "$p_bat");  row "producer vs perf-test, batch.size=65536 linger.ms=10" "$p_ours" "$p_bat" "$r" ">= 0.9" "$(verdict "$r" '>=' 0.9)"
  r=$(ratio "$p_ours" "$p_py");   row "producer vs kafka-python (records/s)" "$p_ours" "$p_py" "$r" ">= 4" "$(verdict "$r" '>=' 4)"
  r=$(ratio "$c_ours" "$c_cc");   row "consumer to a file vs kafka-console-consumer (records/s)" "$c_ours" "$c_cc" "$r" ">= 1.0" "$(verdict "$r" '>=' 1.0)"
  r=$(ratio "$s_ours" "$s_cp");   row "start-up to first ack vs kafka-console-producer (s)" "$s_ours" "$s_cp" "$r" "<= 1.0" "$(verdict "$r" '<=' 1.0)"
  r=$(ratio "$p_launch" "$p_def"); row "producer via bin/ launcher vs perf-test defaults" "$p_launch" "$p_def" "$r" ">= 0.9" "$(verdict "$r" '>=' 0.9)"
  r=$(ratio "$p_launch" "$p_bat"); row "producer via bin/ launcher vs perf-test batched" "$p_launch" "$p_bat" "$r" ">= 0.9" "$(verdict "$r" '>=' 0.9)"
  r=$(ratio "$c_launch" "$c_cc"); row "consumer via bin/ launcher vs console-consumer" "$c_launch" "$c_cc" "$r" ">= 1.0" "$(verdict "$r" '>=' 1.0)"
  r=$(ratio "$s_launch" "$s_cp"); row "start-up via bin/ launcher vs console-producer (s)" "$s_launch" "$s_cp" "$r" "<= 1.0" "$(verdict "$r" '<=' 1.0)"
  row "end-to-end p50, send to print (ms), all events" "$(e2e_field ours p50_ms)" "$(e2e_field kafka p50_ms)" "" "next to EndToEndLatency" ""
  row "end-to-end p99, send to print (ms), all events" "$(e2e_field ours p99_ms)" "$(e2e_field kafka p99_ms)" "" "next to EndToEndLatency" ""
  row "end-to-end p50 (ms), after $e2e_warmup warm-up events" "$(e2e_field ours-steady p50_ms)" "$(e2e_field kafka p50_ms)" "" "next to EndToEndLatency" ""
  row "end-to-end p99 (ms), after $e2e_warmup warm-up events" "$(e2e_field ours-steady p99_ms)" "$(e2e_field kafka p99_ms)" "" "next to EndToEndLatency" ""
  echo
  row "peak RSS (MiB, median)" "producer" "consumer" "start-up" "" ""
  row "---" "---:" "---:" "---:" "" ""
  row "ours (java -jar)" "$(rss_mib producer.ours)" "$(rss_mib consumer.ours)" "$(rss_mib startup.ours)" "" ""
  row "ours (bin/ launcher)" "$(rss_mib producer.ours-launcher)" "$(rss_mib consumer.ours-launcher)" "$(rss_mib startup.ours-launcher)" "" ""
  row "Kafka's tools" "$(rss_mib producer.perf-test-defaults) / $(rss_mib producer.perf-test-batched)" \
    "$(rss_mib consumer.console-consumer)" "$(rss_mib startup.console-producer)" "perf-test defaults / batched" ""
  row "kafka-python" "$(rss_mib producer.python)" "" "" "" ""
  row "e2e harnesses (ours / EndToEndLatency)" "$(rss_mib e2e.ours)" \
    "$(rss_mib e2e.kafka)" "" "" ""
  echo
  echo "Raw figures (name, wall s, peak RSS KiB): $results"
} | tee "$out_dir/table.md"
