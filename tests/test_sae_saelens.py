"Interop with SAELens' on-disk format, against the real library (skipped when sae_lens is not installed)."
import pytest
import torch

from sparse_sae.sae import SAE, load_sae, save_sae

sae_lens = pytest.importorskip('sae_lens', reason='sae_lens not installed (optional: pip install sae-lens)')

SHARED = [  # (our constructor kwargs, SAELens class name)
    (dict(kind='relu'), 'StandardSAE'),
    (dict(kind='topk', k=3), 'TopKSAE'),
    (dict(kind='topk', k=3, nonneg=False), 'AbsTopKSAE'),
    (dict(kind='jumprelu'), 'JumpReLUSAE'),
    (dict(kind='gated'), 'GatedSAE'),
    (dict(kind='batchtopk', k=3), 'JumpReLUSAE'),
    (dict(kind='relu', bias=False), 'StandardSAE'),
]


def _perturbed(m, seed=0):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for n, p in m.named_parameters():
            if n == 'threshold': p.copy_(0.05 + 0.1 * torch.rand(p.shape, generator=g))
            else: p.add_(0.1 * torch.randn(p.shape, generator=g))
        if m.kind == 'batchtopk': m.threshold.fill_(0.07)
    m.normalise_decoder_()
    return m.eval()


@pytest.mark.parametrize('kw,cls', SHARED, ids=[f"{c}-{i}" for i, (_, c) in enumerate(SHARED)])
def test_ours_loads_in_saelens(tmp_path, kw, cls):
    m = _perturbed(SAE(12, 20, seed=1, **kw))
    save_sae(m, tmp_path / 'sae')
    theirs = sae_lens.SAE.load_from_disk(str(tmp_path / 'sae'))
    assert type(theirs).__name__ == cls
    x = torch.randn(64, 12, generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        torch.testing.assert_close(theirs.encode(x), m.encode(x), atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(theirs.decode(m.encode(x)), m.decode(m.encode(x)), atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize('arch', ['standard', 'topk', 'jumprelu', 'gated'])
def test_saelens_loads_here(tmp_path, arch):
    cfgs = {'standard': sae_lens.StandardSAEConfig, 'topk': sae_lens.TopKSAEConfig,
            'jumprelu': sae_lens.JumpReLUSAEConfig, 'gated': sae_lens.GatedSAEConfig}
    extra = {'k': 4} if arch == 'topk' else {}
    theirs = sae_lens.SAE.from_dict(cfgs[arch](d_in=12, d_sae=20, **extra).to_dict())
    g = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for n, p in theirs.named_parameters():
            p.copy_(0.05 + 0.1 * torch.rand(p.shape, generator=g) if n == 'threshold' else torch.randn(p.shape, generator=g))
        theirs.W_dec.copy_(theirs.W_dec / theirs.W_dec.norm(dim=-1, keepdim=True))
    theirs.save_model(str(tmp_path / 'sl'))
    ours = load_sae(tmp_path / 'sl')
    assert ours.kind == {'standard': 'relu'}.get(arch, arch)
    for n, p in theirs.state_dict().items():
        assert torch.equal(ours.state_dict()[n], p), n
    x = torch.randn(64, 12, generator=g)
    with torch.no_grad():
        torch.testing.assert_close(ours.encode(x), theirs.encode(x), atol=1e-5, rtol=1e-5)
