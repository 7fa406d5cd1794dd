#!/usr/bin/env python3
"""check.py FIELDS EVENTS - check JSON lines against tests/ecs/fields.txt.

Prints one line per problem ("LINE: FIELD: what"), nothing when every
event conforms; exit status 1 on any problem, 2 on unusable input.
"""
import ipaddress
import json
import re
import sys

RFC3339 = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$')


def load(path):
    """The reference: fields (name -> (type, is_array)), allowed, expect, required."""
    ref = {'fields': {}, 'allowed': {}, 'expect': {}, 'required': []}
    for line in open(path, encoding='ascii'):
        words = line.split('#', 1)[0].split()
        if not words:
            continue
        kind, rest = words[0], words[1:]
        if kind in ('field', 'custom'):
            ref['fields'][rest[0]] = (rest[1], rest[2:] == ['array'])
        elif kind == 'allowed':
            ref['allowed'][rest[0]] = set(rest[1:])
        elif kind == 'expect':
            ref['expect'][rest[0]] = set(rest[1:])
        elif kind == 'required':
            ref['required'] += rest
        else:
            sys.exit('%s: unknown line kind %s' % (path, kind))
    return ref


def flatten(obj, prefix=''):
    """(dotted name, value) for every leaf; arrays are leaves."""
    for key, val in obj.items():
        name = prefix + key
        if isinstance(val, dict):
            yield from flatten(val, name + '.')
        else:
            yield name, val


def type_ok(ecs_type, val):
    """Whether a JSON value is of the ECS type."""
    if ecs_type == 'keyword':
        return isinstance(val, str)
    if ecs_type == 'date':
        return isinstance(val, str) and RFC3339.match(val) is not None
    if ecs_type == 'ip':
        try:
            ipaddress.ip_address(val)
            return isinstance(val, str)
        except ValueError:
            return False
    if ecs_type == 'long':
        return (isinstance(val, int) and not isinstance(val, bool)
                and -2**63 <= val < 2**63)
    return False


def check_field(ref, name, val):
    """Problems of one field."""
    if name not in ref['fields']:
        return ['not an ECS field nor a phishwatch.* field of the list']
    ecs_type, is_array = ref['fields'][name]
    if is_array != isinstance(val, list):
        return ['must %sbe an array' % ('' if is_array else 'not ')]
    out = []
    for v in val if is_array else [val]:
        if not type_ok(ecs_type, v):
            out.append('%r is not of ECS type %s' % (v, ecs_type))
        allowed = ref['allowed'].get(name)
        if allowed is not None and v not in allowed:
            out.append('%r is not an allowed value' % (v,))
    return out


def check_types(ref, flat):
    """event.type holds an expected type of each event.category, and no other."""
    cats, types = flat.get('event.category', []), flat.get('event.type', [])
    out = []
    for cat in cats:
        if not ref['expect'].get(cat, set()) & set(types):
            out.append('no event.type expected for category %s' % cat)
    for t in types:
        if not any(t in ref['expect'].get(c, set()) for c in cats):
            out.append('event.type %s fits no category of the event' % t)
    return out


def check(ref, event):
    """Problems of one event, as (field, what) pairs."""
    flat = dict(flatten(event))
    out = []
    for name, val in flat.items():
        out += [(name, p) for p in check_field(ref, name, val)]
    out += [(name, 'required, missing') for name in ref['required']
            if name not in flat]
    out += [('event.type', p) for p in check_types(ref, flat)]
    return out


def main():
    ref = load(sys.argv[1])
    bad = 0
    for n, line in enumerate(open(sys.argv[2], encoding='utf-8'), 1):
        try:
            event = json.loads(line)
        except ValueError as e:
            print('%d: not JSON: %s' % (n, e))
            bad += 1
            continue
        for name, what in check(ref, event):
            print('%d: %s: %s' % (n, name, what))
            bad += 1
    sys.exit(1 if bad else 0)


main()
