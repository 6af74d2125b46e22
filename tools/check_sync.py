#!/usr/bin/env python
"""Fail when the library is out of sync with the notebooks, or the notebooks are not clean.

Runs `nbdev-export` and `nbdev-clean` and fails if either changed a file: a hand edit of `sparse_sae/*.py`, an
unexported notebook change, or an uncleaned notebook all show up here. Works without git (it compares contents
before and after), so it gives the same answer in a fresh clone and in a working copy with other changes.
"""
import hashlib, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder, pattern):
    return {p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((ROOT / folder).rglob(pattern)) if '.ipynb_checkpoints' not in p.parts}


def changed(before, after): return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def check(cmd, folder, pattern, what):
    before = snapshot(folder, pattern)
    exe = Path(sys.executable).parent / cmd[0]  # the venv's nbdev, also when the venv is not activated
    subprocess.run([str(exe) if exe.exists() else cmd[0], *cmd[1:]], cwd=ROOT, check=True)
    diff = changed(before, snapshot(folder, pattern))
    if diff:
        print(f'FAIL: `{" ".join(cmd)}` changed {len(diff)} file(s): {", ".join(diff)}\n  {what}', file=sys.stderr)
    return not diff


def main():
    ok = check(['nbdev-export'], 'sparse_sae', '*.py',
               'the library was not what the notebooks export: edit nbs/, never sparse_sae/, then run nbdev-export')
    ok &= check(['nbdev-clean'], 'nbs', '*.ipynb', 'notebooks were not clean: run nbdev-clean and commit the result')
    print('check_sync: library in sync with the notebooks, notebooks clean' if ok else 'check_sync: FAILED')
    return 0 if ok else 1


if __name__ == '__main__': sys.exit(main())
