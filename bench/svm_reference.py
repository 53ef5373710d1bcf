"""scikit-learn's SVC fit times on the data sets of docs/benchmarks.md section 6, and the same data for Lathe.

usage: /usr/bin/python3 bench/svm_reference.py OUT_DIR [--datasets iris,wine,breast_cancer,digits,fashion10k]

For each data set: standardizes the features (StandardScaler on all rows, as Lathe's default preparation), writes
OUT_DIR/NAME.x.f32 (rows x width, float32, row-major), NAME.y.i32 (class indices) and, for fashion10k, the test
rows (fashion10k.test.x.f32 / .test.y.i32: the first 2,000 t10k images, scaled with the training rows' scaler),
then times SVC() and SVC(probability=True) fits on the float32 values widened to float64 (the median of 21 fits
below 1,000 rows, of 5 below 5,000, else one fit) and prints one RESULT line per setting. Lathe.Bench svm reads
the same files and times the same way.
"""
import argparse
import gzip
import json
import os
import statistics
import time

import numpy as np
from sklearn import datasets
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

FASHION = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(name):
    if name == "fashion10k":
        x = idx(f"{FASHION}/train-images-idx3-ubyte.gz")[:10000].reshape(10000, -1).astype(np.float64) / 255
        y = idx(f"{FASHION}/train-labels-idx1-ubyte.gz")[:10000].astype(np.int32)
        tx = idx(f"{FASHION}/t10k-images-idx3-ubyte.gz")[:2000].reshape(2000, -1).astype(np.float64) / 255
        ty = idx(f"{FASHION}/t10k-labels-idx1-ubyte.gz")[:2000].astype(np.int32)
        return x, y, tx, ty
    loader = {"iris": datasets.load_iris, "wine": datasets.load_wine, "breast_cancer": datasets.load_breast_cancer,
              "digits": datasets.load_digits}[name]
    x, y = loader(return_X_y=True)
    return x.astype(np.float64), y.astype(np.int32), None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--datasets", default="iris,wine,breast_cancer,digits,fashion10k")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.datasets.split(","):
        x, y, tx, ty = load(name)
        scaler = StandardScaler().fit(x)
        x = scaler.transform(x).astype(np.float32)
        x.tofile(f"{args.out}/{name}.x.f32")
        y.tofile(f"{args.out}/{name}.y.i32")
        meta = {"rows": x.shape[0], "width": x.shape[1]}
        if tx is not None:
            tx = scaler.transform(tx).astype(np.float32)
            tx.tofile(f"{args.out}/{name}.test.x.f32")
            ty.tofile(f"{args.out}/{name}.test.y.i32")
            meta["test_rows"] = tx.shape[0]
        with open(f"{args.out}/{name}.json", "w") as f:
            json.dump(meta, f)
        xd = x.astype(np.float64)
        repeats = 21 if x.shape[0] < 1000 else 5 if x.shape[0] < 5000 else 1
        for probability in (False, True):
            times = []
            for _ in range(repeats):
                model = SVC(probability=probability, random_state=0)
                start = time.perf_counter()
                model.fit(xd, y)
                times.append(time.perf_counter() - start)
            line = (f"RESULT tool=sklearn data={name} rows={x.shape[0]} width={x.shape[1]} probability={probability} "
                    f"fit_s={statistics.median(times):.4f} support_vectors={model.n_support_.sum()} "
                    f"train_accuracy={(model.predict(xd) == y).mean():.4f}")
            if tx is not None:
                line += f" test_accuracy={(model.predict(tx.astype(np.float64)) == ty).mean():.4f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
