#!/usr/bin/env bash
# Benchmarks the two programs against Kafka's own tools (and the tutorial's Python client) on one local broker,
# goal by goal (docs/benchmarks.md, issue 14). A benchmark, not a test: it prints figures and a verdict per
# goal and exits 0 whatever they are (1 only when it cannot set up: no /usr/bin/time, no broker).
#
#   bench/run.sh                      # 3 rounds, 1,000,000 events per throughput run (10-15 minutes)
#   ROUNDS=1 MESSAGES=50000 SWEEP_MESSAGES=50000 E2E_MESSAGES=3000 E2E_WARMUP=1000 SKIP_PYTHON=1 bench/run.sh
#                                     # a quick look (about 2 minutes)
#   bench/run.sh --report-only        # the table and pictures again, from the figures already in OUT_DIR
#
# Fairness, in short (docs/benchmarks.md says more):
# - Ours runs as the README tells users to type it, bin/user-activity-kafka (the goals' figures), and also as
#   plain `java -jar target/user-activity-kafka.jar` (reported beside them).
# - Kafka's tools run as their own scripts run them: `java` with kafka-run-class.sh's flags (kafka_script_flags
#   below) on the classpath ./kafka.sh resolves, not through ./kafka.sh (whose flags suit the tutorial's steps).
# - perf-test sends records of our events' mean size, measured at the start from a sample our producer wrote.
# - Each pair runs alternately (A B A B ...), ROUNDS times; the table shows the medians. Every run is timed the
#   same way, whole process and wall clock, by /usr/bin/time (which also gives the peak RSS).
#
# Settings (environment):
#   ROUNDS=3            rounds of each pair (start-up: twice as many)
#   MESSAGES=1000000    events per producer/consumer throughput run
#   SWEEP_MESSAGES      events per run of perf-test's batching sweep (default: MESSAGES)
#   PY_MESSAGES         events of the one kafka-python producer run (default: MESSAGES)
#   E2E_MESSAGES=10000  events per end-to-end latency run (1,000 events/s)
#   E2E_WARMUP=3000     of those, how many the "steady" latency figures leave out (JIT warm-up)
#   RECORD_SIZE         perf-test's --record-size (default: our events' mean size, measured from a sample)
#   SKIP_PYTHON=1       leave out kafka-python (needs Debian's python3-kafka in /usr/bin/python3; about 70 s)
#   OUT_DIR             where the figures, logs, table.md and the pictures go (default: target/bench)
#   WRITE_DOCS=1        also copy the pictures to docs/ (a full run for the doc; a quick look leaves docs/ alone)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

out_dir="${OUT_DIR:-$here/target/bench}"
results="$out_dir/results.tsv"
settings="$out_dir/settings.env"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Our producer's batching at --interval 0: perf-test "with our settings" runs with it (plus acks=all and
# idempotence, which ours always uses). It MUST match what producer/ProducerSettings sets for --interval 0.
ours_batching="batch.size=524288 linger.ms=50"

# The JVM flags bin/user-activity-kafka gives the jar, without its class-data sharing ones: EndToEndLatencyBench
# runs with these and maps the launcher's own archive (the jar first on its class path, the test classes after
# it, so the archive matches). This mirrors the launcher's `flags=(...)`; keep the two in sync (the run warns
# when one of these is not in the launcher).
ours_jvm_flags=(-XX:+UseSerialGC -XX:PretenureSizeThreshold=256k -XX:MetaspaceSize=64m)

# Kafka's tools run as Kafka's scripts run them. bin/kafka-run-class.sh starts every tool with
#   java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ... -cp $CLASSPATH MAIN
# where KAFKA_JVM_PERFORMANCE_OPTS defaults to the flags below, and KAFKA_HEAP_OPTS to -Xmx256M unless the tool's
# script exports its own: kafka-producer-perf-test.sh, kafka-console-consumer.sh and kafka-console-producer.sh
# export -Xmx512M (kafka_tool_heap); kafka-e2e-latency.sh exports none (kafka_e2e_heap). The two slf4j-simple
# flags are logging configuration only (as in ./kafka.sh: warnings and errors on stderr, like the scripts'
# tools-log4j2 config). Left out: kafka-run-class.sh's KAFKA_JMX_OPTS (-Dcom.sun.management.jmxremote...), which
# would only start a local JMX agent in Kafka's tools (more start-up and memory on their side).
kafka_script_flags=(-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err)
kafka_tool_heap=-Xmx512M
kafka_e2e_heap=-Xmx256M

