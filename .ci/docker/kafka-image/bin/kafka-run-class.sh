#!/usr/bin/env bash
# Minimal stand-in for Kafka's bin/kafka-run-class.sh: runs CLASS with every jar
# of /opt/kafka/libs on the class path and the usual KAFKA_*_OPTS variables.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "USAGE: $0 [-daemon] [-name servicename] [-loggc] classname [opts]" >&2
  exit 1
fi
class=$1
shift

# CLI tools: small heap, fast start-up. kafka-server-start.sh sets its own values.
heap=${KAFKA_HEAP_OPTS:--Xmx256M}
perf=${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true}
log4j=${KAFKA_LOG4J_OPTS:-}
if [[ -z $log4j ]]; then
  # Tools log WARN+ to stderr only: the config rendered at container start if
  # there is one (apache side, then cp side), else the image default.
  for f in /opt/kafka/config/tools-log4j2.yaml /etc/kafka/tools-log4j2.yaml /etc/kafka/docker/tools-log4j2.yaml; do
    if [[ -r $f ]]; then
      log4j="-Dlog4j2.configurationFile=$f"
      break
    fi
  done
fi
jmx=${KAFKA_JMX_OPTS:-}
if [[ -n ${JMX_PORT:-} ]]; then
  jmx="$jmx -Dcom.sun.management.jmxremote.port=$JMX_PORT"
fi

read -r -a opts <<<"$heap $perf ${KAFKA_GC_LOG_OPTS:-} $jmx $log4j ${KAFKA_OPTS:-}"
exec java "${opts[@]}" -cp "/opt/kafka/libs/*" "$class" "$@"
