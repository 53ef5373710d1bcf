#!/usr/bin/env bash
# Lathe's classical models against scikit-learn 1.2 and XGBoost 1.7 (Debian's python3-sklearn,
# python3-xgboost), side by side in one run, for docs/benchmarks.md:
#   1. bench/classical/export_datasets.py writes iris, wine, breast cancer, digits, diabetes and a
#      10,000-image Fashion-MNIST subset as standardized CSVs (75/25 split, stratified, seed 0).
#   2. bench/classical/sklearn_reference.py fits each library's defaults and prints test score and the
#      median fit time of REPEATS fits (with its CPU time).
#   3. Lathe.Bench.Classical does the same with Lathe's estimators (defaults follow scikit-learn's).
#   4. bench/classical/table.py joins both into one markdown table with the ratios.
# Each side starts when the machine is idle (1-minute load <= IDLE_LOAD, up to IDLE_TRIES waits of 30 s).
#
# usage: bench/compare-classical.sh     env: REPEATS (default 3), MODELS (comma list, default all),
#        IDLE_LOAD (default 0.7), IDLE_TRIES (default 6), DATA (default /tmp/lathe-classical)
set -euo pipefail
cd "$(dirname "$0")/.."

REPEATS=${REPEATS:-3}
MODELS=${MODELS:-}
IDLE_LOAD=${IDLE_LOAD:-0.7}
IDLE_TRIES=${IDLE_TRIES:-6}
DATA=${DATA:-/tmp/lathe-classical}
PYTHON=/usr/bin/python3 # Debian's python3-sklearn; a pyenv python3 on PATH would not find it

source "$(dirname "$0")/idle-machine.sh"

[ -d "$DATA/digits" ] || $PYTHON bench/classical/export_datasets.py "$DATA" /usr/share/datasets/fashion-mnist
dotnet build -c Release bench/Lathe.Bench.Classical -v quiet -nologo >/dev/null
OUT=$(mktemp -d /tmp/compare-classical.XXXXXX)

echo "=== scikit-learn  [$(wait_for_idle)]"
$PYTHON bench/classical/sklearn_reference.py "$DATA" "$REPEATS" $MODELS | tee "$OUT/sklearn.jsonl"
echo "=== Lathe  [$(wait_for_idle)]"
dotnet bench/Lathe.Bench.Classical/bin/Release/net10.0/Lathe.Bench.Classical.dll "$DATA" "$REPEATS" $MODELS | tee "$OUT/lathe.jsonl"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); results in $OUT"
$PYTHON bench/classical/table.py "$OUT/sklearn.jsonl" "$OUT/lathe.jsonl"
