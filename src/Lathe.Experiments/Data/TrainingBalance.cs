using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Synthetic;

namespace Lathe.Experiments.Data;

/// <summary>
/// data.balance: oversamples the smaller classes of the training rows with SMOTE, after the split and
/// before any preparation is fitted. Validation and test rows are never touched, so their scores stay
/// scores on real data.
/// </summary>
public static class TrainingBalance
{
    /// <summary>The config's balancing applied to <paramref name="train"/>; the rows unchanged when data.balance is absent or none.</summary>
    public static Table Apply(LatheConfig config, Table train, string target, TaskKind task, Action<string> log)
    {
        if (config.Data.Balance is not { Method: "smote" } balance) return train;
        if (task != TaskKind.Classification)
            throw LatheException.BadConfig($"data.balance: SMOTE balances classes, but this run's task is {task.ToString().ToLowerInvariant()}. " +
                                           "Remove data.balance, or set data.task: classification.");
        var balanced = Smote.Oversample(train, target, new SmoteOptions { K = balance.K, Ratio = balance.Ratio }, config.Seed, "data.balance");
        log($"balance: smote (k {balance.K}, ratio {balance.Ratio}) added {balanced.RowCount - train.RowCount} synthetic training rows" +
            $" ({Counts(train, target)} → {Counts(balanced, target)}); validation and test rows untouched");
        return balanced;
    }

    /// <summary>The config's balancing applied to the training part of <paramref name="data"/>.</summary>
    public static PreparedData Apply(LatheConfig config, PreparedData data, Action<string> log) =>
        config.Data.Balance is { Method: "smote" }
            ? data with { Train = Apply(config, data.Train, data.Target, data.Task, log) }
            : data;

    private static string Counts(Table table, string target)
    {
        var labels = (CategoricalColumn)table[target];
        var counts = new int[labels.Categories.Count];
        foreach (var code in labels.Codes) if (code >= 0) counts[code]++;
        return string.Join(", ", labels.Categories.Select((name, c) => $"{name} {counts[c]}"));
    }
}
