"""The tutorial's producer_example.py, reduced to what the interop test needs: kafka-python sends the events
given as JSON lines on stdin, serialized as the tutorial does (json.dumps), with acks='all'.

usage: python3 python_producer.py BOOTSTRAP TOPIC < events.jsonl
"""
import json
import sys

from kafka import KafkaProducer

producer = KafkaProducer(
    bootstrap_servers=sys.argv[1],
    value_serializer=lambda v: json.dumps(v).encode("utf-8"),
    acks="all",
)
for line in sys.stdin:
    metadata = producer.send(sys.argv[2], json.loads(line)).get(timeout=30)
    print(f"메시지 전송 성공 - 토픽: {metadata.topic}, 파티션: {metadata.partition}, 오프셋: {metadata.offset}")
producer.flush()
producer.close()
