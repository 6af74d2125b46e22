#!/usr/bin/env bash
# README command 1: set up .venv, install, and run the main job, the crossing experiment on its embedded default.
# Extra arguments go to `sparse-sae crossing` (try `bash run.sh --help`).
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup_env.sh
sparse-sae crossing "$@"
