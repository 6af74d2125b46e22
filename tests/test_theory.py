"Fast checks of sparse_sae.theory that do not need the notebook (the notebook holds the full suite)."
import numpy as np
import pytest
from sparse_sae.theory import (dt_weak_threshold, dt_weak_threshold_dmm, dt_critical_alpha, implied_C, alpha_star_blog,
                               it_limit_alpha, theorem_codes, lnl_minimax_error, lnl_error_lower_bound)
from sparse_sae.data import make_dictionary


def test_dt_two_formulas_agree():
    d = np.array([0.05, 0.2, 0.5, 0.8])
    np.testing.assert_allclose(dt_weak_threshold(d), dt_weak_threshold_dmm(d), rtol=1e-8)


def test_dt_asymptote():
    d = 10.0 ** -np.array([20.0, 100.0, 250.0])
    r = dt_weak_threshold(d) * 2 * np.log(1 / d)
    assert np.all(np.abs(r - 1) < 0.03) and abs(r[-1] - 1) < 0.01


def test_blog_constants_consistent():
    rho = np.array([0.02, 0.05, 0.1, 0.2])
    a = dt_critical_alpha(rho)
    assert np.all((1 < a) & (a < it_limit_alpha(rho)))
    np.testing.assert_allclose(alpha_star_blog(rho, implied_C(rho)), a, rtol=1e-9)


def test_bad_input():
    with pytest.raises(ValueError, match='rho'): dt_critical_alpha(1.2)
    with pytest.raises(ValueError, match='delta'): dt_weak_threshold(0.0)


def test_amortisation_gap_lp_contrast():
    codes = theorem_codes(6, seed=0)
    gap = lnl_minimax_error(make_dictionary(4, 6, 'gaussian', seed=1), codes)
    assert gap['exact'] and gap['max'] >= lnl_error_lower_bound(codes) > 0      # N < F: bounded away from zero
    assert lnl_minimax_error(make_dictionary(6, 6, 'gaussian', seed=1), codes)['max'] < 1e-8   # N >= F: exact encoder
