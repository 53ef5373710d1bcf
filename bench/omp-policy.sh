#!/usr/bin/env bash
# OpenMP wait-policy study for libtorch (through TorchSharp): s/epoch of the plain TorchSharp MLP loop
# (Fashion-MNIST, 784-256-128-10, batch 128, Adam) under several libgomp settings, each measured
#   idle  - nothing else running (waits until the 1-minute load is below $IDLE_LOAD and the CPUs are idle),
#   busy1 - next to one busy loop (one core taken),
#   pair  - next to a second identical training process with the same setting (two 2-thread OpenMP
#           processes on two cores, as with parallel tuning workers); only with --with-pair.
# Every setting passes an explicit OMP variable, so Lathe's TorchRuntime keeps its hands off (it only sets
# GOMP_SPINCOUNT when neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set).
#
# usage: bench/omp-policy.sh [--with-pair]    env: EPOCHS (measured epochs, default 2), ROUNDS (default 1),
#        RUN_TIMEOUT (s per run, default 60), IDLE_LOAD (default 0.7), IDLE_TRIES (default 6),
#        CONDITIONS (e.g. "idle"; overrides the list), ONLY (regex on policy names, e.g. "spin1000|passive")
set -euo pipefail
cd "$(dirname "$0")/.."

EPOCHS=${EPOCHS:-2}
ROUNDS=${ROUNDS:-1}
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
IDLE_LOAD=${IDLE_LOAD:-0.7}
IDLE_TRIES=${IDLE_TRIES:-6}
ONLY=${ONLY:-.}
read -r -a CONDITIONS <<<"${CONDITIONS:-idle busy1}"
[[ "${1:-}" == "--with-pair" ]] && CONDITIONS+=(pair)

POLICIES=(
  "spin300000|GOMP_SPINCOUNT=300000"   # libgomp's default when OMP_WAIT_POLICY is unset
  "spin10000|GOMP_SPINCOUNT=10000"     # what Lathe's TorchRuntime sets today
  "spin1000|GOMP_SPINCOUNT=1000"
  "spin100|GOMP_SPINCOUNT=100"
  "passive|OMP_WAIT_POLICY=PASSIVE"    # spin count 0: sleep on a futex at once
  "active|OMP_WAIT_POLICY=ACTIVE"      # spin count 3e10: spin (practically) for ever
)

dotnet build -c Release bench/Lathe.Bench -v quiet -nologo >/dev/null
DLL=bench/Lathe.Bench/bin/Release/net10.0/Lathe.Bench.dll
LOG=$(mktemp -d /tmp/omp-policy.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

source "$(dirname "$0")/idle-machine.sh"

# Median s/epoch from a run's output; partial results when the run hit the timeout.
median_of() {
  local out=$1
  if grep -q '^RESULT' "$out"; then sed -n 's/^RESULT median_s=\([0-9.]*\).*/\1/p' "$out"; return; fi
  local done_epochs
  done_epochs=$(grep -E '^epoch +[0-9]+: plain' "$out" | sed -E 's/.*plain ([0-9.]+) s.*/\1/' | paste -sd, -)
  echo ">${RUN_TIMEOUT}s-run(${done_epochs:-no measured epoch})"
}

declare -A RESULT
for ((round = 1; round <= ROUNDS; round++)); do
  for condition in "${CONDITIONS[@]}"; do
    for entry in "${POLICIES[@]}"; do
      name=${entry%%|*}; setting=${entry#*|}
      [[ "$name" =~ $ONLY ]] || continue
      out="$LOG/$name.$condition.$round.txt"
      competitor=""
      case $condition in
        idle) state=$(wait_for_idle) ;;
        busy1)
          timeout $((RUN_TIMEOUT + 30)) sh -c 'while :; do :; done' & competitor=$!; PIDS+=("$competitor")
          sleep 1; state="load=$(load1)" ;;
        pair)
          timeout $((RUN_TIMEOUT + 30)) env "$setting" dotnet "$DLL" plain --epochs 1000 >/dev/null 2>&1 & competitor=$!
          PIDS+=("$competitor"); sleep 4; state="load=$(load1)" ;;
      esac
      start=$(date +%s.%N)
      timeout "$RUN_TIMEOUT" env "$setting" dotnet "$DLL" plain --epochs "$EPOCHS" >"$out" 2>&1 || true
      wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
      state+=" load-after=$(load1)"
      [[ -n "$competitor" ]] && { kill "$competitor" 2>/dev/null || true; wait "$competitor" 2>/dev/null || true; }
      median=$(median_of "$out")
      RESULT["$name|$condition"]+="${RESULT["$name|$condition"]:+ / }$median"
      echo "round $round  $condition  $name ($setting): median ${median} s/epoch  [$state, run ${wall}s]  $(grep -oE 'epochs=\[.*\]' "$out" || true)"
    done
  done
done

echo
echo "s/epoch, median of $EPOCHS measured epochs after 1 warm-up (rounds separated by /); logs in $LOG"
printf '%-12s %-26s' policy setting; for c in "${CONDITIONS[@]}"; do printf ' %-18s' "$c"; done; echo
for entry in "${POLICIES[@]}"; do
  name=${entry%%|*}; setting=${entry#*|}
  [[ "$name" =~ $ONLY ]] || continue
  printf '%-12s %-26s' "$name" "$setting"
  for c in "${CONDITIONS[@]}"; do printf ' %-18s' "${RESULT["$name|$c"]}"; done; echo
done
