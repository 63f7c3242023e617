#!/usr/bin/env python3
"""Lints a Flatpak manifest of Redress.

The published manifest must be reproducible: every git source pinned to a tag
and its commit, every archive or file source to a sha256, no "dir" source; the
runtime must be a supported GNOME one; and the build may run only the suites
that need no display (test-rule empty, test-commands naming display-free
suites only).  With --devel, a "dir" source is allowed (local builds).
"""
import json
import re
import sys

# GNOME runtimes that are out of support (each lives about a year).
UNSUPPORTED_BELOW = 49
DISPLAY_FREE_SUITES = {'model', 'data'}


def sources(module):
    for source in module.get('sources', []):
        yield source
    for sub in module.get('modules', []):
        if isinstance(sub, dict):
            yield from sources(sub)


def lint(path, devel):
    problems = []
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)

    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('the runtime must be org.gnome.Platform with org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    if not re.fullmatch(r'\d+', version) or int(version) < UNSUPPORTED_BELOW:
        problems.append(f'runtime-version {version!r} is not a supported GNOME runtime')

    for module in manifest.get('modules', []):
        if not isinstance(module, dict):
            problems.append(f'module {module!r} is not inline: it cannot be checked')
            continue
        name = module.get('name', '?')
        for source in sources(module):
            kind = source.get('type')
            if kind == 'git':
                if not source.get('tag') and not source.get('branch'):
                    problems.append(f'{name}: git source without a tag')
                if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
                    problems.append(f'{name}: git source without a full commit hash')
            elif kind in ('archive', 'file'):
                if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    problems.append(f'{name}: {kind} source without a sha256')
            elif kind == 'dir':
                if not devel:
                    problems.append(f'{name}: a "dir" source cannot be published')
            elif kind not in ('patch', 'shell', 'script'):
                problems.append(f'{name}: source type {kind!r} is not allowed')
        if module.get('run-tests'):
            if module.get('test-rule', None) != '':
                problems.append(f'{name}: run-tests without an empty test-rule runs the GUI suite '
                                'without a display')
            for command in module.get('test-commands', []):
                suites = set(re.findall(r'--suite[ =](\S+)', command))
                if not suites or not suites <= DISPLAY_FREE_SUITES:
                    problems.append(f'{name}: test command {command!r} must name display-free '
                                    'suites only')
    return problems


def main():
    args = sys.argv[1:]
    devel = '--devel' in args
    paths = [a for a in args if a != '--devel']
    failed = False
    for path in paths:
        for problem in lint(path, devel):
            print(f'{path}: {problem}')
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
