"GPU checks for sparse_sae.recovery (skipped with a visible reason on CPU-only machines)."
import numpy as np, pytest, torch
from sparse_sae.data import make_dictionary, sample_codes, observe
from sparse_sae.recovery import fista, omp, amp, lam_max, duality_gap

cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device: GPU paths of recovery not tested")


@cuda
@pytest.mark.parametrize('dtype', [torch.float32, torch.float64])
def test_fista_cuda_certified(dtype):
    W = make_dictionary(60, 200, seed=0); f = sample_codes(64, 200, k=10, seed=1); n = observe(f, W)
    lam = 0.05 * lam_max(W, n)
    res = fista(W, n, lam, device='cuda', dtype=dtype)          # numpy in: float64 x out, iterations on GPU
    assert res.converged.all()
    assert duality_gap(W, n, res.x, lam)[0].max() <= 1e-6
    rt = fista(W, torch.tensor(n, device='cuda', dtype=dtype), lam)   # torch in: same device/dtype out
    assert rt.x.is_cuda and rt.x.dtype == dtype


@cuda
def test_omp_amp_cuda_match_cpu():
    W = make_dictionary(100, 200, seed=2); f = sample_codes(16, 200, k=5, seed=3); n = observe(f, W)
    np.testing.assert_allclose(omp(W, n, 5, device='cuda'), omp(W, n, 5), atol=1e-8)
    np.testing.assert_allclose(amp(W, n, 'soft', device='cuda'), amp(W, n, 'soft'), atol=1e-6)


@cuda
def test_lars_cuda_matches_cpu():
    from sparse_sae.recovery import lasso_lars, basis_pursuit
    W = make_dictionary(60, 200, seed=4); f = sample_codes(32, 200, k=8, seed=5); n = observe(f, W)
    lam = 0.01 * lam_max(W, n)
    rg, rc = lasso_lars(W, n, lam, device='cuda'), lasso_lars(W, n, lam)
    assert rg.converged.all() and duality_gap(W, n, rg.x, lam)[0].max() <= 1e-6
    np.testing.assert_allclose(rg.x, rc.x, atol=1e-8)
    bg = basis_pursuit(W, torch.tensor(n, device='cuda'))          # torch in: computed on the GPU, same device out
    assert bg.is_cuda
    np.testing.assert_allclose(bg.cpu().numpy(), basis_pursuit(W, n), atol=1e-8)
