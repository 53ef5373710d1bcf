#!/usr/bin/env bash
# Lathe's SvmClassifier against scikit-learn's SVC (Debian python3-sklearn, libsvm inside), defaults, probability
# off and on, on the data sets of docs/benchmarks.md section 6: iris, wine, breast cancer, digits (1797 x 64) and
# the first 10,000 Fashion-MNIST training images (784 features), all standardized. bench/svm_reference.py writes
# the data (so both fit the same float32 values) and times scikit-learn; Lathe.Bench svm times Lathe. The two
# alternate, each run a fresh process started when the machine is idle (1-minute load <= IDLE_LOAD and CPUs idle
# over 2 s, up to IDLE_TRIES waits of 30 s).
#
# usage: bench/compare-svm.sh     env: DATASETS (default all five), ROUNDS (default 2), IDLE_LOAD (default 0.7),
#        IDLE_TRIES (default 6), DATA (folder for the exported data, default a new temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-2}
IDLE_LOAD=${IDLE_LOAD:-0.7}
IDLE_TRIES=${IDLE_TRIES:-6}
DATASETS=${DATASETS:-iris,wine,breast_cancer,digits,fashion10k}
DATA=${DATA:-$(mktemp -d /tmp/compare-svm.XXXXXX)}
PYTHON=/usr/bin/python3 # Debian's python3-sklearn; a pyenv python3 on PATH would not find it

dotnet build -c Release bench/Lathe.Bench -v quiet -nologo >/dev/null
DLL=bench/Lathe.Bench/bin/Release/net10.0/Lathe.Bench.dll
source "$(dirname "$0")/idle-machine.sh"

for ((round = 1; round <= ROUNDS; round++)); do
  echo "=== round $round: scikit-learn [$(wait_for_idle)]"
  "$PYTHON" bench/svm_reference.py "$DATA" --datasets "$DATASETS"
  echo "=== round $round: lathe [$(wait_for_idle)]"
  dotnet "$DLL" svm "$DATA" --datasets "$DATASETS"
done
echo "data in $DATA"
