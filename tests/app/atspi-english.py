#!/usr/bin/python3
# atspi-english.py LANG: no English left in the window of a translated run.
#
# Copyright 2026 The Redress developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts Redress with LANGUAGE=LANG on a demonstration docket, uninstalled
# (REDRESS_LOCALEDIR points at the build tree's catalogues), and reads its
# accessibility tree as a screen reader does: the docket, a case opened from
# it, the Deadlines and Composer pages and the Preferences window.  Every name
# and description in the tree that is still an English string of the
# catalogue (one whose translation differs), or the English name of a State
# that iso-codes translates, fails the test.  Proper names, references and
# numbers are never msgids, so they pass.
#
# With REDRESS_SCREENSHOT_DIR set, saves a screenshot of each view there.
#
#   xvfb-run -a dbus-run-session -- /usr/bin/python3 tests/app/atspi-english.py fr
# Needs REDRESS_CLI, REDRESS_APP, REDRESS_LOCALEDIR, REDRESS_SRCDIR.  Prints TAP.

import ast
import csv
import gettext
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('atspi_names', os.path.join(HERE, 'atspi-names.py'))
walker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(walker)
pyatspi = walker.pyatspi
children, find, wait_for, click, content_title = (walker.children, walker.find, walker.wait_for,
                                                  walker.click, walker.content_title)
walker.DEADLINE = time.monotonic() + 300

VIEWS = ['docket', 'case page', 'Deadlines page', 'Composer page', 'Preferences']


def catalogue(lang):
    """msgid → msgstr of the program's compiled catalogue for @lang."""
    path = os.path.join(os.environ['REDRESS_LOCALEDIR'], lang, 'LC_MESSAGES', 'redress.mo')
    with open(path, 'rb') as f:
        return gettext.GNUTranslations(f)


