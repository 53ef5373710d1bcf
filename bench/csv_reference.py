"""pandas.read_csv on one file, one measured read per process (bench/compare-csv.sh).

Prints one line: seconds, peak RSS growth in MB (kernel high-water mark, reset just before the read), rows, columns.
"""
import sys
import time

import pandas as pd


def status_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def main():
    path = sys.argv[1]
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status_kb("VmRSS")
    start = time.perf_counter()
    frame = pd.read_csv(path)
    seconds = time.perf_counter() - start
    peak = status_kb("VmHWM")
    print(f"pandas seconds={seconds:.3f} peak_growth_mb={(peak - before) / 1024:.1f} rows={len(frame)} columns={frame.shape[1]}")


if __name__ == "__main__":
    main()
