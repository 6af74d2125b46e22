"Data-parallel SAE training: 2 CPU processes (gloo) end with identical weights equal to a single-process run."
import os, socket
import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp

from sparse_sae.data import SparseDataset
from sparse_sae.sae import SAE, train_sae

CONFIGS = {  # name: (SAE kwargs, train_sae kwargs)
    'relu': (dict(kind='relu', bias=True), dict(l1_coeff=0.1)),
    'relu_resample': (dict(kind='relu', bias=True), dict(l1_coeff=0.1, dead_window=3, resample_every=10)),
    'topk_auxk': (dict(kind='topk', k=2, bias=True), dict(l1_coeff=0.0, dead_window=3)),
}
TRAIN = dict(steps=25, batch_size=64, lr=1e-2, eval_every=0, log_every=5, progress=False)


def _make(name):
    return SAE(12, 16, seed=0, **CONFIGS[name][0])


def _train(model, name):
    ds = SparseDataset(N=12, F=16, k=2, values='abs', seed=0)
    return train_sae(model, ds, **TRAIN, **CONFIGS[name][1])


def _worker(rank, world, init_file, out_dir):
    torch.set_num_threads(1)
    dist.init_process_group('gloo', init_method=f'file://{init_file}', rank=rank, world_size=world)
    try:
        for name in CONFIGS:
            m = _make(name)
            hist = _train(m, name)
            torch.save({'state': m.state_dict(), 'loss': hist.loss.tolist()}, os.path.join(out_dir, f'{name}_{rank}.pt'))
    finally:
        dist.destroy_process_group()


@pytest.fixture(scope='module')
def ddp_results(tmp_path_factory):
    d = tmp_path_factory.mktemp('ddp')
    mp.spawn(_worker, args=(2, str(d / 'init'), str(d)), nprocs=2, join=True)
    return d


@pytest.mark.parametrize('name', list(CONFIGS))
def test_ddp_matches_single_process(ddp_results, name):
    torch.set_num_threads(1)
    r0 = torch.load(ddp_results / f'{name}_0.pt')
    r1 = torch.load(ddp_results / f'{name}_1.pt')
    # the ranks hold bit-identical weights (same averaged gradients, same optimiser steps)
    for k in r0['state']:
        assert torch.equal(r0['state'][k], r1['state'][k]), k
    # and equal a single-process run on the same global batch up to float rounding of the gradient sum
    single = _make(name)
    hist = _train(single, name)
    for k, v in single.state_dict().items():
        torch.testing.assert_close(r0['state'][k], v, atol=2e-4, rtol=1e-3, msg=f'{name}: {k}')
    torch.testing.assert_close(torch.tensor(r0['loss']), torch.tensor(hist.loss.tolist()), atol=1e-4, rtol=1e-3)
    # the training moved the weights (the comparison is not between two untrained models)
    assert not torch.allclose(_make(name).W_dec, single.W_dec)
