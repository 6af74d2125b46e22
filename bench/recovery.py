"""Benchmark: batched LASSO solvers of `sparse_sae.recovery` against the classic per-problem solvers.

Problem (issue 4): N=200, F=1300, rho=0.1 (k=130), noiseless, Gaussian unit-norm W, lam_b = 0.01*max|W^T n_b|,
1000 problems, each solved to relative duality gap <= 1e-6. Every method's answers are checked with the same
float64 duality-gap certificate (`recovery.duality_gap`); the table reports how many met it.

    python bench/recovery.py            # full run (the lead runs this on a quiet machine)
    python bench/recovery.py --quick    # smoke test with small sizes

Writes the table to bench/results/recovery.md (or --out).
"""
import argparse, os, platform, sys, time, warnings
from pathlib import Path
import numpy as np
import torch

from sparse_sae.data import make_dictionary, sample_codes, observe
from sparse_sae.recovery import lasso, lasso_cvxpy, lam_max, duality_gap

TOL = 1e-6


def certify(W, n, x, lam):
    g = duality_gap(W, n, x, lam)[0]
    return dict(ok=float(np.mean(g <= TOL)), med_gap=float(np.median(g)), max_gap=float(np.max(g)))


def timed(fn):
    t = time.perf_counter(); out = fn(); return out, time.perf_counter() - t


def run_ours(W, n, lam, dtype, method, device='cpu', **kw):
    "n is float64 numpy: iterations run in `dtype` on `device`, polish and certificate in float64; x comes back f64."
    def go():
        res = lasso(W, n, lam, method=method, tol=TOL, dtype=dtype, device=device, max_iter=50_000, **kw)
        if device != 'cpu': torch.cuda.synchronize()
        return res
    res, t = timed(go)
    return res.x, t, res.iters


def scaled(solve_all):
    """A shared-lambda batch solver used for per-problem lambdas: the LASSO with lam_b on n_b is the LASSO with
    lam = 1 on n_b / lam_b, its solution scaled by lam_b (the objective scales by lam_b^2). So a peer that solves
    many columns at once for one lambda (spams, SparseCoder, sklearn's multi-target Lasso) runs in its batch mode."""
    def go(n, lam): return solve_all(n / lam[:, None]) * lam[:, None]
    return go


def looped(solve):
    "A per-problem solver applied to a batch, one problem at a time."
    return lambda n, lam: np.stack([solve(n[b], lam[b]) for b in range(len(n))])


def peers(W, n, lam, args):
    """Each peer in its fastest documented mode for a batch sharing W: spams and SparseCoder solve all columns in one
    call (Gram matrix computed once, `args.threads` workers); sklearn's Lasso fits the batch as one multi-target
    problem with a precomputed Gram matrix; celer (one target per fit) and cvxpy loop over problems.
    Returns {name: (solve(n_batch, lam_batch) -> x_batch, problems to time)}."""
    N, F = W.shape
    out = {}
    from sklearn.linear_model import Lasso
    def sk_cd(v):                                    # lam = N * alpha_sklearn; here lam = 1 on the scaled batch
        m = Lasso(alpha=1. / N, fit_intercept=False, tol=args.sk_tol, max_iter=1_000_000, selection='cyclic',
                  precompute=True)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); m.fit(W, v.T)
        return np.atleast_2d(m.coef_).copy()
    out['sklearn Lasso (CD, multi-target, precomputed Gram)'] = (scaled(sk_cd), args.peer_B)
    from sklearn.decomposition import SparseCoder
    def sk_lars(v):                                  # transform_alpha is in our scaling (sklearn divides by N inside)
        sc = SparseCoder(dictionary=W.T, transform_algorithm='lasso_lars', transform_alpha=1.,
                         transform_max_iter=100_000, n_jobs=args.threads)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); return sc.transform(v)
    out['SparseCoder(lasso_lars), one call'] = (scaled(sk_lars), args.peer_B)
    try:
        import celer
        def cel(v, l):
            m = celer.Lasso(alpha=l / N, fit_intercept=False, tol=args.celer_tol, max_iter=1000)
            with warnings.catch_warnings():
                warnings.simplefilter('ignore'); m.fit(W, v)
            return m.coef_.copy()
        out['celer (per problem)'] = (looped(cel), args.peer_B)
    except ImportError:
        out['celer (per problem)'] = None
    try:
        import spams
        Wf = np.asfortranarray(W)
        def sp(v):
            a = spams.lasso(np.asfortranarray(v.T), D=Wf, lambda1=1., mode=2, numThreads=args.threads)
            return np.asarray(a.todense()).T
        out['spams.lasso (LARS), one call'] = (scaled(sp), args.B)
    except ImportError:
        out['spams.lasso (LARS), one call'] = None
    def cvx(v, l):
        x, st = lasso_cvxpy(W, v, float(l))
        return np.zeros(F) if x is None else x
    out['cvxpy (CLARABEL, per problem)'] = (looped(cvx), args.cvxpy_B)
    return out