# perf-test's batching sweep: Kafka's defaults, then bigger batches with longer lingers, all with acks=all and
# idempotence. The fastest is "perf-test best", the nearest this machine gets to its limit.
sweep_labels=("Kafka's defaults" "65536/10" "262144/20" "524288/50" "1048576/100")
sweep_props=("" "batch.size=65536 linger.ms=10" "batch.size=262144 linger.ms=20"
  "batch.size=524288 linger.ms=50 buffer.memory=67108864" "batch.size=1048576 linger.ms=100 buffer.memory=67108864")

# ==== the benchmark runs ====================================================================================
run_benchmarks() {
  rounds="${ROUNDS:-3}"
  startup_rounds=$((rounds * 2))
  messages="${MESSAGES:-1000000}"
  sweep_messages="${SWEEP_MESSAGES:-$messages}"
  py_messages="${PY_MESSAGES:-$messages}"
  e2e_messages="${E2E_MESSAGES:-10000}"
  e2e_warmup="${E2E_WARMUP:-3000}"
  local sample_events=10000
  local python=/usr/bin/python3 # Debian's, with python3-kafka; not a pyenv or venv python first on PATH
  local jar="$here/target/user-activity-kafka.jar" launcher="$here/bin/user-activity-kafka"

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
  local flag
  for flag in "${ours_jvm_flags[@]}"; do
    grep -qF -- "$flag" "$launcher" || log "warning: ours_jvm_flags has $flag, which bin/user-activity-kafka does not"
  done

  # ---- build ----------------------------------------------------------------------------------------------
  log "building (mvn -q package -DskipTests)"
  mvn -q -B package -DskipTests </dev/null
  local kafka_cp
  kafka_cp="$("$here/kafka.sh" --classpath)"
  local classpath="$here/target/test-classes:$here/target/classes:$kafka_cp"
  mkdir -p "$out_dir"
  rm -f "$out_dir"/*.out "$out_dir"/*.err "$out_dir"/*.hgrm "$out_dir"/*.svg "$out_dir"/*.dat "$out_dir"/table.md
  : >"$results"
  load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

  # ---- one broker, stopped on exit -------------------------------------------------------------------------
  data_dir="$(mktemp -d "${TMPDIR:-/tmp}/user-activity-bench.XXXXXX")"
  broker_pid=""
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  log "starting Kafka's broker in a JVM (port: any free one)"
  java -Xmx1g -cp "$classpath" dev.kafkatutorial.useractivity.broker.LocalKafkaBroker \
    --port 0 --data-dir "$data_dir/kafka" </dev/null >"$out_dir/broker.log" 2>&1 &
  broker_pid=$!
  bootstrap=""
  local _
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

  # The commands, as users type them (ours) and as Kafka's scripts run them (theirs).
  local ours_launcher=("$launcher") ours_jar=(java -jar "$jar")
  local perf_test=(java "$kafka_tool_heap" "${kafka_script_flags[@]}" -cp "$kafka_cp" org.apache.kafka.tools.ProducerPerformance)
  local console_consumer=(java "$kafka_tool_heap" "${kafka_script_flags[@]}" -cp "$kafka_cp"
    org.apache.kafka.tools.consumer.ConsoleConsumer)
  local console_producer=(java "$kafka_tool_heap" "${kafka_script_flags[@]}" -cp "$kafka_cp" org.apache.kafka.tools.ConsoleProducer)
  local e2e_latency=(java "$kafka_e2e_heap" "${kafka_script_flags[@]}" -cp "$kafka_cp" org.apache.kafka.tools.EndToEndLatency)

  # bin/user-activity-kafka records its class-data sharing archive on its first run after a build; make that run
  # now, untimed, with the producer (whose classes are most of the consumer's too).
  topic bench_warm_up
  "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_warm_up --max-messages 1 \
    --interval 0 </dev/null >"$out_dir/launcher-warm-up.log" 2>&1 || log "the launcher's warm-up run failed; see $out_dir/launcher-warm-up.log"

  # ---- our events' mean size: a sample from our producer, read back by kafka-console-consumer ---------------
  topic bench_sample
  log "our mean record size: $sample_events events from our producer, read back by kafka-console-consumer"
  "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_sample --interval 0 \
    --max-messages "$sample_events" --quiet </dev/null >/dev/null 2>"$out_dir/sample-producer.err" || true
  "${console_consumer[@]}" --bootstrap-server "$bootstrap" --topic bench_sample --from-beginning \
    --max-messages "$sample_events" </dev/null >"$out_dir/sample.txt" 2>"$out_dir/sample-consumer.err" || true
  local sample_bytes sample_lines
  sample_bytes="$(wc -c <"$out_dir/sample.txt")"
  sample_lines="$(wc -l <"$out_dir/sample.txt")"
  if ((sample_lines == sample_events)); then
    sample_mean=$(( (sample_bytes - sample_events + sample_events / 2) / sample_events )) # (bytes - newlines) / n, rounded
    log "our events' mean value size: $sample_mean B ($sample_bytes bytes in $sample_lines lines)"
  else
    sample_mean=""
    log "the sample has $sample_lines lines, not $sample_events; see $out_dir/sample-*.err"
  fi
  # Each of our records also carries its id as a header: the key "event-id" (8 bytes) and "RUNID-SEQ" (8 + 1 +
  # the sequence number's digits; their mean over 0..MESSAGES-1). perf-test cannot send headers, so its
  # records carry those bytes in the value: the same bytes per record reach the broker.
  header_mean="$(awk -v n="$messages" 'BEGIN { d = n; for (p = 10; p < n; p *= 10) d += n - p;
    printf "%.0f", 8 + 9 + (n > 0 ? d / n : 1) }')"
  record_size="${RECORD_SIZE:-$(( ${sample_mean:-69} + header_mean ))}"
  log "perf-test's --record-size: $record_size B${RECORD_SIZE:+ (RECORD_SIZE)}${RECORD_SIZE:- (value ${sample_mean:-69} B + event-id header $header_mean B)}"

  # ---- 1. producer: perf-test's batching sweep, then the rounds ----------------------------------------------
  topic bench_produce
  local pp_common=(--topic bench_produce --record-size "$record_size" --throughput -1
    --producer-props "bootstrap.servers=$bootstrap" acks=all enable.idempotence=true)
  local i best=0 best_rate=0 rate_i
  for i in "${!sweep_labels[@]}"; do
    log "perf-test sweep: ${sweep_labels[$i]} ($((i + 1)) of ${#sweep_labels[@]})"
    # shellcheck disable=SC2086 # the props are a list
    measure "sweep.$((i + 1)).r1" "${perf_test[@]}" --num-records "$sweep_messages" "${pp_common[@]}" ${sweep_props[$i]}
    rate_i="$(rate "$sweep_messages" "$(wall "sweep.$((i + 1))")")"
    if [[ "$rate_i" != nan ]] && ((rate_i > best_rate)); then
      best=$i
      best_rate=$rate_i
    fi
  done
  best_label="${sweep_labels[$best]}"
  best_props="${sweep_props[$best]}"
  log "perf-test best: $best_label ($best_rate records/s)"

  local round
  for round in $(seq 1 "$rounds"); do
    log "producer throughput, round $round of $rounds"
    measure "producer.ours-launcher.r$round" "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" \
      --topic bench_produce --interval 0 --max-messages "$messages" --quiet
    # shellcheck disable=SC2086
    measure "producer.perf-test-ours.r$round" "${perf_test[@]}" --num-records "$messages" "${pp_common[@]}" $ours_batching
    measure "producer.ours-jar.r$round" "${ours_jar[@]}" producer --bootstrap-server "$bootstrap" \
      --topic bench_produce --interval 0 --max-messages "$messages" --quiet
    # shellcheck disable=SC2086
    measure "producer.perf-test-best.r$round" "${perf_test[@]}" --num-records "$messages" "${pp_common[@]}" $best_props
  done
  if ((run_python)); then
    log "kafka-python producer, once ($py_messages events)"
    measure producer.python.r1 "$python" "$here/bench/python_producer.py" --bootstrap-server "$bootstrap" \
      --topic bench_produce --max-messages "$py_messages" --quiet
  fi

  # ---- 2. consumer: render MESSAGES events to a file ----------------------------------------------------------
  topic bench_consume
  log "filling bench_consume with $messages events"
  "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" --topic bench_consume --interval 0 \
    --max-messages "$messages" --quiet </dev/null >/dev/null 2>"$out_dir/fill.err" \
    || log "filling bench_consume failed; see $out_dir/fill.err (the consumer runs will fail or wait)"
  for round in $(seq 1 "$rounds"); do
    log "consumer throughput, round $round of $rounds"
    measure "consumer.ours-launcher.r$round" "${ours_launcher[@]}" consumer --bootstrap-server "$bootstrap" \
      --topic bench_consume --from-beginning --max-messages "$messages"
    measure "consumer.console-consumer.r$round" "${console_consumer[@]}" --bootstrap-server "$bootstrap" \
      --topic bench_consume --from-beginning --max-messages "$messages"
    measure "consumer.ours-jar.r$round" "${ours_jar[@]}" consumer --bootstrap-server "$bootstrap" \
      --topic bench_consume --from-beginning --max-messages "$messages"
  done

  # ---- 3. start-up: process start to the first acknowledged event (all three exit once it is acknowledged) ---
  topic bench_start
  printf '%s\n' '{"user_id": 1, "action": "login"}' >"$out_dir/one-event.json"
  for round in $(seq 1 "$startup_rounds"); do
    log "start-up, round $round of $startup_rounds"
    measure "startup.ours-launcher.r$round" "${ours_launcher[@]}" producer --bootstrap-server "$bootstrap" \
      --topic bench_start --max-messages 1 --interval 0
    stdin="$out_dir/one-event.json" measure "startup.console-producer.r$round" "${console_producer[@]}" \
      --bootstrap-server "$bootstrap" --topic bench_start --request-required-acks all
    measure "startup.ours-jar.r$round" "${ours_jar[@]}" producer --bootstrap-server "$bootstrap" \
      --topic bench_start --max-messages 1 --interval 0
  done

  # ---- 4. end-to-end latency at 1,000 events/s -------------------------------------------------------------
  # Both harnesses run a producer and a consumer in one JVM, timed by one clock: ours as the launcher runs the
  # jar (ours_jvm_flags and its class-data sharing archive), Kafka's EndToEndLatency with its script's flags.
  # EndToEndLatency sends one record, waits until its consumer has it, then sends the next; ours sends 1,000
  # events/s (--rate 1000) whatever the consumer does. Ours also writes its steady latencies' percentile distribution (the picture's curve).
  for round in $(seq 1 "$rounds"); do
    log "end-to-end latency, round $round of $rounds"
    topic "bench_e2e_ours_$round"
    topic "bench_e2e_kafka_$round"
    measure "e2e.ours.r$round" java "${ours_jvm_flags[@]}" -Xshare:auto -XX:SharedArchiveFile="${jar%.jar}.jsa" \
      -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar:$here/target/test-classes" \
      dev.kafkatutorial.useractivity.EndToEndLatencyBench "$bootstrap" "bench_e2e_ours_$round" "$e2e_messages" \
      "$e2e_warmup" "$out_dir/e2e.ours.r$round.hgrm"
    measure "e2e.kafka.r$round" "${e2e_latency[@]}" "$bootstrap" "bench_e2e_kafka_$round" "$e2e_messages" all \
      "${sample_mean:-69}"
  done

  load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
  java_version="$(java -version 2>&1 | head -n 1)"
  kafka_version="$(tr ':' '\n' <<<"$kafka_cp" | sed -n 's|.*/kafka-clients-\([0-9][0-9.]*\)\.jar$|\1|p' | head -n 1)"
  cores="$(nproc)"
  finished="$(date -u '+%Y-%m-%d %H:%M UTC')"
  commit="$(git -C "$here" describe --always --dirty 2>/dev/null || echo unknown)"
  local v
  : >"$settings"
  for v in rounds startup_rounds messages sweep_messages py_messages e2e_messages e2e_warmup record_size \
      sample_mean header_mean best_label best_props run_python bootstrap load_start load_end java_version kafka_version cores \
      finished commit ours_batching; do
    printf '%s=%q\n' "$v" "${!v}" >>"$settings"
  done
}

