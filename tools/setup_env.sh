# Sourced by run.sh and test.sh: create .venv (once) and install sparse_sae into it.
# Torch first: `torch==2.13.0` is the CPU build (a local wheel on the project machines); once it is installed,
# the package's `torch>=2.1` is already met and pip fetches no other build. GPU users: install the CUDA build
# of torch into .venv first (README, Install); this script then leaves it alone.
set -euo pipefail
PY=${PYTHON:-python3}
quiet() { "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
source .venv/bin/activate
if ! python -c "import torch" 2>/dev/null; then
  echo "setup: installing torch==2.13.0 (CPU build)"
  quiet python -m pip install -q "torch==2.13.0" || { echo "setup: torch==2.13.0 is not available here; installing the default torch build"; quiet python -m pip install -q torch; }
fi
# EXTRAS (set by the caller): the optional dependency groups of pyproject.toml to install with the package
EXTRAS=${EXTRAS:-}
echo "setup: installing sparse_sae (editable)${EXTRAS:+ with extras [$EXTRAS]}"
quiet python -m pip install -q -e ".${EXTRAS:+[$EXTRAS]}"
