"""The tutorial's consumer_example.py, reduced to what the interop test needs: kafka-python reads every
event from the earliest offset and prints the dict as the tutorial's producer printed it, plus whether the
record's bytes are exactly what json.dumps writes for that dict.

usage: python3 python_consumer.py BOOTSTRAP TOPIC GROUP [COUNT]

With COUNT it stops after COUNT events (the idle timeout, which also runs while the group is joined, is then
only a backstop a slow machine cannot hit).
"""
import json
import sys

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    sys.argv[2],
    bootstrap_servers=sys.argv[1],
    group_id=sys.argv[3],
    auto_offset_reset="earliest",
    enable_auto_commit=True,
    consumer_timeout_ms=5000 if len(sys.argv) < 5 else 30000,
)
count = int(sys.argv[4]) if len(sys.argv) > 4 else None
for n, record in enumerate(consumer, start=1):
    value = json.loads(record.value.decode("utf-8"))
    print(f"메시지 전송: {value}")
    print(f"json.dumps: {json.dumps(value).encode('utf-8') == record.value}")
    if n == count:
        break
consumer.close()