cleanup() {
  if [[ -n "${broker_pid:-}" ]] && kill -0 "$broker_pid" 2>/dev/null; then
    kill -TERM "$broker_pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 60); do
      kill -0 "$broker_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$broker_pid" 2>/dev/null || true
  fi
  [[ -z "${data_dir:-}" ]] || rm -rf "$data_dir"
}

topic() { "$here/kafka.sh" kafka-topics --bootstrap-server "$bootstrap" --create --if-not-exists \
  --topic "$1" --partitions 1 --replication-factor 1 </dev/null >/dev/null; }

# measure NAME COMMAND...: runs it under /usr/bin/time, standard input from $stdin (default /dev/null); appends
# "NAME wall_s rss_kb" to the results. Its stdout goes to $out_dir/NAME.out (the consumers' rendered events),
# its stderr to $out_dir/NAME.err. A failed run is logged and left out of the figures.
measure() {
  local name="$1" timing="$out_dir/time.tmp" code=0 wall_s rss_kb
  shift
  /usr/bin/time -f '%e %M' -o "$timing" "$@" <"${stdin:-/dev/null}" >"$out_dir/$name.out" 2>"$out_dir/$name.err" \
    || code=$?
  if ((code != 0)); then
    log "$name failed (exit code $code); see $out_dir/$name.err"
    tail -n 3 "$out_dir/$name.err" >&2
    return 0
  fi
  read -r wall_s rss_kb <"$timing"
  printf '%s\t%s\t%s\n' "$name" "$wall_s" "$rss_kb" >>"$results"
  log "$name: $wall_s s, $((rss_kb / 1024)) MiB"
}