def source_msgids():
    """Every msgid of the sources now (xgettext over po/POTFILES.in), so that a
    string missing from the catalogue counts too."""
    src = os.environ['REDRESS_SRCDIR']
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'redress.pot')
        subprocess.run(['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
                        '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
                        '--files-from=po/POTFILES.in', '-o', pot], cwd=src, check=True,
                       stderr=subprocess.DEVNULL)
        msgids, current, key = [], [], None
        with open(pot, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line.startswith('"') and key is not None:
                    current.append(ast.literal_eval(line))
                    continue
                if key == 'msgid' and current is not None:
                    msgids.append(''.join(current))
                key, current = None, None
                for k in ('msgid', 'msgid_plural'):
                    if line.startswith(k + ' "'):
                        key, current = k, [ast.literal_eval(line[len(k) + 1:])]
        if key == 'msgid':
            msgids.append(''.join(current))
    return [m for m in msgids if m]


def english_strings(lang):
    """The English texts a translated window must not show: every msgid of the
    sources the catalogue does not give as is, and the English names of the
    States iso-codes translates."""
    t = catalogue(lang)
    # A word both languages spell the same ("Communication", French "Close")
    # is not English.
    translated = {v.replace('_', '').strip() for v in t._catalog.values()}
    english = {}
    for msgid in source_msgids():
        if t._catalog.get(msgid) == msgid:
            continue
        for form in {msgid.strip(), msgid.replace('_', '').strip()}:
            if form and form not in translated:
                english[form] = 'the English msgid "%s"' % msgid
    try:
        iso = gettext.translation('iso_3166-1', '/usr/share/locale', [lang])
    except OSError:
        iso = None
    with open(os.path.join(os.environ['REDRESS_SRCDIR'], 'data', 'states.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            name = row['name']
            if iso is not None and iso.gettext(name) != name:
                english[name] = 'the English name of a State'
    return english, t


def names(root, skip_roots=()):
    """Every name and description in the tree under @root, with its role; not
    under the objects named in @skip_roots (pages checked on their own)."""
    out = []

    def walk(node, chain):
        try:
            if node.name in skip_roots:
                return
            # GTK's calendar takes its month names from the C library's
            # LC_TIME, not from a catalogue: English under C.UTF-8 whatever
            # LANGUAGE says, French under a French locale.
            if not walker.visible(node) or node.name == 'GtkCalendar':
                return
            where = ' > '.join(walker.describe(a) for a in chain[-3:] if a.name)
            for text in (node.name, node.description):
                text = (text or '').replace('\u200e', '').replace('\u200f', '')
                text = text.replace('\u2068', '').replace('\u2069', '').strip()
                if text:
                    out.append((node.getRoleName(), text, where))
            for child in children(node):
                walk(child, chain + [node])
        except Exception:          # an object vanished while the tree changed
            pass

    walk(root, [])
    return out


def english_in(root, english, skip_roots=()):
    found = []
    for role, text, where in names(root, skip_roots):
        # A label may join several strings: an explanation and its citation
        # on two lines, parts with " · ".
        pieces = {text} | {p.strip() for p in re.split(r'\n| · ', text)}
        for piece in sorted(pieces):
            if piece in english:
                found.append('[%s] %r in %s: %s' % (role, piece, where or 'the window', english[piece]))
    return sorted(set(found))


def screenshot(name):
    folder = os.environ.get('REDRESS_SCREENSHOT_DIR')
    if folder:
        os.makedirs(folder, exist_ok=True)
        # Only the picture waits for the last frame to be drawn: what the
        # test asserts is read from the accessibility tree once it is there.
        time.sleep(0.5)
        subprocess.run(['import', '-window', 'root', os.path.join(folder, name + '.png')], check=False)


def main():
    lang = sys.argv[1] if len(sys.argv) > 1 else 'fr'
    cli = os.environ['REDRESS_CLI']
    app_exe = os.environ['REDRESS_APP']
    print('1..%d' % len(VIEWS))
    sys.stdout.flush()
    if not os.path.exists(os.path.join(os.environ['REDRESS_LOCALEDIR'], lang, 'LC_MESSAGES', 'redress.mo')):
        for i, view in enumerate(VIEWS):
            print('ok %d - %s # SKIP no %s catalogue in the build' % (i + 1, view, lang))
        return 0

    english, t = english_strings(lang)
    tmp = tempfile.mkdtemp(prefix='redress-english-')
    docket = os.path.join(tmp, 'd.redress')
    proc = None
    results = []

    try:
        subprocess.run([cli, '--docket', docket, 'demo', '--cases', '20', '--seed', '1'],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        env['LANGUAGE'] = lang
        proc = subprocess.Popen([app_exe, docket], env=env, stdout=sys.stderr)
        desktop = pyatspi.Registry.getDesktop(0)

        def find_app():
            if proc.poll() is not None:
                raise SystemExit('Bail out! Redress exited with status %d' % proc.returncode)
            return next((a for a in children(desktop) if a.name == 'redress'), None)

        app = wait_for('Redress on the accessibility bus', find_app)
        rows = wait_for('the docket rows', lambda: find(app, lambda n: n.getRoleName() == 'list'
                                                        and n.name == 'GtkColumnListView'
                                                        and n.childCount > 0))
        frame = next(children(app))
        screenshot('%s-docket' % lang)
        results.append(('docket', english_in(frame, english, set(walker.PAGE_ROOTS.values()))))

        first = rows.getChildAtIndex(0)
        title = first.getChildAtIndex(1).getChildAtIndex(0).name
        click(first)
        wait_for('the case %r to open' % title,
                 lambda: any(t and t[0] == title for t in content_title(app)), timeout=60)
        screenshot('%s-case' % lang)
        page = find(frame, lambda n: n.name == walker.PAGE_ROOTS['case'])
        results.append(('case page', english_in(page, english)))

        for name, key in (('Deadlines', 'deadlines'), ('Composer', 'composer')):
            shown = t.gettext(name)
            # Longer words can make a page wider than the window beside the
            # sidebar: the window then folds, and its Back button shows the
            # sidebar again.
            back = find(frame, lambda n: n.getRoleName() == 'push button' and n.name == t.gettext('Back')
                        and walker.visible(n) and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[2] > 0)
            if back is not None and key == 'composer':
                click(back)
            row = wait_for('the sidebar row %r' % shown,
                           lambda: find(frame, lambda n: n.getRoleName() == 'list item' and n.name == shown
                                        and walker.visible(n)
                                        and n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[2] > 0),
                           timeout=60)
            click(row)
            wait_for('the %s page' % shown, lambda: any(t and t[0] == shown for t in content_title(app)),
                     timeout=60)
            screenshot('%s-%s' % (lang, key))
            page = find(frame, lambda n: n.name == walker.PAGE_ROOTS[key])
            results.append(('%s page' % name, english_in(page, english)))

        subprocess.run(['xdotool', 'key', 'ctrl+comma'], check=True)
        prefs = wait_for('the Preferences window (Ctrl+,)',
                         lambda: next((w for w in children(app) if w.name != frame.name), None), timeout=60)
        screenshot('%s-preferences' % lang)
        results.append(('Preferences', english_in(prefs, english)))
    except (walker.Failure, Exception) as e:
        results.append(('navigation', str(e)))
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    failed = False
    for i, view in enumerate(VIEWS):
        if i >= len(results):
            print('not ok %d - %s: not reached' % (i + 1, view))
            failed = True
            continue
        label, found = results[i]
        if isinstance(found, str):
            print('# ' + found)
            print('not ok %d - %s' % (i + 1, label))
            failed = True
            continue
        for line in found:
            print('# English: ' + line)
        if found:
            print('not ok %d - %s (%s): %d texts still in English' % (i + 1, label, lang, len(found)))
            failed = True
        else:
            print('ok %d - %s (%s): no English string of the catalogue' % (i + 1, label, lang))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
