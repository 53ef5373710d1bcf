#!/usr/bin/env bash
# Lathe against Debian's PyTorch, side by side in one run, for the MLP and the CNN of docs/benchmarks.md:
#   1. Lathe.Bench trainer --model M: Lathe's Trainer and a plain TorchSharp loop, interleaved, plus a 2048²
#      matmul's GFLOP/s and the training step's achieved GFLOP/s (libtorch 2.10 through TorchSharp 0.107).
#      OMP_WAIT_POLICY and GOMP_SPINCOUNT are unset, so Lathe's TorchRuntime sets GOMP_SPINCOUNT=1000.
#   2. bench/torch_reference.py --model M with GOMP_SPINCOUNT=1000 (the same libgomp setting as Lathe).
#   3. bench/torch_reference.py --model M with both unset (PyTorch's default: libgomp spins 300000).
# Each run is a fresh process, one after another, each started when the machine is idle (1-minute load
# <= IDLE_LOAD and CPUs idle over 2 s, up to IDLE_TRIES waits of 30 s). 2 torch threads everywhere.
#
# usage: bench/compare-torch.sh        env: EPOCHS (measured epochs after 1 warm-up, default 3),
#        MODELS (default "mlp cnn"), ROUNDS (default 1), IDLE_LOAD (default 0.7), IDLE_TRIES (default 6)
set -euo pipefail
cd "$(dirname "$0")/.."

EPOCHS=${EPOCHS:-3}
ROUNDS=${ROUNDS:-1}
IDLE_LOAD=${IDLE_LOAD:-0.7}
IDLE_TRIES=${IDLE_TRIES:-6}
read -r -a MODELS <<<"${MODELS:-mlp cnn}"
PYTHON=/usr/bin/python3 # Debian's python3-torch; a pyenv python3 on PATH would not find it

dotnet build -c Release bench/Lathe.Bench -v quiet -nologo >/dev/null
DLL=bench/Lathe.Bench/bin/Release/net10.0/Lathe.Bench.dll
LOG=$(mktemp -d /tmp/compare-torch.XXXXXX)

source "$(dirname "$0")/idle-machine.sh"

# One run: name, then the command. Prints the output, keeps it in $LOG, and notes the load.
run() {
  local name=$1; shift
  local state out="$LOG/$name.txt"
  state=$(wait_for_idle)
  echo "=== $name  [$state]  $*"
  "$@" 2>&1 | tee "$out"
  echo "--- $name done, load after $(load1)"
  echo
  STATES["$name"]="$state"
}

# value KEY FILE: KEY=value from the file's RESULT line.
value() { grep '^RESULT' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

declare -A STATES
for ((round = 1; round <= ROUNDS; round++)); do
  for model in "${MODELS[@]}"; do
    run "lathe-$model-$round" env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT dotnet "$DLL" trainer --model "$model" --epochs "$EPOCHS"
    run "torch-spin1000-$model-$round" env -u OMP_WAIT_POLICY GOMP_SPINCOUNT=1000 "$PYTHON" bench/torch_reference.py --model "$model" --epochs "$EPOCHS"
    run "torch-default-$model-$round" env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT "$PYTHON" bench/torch_reference.py --model "$model" --epochs "$EPOCHS"
  done
done

echo "Median s/epoch over $EPOCHS measured epochs after 1 warm-up; matmul = 2048² fp32 GFLOP/s, mean of before and after; logs in $LOG"
printf '%-5s %-5s %-10s %-10s %-12s %-13s %-11s %-14s %-15s %-13s %-13s %-12s\n' model round lathe plain lathe/plain torch-spin1k torch-default lathe/torch lathe/torch-def matmul-lathe matmul-torch step-share
for ((round = 1; round <= ROUNDS; round++)); do
  for model in "${MODELS[@]}"; do
    l="$LOG/lathe-$model-$round.txt"; t="$LOG/torch-spin1000-$model-$round.txt"; d="$LOG/torch-default-$model-$round.txt"
    awk -v m="$model" -v r="$round" -v ls="$(value lathe_s "$l")" -v ps="$(value plain_s "$l")" -v ts="$(value torch_s "$t")" \
        -v ds="$(value torch_s "$d")" -v lm="$(value matmul_gflops "$l")" -v tm="$(value matmul_gflops "$t")" -v lg="$(value lathe_gflops "$l")" \
        'BEGIN { printf "%-5s %-5s %-10.3f %-10.3f %-12.3f %-13.3f %-11.3f %-14.3f %-15.3f %-13.1f %-13.1f %.0f%%\n",
                 m, r, ls, ps, ls / ps, ts, ds, ls / ts, ls / ds, lm, tm, 100 * lg / lm }'
  done
done
echo
echo "loads at the start of each run:"
for name in "${!STATES[@]}"; do echo "  $name: ${STATES[$name]}"; done | sort
