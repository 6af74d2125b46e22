"Fast checks of sparse_sae.data for `pytest tests/` (the notebook nbs/01_data.ipynb holds the full acceptance tests)"
import numpy as np, pytest, torch
from sparse_sae.data import (make_dictionary, sample_codes, observe, SparseDataset, hierarchical_codes,
                             mutual_coherence, zipf_inclusion_probs)


@pytest.mark.parametrize('kind', ['gaussian', 'rademacher', 'dct'])
def test_unit_columns_and_seed(kind):
    W = make_dictionary(20, 60, kind, seed=3)
    np.testing.assert_allclose(np.linalg.norm(W, axis=0), 1, atol=1e-12)
    np.testing.assert_array_equal(W, make_dictionary(20, 60, kind, seed=3))
    assert 0 < mutual_coherence(W) < 1


@pytest.mark.parametrize('dist', ['exact_k', 'zipf'])
def test_exact_k(dist):
    f = sample_codes(500, 80, k=7, dist=dist, seed=1)
    assert (np.count_nonzero(f, axis=1) == 7).all()


def test_batches_independent_of_batch_size():
    ds = SparseDataset(12, 40, k=3, snr_db=10, seed=4, block_size=50)
    n, f = ds.sample(210)
    for bs in (1, 7, 70):
        got = list(ds.batches(bs, n_batches=210 // bs))
        np.testing.assert_array_equal(np.concatenate([g[1] for g in got]), f[:bs * (210 // bs)])
        np.testing.assert_array_equal(np.concatenate([g[0] for g in got]), n[:bs * (210 // bs)])
    nt, ft = next(ds.batches(210, as_torch=True, dtype=torch.float64))
    assert torch.equal(nt, torch.from_numpy(n)) and torch.equal(ft, torch.from_numpy(f))


def test_snr():
    W = make_dictionary(32, 96, seed=0)
    f = sample_codes(5000, 96, k=4, seed=1)
    eps = observe(f, W, snr_db=12.0, seed=2) - f @ W.T
    snr = 10 * np.log10(np.mean(np.sum((f @ W.T) ** 2, 1)) / np.mean(np.sum(eps ** 2, 1)))
    assert abs(snr - 12.0) < 0.15


def test_hierarchy_and_zipf_probs():
    f, parent = hierarchical_codes(2000, 3, 2, p_parent=0.3, seed=0)
    child = parent >= 0
    assert not np.any((f[:, child] != 0) & (f[:, parent[child]] == 0))
    assert abs(zipf_inclusion_probs(100, 5, 1.0).sum() - 5) < 1e-9


@pytest.mark.parametrize('kw, msg', [(dict(N=0, F=5, k=1), 'N must be an int in [1, inf]'),
                                     (dict(N=5, F=10, k=11), 'k must be an int in [1, 10]'),
                                     (dict(N=5, F=10, rho=2.0), 'rho must be a finite number in (0, 1]')])
def test_validation(kw, msg):
    with pytest.raises(ValueError, match=msg.replace('[', r'\[').replace('(', r'\(').replace(')', r'\)')):
        SparseDataset(**kw)
