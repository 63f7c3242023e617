#!/usr/bin/env python3
"""Prints "N passed, N failed, N skipped" from meson's testlog.json.

Counts TAP subtests; a TAP program that crashed (a GLib assertion prints
"Bail out!", not "not ok") counts as one failure; a program that is not TAP
counts as one test.
"""
import json
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else '_build/meson-logs/testlog.json'
GOOD = {'OK', 'EXPECTEDFAIL'}
passed = failed = skipped = 0
try:
    lines = open(path, encoding='utf-8').readlines()
except OSError:
    print('0 passed, 1 failed')
    sys.exit(1)
for line in lines:
    t = json.loads(line)
    res = t['result']
    tap = re.findall(r'^(ok|not ok)\b(.*)$', t.get('stdout') or '', re.M)
    if not tap:
        if res in GOOD:
            passed += 1
        elif res == 'SKIP':
            skipped += 1
        else:
            failed += 1
        continue
    bad = 0
    for status, rest in tap:
        d = rest.split('#', 1)[1].strip().upper() if '#' in rest else ''
        if d.startswith(('SKIP', 'TODO')):
            skipped += 1
        elif status == 'ok':
            passed += 1
        else:
            bad += 1
    if bad == 0 and res not in GOOD | {'SKIP'}:
        bad = 1
    failed += bad
print(f'{passed} passed, {failed} failed, {skipped} skipped')
sys.exit(1 if failed else 0)
