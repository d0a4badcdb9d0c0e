#!/usr/bin/env bash
# Runs one of Kafka's own command-line tools, the same version as the project's clients, without Docker:
#
#   ./kafka.sh kafka-topics --bootstrap-server localhost:9092 --list
#   echo "Hello Kafka!" | ./kafka.sh kafka-console-producer --bootstrap-server localhost:9092 --topic my_topic
#
# Everything after the tool's name is the tool's own arguments, exactly as after `docker exec -it kafka`.
# The tool reads standard input and its exit code is this script's. Needs a JDK and Maven.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat >&2 <<'USAGE'
usage: ./kafka.sh TOOL [ARGS...]
tools: kafka-topics, kafka-console-producer, kafka-console-consumer, kafka-consumer-groups,
       kafka-share-groups, kafka-console-share-consumer, kafka-groups, kafka-features, kafka-configs,
       kafka-broker-api-versions, kafka-get-offsets, kafka-producer-perf-test, kafka-consumer-perf-test,
       kafka-e2e-latency
USAGE
}

tool="${1:-}"
case "$tool" in
  --classpath) main="" ;; # for local-broker.sh: print the classpath and stop
  kafka-topics) main=org.apache.kafka.tools.TopicCommand ;;
  kafka-console-producer) main=org.apache.kafka.tools.ConsoleProducer ;;
  kafka-console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-consumer-groups) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  kafka-share-groups) main=org.apache.kafka.tools.consumer.group.ShareGroupCommand ;;
  kafka-console-share-consumer) main=org.apache.kafka.tools.consumer.ConsoleShareConsumer ;;
  kafka-groups) main=org.apache.kafka.tools.GroupsCommand ;;
  kafka-features) main=org.apache.kafka.tools.FeatureCommand ;;
  kafka-configs) main=org.apache.kafka.tools.ConfigCommand ;;
  kafka-broker-api-versions) main=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  kafka-get-offsets) main=org.apache.kafka.tools.GetOffsetShell ;;
  kafka-producer-perf-test) main=org.apache.kafka.tools.ProducerPerformance ;;
  kafka-consumer-perf-test) main=org.apache.kafka.tools.ConsumerPerformance ;;
  kafka-e2e-latency) main=org.apache.kafka.tools.EndToEndLatency ;;
  -h|--help) usage; exit 0 ;;
  "") echo "kafka.sh: name the tool to run" >&2; usage; exit 2 ;;
  *) echo "kafka.sh: unknown tool '$tool'" >&2; usage; exit 2 ;;
esac
shift

# Kafka's tools and their dependencies come from Maven (test scope in pom.xml). Resolving them takes Maven
# a few seconds, so the classpath is kept in target/ and made again only when pom.xml changes.
classpath_file="$here/target/kafka-tools.classpath"
if [[ ! -s "$classpath_file" || "$here/pom.xml" -nt "$classpath_file" ]]; then
  mkdir -p "$here/target"
  if ! (cd "$here" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$classpath_file" </dev/null >"$here/target/kafka-tools.classpath.log" 2>&1); then
    echo "kafka.sh: Maven could not resolve Kafka's tools; see target/kafka-tools.classpath.log" >&2
    exit 1
  fi
fi

if [[ -z "$main" ]]; then
  cat "$classpath_file"
  exit 0
fi

# The tools log through slf4j-simple here; like the real scripts' tools-log4j2 config, only warnings and
# errors show, on stderr.
exec java -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err \
  -cp "$(cat "$classpath_file")" "$main" "$@"