def matmul_rate(B, N, F, dtype, reps=5):
    "Seconds for one FISTA iteration's two matmuls on a batch of B, and the GFLOP/s."
    y = torch.randn(B, F, dtype=dtype); W = torch.randn(N, F, dtype=dtype); WT = W.T.contiguous(); n = torch.randn(B, N, dtype=dtype)
    torch.mm(torch.mm(y, WT) - n, W)
    t = time.perf_counter()
    for _ in range(reps): torch.mm(torch.mm(y, WT) - n, W)
    dt = (time.perf_counter() - t) / reps
    return dt, 4 * B * N * F / dt / 1e9


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--quick', action='store_true', help='smoke test: 40 problems, 5 per peer, 2 for cvxpy')
    p.add_argument('--B', type=int, default=1000)
    p.add_argument('--N', type=int, default=200)
    p.add_argument('--F', type=int, default=1300)
    p.add_argument('--rho', type=float, default=0.1)
    p.add_argument('--lam-ratio', type=float, default=0.01)
    p.add_argument('--peer-B', type=int, default=None, help='problems per classic solver (default: all B)')
    p.add_argument('--cvxpy-B', type=int, default=10)
    p.add_argument('--threads', type=int, default=os.cpu_count())
    p.add_argument('--sk-tol', type=float, default=1e-12)
    p.add_argument('--celer-tol', type=float, default=1e-12)
    p.add_argument('--gpu-B', type=int, default=100_000)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--out', default=str(Path(__file__).parent / 'results' / 'recovery.md'))
    args = p.parse_args()
    if args.quick:
        args.B, args.cvxpy_B, args.gpu_B = min(args.B, 40), 2, 2000
        args.peer_B = 5 if args.peer_B is None else args.peer_B
    args.peer_B = args.B if args.peer_B is None else min(args.peer_B, args.B)
    torch.set_num_threads(args.threads)
    N, F, B = args.N, args.F, args.B
    k = int(round(args.rho * F))
    W = make_dictionary(N, F, seed=args.seed)
    f = sample_codes(B, F, k=k, seed=args.seed + 1)
    n = observe(f, W)
    lam = args.lam_ratio * lam_max(W, n)
    rows = []
    print(f"N={N} F={F} k={k} B={B} lam=0.01*lam_max threads={args.threads} quick={args.quick}", flush=True)

    t_iter = {}
    for dt in (torch.float32, torch.float64):
        t_iter[dt], gf = matmul_rate(B, N, F, dt)
        print(f"matmul rate {str(dt)[6:]}: {gf:.1f} GFLOP/s", flush=True)
    for name, dt, meth, kw in [('ours: fista f32 (+KKT polish)', torch.float32, 'fista', {}),
                               ('ours: fista f64 (+KKT polish)', torch.float64, 'fista', {}),
                               ('ours: lasso_pdas (active set + continuation, f64)', torch.float64, 'pdas', {}),
                               ('ours: lasso_lars, lockstep torch batch (the GPU engine), f32 direction matmuls',
                                torch.float64, 'lars', dict(backend='torch')),
                               ('ours: lasso_lars, compiled per-problem engine, all f64', torch.float64, 'lars',
                                dict(fast=False)),
                               ('ours: lasso_lars, compiled per-problem engine, f32 Gram products (default on CPU)',
                                torch.float64, 'lars', dict(fast=True))]:
        x, t, iters = run_ours(W, n, lam, dt, meth, **kw)
        lim = iters.sum() * t_iter[dt] / B if meth == 'fista' else float('nan')
        rows.append(dict(method=name, problems=B, ms=1e3 * t / B, limit_ms=1e3 * lim / B, **certify(W, n, x, lam)))
        print(rows[-1], flush=True)
    for name, spec in peers(W, n, lam, args).items():
        if spec is None:
            rows.append(dict(method=name, problems=0, ms=float('nan'), note='not installed')); print(name, 'not installed'); continue
        solve, nb = spec
        x, t = timed(lambda: solve(n[:nb], lam[:nb]))
        rows.append(dict(method=name, problems=nb, ms=1e3 * t / nb, peer=True, **certify(W, n[:nb], x, lam[:nb])))
        print(rows[-1], flush=True)
    if torch.cuda.is_available():
        Bg = args.gpu_B
        fg = sample_codes(Bg, F, k=k, seed=args.seed + 2); ng = observe(fg, W); lg = args.lam_ratio * lam_max(W, ng)
        run_ours(W, ng[:256], lg[:256], torch.float32, 'fista', 'cuda')   # warm-up
        x, t, _ = run_ours(W, ng, lg, torch.float32, 'fista', 'cuda')
        rows.append(dict(method=f'ours: fista f32 on {torch.cuda.get_device_name()}', problems=Bg, ms=1e3 * t / Bg,
                         note=f'{Bg / t:.3g} problems/s', **certify(W, ng, x, lg)))
        x, t, _ = run_ours(W, ng, lg, torch.float64, 'lars', 'cuda', chunk=8192, max_mem=2**34)
        rows.append(dict(method=f'ours: lasso_lars on {torch.cuda.get_device_name()}', problems=Bg, ms=1e3 * t / Bg,
                         note=f'{Bg / t:.3g} problems/s', **certify(W, ng, x, lg)))
    else:
        rows.append(dict(method='ours: fista f32 on GPU', problems=0, ms=float('nan'), note='skipped: no CUDA'))
    print(rows[-1]['method'], rows[-1].get('note', ''), flush=True)

    peer_ms = [r['ms'] for r in rows if r.get('peer') and r.get('ok', 0) >= 0.99]
    best = min(peer_ms) if peer_ms else float('nan')
    best_name = next((r['method'] for r in rows if r.get('peer') and r['ms'] == best), 'none')
    lines = [f"# LASSO benchmark (bench/recovery.py{' --quick' if args.quick else ''})", "",
             f"{'SMOKE TEST (--quick, tiny sizes): not a result. ' if args.quick else ''}"
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.processor() or platform.machine()}, "
             f"{os.cpu_count()} CPUs, torch {torch.__version__} with {args.threads} threads: "
             f"`python bench/recovery.py {' '.join(sys.argv[1:])}`.", "",
             f"N={N}, F={F}, k={k} (rho={args.rho}), noiseless Gaussian W, lam = {args.lam_ratio}·max|Wᵀn| per problem, "
             f"{B} problems; target relative duality gap ≤ {TOL:g}, checked by the same float64 certificate for every "
             f"method. Each peer runs in its fastest mode for a batch sharing W: one call for all problems where it has "
             f"one (spams, SparseCoder, sklearn's multi-target Lasso; per-problem lambdas by rescaling each problem to "
             f"lambda = 1), a loop otherwise (celer, cvxpy). 'speed-up' = (fastest certified peer, {best_name}) time / method time. 'matmul limit' = time of "
             f"the 2 matmuls per iteration at the measured rate for the FISTA iterations actually used; "
             f"'efficiency' = limit / time.", "",
             "| method | problems timed | ms/problem | speed-up vs fastest peer | matmul limit ms/problem | efficiency | certified (gap ≤ 1e-6) | median gap | max gap | note |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ms = r['ms']; lim = r.get('limit_ms', float('nan'))
        f_ = lambda v, fmt: '' if v is None or (isinstance(v, float) and np.isnan(v)) else format(v, fmt)
        lines.append(f"| {r['method']} | {r['problems']} | {f_(ms, '.3g')} | {f_(best / ms if ms == ms else None, '.2f')} | "
                     f"{f_(lim, '.3g')} | {f_(lim / ms if lim == lim else None, '.0%')} | {f_(r.get('ok'), '.0%')} | "
                     f"{f_(r.get('med_gap'), '.1e')} | {f_(r.get('max_gap'), '.1e')} | {r.get('note', '')} |")
    text = '\n'.join(lines) + '\n'
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print('wrote', args.out)


if __name__ == '__main__':
    main()
