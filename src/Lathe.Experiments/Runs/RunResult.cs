using Lathe.Models;

namespace Lathe.Experiments.Runs;

/// <summary>What a finished training run produced.</summary>
public sealed record RunResult(
    string Folder,
    TaskKind Task,
    int Epochs,
    string? StopReason,
    IReadOnlyDictionary<string, double>? ValidationMetrics,
    IReadOnlyDictionary<string, double>? TestMetrics);
