#!/usr/bin/env bash
# README command 2: set up .venv, install, and run the whole test suite:
#   the library is in sync with the notebooks (nbdev-export changes nothing), the notebooks are clean
#   (nbdev-clean changes nothing), README.md is current, every notebook runs (nbdev-test), the offline docs
#   build, and pytest passes (and collects at least one test).
set -euo pipefail
cd "$(dirname "$0")"
EXTRAS=dev,autointerp,saelens source tools/setup_env.sh
python tools/check_sync.py
python tools/make_readme.py --check
python tools/lint_nbs.py
echo "== nbdev-test"
nbdev-test --timing
echo "== docs"
python tools/build_docs.py
echo "== pytest"
set +e
python -m pytest -rs tests/
rc=$?
set -e
if [ $rc -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi
exit $rc
