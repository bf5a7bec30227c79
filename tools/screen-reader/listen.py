#!/usr/bin/env python3
# Listens on the AT-SPI bus and prints, one line each, the events a screen reader reacts to in
# Chromium: focus changes, text changes (a live region filled or emptied) and announcements, with
# the live-region attributes of the object that changed. Run by tools/screen-reader/run.sh.
import sys
import time

import pyatspi


def attributes(accessible):
    try:
        return dict(item.split(':', 1) for item in accessible.getAttributes() if ':' in item)
    except Exception:
        return {}


def on_event(event):
    source = event.source
    try:
        role = source.getRoleName()
        name = source.name or ''
    except Exception:
        role, name = '?', ''
    attrs = attributes(source)
    live = {k: v for k, v in attrs.items() if k in ('live', 'container-live', 'atomic', 'container-atomic', 'container-relevant')}
    text = ''
    if event.type.startswith('object:text-changed'):
        text = str(event.any_data)
    elif event.type.startswith('object:announcement'):
        text = str(event.any_data)
    if event.type.startswith('object:state-changed:focused') and not event.detail1:
        return
    print(f"{time.strftime('%H:%M:%S')} {event.type} role={role} name={name!r} text={text!r} live={live}", flush=True)


for kind in (
    'object:text-changed:insert',
    'object:text-changed:delete',
    'object:state-changed:focused',
    'object:announcement',
    'object:children-changed:add',
):
    pyatspi.Registry.registerEventListener(on_event, kind)
print('listening', file=sys.stderr, flush=True)
pyatspi.Registry.start()
