#!/usr/bin/env bash
# Stand-in for Kafka's bin/kafka-server-start.sh: runs kafka.Kafka in the
# foreground with the broker log4j2 config (INFO to stdout) and a 1G heap.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "USAGE: $0 server.properties [--override property=value]*" >&2
  exit 1
fi
if [[ -z ${KAFKA_LOG4J_OPTS:-} ]]; then
  cfg=/opt/kafka/config/log4j2.yaml
  [[ -r $cfg ]] || cfg=/etc/kafka/docker/log4j2.yaml
  export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$cfg"
fi
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
export KAFKA_JVM_PERFORMANCE_OPTS=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}
exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$@"
