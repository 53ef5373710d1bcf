"""Joins the JSON lines of sklearn_reference.py and Lathe.Bench.Classical into one markdown table:
score of each, the score difference, fit times and the Lathe/reference fit-time ratio.

usage: /usr/bin/python3 table.py SKLEARN.jsonl LATHE.jsonl
"""
import json
import sys


def read(path):
    with open(path) as f:
        return {(r["dataset"], r["model"]): r for r in map(json.loads, filter(str.strip, f))}


def main():
    reference, lathe = read(sys.argv[1]), read(sys.argv[2])
    print("| dataset | model | metric | reference | Lathe | Lathe − reference | reference fit s | Lathe fit s | time ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in sorted(reference):
        if key not in lathe:
            continue
        r, l = reference[key], lathe[key]
        ratio = l["fit_s"] / r["fit_s"] if r["fit_s"] > 0 else float("inf")
        print(f"| {key[0]} | {key[1]} | {r['metric']} | {r['score']:.4f} | {l['score']:.4f} | {l['score'] - r['score']:+.4f} "
              f"| {r['fit_s']:.4f} | {l['fit_s']:.4f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