# ==== figures ===============================================================================================
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n || index($1, n ".") == 1 { print $c }' "$results"; }
wall() { column_of "$1" 2 | median; }                                         # median wall time, s
rss_mib() { column_of "$1" 3 | median | awk '{ if ($1 == "nan") print "nan"; else printf "%.0f", $1 / 1024 }'; }
rate() { awk -v n="$1" -v w="$2" 'BEGIN { if (w == "nan" || w == 0) print "nan"; else printf "%.0f", n / w }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || a == "" || b == "" || b == 0) print "nan";
  else printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v op="$2" -v goal="$3" 'BEGIN { if (r == "nan" || r == "") print "n/a";
  else if ((op == ">=" && r + 0 >= goal + 0) || (op == "<=" && r + 0 <= goal + 0)) print "holds"; else print "MISSED" }'; }
e2e_field() { # e2e_field ours|ours-steady|kafka FIELD: the median over rounds of one latency figure
  local side="$1" field="$2" f which=all
  if [[ "$side" == ours-steady ]]; then
    side=ours
    which=steady
  fi
  for f in "$out_dir"/e2e."$side".r*.out; do
    [[ -s "$f" ]] || continue
    if [[ "$side" == ours && "$field" == rate_per_s ]]; then
      sed -n 's/^rate_per_s=//p' "$f"
    elif [[ "$side" == ours ]]; then
      grep "^$which " "$f" | tr ' ' '\n' | awk -F= -v k="$field" '$1 == k { print $2 }'
    else
      case "$field" in
        p50_ms) sed -n 's/.*50th = \([0-9.]*\),.*/\1/p' "$f" ;;
        p99_ms) sed -n 's/.*, 99th = \([0-9.]*\),.*/\1/p' "$f" ;;
        p999_ms) sed -n 's/.*99\.9th = \([0-9.]*\).*/\1/p' "$f" ;;
        avg_ms) sed -n 's/^Avg latency: \([0-9.]*\) ms/\1/p' "$f" ;;
      esac
    fi
  done | median
}
row() { local c line="|"; for c in "$@"; do line+=" $c |"; done; printf '%s\n' "$line"; }

