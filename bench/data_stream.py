"""Streaming throughput of `sparse_sae.data.SparseDataset` (paper App. C shape: N=200, F=1000, k=20).

Usage: python bench/data_stream.py [--rows 500000] [--batch 4096] [--quick]
Prints a table (rows/s, peak traced allocation per configuration) and writes it to bench/results/data_stream.md
(not written with --quick).
`--quick` streams 8192 rows per configuration (smoke test; numbers not meaningful).
"""
import argparse, time, tracemalloc, platform, os
import numpy as np, torch
from sparse_sae.data import SparseDataset

CONFIGS = [dict(dist='exact_k', values='gaussian'), dict(dist='exact_k', values='abs', snr_db=20.0),
           dict(dist='bernoulli', values='gaussian'), dict(dist='zipf', values='abs'),
           dict(dist='zipf', values='abs', zipf_selection='successive')]

def run(rows, batch, N=200, F=1000, k=20):
    out = []
    for cfg in CONFIGS:
        ds = SparseDataset(N, F, k=k, seed=0, **cfg)
        nb = -(-rows // batch)
        tracemalloc.start(); t0 = time.perf_counter()
        for n, f in ds.batches(batch, n_batches=nb, as_torch=True): pass
        dt = time.perf_counter() - t0; peak = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
        out.append((', '.join(f'{a}={b}' for a, b in cfg.items()), nb * batch, nb * batch / dt, peak / 1e6))
    return out

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--rows', type=int, default=500_000); p.add_argument('--batch', type=int, default=4096)
    p.add_argument('--quick', action='store_true'); p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    rows = 8192 if a.quick else a.rows
    res = run(rows, a.batch)
    lines = [f"# data streaming throughput (N=200, F=1000, k=20, batch {a.batch}, torch float32 CPU output)", "",
             f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cpus, numpy {np.__version__}, "
             f"torch threads {a.threads}{' — QUICK SMOKE RUN, not a measurement' if a.quick else ''}", "",
             "| config | rows | rows/s | peak traced MB |", "|---|---|---|---|"]
    lines += [f"| {c} | {r} | {s:,.0f} | {m:.1f} |" for c, r, s, m in res]
    txt = '\n'.join(lines) + '\n'
    print(txt)
    os.makedirs(os.path.join(os.path.dirname(__file__), 'results'), exist_ok=True)
    if not a.quick:
        with open(os.path.join(os.path.dirname(__file__), 'results', 'data_stream.md'), 'w') as fh: fh.write(txt)
