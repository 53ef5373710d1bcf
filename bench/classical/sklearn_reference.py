"""The scikit-learn / XGBoost side of the classical-models comparison: each library's default
hyperparameters on the CSVs written by export_datasets.py. Prints one JSON line per (dataset, model):
the test score (accuracy; r2 for regression; ARI for k-means), the median wall-clock fit time of
REPEATS fits and that fit's CPU time (all threads).

usage: /usr/bin/python3 sklearn_reference.py DATA_DIR [REPEATS] [MODEL,MODEL...]
"""
import json
import os
import sys
import time

import numpy as np
import xgboost
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, adjusted_rand_score, r2_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC, SVR
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

CLASSIFIERS = {
    "tree": lambda: DecisionTreeClassifier(random_state=0),
    "forest": lambda: RandomForestClassifier(random_state=0),
    "svm": lambda: SVC(),
    "knn": lambda: KNeighborsClassifier(),
    "logistic": lambda: LogisticRegression(),
    "naive_bayes": lambda: GaussianNB(),
    "gbdt": lambda: xgboost.XGBClassifier(tree_method="hist", random_state=0),
}
REGRESSORS = {
    "linear": lambda: LinearRegression(),
    "ridge": lambda: Ridge(),
    "lasso": lambda: Lasso(),
    "tree": lambda: DecisionTreeRegressor(random_state=0),
    "forest": lambda: RandomForestRegressor(random_state=0),
    "svm": lambda: SVR(),
    "gbdt": lambda: xgboost.XGBRegressor(tree_method="hist", random_state=0),
}


SEEDS = 20  # tree_seeds: fits per dataset, random_state 0..SEEDS-1


def load(path, classification):
    data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    x = data[:, :-1].astype(np.float32)
    y = np.array([int(v[1:]) for v in data[:, -1]]) if classification else data[:, -1].astype(np.float64)
    return x, y


def timed(make, x, y, repeats):
    """Median wall-clock seconds of the fits, and the process CPU seconds (all threads) of that fit."""
    times, model = [], None
    for _ in range(repeats):
        model = make()
        start, cpu = time.perf_counter(), time.process_time()
        model.fit(x, y) if y is not None else model.fit(x)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return model, sorted(times)[len(times) // 2]


def main():
    root, repeats = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    for name in sorted(os.listdir(root)):
        classification = name != "diabetes"
        x, y = load(os.path.join(root, name, "train.csv"), classification)
        xt, yt = load(os.path.join(root, name, "test.csv"), classification)
        models = CLASSIFIERS if classification else REGRESSORS
        for model_name, make in models.items():
            if only and model_name not in only:
                continue
            model, (seconds, cpu) = timed(make, x, y, repeats)
            predicted = model.predict(xt)
            score = accuracy_score(yt, predicted) if classification else r2_score(yt, predicted)
            print(json.dumps({"dataset": name, "model": model_name, "metric": "accuracy" if classification else "r2",
                              "score": round(float(score), 4), "fit_s": round(seconds, 4), "cpu_s": round(cpu, 4)}), flush=True)
        if name != "fashion10k" and (not only or "tree_seeds" in only):
            # Ties between equally good splits are broken by a random feature order: the mean over seeds compares
            # the trees themselves rather than one draw of the tie-breaking.
            scores, fits = [], []
            tree = DecisionTreeClassifier if classification else DecisionTreeRegressor
            for seed in range(SEEDS):
                model, (seconds, _) = timed(lambda: tree(random_state=seed), x, y, 1)
                predicted = model.predict(xt)
                scores.append(accuracy_score(yt, predicted) if classification else r2_score(yt, predicted))
                fits.append(seconds)
            print(json.dumps({"dataset": name, "model": "tree_seeds", "metric": "accuracy" if classification else "r2",
                              "score": round(float(np.mean(scores)), 4),
                              "fit_s": round(float(np.median(fits)), 4), "cpu_s": 0}), flush=True)
        if name == "digits" and (not only or "kmeans" in only):
            # k-means scored by agreement with the digit labels (train rows), k = 10 clusters.
            model, (seconds, cpu) = timed(lambda: KMeans(n_clusters=10, n_init=10, random_state=0), x, None, repeats)
            print(json.dumps({"dataset": name, "model": "kmeans", "metric": "ari",
                              "score": round(float(adjusted_rand_score(y, model.labels_)), 4), "fit_s": round(seconds, 4),
                              "cpu_s": round(cpu, 4)}), flush=True)


if __name__ == "__main__":
    main()
