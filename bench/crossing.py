"""Benchmark: wall time of the blog's experiment 1 through `sparse_sae.crossing.sweep`.

Full size (the target): `crossing.EXPERIMENTS['exp1']`, i.e. 35 alpha in [0.4, 6.5] x rho in {0.05, 0.1, 0.2} x 400
trials per point (4 W draws x 100 trials, the blog's protocol: one W per draw shared by its trials, LASSO's lambda
calibrated over them), N=200, decoders pinv + lasso_k + bp, 2 workers; target < 60 s on 2 cores.

    python bench/crossing.py                              # full size, 2 workers
    python bench/crossing.py --scale 0.05 --n-alpha 5     # smoke test (REDUCED, says so in the table)

The sweep starts afresh (no resume: the wall time must be one run). Its rows go to `--rows` (default: the cache
file `run_experiment('exp1')` resumes from, so the notebook's full-size experiment 1 comes for free after a full
run). Prints a table and writes bench/results/crossing.md. There is no GPU row: the sweep's decoders run on the
CPU (torch on CUDA is used by `recovery` only when given CUDA tensors).
"""
import argparse, os, platform, time
from pathlib import Path
import numpy as np


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--scale', type=float, default=1.0, help='multiplies the trials per cell (1 = full size)')
    ap.add_argument('--n-alpha', type=int, default=35, help='alpha grid points (35 = full size)')
    ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--rows', default=None, help='rows CSV (default: cache_dir()/exp1_rows.csv for a full run)')
    ap.add_argument('--out', default=str(Path(__file__).parent / 'results' / 'crossing.md'))
    a = ap.parse_args()
    import torch
    from sparse_sae.crossing import EXPERIMENTS, experiment_cells, make_cells, sweep, cache_dir, crossing_table
    full = a.scale == 1.0 and a.n_alpha == 35
    if full: cells = experiment_cells('exp1')
    else:
        g = EXPERIMENTS['exp1']['grids'][0]
        cells = make_cells(np.linspace(0.4, 6.5, a.n_alpha), g['rhos'], g['Ns'], g['decoders'],
                           trials=max(4, int(round(g['trials'] * a.scale))), w_draws=g['w_draws'])
    rows = Path(a.rows) if a.rows else (cache_dir() / 'exp1_rows.csv' if full else cache_dir() / 'bench_smoke_rows.csv')
    t0 = time.perf_counter()
    res = sweep(cells, rows, workers=a.workers, resume=False, progress=True)
    secs = time.perf_counter() - t0
    cell_secs = res.drop_duplicates(['decoder', 'alpha', 'rho', 'w_draw']).groupby('decoder').secs.sum()
    n_prob = res.groupby('decoder').size()
    lines = ['# Crossing benchmark: blog experiment 1', '',
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, {os.cpu_count()} CPUs, "
             f"torch {torch.__version__}, {a.workers} worker processes (1 torch thread each).", '',
             f"Configuration: {a.n_alpha} alpha in [0.4, 6.5] x rho in (0.05, 0.1, 0.2) x {cells[0]['trials']} trials x "
             f"{EXPERIMENTS['exp1']['grids'][0]['w_draws']} W draws, N=200, decoders pinv, lasso_k, bp"
             + ('' if full else ' (REDUCED size: a smoke test, not the target configuration)') + '.',
             f"Target: < 60 s of wall time on 2 cores for the full size. Measured: {secs:.1f} s "
             f"({secs / 60:.1f}x the target).", '',
             '| decoder | problems | decoder time, summed over cells (s) | ms/problem (one worker) |', '|---|---|---|---|']
    for d in cell_secs.index:
        lines.append(f'| {d} | {n_prob[d]} | {cell_secs[d]:.1f} | {1e3 * cell_secs[d] / n_prob[d]:.2f} |')
    lines += ['', f'Wall time of the sweep: {secs:.1f} s for {len(cells)} cells ({int(n_prob.sum())} decodes); '
              'the rest of the wall time is drawing W and the codes, scoring, and writing rows.', '',
              'Crossings from this run (SRA = 0.5, 95% bootstrap CI):', '']
    tab = crossing_table(res)
    lines += ['```', tab.to_string(index=False, float_format=lambda v: f'{v:.3f}'), '```']
    text = '\n'.join(lines) + '\n'
    print(text)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(text)


if __name__ == '__main__':
    main()
