"""Training throughput (samples/s) of sparse_sae's TopK and ReLU SAEs side by side with SAELens.

Full size (issue 7): d_in=768, d_sae=16,384, batch 4096, on the GPU. Both libraries train on the same synthetic
activations (observations of a `sparse_sae.data.SparseDataset`, pre-generated once and kept on the device, so data
generation is not timed). Ours is timed through the public `train_sae` (which also tracks dead latents, projects the
decoder gradient and re-normalises the decoder every step); SAELens through its training SAE's
`training_forward_pass` + backward + Adam step (the core of its `SAETrainer` step, without logging/evals).

    python bench/sae.py            # CPU at --quick size always; GPU at full size when CUDA is available
    python bench/sae.py --quick    # CPU only, tiny sizes (smoke test)

Prints a table and writes it to bench/results/sae.md.
"""
import argparse, platform, time
from pathlib import Path

import numpy as np
import torch

from sparse_sae.data import SparseDataset
from sparse_sae.sae import SAE, train_sae

FULL = dict(d_in=768, d_sae=16384, batch=4096, k=32, steps=50, warmup=5)
QUICK = dict(d_in=64, d_sae=512, batch=256, k=8, steps=20, warmup=3)
L1 = 1e-3
LR = 2e-4


def make_activations(d_in, d_sae, k, n_rows, device, seed=0, chunk=1024):
    "Observations (n_rows, d_in) float32 on `device` from a SparseDataset (codes not kept: memory)"
    ds = SparseDataset(N=d_in, F=d_sae, k=k, values='abs', seed=seed)
    parts = [torch.as_tensor(ds.sample(min(chunk, n_rows - s), start=s)[0], dtype=torch.float32)
             for s in range(0, n_rows, chunk)]
    return torch.cat(parts).to(device)


def _sync(device):
    if torch.device(device).type == 'cuda': torch.cuda.synchronize()


def time_ours(kind, X, cfg, device):
    "samples/s of train_sae on the in-memory activations X"
    kw = dict(k=cfg['k']) if kind == 'topk' else {}
    def run(steps):
        m = SAE(cfg['d_in'], cfg['d_sae'], kind=kind, device=device, **kw)
        _sync(device); t0 = time.perf_counter()
        train_sae(m, X, steps=steps, batch_size=cfg['batch'], lr=LR, l1_coeff=L1 if kind == 'relu' else 0.0,
                  eval_every=0, log_every=max(steps, 1), progress=False)
        _sync(device); return time.perf_counter() - t0
    run(cfg['warmup'])  # compile/allocator warm-up
    t_long, t_short = run(cfg['warmup'] + cfg['steps']), run(cfg['warmup'])
    return cfg['steps'] * cfg['batch'] / max(t_long - t_short, 1e-9)  # setup cost cancels


def time_saelens(kind, X, cfg, device):
    "samples/s of SAELens' training step (forward + aux losses + backward + Adam)"
    import sae_lens
    from sae_lens.saes.sae import TrainStepInput
    if kind == 'topk':
        sae = sae_lens.TopKTrainingSAE(sae_lens.TopKTrainingSAEConfig(d_in=cfg['d_in'], d_sae=cfg['d_sae'],
                                                                      k=cfg['k'], device=str(device)))
        coeffs = {}
    else:
        sae = sae_lens.StandardTrainingSAE(sae_lens.StandardTrainingSAEConfig(
            d_in=cfg['d_in'], d_sae=cfg['d_sae'], l1_coefficient=L1, device=str(device)))
        coeffs = {'l1': L1}
    sae.to(device)
    opt = torch.optim.Adam(sae.parameters(), lr=LR)
    dead = torch.zeros(cfg['d_sae'], dtype=torch.bool, device=device)
    B, n = cfg['batch'], X.shape[0]
    def step(t):
        i = (t * B) % n
        x = X[i:i + B]
        out = sae.training_forward_pass(TrainStepInput(sae_in=x, coefficients=coeffs, dead_neuron_mask=dead,
                                                       n_training_steps=t, is_logging_step=False))
        opt.zero_grad(set_to_none=True); out.loss.backward(); opt.step()
    for t in range(cfg['warmup']): step(t)
    _sync(device); t0 = time.perf_counter()
    for t in range(cfg['steps']): step(t)
    _sync(device)
    return cfg['steps'] * B / (time.perf_counter() - t0)


def bench(cfg, device):
    X = make_activations(cfg['d_in'], cfg['d_sae'], cfg['k'], 4 * cfg['batch'], device)
    rows = []
    try:
        import sae_lens  # noqa: F401
        have_sl = True
    except ImportError:
        have_sl = False
    for kind in ('topk', 'relu'):
        ours = time_ours(kind, X, cfg, device)
        theirs = time_saelens(kind, X, cfg, device) if have_sl else float('nan')
        rows.append(dict(device=str(device), kind=kind, d_in=cfg['d_in'], d_sae=cfg['d_sae'], batch=cfg['batch'],
                         ours=ours, saelens=theirs, ratio=ours / theirs if have_sl else float('nan')))
    return rows, have_sl


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--quick', action='store_true', help='CPU only, tiny sizes (smoke test)')
    ap.add_argument('--steps', type=int, default=None, help='timed steps (default 50 full / 20 quick)')
    ap.add_argument('--threads', type=int, default=None, help='torch CPU threads')
    ap.add_argument('--out', default=str(Path(__file__).parent / 'results' / 'sae.md'))
    a = ap.parse_args(argv)
    if a.threads: torch.set_num_threads(a.threads)
    runs = [('cpu', dict(QUICK))]
    gpu_note = None
    if a.quick: gpu_note = 'GPU: skipped (--quick)' if torch.cuda.is_available() else 'GPU: skipped (no CUDA)'
    elif torch.cuda.is_available(): runs.append(('cuda', dict(FULL)))
    else: gpu_note = 'GPU: skipped (no CUDA)'
    rows, have_sl = [], True
    for dev, cfg in runs:
        if a.steps: cfg['steps'] = a.steps
        r, have_sl = bench(cfg, torch.device(dev))
        rows += r
    head = '| device | SAE | d_in | d_sae | batch | sparse_sae samples/s | SAELens samples/s | ratio |\n|---|---|---|---|---|---|---|---|'
    lines = [f"| {r['device']} | {r['kind']} | {r['d_in']} | {r['d_sae']} | {r['batch']} | {r['ours']:,.0f} | "
             f"{r['saelens']:,.0f} | {r['ratio']:.2f} |" for r in rows]
    gpu_name = torch.cuda.get_device_name() if torch.cuda.is_available() else 'none'
    info = (f"torch {torch.__version__}, CPU threads {torch.get_num_threads()}, GPU {gpu_name}, "
            f"{platform.machine()}; SAELens {'installed' if have_sl else 'NOT installed (nan)'}")
    table = '\n'.join([head] + lines)
    text = f"# SAE training throughput\n\n`python bench/sae.py{' --quick' if a.quick else ''}` — {info}\n\n{table}\n"
    if gpu_note: text += f"\n{gpu_note}\n"
    if any(r['device'] == 'cpu' for r in rows):
        text += ("\nCPU rows use the --quick sizes (d_in=64, d_sae=512, batch 256): a smoke test, not the issue's "
                 "benchmark size.\n")
    print(text)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(text)


if __name__ == '__main__':
    main()
