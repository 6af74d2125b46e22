#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb (what `nbdev-readme` does with Quarto, without Quarto).

    python tools/make_readme.py           # (re)write README.md
    python tools/make_readme.py --check   # exit 1 if README.md is not what index.ipynb gives
"""
import argparse, json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = '<!-- generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file -->'


def _src(cell): return ''.join(cell['source']) if isinstance(cell['source'], list) else cell['source']


def _hidden(src): return any(l.strip() in ('#| hide', '#|hide') or l.strip().startswith('#| export')
                             for l in src.splitlines()[:3])


def readme_text(nb_path=ROOT / 'nbs' / 'index.ipynb'):
    "The README's markdown: markdown cells as they are, visible code cells fenced, with their text outputs"
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for cell in nb['cells']:
        src = _src(cell).strip()
        if not src: continue
        if cell['cell_type'] == 'markdown': parts.append(src)
        elif cell['cell_type'] == 'code' and not _hidden(src):
            code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|'))
            parts.append(f'```python\n{code}\n```')
            for o in cell.get('outputs', []):
                txt = o.get('text') or o.get('data', {}).get('text/plain')
                if txt: parts.append('    ' + ''.join(txt).rstrip().replace('\n', '\n    '))
    first, rest = parts[0], parts[1:]
    return '\n\n'.join([first] + [HEADER] + rest) + '\n'


def main(argv=None):
    ap = argparse.ArgumentParser(description='README.md from nbs/index.ipynb')
    ap.add_argument('--check', action='store_true', help='only check that README.md is current')
    a = ap.parse_args(argv)
    want, path = readme_text(), ROOT / 'README.md'
    if a.check:
        if not path.exists() or path.read_text() != want:
            print('README.md is out of date with nbs/index.ipynb: run `python tools/make_readme.py`', file=sys.stderr)
            return 1
        return 0
    path.write_text(want)
    print(f'wrote {path}')
    return 0


if __name__ == '__main__': sys.exit(main())
