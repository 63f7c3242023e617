#!/usr/bin/python3
# desktop-integration.py: Redress as the desktop starts it.
#
# Copyright 2026 The Redress developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# On a session bus of its own, which knows Redress's D-Bus service file (as an
# installed Redress or its Flatpak has it) and a stand-in for Yelp:
#   1. with Redress not running, a reminder's "Open Case" (ActivateAction
#      "open-case" on the session bus) starts it and shows that case;
#   2. F1 in its window asks the desktop for the user guide, help:redress;
#   3. the desktop file's "New Communication" action, with Redress not
#      running, starts it and opens a new communication in the docket.
# Each step waits for what a user would see, read through AT-SPI.
#
# Needs a display; starts its own bus with dbus-run-session.  Needs
# REDRESS_CLI and REDRESS_APP (meson sets them).  Prints TAP.

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = os.environ.get('REDRESS_APP_ID', 'io.github.redress.Redress')
OBJECT_PATH = '/' + APP_ID.replace('.', '/')
TIMEOUT = 40


class Failure(Exception):
    pass


def wait_for(what, predicate, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Failure:
            raise
        except Exception:        # objects vanish while the tree changes
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise Failure('timed out waiting for ' + what)
        time.sleep(0.1)


def gdbus(*args):
    return subprocess.run(['gdbus', 'call', '--session', *args], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def activate_action(name, target=None):
    parameter = '[]' if target is None else '[%s]' % target
    gdbus('--dest', APP_ID, '--object-path', OBJECT_PATH,
          '--method', 'org.freedesktop.Application.ActivateAction', name, parameter, '{}')


def name_has_owner():
    out = gdbus('--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus',
                '--method', 'org.freedesktop.DBus.NameHasOwner', APP_ID)
    return 'true' in out


def app_pid():
    out = gdbus('--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus',
                '--method', 'org.freedesktop.DBus.GetConnectionUnixProcessID', APP_ID)
    return int(out.strip().strip('(),').split()[-1].rstrip(',)'))


def quit_app():
    if not name_has_owner():
        return
    activate_action('quit')
    wait_for('Redress to quit', lambda: not name_has_owner())


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


# The invisible marks that isolate a title's direction (U+2066-U+2069,
# U+200E, U+200F): not what the user reads.
BIDI_MARKS = dict.fromkeys(map(ord, '\u2066\u2067\u2068\u2069\u200e\u200f'))


def content_titles(app):
    """The titles and subtitles shown above the content."""
    titles = []

    def collect(node):
        if node.name == 'AdwWindowTitle':
            box = next(children(node), None)
            if box is not None:
                titles.append([(label.name or '').translate(BIDI_MARKS) for label in children(box)])
        for child in children(node):
            collect(child)

    collect(app)
    return titles


def find_app(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    return next((a for a in children(desktop) if a.name == 'redress' and a.childCount > 0), None)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def inner(tmp):
    import pyatspi

    cli = os.environ['REDRESS_CLI']
    docket = os.path.join(tmp, 'd.redress')
    help_log = os.path.join(tmp, 'help-uri')
    results = []

    subprocess.run([cli, '--docket', docket, 'demo', '--cases', '3', '--seed', '1'],
                   check=True, stdout=subprocess.DEVNULL)
    cases = json.loads(subprocess.run([cli, '--docket', docket, 'list', '--json'], check=True,
                                      capture_output=True, text=True).stdout)
    case = cases[0]

    tap = open(os.path.join(tmp, 'tap'), 'w', encoding='utf-8')
    tap.write('1..3\n')
    tap.flush()

    # 1. A reminder's "Open Case" starts Redress and shows the case.
    try:
        if name_has_owner():
            raise Failure('Redress already runs on the test bus')
        activate_action('open-case', "<('%s', '%s')>" % (docket, case['id']))
        app = wait_for('Redress on the accessibility bus', lambda: find_app(pyatspi))
        wait_for('the case %r to show' % case['title'],
                 lambda: any(t and t[0] == case['title'] for t in content_titles(app)))
        results.append((True, 'a reminder\'s Open Case starts Redress and shows the case'))
    except Exception as e:
        results.append((False, 'open-case by D-Bus activation: %s' % e))

    # 2. F1 asks the desktop for the user guide.
    try:
        app = wait_for('Redress on the accessibility bus', lambda: find_app(pyatspi))
        window = wait_for('the window', lambda: subprocess.run(
            ['xdotool', 'search', '--onlyvisible', '--pid', str(app_pid())],
            capture_output=True, text=True).stdout.split()[:1])
        subprocess.run(['xdotool', 'windowfocus', '--sync', window[0], 'key', 'F1'],
                       check=True, timeout=30)
        uri = wait_for('the help URI', lambda: os.path.exists(help_log)
                       and open(help_log, encoding='utf-8').read().strip())
        if uri != 'help:redress':
            raise Failure('F1 opened %r, not help:redress' % uri)
        results.append((True, 'F1 opens the user guide (help:redress)'))
    except Exception as e:
        results.append((False, 'F1: %s' % e))

    # 3. The desktop file's New Communication, with Redress not running.
    try:
        quit_app()
        activate_action('new-communication')
        app = wait_for('Redress on the accessibility bus', lambda: find_app(pyatspi))

        def one_more_case():
            out = subprocess.run([cli, '--docket', docket, 'list', '--json'],
                                 capture_output=True, text=True).stdout
            listed = json.loads(out) if out.strip() else []
            return [c for c in listed if c['id'] not in {k['id'] for k in cases}]

        new = wait_for('a new communication in the docket', one_more_case)[0]
        if new['kind'] != 'communication':
            raise Failure('a new %s, not a communication' % new['kind'])
        wait_for('the new case %r to show' % new['reference'],
                 lambda: any(new['reference'] in t for t in content_titles(app)))
        results.append((True, 'New Communication from the desktop file starts Redress and '
                              'opens a new communication'))
    except Exception as e:
        results.append((False, 'new-communication: %s' % e))

    try:
        quit_app()
    except Exception:
        pass

    failed = False
    for i, (ok, text) in enumerate(results):
        tap.write('%s %d - %s\n' % ('ok' if ok else 'not ok', i + 1, text))
        failed |= not ok
    tap.close()
    return 1 if failed else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--inner':
        return inner(sys.argv[2])

    try:
        import pyatspi  # noqa: F401
    except ImportError:
        print('1..0 # SKIP pyatspi is not installed')
        return 77
    if shutil.which('dbus-run-session') is None or shutil.which('gdbus') is None:
        print('1..0 # SKIP dbus-run-session or gdbus is missing')
        return 77

    tmp = tempfile.mkdtemp(prefix='redress-desktop-')
    try:
        data = os.path.join(tmp, 'data')
        config = os.path.join(tmp, 'config')
        # The service file as installed, pointing at this build.
        write(os.path.join(data, 'dbus-1', 'services', APP_ID + '.service'),
              '[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n'
              % (APP_ID, os.environ['REDRESS_APP']))
        # A stand-in for Yelp that writes down the URI it was asked to show.
        write(os.path.join(data, 'applications', 'redress-test-help.desktop'),
              '[Desktop Entry]\nType=Application\nName=Help stand-in\n'
              'Exec=sh -c "echo \\"$1\\" > %s" sh %%u\n'
              'MimeType=x-scheme-handler/help;\nNoDisplay=true\n' % os.path.join(tmp, 'help-uri'))
        write(os.path.join(config, 'mimeapps.list'),
              '[Default Applications]\nx-scheme-handler/help=redress-test-help.desktop\n')
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        env.pop('DBUS_SESSION_BUS_ADDRESS', None)
        env['XDG_DATA_HOME'] = data
        env['XDG_CONFIG_HOME'] = config
        env['XDG_DATA_DIRS'] = env.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share')
        # Settings kept across the instances this test starts (the docket
        # opened last), in the test's own folder.
        env['GSETTINGS_BACKEND'] = 'keyfile'
        # The bus and the services it starts write to their stdout: keep
        # that out of the TAP, which the inner part writes to a file.
        rc = subprocess.run(['dbus-run-session', '--', sys.executable, sys.argv[0],
                             '--inner', tmp], env=env, stdout=sys.stderr, timeout=300).returncode
        tap = os.path.join(tmp, 'tap')
        if os.path.exists(tap):
            with open(tap, encoding='utf-8') as f:
                sys.stdout.write(f.read())
        else:
            print('Bail out! the test did not run (exit status %d)' % rc)
        return rc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
