#!/usr/bin/env bash
# Tuning benchmark for docs/benchmarks.md (issue 7): an MLP on Fashion-MNIST, searched by lathe tune.
#   1. TPE against random search: SEEDS studies each of TRIALS trials (3 epochs per trial); how many trials each
#      needed to reach TARGET validation accuracy.
#   2. ASHA against no pruning (TPE, seed 1, 9 epochs per trial, pruning on val_loss per epoch): total epochs spent
#      and the best validation accuracy.
# usage: bench/compare-tuning.sh     env: SEEDS (default 3), TRIALS (default 16), TARGET (default 0.86), OUT (default /tmp/lathe-tuning)
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-3}
TRIALS=${TRIALS:-16}
TARGET=${TARGET:-0.86}
OUT=${OUT:-/tmp/lathe-tuning}
CONFIG=bench/tuning/fashion-tune.yaml
dotnet build -c Release src/Lathe.Cli -v quiet -nologo >/dev/null
LATHE="dotnet src/Lathe.Cli/bin/Release/net10.0/Lathe.Cli.dll"
rm -rf "$OUT" && mkdir -p "$OUT"
for seed in $(seq 1 "$SEEDS"); do
  for sampler in random tpe; do
    echo "=== $sampler seed $seed"
    $LATHE tune $CONFIG --trials "$TRIALS" --runs-dir "$OUT/$sampler-seed$seed" --study "fashion-$sampler-$seed" \
      --set tune.sampler=$sampler --set tune.seed=$seed | tail -2
  done
done
for pruner in none asha; do
  echo "=== pruner $pruner"
  $LATHE tune $CONFIG --trials "$TRIALS" --runs-dir "$OUT/pruner-$pruner" --study "fashion-$pruner" \
    --set tune.pruner=$pruner --set tune.seed=1 --set train.epochs=9 --set tune.min_resource=1 --set tune.reduction_factor=3 | tail -2
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/tuning/summarize.py "$OUT" "$TARGET"
