#!/usr/bin/env python3
# Finds user-visible text that is not marked for translation:
#  - in .ui templates, a text property (label, title, tooltip …) without
#    translatable="yes";
#  - in C, an error message (g_set_error, g_set_error_literal, g_prefix_error)
#    given as a bare string literal instead of _("…").
# Prints each place and exits 1 when it finds one.
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
TEXT_PROPERTIES = {"label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
                   "description", "text", "heading", "body", "secondary-text", "accelerator-label"}
problems = []

for ui in sorted((root / "ui").rglob("*.ui")):
    tree = ET.parse(ui)
    for prop in tree.iter():
        if prop.tag not in ("property", "attribute", "item"):
            continue
        name = prop.get("name", "label" if prop.tag == "item" else "")
        text = (prop.text or "").strip()
        if name not in TEXT_PROPERTIES or not re.search(r"[A-Za-z]{2}", text):
            continue
        if prop.get("translatable") in ("yes", "true", "1"):
            continue
        problems.append(f"{ui.relative_to(root)}: {prop.tag} {name} “{text[:40]}” is not translatable=\"yes\"")

# The argument that holds the message: g_set_error (error, domain, code, FORMAT, …).
CALLS = {"g_set_error": 3, "g_set_error_literal": 3, "g_prefix_error": 1, "g_propagate_prefixed_error": 2}
call_re = re.compile(r"\b(" + "|".join(CALLS) + r")\s*\(")


def arguments(text, start):
    """Splits the call's arguments from just after its "(", skipping strings,
    characters and nested brackets; returns them as text."""
    args, depth, cur, i = [], 0, [], start
    while i < len(text):
        c = text[i]
        if c in "\"'":
            j = i + 1
            while j < len(text) and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip())
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    return args


for c_file in sorted((root / "src").rglob("*.c")):
    text = c_file.read_text(encoding="utf-8")
    for m in call_re.finditer(text):
        args = arguments(text, m.end())
        index = CALLS[m.group(1)]
        # A format with no words ("%s: %s") needs no translation.
        if len(args) > index and args[index].startswith('"') and \
                re.search(r"[A-Za-z]{2}", re.sub(r"%[-+ #0-9.]*[a-zA-Z]+", "", args[index])):
            line = text.count("\n", 0, m.start()) + 1
            problems.append(f"{c_file.relative_to(root)}:{line}: {m.group(1)} with a message not marked _(): {args[index][:50]}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