# goal PICTURE_LABEL PAIR OURS THEIRS OP GOAL: a goal row (ratio ours/theirs), and a line for the picture.
goal() {
  local label="$1" pair="$2" ours="$3" theirs="$4" op="$5" target="$6" r v
  r="$(ratio "$ours" "$theirs")"
  v="$(verdict "$r" "$op" "$target")"
  row "$pair" "$ours" "$theirs" "$r" "$op $target" "$v"
  printf '%s\t%s\t%s\t%s\n' "$label ($op $target)" "$r" "$target" "$([[ "$v" == holds ]] && echo 1 || echo 0)" >>"$out_dir/goals.dat"
}

report() {
  # shellcheck disable=SC1090
  source "$settings"
  local n="$messages" table="$out_dir/table.md"
  local p_launch p_jar p_ours p_best p_py c_launch c_jar c_cc s_launch s_jar s_cp
  p_launch=$(rate "$n" "$(wall producer.ours-launcher)")
  p_jar=$(rate "$n" "$(wall producer.ours-jar)")
  p_ours=$(rate "$n" "$(wall producer.perf-test-ours)")
  p_best=$(rate "$n" "$(wall producer.perf-test-best)")
  p_py=nan
  ((run_python)) && p_py=$(rate "$py_messages" "$(wall producer.python)")
  c_launch=$(rate "$n" "$(wall consumer.ours-launcher)")
  c_jar=$(rate "$n" "$(wall consumer.ours-jar)")
  c_cc=$(rate "$n" "$(wall consumer.console-consumer)")
  s_launch=$(wall startup.ours-launcher)
  s_jar=$(wall startup.ours-jar)
  s_cp=$(wall startup.console-producer)
  local steady_p99 e2e_v
  steady_p99="$(e2e_field ours-steady p99_ms)"
  e2e_v="$(verdict "$steady_p99" '<=' 10)"
  : >"$out_dir/goals.dat"

  {
    echo "Measured $finished at commit $commit: Kafka $kafka_version broker in one JVM on $bootstrap." \
      "Rounds: $rounds (start-up: $startup_rounds), A B A B, medians. Events per throughput run: $n;" \
      "perf-test sweep: $sweep_messages per configuration. Throughput = events / whole-process wall time." \
      "perf-test's --record-size: $record_size B (our events' mean value size from a 10,000-event sample," \
      "${sample_mean:-not measured} B, plus their event-id header's mean size, ${header_mean:-?} B). Ours = \`bin/user-activity-kafka\`, as the README has users type it;" \
      "Kafka's tools under their scripts' JVM flags."
    echo
    echo "Machine: $cores cores; load average (1, 5, 15 min) $load_start at the start, $load_end at the end;" \
      "$java_version; Kafka $kafka_version."
    echo
    row "goal: pair" "ours" "theirs" "ratio ours/theirs" "goal" "verdict"
    row "---" "---:" "---:" "---:" "---" "---"
    goal "producer / perf-test, our settings" "producer, records/s: ours vs perf-test with our settings ($ours_batching)" \
      "$p_launch" "$p_ours" '>=' 0.8
    goal "producer / perf-test best" "producer, records/s: ours vs perf-test's best configuration ($best_label)" \
      "$p_launch" "$p_best" '>=' 0.85
    if ((run_python)); then
      goal "producer / kafka-python" "producer, records/s: ours vs kafka-python (one run)" "$p_launch" "$p_py" '>=' 4
    else
      row "producer, records/s: ours vs kafka-python" "" "" "" ">= 4" "not run (SKIP_PYTHON)"
    fi
    goal "consumer / console-consumer" "consumer to a file, records/s: ours vs kafka-console-consumer" \
      "$c_launch" "$c_cc" '>=' 1.8
    goal "start-up / console-producer" "start-up to first ack, s: ours vs kafka-console-producer" \
      "$s_launch" "$s_cp" '<=' 0.75
    goal "start-up java -jar / console-producer" "start-up to first ack, s: ours \`java -jar\` vs kafka-console-producer" \
      "$s_jar" "$s_cp" '<=' 1.0
    goal "RSS producer / perf-test ours" "peak RSS, MiB: producer vs perf-test with our settings" \
      "$(rss_mib producer.ours-launcher)" "$(rss_mib producer.perf-test-ours)" '<=' 1.0
    goal "RSS consumer / console-consumer" "peak RSS, MiB: consumer vs kafka-console-consumer" \
      "$(rss_mib consumer.ours-launcher)" "$(rss_mib consumer.console-consumer)" '<=' 1.0
    goal "RSS start-up / console-producer" "peak RSS, MiB: start-up run vs kafka-console-producer" \
      "$(rss_mib startup.ours-launcher)" "$(rss_mib startup.console-producer)" '<=' 1.0
    row "end-to-end p99 at 1,000 events/s after $e2e_warmup warm-up events, ms (theirs: EndToEndLatency, reference)" \
      "$steady_p99" "$(e2e_field kafka p99_ms)" "" "<= 10 ms" "$e2e_v"
    echo
    echo "Reported beside the goals: ours as plain \`java -jar target/user-activity-kafka.jar\`."
    echo
    row "pair" "ours \`java -jar\`" "theirs" "ratio ours/theirs" "same goal as the launcher" ""
    row "---" "---:" "---:" "---:" "---" "---"
    local r
    r=$(ratio "$p_jar" "$p_ours"); row "producer, records/s, vs perf-test with our settings" "$p_jar" "$p_ours" "$r" ">= 0.8" "$(verdict "$r" '>=' 0.8)"
    r=$(ratio "$p_jar" "$p_best"); row "producer, records/s, vs perf-test best" "$p_jar" "$p_best" "$r" ">= 0.85" "$(verdict "$r" '>=' 0.85)"
    r=$(ratio "$c_jar" "$c_cc"); row "consumer, records/s, vs kafka-console-consumer" "$c_jar" "$c_cc" "$r" ">= 1.8" "$(verdict "$r" '>=' 1.8)"
    r=$(ratio "$(rss_mib producer.ours-jar)" "$(rss_mib producer.perf-test-ours)")
    row "peak RSS, MiB, producer vs perf-test with our settings" "$(rss_mib producer.ours-jar)" "$(rss_mib producer.perf-test-ours)" "$r" "<= 1.0" "$(verdict "$r" '<=' 1.0)"
    r=$(ratio "$(rss_mib consumer.ours-jar)" "$(rss_mib consumer.console-consumer)")
    row "peak RSS, MiB, consumer vs kafka-console-consumer" "$(rss_mib consumer.ours-jar)" "$(rss_mib consumer.console-consumer)" "$r" "<= 1.0" "$(verdict "$r" '<=' 1.0)"
    r=$(ratio "$(rss_mib startup.ours-jar)" "$(rss_mib startup.console-producer)")
    row "peak RSS, MiB, start-up vs kafka-console-producer" "$(rss_mib startup.ours-jar)" "$(rss_mib startup.console-producer)" "$r" "<= 1.0" "$(verdict "$r" '<=' 1.0)"
    echo
    echo "perf-test's batching sweep ($sweep_messages records each, acks=all, idempotence; one run each; the fastest is \"best\"):"
    echo
    row "batch.size/linger.ms" "extra properties" "records/s (wall)" "records/s (perf-test's own figure)" "peak RSS, MiB"
    row "---" "---" "---:" "---:" "---:"
    local i own
    for i in "${!sweep_labels[@]}"; do
      own="$(sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p' "$out_dir/sweep.$((i + 1)).r1.out" 2>/dev/null | tail -n 1)"
      row "${sweep_labels[$i]}$([[ "${sweep_labels[$i]}" == "$best_label" ]] && echo ' (best)')" \
        "${sweep_props[$i]:-none}" "$(rate "$sweep_messages" "$(wall "sweep.$((i + 1))")")" "${own:-nan}" \
        "$(rss_mib "sweep.$((i + 1))")"
    done
    echo
    echo "End-to-end latency, send to print (ms; EndToEndLatency's figures are whole milliseconds):"
    echo
    row "harness" "events" "sent at, events/s" "avg" "p50" "p99" "p99.9" "max"
    row "---" "---" "---:" "---:" "---:" "---:" "---:" "---:"
    row "ours, all events" "$e2e_messages" "$(e2e_field ours rate_per_s)" "$(e2e_field ours avg_ms)" \
      "$(e2e_field ours p50_ms)" "$(e2e_field ours p99_ms)" "$(e2e_field ours p999_ms)" "$(e2e_field ours max_ms)"
    row "ours, after warm-up" "$((e2e_messages - e2e_warmup))" "" "$(e2e_field ours-steady avg_ms)" \
      "$(e2e_field ours-steady p50_ms)" "$steady_p99" "$(e2e_field ours-steady p999_ms)" "$(e2e_field ours-steady max_ms)"
    row "Kafka's EndToEndLatency (one at a time)" "$e2e_messages" "" "$(e2e_field kafka avg_ms)" \
      "$(e2e_field kafka p50_ms)" "$(e2e_field kafka p99_ms)" "$(e2e_field kafka p999_ms)" ""
    echo
    echo "Ours aims at 1,000 events/s (--rate 1000); \"sent at\" is what it kept up over the whole run. Below" \
      "1,000 the sender fell behind (interpreted code at first, or no CPU) and events queued, which the latencies show."
    echo
    echo "Each run (wall s / peak RSS MiB per round):"
    echo
    local names name cols=("run") sep=("---")
    for ((i = 1; i <= startup_rounds; i++)); do cols+=("round $i"); sep+=("---:"); done
    row "${cols[@]}"
    row "${sep[@]}"
    names="$(cut -f1 "$results" | sed 's/\.r[0-9]*$//' | awk '!seen[$0]++')"
    for name in $names; do
      cols=("$name")
      for ((i = 1; i <= startup_rounds; i++)); do
        cols+=("$(awk -F'\t' -v k="$name.r$i" '$1 == k { printf "%s / %.0f", $2, $3 / 1024 }' "$results")")
      done
      row "${cols[@]}"
    done
    echo
    echo "Raw figures (name, wall s, peak RSS KiB): $results"
  } >"$table"
  cat "$table"

  # e2e's points for the latency picture: EndToEndLatency's p50, p99 and p99.9 at x = 1/(1-p)
  printf '2\t%s\n100\t%s\n1000\t%s\n' "$(e2e_field kafka p50_ms)" "$(e2e_field kafka p99_ms)" \
    "$(e2e_field kafka p999_ms)" | awk -F'\t' '$2 != "nan"' >"$out_dir/e2e.kafka.dat"
  pictures
}

