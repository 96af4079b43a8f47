# SPDX-License-Identifier: GPL-2.0
# Base reports of round 7: the reports of rounds 5 and 6 (gen/bases.py of
# parse-forms5 and parse-forms6, each read right there as the kernel prints
# it), so that what round 7 misreads is the transport's, not the report's.

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(round_dir, modname):
    path = os.path.join(HERE, '..', '..', round_dir, 'gen', 'bases.py')
    spec = importlib.util.spec_from_file_location(modname, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Rep:
    """One report: its console lines, label, caller id and first stamp."""

    def __init__(self, name, lines, label, caller=None, t0=112.5):
        self.name = name
        self.lines = list(lines)
        self.label = dict(label)
        self.caller = caller
        self.t0 = t0


_r5 = _load('parse-forms5', 'bases5')
_r6 = _load('parse-forms6', 'bases6')

R5 = {b.name: Rep('5' + b.name, b.lines, b.label, b.caller, b.t0)
      for b in _r5.BASES}
R6 = {n: Rep('6' + n, getattr(_r6, n)['lines'], getattr(_r6, n)['label'])
      for n in 'ABCDEFGHIJK'}
