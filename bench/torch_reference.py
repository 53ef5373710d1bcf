#!/usr/bin/python3
"""PyTorch reference for Lathe.Bench's `trainer` mode: the same networks, data, batch, optimizer and shuffling
in Debian's python3-torch, timed the same way (one uncounted warm-up epoch, then --epochs measured ones).

Mirrors bench/Lathe.Bench/PlainLoop.cs and BenchModel.cs: randperm with a generator seeded with --seed,
index_select, zero_grad (set_to_none, as libtorch's C++ optimizer does), forward, cross_entropy, backward,
Adam step; the loss is summed on the tensor side and read once per epoch. Also measures a 2048x2048 fp32
matmul (median of 7, after one warm-up) and reports which BLAS library torch has loaded.

usage: /usr/bin/python3 bench/torch_reference.py [--model mlp|cnn] [--rows N] [--epochs N] [--seed S]
       [--threads T] [--data DIR]
Run with /usr/bin/python3: a pyenv python3 earlier on PATH does not see Debian's torch.
"""
import argparse
import ctypes
import gzip
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 128
LEARNING_RATE = 1e-3
DEFAULT_ROWS = {"mlp": 60_000, "cnn": 10_000}


def read_idx(path, header_bytes):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header_bytes)


def load_train(directory, rows):
    """The first `rows` training images as [rows, 784] float32 in [0, 1], labels as int64 (as FashionMnist.cs)."""
    images = read_idx(os.path.join(directory, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 784)
    labels = read_idx(os.path.join(directory, "train-labels-idx1-ubyte.gz"), 8)
    x = torch.from_numpy(images[:rows].astype(np.float32) / np.float32(255))
    y = torch.from_numpy(labels[:rows].astype(np.int64))
    return x, y


def build(model):
    """The same layers, in the same order of random initialisation, as BenchModel.BuildPlain."""
    if model == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    return nn.Sequential(
        nn.Unflatten(1, (1, 28, 28)),
        nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * 7 * 7, 128), nn.ReLU(),
        nn.Linear(128, 10))


def run_epoch(net, optimizer, x, y, generator):
    start_time = time.perf_counter()
    net.train()
    rows = x.shape[0]
    order = torch.randperm(rows, generator=generator)
    loss_sum = torch.zeros(1)
    for start in range(0, rows, BATCH):
        batch = order.narrow(0, start, min(BATCH, rows - start))
        xb = x.index_select(0, batch)
        yb = y.index_select(0, batch)
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(xb), yb)
        loss.backward()
        optimizer.step()
        loss_sum.add_(loss.detach(), alpha=batch.shape[0])
    return time.perf_counter() - start_time, loss_sum.item() / rows


def matmul_gflops(n=2048, repetitions=7):
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b  # warm-up
    rates = []
    for _ in range(repetitions):
        start = time.perf_counter()
        a @ b
        rates.append(2.0 * n ** 3 / (time.perf_counter() - start) / 1e9)
    return statistics.median(rates)


def blas_report():
    """The BLAS shared object actually mapped into this process, OpenBLAS's own config and thread count."""
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})
    report = f"torch BLAS_INFO={torch.__config__.show().split('BLAS_INFO=')[1].split(',')[0]}; loaded: {', '.join(libraries)}"
    if any(path.endswith("/blas/libblas.so.3") for path in libraries):
        report += " -- WARNING: the netlib reference BLAS (no SIMD blocking, single-threaded); matmul is far slower"
    for path in libraries:
        if "openblas" in os.path.basename(path):
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            report += f"; {lib.openblas_get_config().decode().strip()}, openblas_get_num_threads()={lib.openblas_get_num_threads()}"
            break
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=["mlp", "cnn"], default="mlp")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    default_threads = torch.get_num_threads()
    torch.set_num_threads(args.threads)
    env = " ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OPENBLAS_NUM_THREADS"))
    with open("/proc/loadavg") as f:
        load = f.read().strip()
    print(f"torch_reference {args.model}: torch {torch.__version__}, python {sys.version.split()[0]}, numpy {np.__version__}, "
          f"threads {torch.get_num_threads()} (default was {default_threads}), {env}, loadavg {load}")

    x, y = load_train(args.data, args.rows or DEFAULT_ROWS[args.model])
    matmul_before = matmul_gflops()
    print(f"matmul 2048x2048 fp32 before training: {matmul_before:.1f} GFLOP/s (median of 7)")
    print(blas_report())
    print(f"mkldnn (oneDNN) enabled: {torch.backends.mkldnn.is_available() and torch.backends.mkldnn.enabled}")

    torch.manual_seed(args.seed)
    net = build(args.model)
    optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    generator = torch.Generator().manual_seed(args.seed)
    times = []
    for epoch in range(args.epochs + 1):
        seconds, loss = run_epoch(net, optimizer, x, y, generator)
        if epoch > 0:
            times.append(seconds)
        print(f"epoch {epoch:2d}{' (warm-up, not counted)' if epoch == 0 else ''}: torch {seconds:.3f} s, train_loss {loss:.5f}")
    matmul_after = matmul_gflops()
    print(f"matmul 2048x2048 fp32 after training: {matmul_after:.1f} GFLOP/s (median of 7)")
    median = statistics.median(times)
    print(f"RESULT model={args.model} rows={x.shape[0]} torch_s={median:.3f} matmul_gflops={(matmul_before + matmul_after) / 2:.1f} "
          f"epochs=[{','.join(f'{t:.3f}' for t in times)}]")


if __name__ == "__main__":
    main()
