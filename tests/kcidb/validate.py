#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
# validate.py SCHEMA FILE...: each FILE against the KCIDB JSON Schema
# (../shared/kcidb/v05_03.schema.json) with Debian's python3-jsonschema and
# its format checker (uri needs python3-rfc3987: without it the check would
# pass silently, so that is an error).  Prints "FILE: ok" or each error
# with its JSON path; exit 1 when any file is not valid.
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1]))
    cls = jsonschema.Draft202012Validator
    checker = cls.FORMAT_CHECKER
    if "uri" not in checker.checkers:
        print("validate.py: the format checker cannot check 'uri'"
              " (apt-get install python3-rfc3987)")
        return 1
    v = cls(schema, format_checker=checker)
    bad = 0
    for name in sys.argv[2:]:
        try:
            doc = json.load(open(name))
        except ValueError as e:
            print("%s: not JSON: %s" % (name, e))
            bad += 1
            continue
        errs = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        for e in errs[:10]:
            print("%s: $%s: %s" % (name, "".join(
                "[%r]" % p for p in e.absolute_path), e.message))
        if errs:
            bad += 1
        else:
            print("%s: ok" % name)
    return 1 if bad else 0


sys.exit(main())
