"Property tests for sparse_sae.metrics (fast; the notebook holds the worked examples)."
import numpy as np, pytest, torch
from hypothesis import given, settings, strategies as st
from sparse_sae.metrics import (mcc, dictionary_mcc, match, mcc_matrix, fvu, r2, gini, hoyer, flops_sae_inf,
                                flops_sae_train, count_flops, FeatureFrequencyTracker, feature_frequencies)

@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), F=st.integers(2, 12), B=st.integers(20, 200))
def test_mcc_invariances(seed, F, B):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(B, F))
    perm, scale = rng.permutation(F), rng.uniform(0.1, 10, F) * rng.choice([-1, 1], F)
    assert mcc(z, z[:, perm] * scale) == pytest.approx(1.0, abs=1e-10)
    res = mcc(z, z[:, perm] * scale, return_matching=True)
    np.testing.assert_allclose(np.abs((z[:, perm] * scale)[:, res.perm]), np.abs(z * scale[np.argsort(perm)]), atol=1e-10)

@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n1=st.integers(1, 6), n2=st.integers(1, 6))
def test_hungarian_is_optimal_and_greedy_not_better(seed, n1, n2):
    import itertools
    C = np.random.default_rng(seed).random((n1, n2))
    r, c = match(C, 'hungarian')
    k = min(n1, n2)
    if n1 <= n2: best = max(C[range(n1), list(p)].sum() for p in itertools.permutations(range(n2), k))
    else: best = max(C[list(p), range(n2)].sum() for p in itertools.permutations(range(n1), k))
    assert C[r, c].sum() == pytest.approx(best)
    rg, cg = match(C, 'greedy')
    assert len(set(rg)) == len(set(cg)) == k and C[rg, cg].sum() <= best + 1e-12

def test_dead_columns_no_nan():
    z = np.random.default_rng(0).normal(size=(50, 4)); zh = z.copy(); zh[:, 0] = 0; zh[:, 1] = 7
    C = mcc_matrix(z, zh)
    assert np.isfinite(C).all() and (C[:, :2] == 0).all()
    assert 0 <= mcc(z, zh) <= 0.5 + 1e-12

def test_r2_extremes():
    x = np.random.default_rng(1).normal(size=(30, 5)) + 2
    assert r2(x, x) == 1.0 and abs(r2(x, np.tile(x.mean(0), (30, 1)))) < 1e-12

def test_gini_hoyer_extremes():
    assert hoyer(np.eye(7)[2]) == pytest.approx(1) and gini(np.eye(7)[2], normalised=True) == pytest.approx(1)
    assert abs(hoyer(np.ones(7))) < 1e-12 and abs(gini(np.ones(7))) < 1e-12

def test_flops_formula_matches_counter_matmuls():
    N, F, B = 8, 24, 32
    x, We, D = torch.randn(B, N), torch.randn(F, N), torch.randn(N, F)
    fc = count_flops(lambda: torch.relu(x @ We.T) @ D.T)
    assert fc.matmul == flops_sae_inf(N, F, B) - F * B          # formula = matmuls + ReLU
    assert fc.total == flops_sae_inf(N, F, B)                    # ReLU counted as 1 per element

def test_tracker_window():
    tr = FeatureFrequencyTracker(3, window=1)
    tr.update(np.array([[1., 0, 0]])); tr.update(np.zeros((2, 3)))
    assert tr.dead_fraction == 1.0 and tr.n == 2

@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device: the GPU path of mcc_matrix is not exercised")
def test_mcc_on_gpu_matches_cpu():
    z = torch.randn(1000, 16, device='cuda')
    p = torch.randperm(16, device='cuda')
    np.testing.assert_allclose(mcc_matrix(z, z[:, p]), mcc_matrix(z.cpu(), z[:, p].cpu()), atol=1e-10)
    assert mcc(z, 2 * z[:, p]) == pytest.approx(1.0, abs=1e-6)
