"""The compressed-sensing science of sparse autoencoders: Tanner-Donoho crossings, sparse recovery, and the amortisation gap, as a literate nbdev package.

Modules:

- `sparse_sae.recovery`: Decoders for n = W f: pseudoinverse, cvxpy references (basis pursuit, LASSO), batched FISTA with a duality-gap certificate and exact KKT polishing, Douglas–Rachford basis pursuit, lambda calibration, OMP, AMP with state evolution, and the recovery metrics (SRA, nMSE, exact recovery)."""

__version__ = "0.0.1"
