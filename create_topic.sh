#!/usr/bin/env bash
# The tutorial's topic script:  ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR
#
# Creates the topic unless it exists (as kafka-topics --if-not-exists) and describes it. With a running
# `kafka` container (docker-compose up -d) it runs kafka-topics inside it; otherwise, or when
# KAFKA_BOOTSTRAP_SERVERS names a broker, it runs Kafka's own kafka-topics through ./kafka.sh against
# that broker (default localhost:9092), such as the local broker (./local-broker.sh start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  echo "usage: ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR   (e.g. ./create_topic.sh my_topic 1 1)" >&2
  exit 2
}

[[ $# -eq 3 ]] || usage
topic="$1" partitions="$2" replication="$3"
[[ -n "$topic" ]] || { echo "create_topic.sh: the topic name is empty" >&2; usage; }
for value in "$partitions" "$replication"; do
  if ! [[ "$value" =~ ^[0-9]+$ ]] || ((10#$value < 1)); then
    echo "create_topic.sh: '$value' is not a whole number of at least 1" >&2
    usage
  fi
done
partitions=$((10#$partitions)) replication=$((10#$replication))

if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]] && command -v docker >/dev/null 2>&1 \
    && [[ "$(docker inspect -f '{{.State.Running}}' kafka 2>/dev/null)" == "true" ]]; then
  echo "Using the kafka container (docker-compose)."
  kafka_topics=(docker exec kafka kafka-topics --bootstrap-server localhost:9092)
else
  bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}"
  echo "No kafka container is running: using the broker at $bootstrap."
  kafka_topics=("$here/kafka.sh" kafka-topics --bootstrap-server "$bootstrap")
fi

"${kafka_topics[@]}" --create --if-not-exists --topic "$topic" \
  --partitions "$partitions" --replication-factor "$replication"
"${kafka_topics[@]}" --describe --topic "$topic"
