"""Writes the datasets of the classical-models comparison as CSV, one folder each with train.csv and
test.csv: features f0..fN standardized with the training part's mean and deviation (so both libraries
see identical numbers and scale-sensitive models need no preparation step), target column y ("c<k>"
for classes, a number for regression). Split: 75/25, stratified for classification, seed 0.

usage: /usr/bin/python3 export_datasets.py OUT_DIR [FASHION_IDX_DIR]
"""
import gzip
import os
import sys

import numpy as np
from sklearn import datasets
from sklearn.model_selection import train_test_split


def fashion_subset(directory, rows=10000):
    def read(name):
        path = os.path.join(directory, name)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            return f.read()
    images = read(next(n for n in os.listdir(directory) if n.startswith("train-images")))
    labels = read(next(n for n in os.listdir(directory) if n.startswith("train-labels")))
    x = np.frombuffer(images, dtype=np.uint8, offset=16).reshape(-1, 784)[:rows].astype(np.float32) / 255
    y = np.frombuffer(labels, dtype=np.uint8, offset=8)[:rows].astype(np.int64)
    return x, y


def write(folder, x, y, classification):
    os.makedirs(folder, exist_ok=True)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=0.25, random_state=0, stratify=y if classification else None)
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std[std == 0] = 1
    for name, xs, ys in (("train", x_train, y_train), ("test", x_test, y_test)):
        xs = (xs - mean) / std
        with open(os.path.join(folder, name + ".csv"), "w") as f:
            f.write(",".join([f"f{i}" for i in range(xs.shape[1])] + ["y"]) + "\n")
            for row, target in zip(xs, ys):
                label = f"c{int(target)}" if classification else repr(float(target))
                f.write(",".join(f"{v:.7g}" for v in row) + "," + label + "\n")


def main():
    out = sys.argv[1]
    loaders = {
        "iris": datasets.load_iris, "wine": datasets.load_wine,
        "breast_cancer": datasets.load_breast_cancer, "digits": datasets.load_digits,
    }
    for name, load in loaders.items():
        x, y = load(return_X_y=True)
        write(os.path.join(out, name), x.astype(np.float32), y, True)
    x, y = datasets.load_diabetes(return_X_y=True)
    write(os.path.join(out, "diabetes"), x.astype(np.float32), y, False)
    if len(sys.argv) > 2:
        x, y = fashion_subset(sys.argv[2])
        write(os.path.join(out, "fashion10k"), x, y, True)


if __name__ == "__main__":
    main()
