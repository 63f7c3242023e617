#!/usr/bin/env python3
"""Prints "N passed, N failed, N skipped" from meson's testlog.json files.

Counts TAP subtests; a TAP program that crashed (a GLib assertion prints
"Bail out!", not "not ok") counts as one failure; a program that is not TAP
counts as one test.  Several logs may be given (the ordinary and the
sanitizer builds); a FILE.tap (the fuzz runs) counts its ok / not ok lines.
A log that is missing counts as one failure.
"""
import json
import re
import sys

paths = sys.argv[1:] or ['_build/meson-logs/testlog.json']
GOOD = {'OK', 'EXPECTEDFAIL'}
passed = failed = skipped = 0
lines = []
for path in paths:
    try:
        text = open(path, encoding='utf-8').read()
    except OSError:
        failed += 1
        continue
    if path.endswith('.tap'):
        for status in re.findall(r'^(ok|not ok)\b', text, re.M):
            if status == 'ok':
                passed += 1
            else:
                failed += 1
        continue
    lines += text.splitlines()
for line in lines:
    if not line.strip():
        continue
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
