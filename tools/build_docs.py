#!/usr/bin/env python
"""Offline documentation build: nbdev's processed notebooks -> a static HTML site in `_site/`.

Quarto cannot be installed on the project machines, so `nbdev-docs` cannot run there. This script takes the same
route up to Quarto's step: nbdev processes the notebooks into `_proc/` (directives applied, `show_doc` cells run,
front matter extracted), then nbconvert renders each processed notebook to one HTML page, with a navigation bar,
MathJax served from the site itself (no CDN), and the plots embedded. Page names follow nbdev's rule
(`00_theory.ipynb` -> `theory.html`), so nbdev's cross-links resolve.

    python tools/build_docs.py            # writes _site/index.html and one page per notebook
"""
import argparse, html, json, re, shutil, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATHJAX_CONFIG = 'TeX-AMS-MML_HTMLorMML-full,Safe'


def front_matter(nb):
    "The YAML front matter nbdev puts in the first raw cell of a processed notebook, as a dict"
    import yaml
    for cell in nb.cells[:2]:
        src = cell.source.strip()
        if cell.cell_type == 'raw' and src.startswith('---'):
            return {k: str(v) for k, v in (yaml.safe_load(src.strip('-')) or {}).items()}
    return {}


def page_name(nb_path, meta):
    "nbdev's page name: the front matter's `output-file`, else the notebook name without its numeric prefix"
    if meta.get('output-file'): return meta['output-file']
    return re.sub(r'^\d+[a-z]?_', '', nb_path.stem) + '.html'


def nav_html(pages, current):
    "A navigation bar linking every page, the current one marked"
    cur = ' class="current"'
    links = ' '.join(f'<a href="{p}"{cur if p == current else ""}>{html.escape(t)}</a>' for p, t in pages)
    return f'<nav class="ssae-nav"><span class="ssae-brand">sparse_sae</span> {links}</nav>'


NAV_CSS = """<style>
.ssae-nav{position:sticky;top:0;z-index:10;background:#2780e3;padding:.5rem 1rem;font-family:sans-serif;font-size:.95rem}
.ssae-nav a{color:#fff;margin-right:1rem;text-decoration:none}.ssae-nav a.current{font-weight:bold;text-decoration:underline}
.ssae-brand{color:#fff;font-weight:bold;margin-right:1.5rem}
.ssae-header{padding:1rem 2rem 0 2rem}.ssae-header .description{font-style:italic;opacity:.75;font-size:1.2rem}
</style>"""


def render(proc_dir, site_dir):
    "Render every processed notebook in `proc_dir` to `site_dir`; returns [(page, title)]"
    import nbformat
    from nbconvert import HTMLExporter
    nbs = sorted(p for p in proc_dir.glob('*.ipynb'))
    if not nbs: raise SystemExit(f'build_docs: no processed notebooks in {proc_dir}')
    loaded = []
    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        nb.metadata.pop('execution', None)  # nbdev writes a float here, which nbformat's schema rejects
        for c in nb.cells: c.metadata.pop('execution', None)
        meta = front_matter(nb)
        loaded.append((p, nb, meta, page_name(p, meta)))
    loaded.sort(key=lambda t: (t[3] != 'index.html', t[0].name))
    pages = [(page, meta.get('title', page[:-5])) for _, _, meta, page in loaded]
    exporter = HTMLExporter(template_name='lab')
    exporter.mathjax_url = f'mathjax/MathJax.js?config={MATHJAX_CONFIG}'
    exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
    for p, nb, meta, page in loaded:
        nb.cells = [c for c in nb.cells if not (c.cell_type == 'raw' and c.source.strip().startswith('---'))]
        title = meta.get('title', page[:-5])
        body, _ = exporter.from_notebook_node(nb, resources={'metadata': {'name': title}})
        body = re.sub(r'<script src="https://cdnjs\.cloudflare\.com/ajax/libs/require\.js/[^"]*"></script>', '', body)
        head = f'<header class="ssae-header"><h1 class="title">{html.escape(title)}</h1>'
        if meta.get('description'): head += f'<p class="description">{html.escape(meta["description"])}</p>'
        head += '</header>'
        body = body.replace('</head>', NAV_CSS + '</head>', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + nav_html(pages, page) + head, body, count=1)
        (site_dir / page).write_text(body)
    return pages


def copy_mathjax(site_dir):
    "Serve MathJax from the site itself, from the `jupyter-server-mathjax` package"
    import jupyter_server_mathjax
    src = Path(jupyter_server_mathjax.__file__).parent / 'static'
    shutil.copytree(src, site_dir / 'mathjax', dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns('localization', 'SVG', '*.md'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default=str(ROOT / '_site'), help='output folder (default: _site)')
    ap.add_argument('--skip-proc', action='store_true', help='render the existing _proc/ without reprocessing')
    a = ap.parse_args(argv)
    t0 = time.time()
    if not a.skip_proc:
        from nbdev.serve import proc_nbs
        proc_nbs(path=str(ROOT / 'nbs'), force=True, n_workers=0)
    site = Path(a.out)
    if site.exists(): shutil.rmtree(site)
    site.mkdir(parents=True)
    pages = render(ROOT / '_proc', site)
    copy_mathjax(site)
    (site / 'pages.json').write_text(json.dumps([{'page': p, 'title': t} for p, t in pages], indent=1))
    print(f'build_docs: {len(pages)} pages in {site} ({time.time() - t0:.1f} s): ' + ', '.join(p for p, _ in pages))
    return 0


if __name__ == '__main__': sys.exit(main())
