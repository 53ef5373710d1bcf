#!/usr/bin/env bash
# Tuning benchmark for docs/benchmarks.md (issue 7): an MLP on Fashion-MNIST, searched by lathe tune.
#   1. TPE against random search: SEEDS studies each of TRIALS trials (3 epochs per trial); how many trials each
#      needed to reach TARGET validation accuracy.
#   2. Pruners against no pruning, 9 epochs per trial, pruning on the per-epoch validation accuracy: for each sampler
#      and seed, an unpruned study of TRIALS trials sets the bar (its best − 0.5 point); each pruned study of
#      PRUNED_TRIALS trials is judged by the epochs it spent until a trial first reached that bar.
# usage: bench/compare-tuning.sh
#   env: SEEDS (3), TRIALS (16), TARGET (0.86), PARTS ("samplers pruners"), PRUNE_SEEDS (3), PRUNED_TRIALS (40),
#        PRUNERS ("asha hyperband"; NAME:N sets tune.pruner_startup_trials=N and labels the study NAMEN, e.g. asha:0),
#        PRUNE_SAMPLERS ("random tpe"), OUT (/tmp/lathe-tuning)
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-3}
TRIALS=${TRIALS:-16}
TARGET=${TARGET:-0.86}
OUT=${OUT:-/tmp/lathe-tuning}
PARTS=${PARTS:-samplers pruners}
PRUNE_SEEDS=${PRUNE_SEEDS:-3}
PRUNED_TRIALS=${PRUNED_TRIALS:-40}
PRUNERS=${PRUNERS:-asha hyperband}
PRUNE_SAMPLERS=${PRUNE_SAMPLERS:-random tpe}
CONFIG=bench/tuning/fashion-tune.yaml
dotnet build -c Release src/Lathe.Cli -v quiet -nologo >/dev/null
LATHE="dotnet src/Lathe.Cli/bin/Release/net10.0/Lathe.Cli.dll"
rm -rf "$OUT" && mkdir -p "$OUT"
if [[ " $PARTS " == *" samplers "* ]]; then
  for seed in $(seq 1 "$SEEDS"); do
    for sampler in random tpe; do
      echo "=== $sampler seed $seed"
      $LATHE tune $CONFIG --trials "$TRIALS" --runs-dir "$OUT/$sampler-seed$seed" --study "fashion-$sampler-$seed" \
        --set tune.sampler=$sampler --set tune.seed=$seed | tail -2
    done
  done
fi
if [[ " $PARTS " == *" pruners "* ]]; then
  for sampler in $PRUNE_SAMPLERS; do
    for seed in $(seq 1 "$PRUNE_SEEDS"); do
      for entry in none $PRUNERS; do
        pruner=${entry%%:*}
        label=$pruner; startup=()
        if [[ $entry == *:* ]]; then label=$pruner${entry#*:}; startup=(--set "tune.pruner_startup_trials=${entry#*:}"); fi
        trials=$([[ $pruner == none ]] && echo "$TRIALS" || echo "$PRUNED_TRIALS")
        echo "=== pruner $label, $sampler seed $seed, $trials trials"
        $LATHE tune $CONFIG --trials "$trials" --runs-dir "$OUT/pruner-$label-$sampler-seed$seed" --study "fashion-$label-$sampler-$seed" \
          --set tune.pruner=$pruner --set tune.sampler=$sampler --set tune.seed=$seed --set train.epochs=9 \
          --set tune.min_resource=1 --set tune.reduction_factor=3 "${startup[@]}" | tail -2
      done
    done
  done
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/tuning/summarize.py "$OUT" "$TARGET"
