"""Summarizes bench/compare-tuning.sh: trials needed to reach a target validation accuracy (TPE vs random), and
for pruners the epochs spent until a trial first came within 0.5 point of the unpruned study's best (same sampler
and seed). Reads the tune folders' trials.csv and trial-N/history.csv."""
import csv, glob, os, statistics, sys

root, target = sys.argv[1], float(sys.argv[2])


def trials(folder):
    with open(os.path.join(folder, "trials.csv")) as f:
        return sorted(csv.DictReader(f), key=lambda r: int(r["number"]))


def epochs_of(folder, number):
    history = os.path.join(folder, f"trial-{number}", "history.csv")
    if not os.path.exists(history):
        return 0
    with open(history) as f:
        return sum(1 for _ in f) - 1


def epochs_to(folder, bar):
    """(epochs spent until the first complete trial at or above bar, or None; epochs spent in all; best; trials; pruned)"""
    spent, reached, best = 0, None, float("-inf")
    rows = trials(folder)
    for r in rows:
        spent += epochs_of(folder, r["number"])
        if r["state"] == "complete" and r["value"]:
            best = max(best, float(r["value"]))
            if reached is None and float(r["value"]) >= bar:
                reached = spent
    return reached, spent, best, len(rows), sum(1 for r in rows if r["state"] == "pruned")


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
    if needed:
        print(f"{sampler:6s} reached in {len(reached)}/{len(needed)} studies; median trials {statistics.median(reached) if reached else '-'}")
studies = {}
for folder in glob.glob(os.path.join(root, "pruner-*", "*-tune-*", "trials.csv")):
    folder = os.path.dirname(folder)
    pruner, sampler, seed = os.path.basename(os.path.dirname(folder)).split("-")[1:4]
    studies[(sampler, seed, pruner)] = folder
ratios = {}
for (sampler, seed, pruner) in sorted(k for k in studies if k[2] == "none"):
    base = studies[(sampler, seed, "none")]
    _, _, best, _, _ = epochs_to(base, float("inf"))
    bar = best - 0.005
    for p in ["none"] + sorted(k[2] for k in studies if k[:2] == (sampler, seed) and k[2] != "none"):
        reached, spent, top, n, pruned = epochs_to(studies[(sampler, seed, p)], bar)
        base_reached = epochs_to(base, bar)[0]
        if p != "none" and reached is not None:
            ratios.setdefault((sampler, p), []).append(reached / base_reached)
        print(f"pruner {p:9s} {sampler:6s} {seed}: bar {bar:.4f} (unpruned best {best:.4f}); best {top:.4f}; "
              f"epochs to the bar {reached if reached is not None else 'not reached'}; epochs in all {spent}; trials {n} ({pruned} pruned)")
for (sampler, p), r in sorted(ratios.items()):
    print(f"{p} with {sampler}: reached the bar in {len(r)} studies; epochs to the bar / unpruned epochs to the bar: "
          + ", ".join(f"{x:.2f}" for x in r) + f" (median {statistics.median(r):.2f})")
