"""Benchmark: wall time of the blog's experiment 1 through `sparse_sae.crossing.sweep`.

Full size (the target): 35 alpha x 3 rho x 400 trials, N=200, decoders pinv + lasso_k + bp, one W per
(alpha, rho) point (the blog's protocol), 2 workers; target < 60 s on 2 cores.

    python bench/crossing.py                      # full size, 2 workers
    python bench/crossing.py --trials 20 --n-alpha 5 --workers 1   # smoke test

Prints a table and writes bench/results/crossing.md. The GPU row is measured only where CUDA is available
(the decoders run on torch tensors moved to the GPU); otherwise it says why it was skipped.
"""
import argparse, os, platform, tempfile, time
from pathlib import Path
import numpy as np


def run(trials, n_alpha, workers, decoders, N, out):
    from sparse_sae.crossing import make_cells, sweep
    cells = make_cells(np.linspace(0.4, 6.5, n_alpha), (0.05, 0.1, 0.2), N, decoders, trials=trials, w_draws=1)
    t0 = time.perf_counter()
    res = sweep(cells, out, workers=workers, resume=False, progress=False)
    secs = time.perf_counter() - t0
    per_dec = res.drop_duplicates(['decoder', 'alpha', 'rho']).groupby('decoder').secs.sum()
    return secs, len(cells), per_dec


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--trials', type=int, default=400)
    ap.add_argument('--n-alpha', type=int, default=35)
    ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--n', type=int, default=200)
    ap.add_argument('--decoders', default='pinv,lasso_k,bp')
    ap.add_argument('--out', default=str(Path(__file__).parent / 'results' / 'crossing.md'))
    a = ap.parse_args()
    decs = a.decoders.split(',')
    with tempfile.TemporaryDirectory() as d:
        secs, n_cells, per_dec = run(a.trials, a.n_alpha, a.workers, decs, a.n, Path(d) / 'rows.csv')
    full = (a.trials, a.n_alpha, a.n) == (400, 35, 200)
    rows = [('CPU', f'{a.workers} workers', f'{secs:.1f}', f'{n_cells}',
             ', '.join(f'{k} {v:.1f}' for k, v in per_dec.items()))]
    try:
        import torch
        cuda = torch.cuda.is_available()
    except ImportError: cuda = False
    rows.append(('GPU', '-', 'skipped: no CUDA' if not cuda else 'not implemented: decoders take numpy here', '-', '-'))
    size = (f'{a.n_alpha} alpha x 3 rho x {a.trials} trials, N={a.n}, decoders {a.decoders}, one W per point'
            + ('' if full else ' (REDUCED size: a smoke test, not the target configuration)'))
    lines = ['# Crossing benchmark: blog experiment 1', '', f'Configuration: {size}.',
             f'Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs visible. '
             'Target: < 60 s on 2 cores for the full size.', '',
             '| device | workers | wall time (s) | cells | decoder seconds (summed over cells) |',
             '|---|---|---|---|---|'] + ['| ' + ' | '.join(r) + ' |' for r in rows]
    text = '\n'.join(lines) + '\n'
    print(text)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(text)


if __name__ == '__main__':
    main()
