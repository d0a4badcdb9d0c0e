#!/usr/bin/python3
"""The tutorial's producer_example.py for the benchmark: the same client (kafka-python), the same settings
(a JSON value_serializer, acks='all'), the same random events, send() with a success and an error callback,
and the same lines, but without time.sleep(5) and stopping after --max-messages events.

    /usr/bin/python3 bench/python_producer.py --bootstrap-server localhost:PORT --max-messages 1000000 --quiet

--quiet drops the two lines per event (as the Java producer's --quiet) and prints one summary on stderr.
kafka-python 2.0.2 (Debian's python3-kafka) has no idempotent producer; acks='all' is the tutorial's setting.
"""
import argparse
import json
import random
import sys
import time

from kafka import KafkaProducer

parser = argparse.ArgumentParser()
parser.add_argument('--bootstrap-server', default='localhost:9092')
parser.add_argument('--topic', default='user_activity')
parser.add_argument('--max-messages', type=int, default=1000000)
parser.add_argument('--quiet', action='store_true')
args = parser.parse_args()

producer = KafkaProducer(
    bootstrap_servers=[args.bootstrap_server],
    value_serializer=lambda v: json.dumps(v).encode('utf-8'),
    acks='all',
)

acknowledged = 0
failed = 0


def on_send_success(record_metadata):
    global acknowledged
    acknowledged += 1
    if not args.quiet:
        print(f"메시지 전송 성공 - 토픽: {record_metadata.topic}, "
              f"파티션: {record_metadata.partition}, 오프셋: {record_metadata.offset}")


def on_send_error(excp):
    global failed
    failed += 1
    print(f"메시지 전송 실패: {excp}", file=sys.stderr)


actions = ['login', 'logout', 'page_view', 'add_to_cart', 'payment', 'search']

start = time.time()
for _ in range(args.max_messages):
    action = random.choice(actions)
    data = {
        'user_id': random.randint(1, 1000),
        'action': action,
        'timestamp': time.time(),
    }
    if action == 'payment':
        data['amount'] = random.randint(1, 100) * 100
    if not args.quiet:
        print(f"메시지 전송: {data}")
    producer.send(args.topic, value=data).add_callback(on_send_success).add_errback(on_send_error)

producer.flush()
producer.close()
elapsed = time.time() - start
print(f"프로듀서 종료 - 전송: {args.max_messages}, 성공: {acknowledged}, 실패: {failed} "
      f"({args.max_messages / elapsed:.0f} records/s)", file=sys.stderr)
sys.exit(1 if failed else 0)
