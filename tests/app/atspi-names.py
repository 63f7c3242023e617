#!/usr/bin/python3
# atspi-names.py: every interactive widget has an accessible name.
#
# Copyright 2026 The Redress developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts Redress on a demonstration docket and reads its accessibility tree
# through AT-SPI, as a screen reader does: the docket view, a case opened
# from the docket, the Deadlines page and the Composer page.  Every visible
# button, toggle, check box, radio button, drop-down, text field, spin
# button, menu button, slider, switch or link must have an accessible name;
# GTK 4.8 falls back to the widget's type name ("GtkImage", "GtkDropDown")
# when there is none, so such names count as missing.
#
# GTK 4.8 does not report the SHOWING state below the window, so each page is
# checked as a whole, including the parts of it its stacks do not show at the
# moment.  Insensitive widgets are checked too: a screen reader announces them
# as dimmed, and without a name it cannot say what they are.
#
# Run it under a display and a session bus started inside it:
#   xvfb-run -a dbus-run-session -- /usr/bin/python3 tests/app/atspi-names.py
# Needs REDRESS_CLI and REDRESS_APP (meson sets them).  Prints TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP pyatspi is not installed')
    sys.exit(77)

DEADLINE = time.monotonic() + 55

INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'entry', 'text', 'password text', 'spin button', 'menu button', 'slider',
    'switch', 'link',
}
BUTTONS = {'push button', 'toggle button', 'menu button'}
TYPE_NAME = re.compile(r'(Gtk|Adw|Redress)[A-Z]\w*')

# The pages other than the docket, by the root GTK 4.8 exposes for them.
PAGE_ROOTS = {
    'case': 'RedressCasePage',
    'deadlines': 'RedressDeadlinesPage',
    'composer': 'RedressComposerPage',
}


class Failure(Exception):
    pass


def wait_for(what, predicate, timeout=15):
    end = min(time.monotonic() + timeout, DEADLINE)
    while True:
        try:
            value = predicate()
        except Exception:        # objects vanish while the tree changes
            value = None
        if value:
            return value
        if time.monotonic() > end:
            raise Failure('timed out waiting for ' + what)
        time.sleep(0.1)


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def find(node, predicate):
    if predicate(node):
        return node
    for child in children(node):
        found = find(child, predicate)
        if found is not None:
            return found
    return None


def visible(node):
    return node.getState().contains(pyatspi.STATE_VISIBLE)


def has_name(node):
    name = (node.name or '').strip()
    return name != '' and not TYPE_NAME.fullmatch(name)


def describe(node):
    return '[%s] %r' % (node.getRoleName(), node.name or '')


def is_named(node, role):
    if has_name(node):
        return True
    # A menu button is a box around a toggle button: either may carry the name.
    if role in BUTTONS:
        return any(c.getRoleName() in BUTTONS and has_name(c) for c in children(node))
    return False


def offenders(root, skip_roots=()):
    """Unnamed interactive objects under @root, with their ancestors."""
    found = []

    def walk(node, chain):
        if not visible(node):
            return
        if node.name in skip_roots:
            return
        role = node.getRoleName()
        parent_role = chain[-1].getRoleName() if chain else ''
        # The parts GTK builds inside a named widget (the toggle of a
        # drop-down or menu button, the text of an entry) take its name.
        inner = (parent_role in BUTTONS | {'combo box'} and role in BUTTONS) or \
                (parent_role in {'entry', 'spin button', 'text', 'password text'} and role == 'text')
        if role in INTERACTIVE and not inner and not is_named(node, role):
            path = ' > '.join(describe(a) for a in chain[-6:] if a.name)
            found.append('%s in %s' % (describe(node), path or 'the window'))
        for child in children(node):
            walk(child, chain + [node])

    walk(root, [])
    return found


def content_title(app):
    """The title shown above the content: the case's, or the page's."""
    titles = []

    def collect(node):
        if node.name == 'AdwWindowTitle':
            box = next(children(node), None)
            if box is not None:
                titles.append([label.name for label in children(box)])
        for child in children(node):
            collect(child)

    collect(app)
    return titles


def click(node):
    # GTK 4.8 exposes no action on list rows and cannot grab focus through
    # AT-SPI, so click the row (one click opens it) where it reports to be.
    # Its extents are relative to the window, which lies at the screen's
    # origin without a window manager.
    x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(x + min(w // 2, 40)), str(y + h // 2),
                    'click', '1'], check=True)


def main():
    cli = os.environ['REDRESS_CLI']
    app_exe = os.environ['REDRESS_APP']
    tmp = tempfile.mkdtemp(prefix='redress-atspi-')
    docket = os.path.join(tmp, 'd.redress')
    proc = None
    results = []      # (page, offenders or error message)

    print('1..4')
    sys.stdout.flush()
    try:
        subprocess.run([cli, '--docket', docket, 'demo', '--cases', '20', '--seed', '1'],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
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

        # 1. The docket, with the sidebar and the header bars.
        results.append(('docket view', offenders(frame, skip_roots=set(PAGE_ROOTS.values()))))

        # 2. A case, opened from the docket's first row.
        first = rows.getChildAtIndex(0)
        title = first.getChildAtIndex(1).getChildAtIndex(0).name
        click(first)
        wait_for('the case %r to open' % title,
                 lambda: any(t and t[0] == title for t in content_title(app)))
        page = find(frame, lambda n: n.name == PAGE_ROOTS['case'])
        results.append(('case page', offenders(page)))

        # 3. The Deadlines and Composer pages, from the sidebar.
        for name, key in (('Deadlines', 'deadlines'), ('Composer', 'composer')):
            row = find(frame, lambda n: n.getRoleName() == 'list item' and n.name == name)
            click(row)
            wait_for('the %s page' % name,
                     lambda: any(t and t[0] == name for t in content_title(app)))
            page = find(frame, lambda n: n.name == PAGE_ROOTS[key])
            results.append(('%s page' % name, offenders(page)))
    except (Failure, Exception) as e:
        results.append(('navigation', str(e)))
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    failed = False
    for i in range(4):
        if i >= len(results):
            print('not ok %d - not reached' % (i + 1))
            failed = True
            continue
        label, found = results[i]
        if isinstance(found, str):
            print('# ' + found)
            print('not ok %d - %s' % (i + 1, label))
            failed = True
            continue
        for line in found:
            print('# unnamed: ' + line)
        if found:
            print('not ok %d - %s: %d interactive widgets without an accessible name'
                  % (i + 1, label, len(found)))
            failed = True
        else:
            print('ok %d - %s: every interactive widget has an accessible name' % (i + 1, label))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
