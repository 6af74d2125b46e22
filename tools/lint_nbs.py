#!/usr/bin/env python
"""Find notebook cells that nbdev's docs build would execute out of context.

nbdev's doc processing (`nbdev-docs`, `nbdev-proc-nbs`, `tools/build_docs.py`) runs only exported cells, `show_doc`
cells and any cell that contains an import. A cell that mixes an import with other code therefore runs without
the cells before it, and fails or does slow work. Keep imports in their own cells.

    python tools/lint_nbs.py [notebooks...]     # exit 1 and list offending cells
"""
import ast, sys
from pathlib import Path
from fastcore.nbio import read_nb
from nbdev.process import NBProcessor

ROOT = Path(__file__).resolve().parents[1]
OK_TOP = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def offending(nb_path):
    "Cells that the docs build executes although they hold more than imports and definitions"
    nb = read_nb(nb_path)
    NBProcessor(nb=nb)  # parses directives
    bad = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != 'code' or not cell.source.strip(): continue
        if 'nbdev_export()' in cell.source: continue  # nbdev never runs the export cell during docs
        dirs = cell.directives_
        if dirs.keys() & {'export', 'exports', 'exporti', 'exec_doc'}: continue
        if dirs.get('eval', [''])[0:1] == ['false']: continue
        try: trees = ast.parse('\n'.join(l for l in cell.source.splitlines() if not l.lstrip().startswith(('%', '!'))))
        except SyntaxError: continue
        if 'show_doc' in cell.source and all(isinstance(t, ast.Expr) for t in trees.body): continue
        # nbdev's own rule: a top-level import beside other top-level code (cells whose imports are nested, e.g.
        # under `if find_spec(...)`, also run during the docs build; the build itself checks that they can)
        if not any(isinstance(t, (ast.Import, ast.ImportFrom)) for t in trees.body): continue
        if all(isinstance(t, OK_TOP) for t in trees.body): continue
        bad.append((i, cell.source.splitlines()[0][:70]))
    return bad


def main(argv):
    paths = [Path(a) for a in argv] or sorted((ROOT / 'nbs').glob('*.ipynb'))
    n = 0
    for p in paths:
        for i, first in offending(p):
            n += 1
            print(f'{p.name}: cell {i} mixes imports with other code (the docs build would run it): {first!r}')
    if n: print(f'lint_nbs: {n} cell(s): move their imports into an imports-only cell', file=sys.stderr)
    return 1 if n else 0


if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