# ==== pictures (gnuplot: Debian's gnuplot-nox) ================================================================
pictures() {
  local gnuplot
  rm -f "$out_dir"/benchmarks-*.svg # none left from an earlier run
  if ! gnuplot="$(command -v gnuplot)"; then
    log "no gnuplot: no pictures (apt-get install -y gnuplot-nox); the table is complete without them"
    return 0
  fi
  local hgrms=() f ok=1
  for f in "$out_dir"/e2e.ours.r*.hgrm; do [[ -s "$f" ]] && hgrms+=("$f"); done
  "$gnuplot" -e "goals='$out_dir/goals.dat'; out='$out_dir/benchmarks-throughput.svg'" \
    "$here/bench/throughput.gp" 2>"$out_dir/gnuplot-throughput.err" \
    || { ok=0; log "gnuplot failed on the throughput picture; see $out_dir/gnuplot-throughput.err"; }
  if ((${#hgrms[@]})); then
    "$gnuplot" -e "files='${hgrms[*]}'; kafka='$out_dir/e2e.kafka.dat'; out='$out_dir/benchmarks-latency.svg'" \
      "$here/bench/latency.gp" 2>"$out_dir/gnuplot-latency.err" \
      || { ok=0; log "gnuplot failed on the latency picture; see $out_dir/gnuplot-latency.err"; }
  else
    log "no latency distribution (e2e.ours.r*.hgrm): no latency picture"
  fi
  log "pictures: $out_dir/benchmarks-throughput.svg, $out_dir/benchmarks-latency.svg"
  if [[ "${WRITE_DOCS:-}" == 1 ]] && ((ok)); then
    for f in benchmarks-throughput.svg benchmarks-latency.svg; do
      [[ -s "$out_dir/$f" ]] && cp "$out_dir/$f" "$here/docs/$f"
    done
    log "pictures copied to docs/ (WRITE_DOCS=1)"
  fi
}

case "${1:-}" in
  --report-only)
    [[ -s "$settings" && -s "$results" ]] || { echo "bench: no figures in $out_dir to report; run bench/run.sh" >&2; exit 1; }
    report
    ;;
  "")
    run_benchmarks
    report || log "the report failed; the raw figures are in $results"
    ;;
  *) echo "usage: bench/run.sh [--report-only]" >&2; exit 2 ;;
esac
exit 0
