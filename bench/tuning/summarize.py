"""Summarizes bench/compare-tuning.sh: trials needed to reach a target validation accuracy (TPE vs random), and
epochs spent and best accuracy (ASHA vs no pruning). Reads the tune folders' trials.csv and trial-N/history.csv."""
import csv, glob, os, statistics, sys

root, target = sys.argv[1], float(sys.argv[2])


def trials(folder):
    with open(os.path.join(folder, "trials.csv")) as f:
        return sorted(csv.DictReader(f), key=lambda r: int(r["number"]))


def epochs(folder):
    total = 0
    for history in glob.glob(os.path.join(folder, "trial-*", "history.csv")):
        with open(history) as f:
            total += sum(1 for _ in f) - 1
    return total


print(f"target validation accuracy {target}")
for sampler in ("random", "tpe"):
    needed = []
    for folder in sorted(glob.glob(os.path.join(root, f"{sampler}-seed*", "*-tune-*"))):
        rows = [r for r in trials(folder) if r["state"] == "complete"]
        hit = next((i + 1 for i, r in enumerate(rows) if float(r["value"]) >= target), None)
        best = max(float(r["value"]) for r in rows)
        needed.append(hit)
        print(f"{sampler:6s} {os.path.basename(os.path.dirname(folder))}: best {best:.4f}, trials to reach target: {hit or '>' + str(len(rows))}")
    reached = [n for n in needed if n is not None]
    print(f"{sampler:6s} reached in {len(reached)}/{len(needed)} studies; median trials {statistics.median(reached) if reached else '-'}")
for pruner in ("none", "asha"):
    for folder in sorted(glob.glob(os.path.join(root, f"pruner-{pruner}", "*-tune-*"))):
        rows = trials(folder)
        best = max(float(r["value"]) for r in rows if r["value"])
        pruned = sum(1 for r in rows if r["state"] == "pruned")
        print(f"pruner {pruner:5s}: best val_accuracy {best:.4f}, epochs spent {epochs(folder)}, trials {len(rows)} ({pruned} pruned)")
