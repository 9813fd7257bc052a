#!/usr/bin/env python3
"""Inclusive CPU share per method from `jfr print --events jdk.ExecutionSample --stack-depth 200` output:
the share of samples whose stack holds the method, among samples whose stack holds the filter (or all).
   inclusive.py samples.txt [filter] [top]"""
import collections
import re
import sys

text = open(sys.argv[1]).read()
needle = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
top = int(sys.argv[3]) if len(sys.argv) > 3 else 60
counts = collections.Counter()
total = 0
for event in text.split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w.$<>]+)\(', event, re.M)
    if not frames or (needle and not any(needle in f for f in frames)):
        continue
    total += 1
    for frame in set(frames):
        counts[frame] += 1
print(f"samples: {total}" + (f" (stacks holding {needle})" if needle else ""))
for frame, c in counts.most_common(top):
    print(f"{100 * c / total:5.1f}% {frame}")
