"Fast checks of the amortisation runners' bookkeeping (no training)."
import numpy as np, pandas as pd, pytest
from sparse_sae.amortisation import (AmortConfig, ResultStore, run_cells, cfg_hash, parse_method, pareto_front,
                                     claims_table, topk_truncate, make_task)
import torch

def test_config_validation():
    with pytest.raises(ValueError, match='k must be <= F'): AmortConfig(F=4, k=5)
    with pytest.raises(ValueError, match='values'): AmortConfig(values='signed')
    assert cfg_hash(AmortConfig()) != cfg_hash(AmortConfig(lam=0.1))

def test_parse_method():
    assert parse_method('mlp1024') == dict(kind='mlp', hidden=1024)
    assert parse_method('sc')['inference'] == 'gd' and parse_method('scfista')['inference'] == 'fista'
    with pytest.raises(ValueError, match='method must be'): parse_method('lista')

def test_store_resumes(tmp_path):
    calls = []
    def fn(a): calls.append(a); return pd.DataFrame(dict(a=[a], y=[a * a]))
    cells = [dict(cell=str(a), a=a) for a in range(4)]
    run_cells(cells[:2], fn, ResultStore(tmp_path / 'r.csv'), progress=False)
    out = run_cells(cells, fn, ResultStore(tmp_path / 'r.csv'), progress=False)
    assert calls == [0, 1, 2, 3] and sorted(out['y']) == [0, 1, 4, 9]

def test_pareto_front_and_topk():
    assert list(pareto_front([1, 2, 3], [0.5, 0.4, 0.9])) == [0, 2]
    z = torch.tensor([[3., -1., 0.5]])
    assert torch.equal(topk_truncate(z, 1), torch.tensor([[3., 0., 0.]]))

def test_task_reproducible():
    c = AmortConfig(n_train=32, n_test=16)
    a, b = make_task(c, 3), make_task(c, 3)
    assert np.array_equal(a['n_train'], b['n_train']) and ((a['f_test'] != 0).sum(1) == 3).all()

def test_claims_verdicts():
    rows = [dict(scenario='known_codes', method=m, seed=s, step=1, mcc=v + 0.01 * s)
            for m, v in (('sae', 0.5), ('mlp1024', 0.5)) for s in range(3)]
    ct = claims_table(pd.DataFrame(rows))
    assert ct['verdict'].iloc[0] == 'does not reproduce'     # zero difference cannot pass
