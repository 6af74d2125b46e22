"""`sparse-sae crossing` end to end in a subprocess: a tiny run, invalid options, and kill-then-resume."""
import os, re, subprocess, sys, time
from pathlib import Path
import pandas as pd
import pytest
from sparse_sae.crossing import load_results, KEY_COLS

EXE = Path(sys.executable).parent / 'sparse-sae'
# amp_bayes: fast, and it has a state-evolution prediction (so the SE check runs too)
TINY = ['--rhos', '0.1,0.2', '--alpha-min', '0.5', '--alpha-max', '3', '--n-alpha', '4', '--n', '24',
        '--trials', '6', '--w-draws', '1', '--decoders', 'pinv,amp_bayes', '--workers', '1', '--n-boot', '50',
        '--quiet', 'true']
ENV = dict(os.environ, OMP_NUM_THREADS='1', MKL_NUM_THREADS='1', OPENBLAS_NUM_THREADS='1', MPLBACKEND='Agg')


def crossing(*args, **kw):
    return subprocess.run([str(EXE), 'crossing', *args], capture_output=True, text=True, env=ENV, timeout=300, **kw)


def counts(stdout):
    "(computed, reused, total) from the summary's first line"
    m = re.search(r'cells: (\d+) \((\d+) computed, (\d+) reused', stdout)
    assert m, stdout
    total, computed, reused = map(int, m.groups())
    return computed, reused, total


def test_tiny_run(tmp_path):
    r = crossing(*TINY, '--out', str(tmp_path))
    assert r.returncode == 0, r.stderr
    for f in ('results.csv', 'cells.csv', 'summary.csv', 'fit_C.csv', 'agreement.csv', 'sra_nmse.png'):
        assert (tmp_path / f).stat().st_size > 0, f
    # 2 rho x 4 alpha x 2 decoders at N=24, plus amp_bayes at N=12 for the finite-size band
    n_cells = 2 * 4 * 2 + 2 * 4
    assert counts(r.stdout) == (n_cells, 0, n_cells)
    assert 'alpha*' in r.stdout and 'State-evolution check' in r.stdout
    assert re.search(r'amp_bayes rho=0.1: measured alpha\*=', r.stdout)
    summ = pd.read_csv(tmp_path / 'summary.csv')
    assert set(summ.decoder) == {'pinv', 'amp_bayes'} and set(summ.rho) == {0.1, 0.2}
    res = pd.read_csv(tmp_path / 'results.csv')
    assert len(res) == n_cells * 6 and res.sra.between(0, 1).all()
    # rerun: everything is reused, nothing recomputed, the results file is unchanged
    before = (tmp_path / 'results.csv').read_bytes()
    r2 = crossing(*TINY, '--out', str(tmp_path), '--plot', 'false')
    assert r2.returncode == 0, r2.stderr
    assert counts(r2.stdout) == (0, n_cells, n_cells)
    assert (tmp_path / 'results.csv').read_bytes() == before


@pytest.mark.parametrize('opt,val,msg', [
    ('--rhos', '1.5', '--rhos must be in (0, 1), got 1.5'),
    ('--rhos', '0', '--rhos must be in (0, 1), got 0'),
    ('--alpha-min', '0', '--alpha-min must be > 0, got 0'),
    ('--alpha-min', '-1', '--alpha-min must be > 0, got -1'),
    ('--n', '1', '--n (N, neurons) must be >= 2, got 1'),
    ('--decoders', 'pinv,magic', "--decoders entries must be one of"),
    ('--protocol', 'poisson', "--protocol must be one of blog, bernoulli, got 'poisson'"),
])
def test_invalid_options(tmp_path, opt, val, msg):
    r = crossing(*TINY, '--out', str(tmp_path), opt, val)
    assert r.returncode != 0
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith('sparse-sae crossing: ') and msg in err, err
    assert not (tmp_path / 'results.csv').exists()


def test_kill_and_resume(tmp_path):
    "Kill a running sweep after a few finished cells; the rerun computes exactly the missing cells."
    args = ['--rhos', '0.05,0.1,0.2', '--alpha-min', '0.5', '--alpha-max', '4', '--n-alpha', '30', '--n', '40',
            '--trials', '20', '--w-draws', '1', '--decoders', 'pinv,omp', '--workers', '1', '--n-boot', '50',
            '--fs-check', 'false', '--plot', 'false', '--quiet', 'true', '--out', str(tmp_path)]
    n_cells = 3 * 30 * 2
    p = subprocess.Popen([str(EXE), 'crossing', *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    path, t0, done = tmp_path / 'results.csv', time.time(), 0
    try:
        while time.time() - t0 < 240 and p.poll() is None:
            if path.exists():
                done = load_results(path)[KEY_COLS].drop_duplicates().shape[0]
                if done >= 3: break
            time.sleep(0.05)
    finally:
        p.kill(); p.wait()
    done = load_results(path)[KEY_COLS].drop_duplicates().shape[0]
    assert 3 <= done < n_cells, f"kill came too late or too early: {done} of {n_cells} cells done"
    old = load_results(path)
    r = crossing(*args)
    assert r.returncode == 0, r.stderr
    assert counts(r.stdout) == (n_cells - done, done, n_cells)
    new = load_results(path)
    assert len(new) == n_cells * 20 and not new.duplicated(KEY_COLS + ['trial']).any()
    m = old.merge(new, on=KEY_COLS + ['trial'], suffixes=('_old', '_new'))
    assert len(m) == len(old) and (m.sra_old == m.sra_new).all()   # finished cells kept as they were
