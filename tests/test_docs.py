"""The offline docs site renders in a real browser: headless Chromium opens the index page and a notebook page."""
import json, shutil, subprocess, sys, tempfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / '_site'
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--window-size=1280,1000',
                  '--virtual-time-budget=8000']


def _chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'):
        if shutil.which(name): return shutil.which(name)
    return None


@pytest.fixture(scope='module')
def site():
    "The built site (built here if `tools/build_docs.py` has not been run yet)"
    if not (SITE / 'pages.json').exists():
        subprocess.run([sys.executable, str(ROOT / 'tools' / 'build_docs.py')], check=True)
    return json.loads((SITE / 'pages.json').read_text())


@pytest.fixture(scope='module')
def chromium():
    exe = _chromium()
    if exe is None:
        pytest.skip('Chromium is not installed (Debian: apt-get install chromium): the docs were built but not seen rendered')
    return exe


def _open(exe, page, tmp):
    "Screenshot and post-JavaScript DOM of `page` in headless Chromium"
    url = (SITE / page).as_uri()
    png = Path(tmp) / (page + '.png')
    prof = ['--user-data-dir=' + str(Path(tmp) / 'profile')]
    subprocess.run([exe, *CHROMIUM_FLAGS, *prof, f'--screenshot={png}', url], check=True, capture_output=True, timeout=120)
    dom = subprocess.run([exe, *CHROMIUM_FLAGS, *prof, '--dump-dom', url], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    return png, dom


def _not_blank(png):
    "The screenshot has real content: many non-background pixels and some contrast"
    import matplotlib.image as mpimg
    img = mpimg.imread(png)[..., :3]
    assert img.shape[0] >= 500 and img.shape[1] >= 1000, img.shape
    frac_ink = float((np.abs(img - 1.0).max(-1) > 0.2).mean())  # pixels that are not (near) white
    assert img.std() > 0.05 and frac_ink > 0.01, (img.std(), frac_ink)
    return frac_ink


def test_index_page_renders(site, chromium):
    with tempfile.TemporaryDirectory() as tmp:
        png, dom = _open(chromium, 'index.html', tmp)
        _not_blank(png)
        shutil.copy(png, SITE / 'index.screenshot.png')
    assert '<h1 class="title">sparse_sae</h1>' in dom
    assert 'What is in it' in dom and 'Contributing' in dom
    assert 'class="MathJax' in dom, 'MathJax did not typeset the maths (served locally from _site/mathjax)'
    for p in site: assert f'href="{p["page"]}"' in dom, f'navigation lacks {p["page"]}'


def test_notebook_page_renders(site, chromium):
    pages = [p for p in site if p['page'] != 'index.html']
    assert pages, 'the site has no notebook pages'
    # the richest page we have: prefer one with plots
    def n_imgs(p): return (SITE / p['page']).read_text().count('<img')
    page = max(pages, key=n_imgs)
    with tempfile.TemporaryDirectory() as tmp:
        png, dom = _open(chromium, page['page'], tmp)
        _not_blank(png)
        shutil.copy(png, SITE / (page['page'] + '.screenshot.png'))
    assert f'<h1 class="title">{page["title"]}</h1>' in dom
    assert 'jp-CodeCell' in dom or 'jp-Cell' in dom, 'no notebook cells rendered'
    if n_imgs(page): assert '<img' in dom
