#!/usr/bin/env bash
# The tutorial's topic script:  ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR
#
# Creates the topic unless it exists (as kafka-topics --if-not-exists) and describes it; an existing topic is
# left as it is, and the script says so with its partitions and replication factor. With a running
# `kafka` container (docker-compose up -d) it runs kafka-topics inside it; otherwise, or when
# KAFKA_BOOTSTRAP_SERVERS names a broker, it runs Kafka's own kafka-topics through ./kafka.sh against
# that broker (default localhost:9092), such as the local broker (./local-broker.sh start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  echo "usage: ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR   (e.g. ./create_topic.sh my_topic 1 1)"
  echo "  TOPIC: letters, digits, '.', '_' and '-', at most 249 characters, not starting with '-'"
  echo "  PARTITIONS: 1 to 2147483647; REPLICATION_FACTOR: 1 to 32767 (at most the number of brokers)"
}

fail() { # one line saying what is wrong; exit 2 (a bad command line)
  echo "create_topic.sh: $1 (usage: ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR; see --help)" >&2
  exit 2
}

for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    usage
    exit 0
  fi
done
[[ $# -eq 3 ]] || fail "expected 3 arguments, got $#"
topic="$1" partitions="$2" replication="$3"

# Kafka's own rules for a topic name (Topic.validate), checked here so that a typo is not created as a topic.
[[ -n "$topic" ]] || fail "the topic name is empty"
[[ "$topic" != -* ]] || fail "'$topic' starts with '-': it is not a topic name"
[[ "$topic" =~ ^[a-zA-Z0-9._-]+$ ]] || fail "'$topic' is not a valid topic name: use letters, digits, '.', '_' and '-'"
((${#topic} <= 249)) || fail "the topic name is ${#topic} characters long; Kafka allows at most 249"
[[ "$topic" != "." && "$topic" != ".." ]] || fail "'$topic' is not a valid topic name"

# A whole number from 1 to max, compared as text first: bash's arithmetic would wrap 99999999999999999999.
check_count() { # name value max
  local digits
  [[ "$2" =~ ^[0-9]+$ ]] || fail "$1 '$2' is not a whole number"
  digits="${2#"${2%%[!0]*}"}" # without leading zeros
  if [[ -z "$digits" ]] || ((${#digits} > ${#3})) || { ((${#digits} == ${#3})) && [[ "$digits" > "$3" ]]; }; then
    fail "$1 '$2' is out of range: use 1 to $3"
  fi
}
check_count "partitions" "$partitions" 2147483647
check_count "replication factor" "$replication" 32767
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

created="$("${kafka_topics[@]}" --create --if-not-exists --topic "$topic" \
  --partitions "$partitions" --replication-factor "$replication")"
[[ -z "$created" ]] || echo "$created"
description="$("${kafka_topics[@]}" --describe --topic "$topic")"
echo "$description"
if [[ "$created" != *"Created topic"* ]]; then
  # --if-not-exists leaves an existing topic as it is, whatever was asked: say so when it differs.
  has_partitions="$(sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' <<<"$description" | head -n 1)"
  has_replication="$(sed -n 's/.*ReplicationFactor: *\([0-9]*\).*/\1/p' <<<"$description" | head -n 1)"
  existing="Topic $topic already exists with $has_partitions partition(s) and replication factor $has_replication"
  if [[ "$has_partitions" != "$partitions" || "$has_replication" != "$replication" ]]; then
    existing+=", not the $partitions and $replication asked for"
  fi
  echo "$existing: left as it is."
fi
