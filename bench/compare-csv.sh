#!/usr/bin/env bash
# Lathe's CsvReader against pandas.read_csv (Debian python3-pandas 1.5.3) on a 1,000,000-row x 20-column numeric
# CSV (normal values rounded to 6 decimals, ~190 MB), generated once into /tmp. Each read is a fresh process; the
# two alternate, REPEATS times, and the script prints each median and the ratios: time (lathe / pandas, target
# <= 0.5) and Lathe's peak memory growth over the float32 size of the data (target <= 2).
#
# usage: bench/compare-csv.sh     env: REPEATS (default 3), IDLE_LOAD (default 0.7), IDLE_TRIES (default 0: do not
#        wait; set e.g. 6 to wait up to 3 minutes for an idle machine before each read), CSV (default /tmp/lathe-1m-x20.csv)
set -euo pipefail
cd "$(dirname "$0")/.."

REPEATS=${REPEATS:-3}
IDLE_LOAD=${IDLE_LOAD:-0.7}
IDLE_TRIES=${IDLE_TRIES:-0}
CSV=${CSV:-/tmp/lathe-1m-x20.csv}
PYTHON=/usr/bin/python3 # Debian's python3-pandas; a pyenv python3 on PATH would not find it

if [ ! -f "$CSV" ]; then
  echo "generating $CSV"
  "$PYTHON" -c "
import numpy as np, pandas as pd
rng = np.random.default_rng(42)
pd.DataFrame(np.round(rng.normal(size=(1_000_000, 20)), 6), columns=[f'x{i}' for i in range(20)]).to_csv('$CSV.tmp', index=False)
" && mv "$CSV.tmp" "$CSV"
fi
echo "file: $CSV ($(du -m "$CSV" | cut -f1) MB)"

dotnet build -c Release bench/Lathe.Bench.Csv -v quiet -nologo >/dev/null
DLL=bench/Lathe.Bench.Csv/bin/Release/net10.0/Lathe.Bench.Csv.dll
source "$(dirname "$0")/idle-machine.sh"
state() { if [ "$IDLE_TRIES" -gt 0 ]; then wait_for_idle; else echo "load=$(load1) (not waiting)"; fi; }

results=$(mktemp)
for ((round = 1; round <= REPEATS; round++)); do
  echo "=== round $round [$(state)]"
  "$PYTHON" bench/csv_reference.py "$CSV" | tee -a "$results"
  dotnet "$DLL" "$CSV" | tee -a "$results"
done

"$PYTHON" - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, *fields = line.split()
    values = dict(f.split("=") for f in fields)
    runs.setdefault(name, []).append(values)
med = lambda name, key: statistics.median(float(r[key]) for r in runs[name])
pt, lt = med("pandas", "seconds"), med("lathe", "seconds")
pm, lm = med("pandas", "peak_growth_mb"), med("lathe", "peak_growth_mb")
data_mb = float(runs["lathe"][0]["float32_mb"])
print(f"median seconds: pandas {pt:.3f}, lathe {lt:.3f}; time ratio lathe/pandas {lt / pt:.2f} (target <= 0.5)")
print(f"median peak RSS growth: pandas {pm:.0f} MB, lathe {lm:.0f} MB; lathe / float32 data ({data_mb:.0f} MB) {lm / data_mb:.2f} (target <= 2)")
PY
rm -f "$results"
