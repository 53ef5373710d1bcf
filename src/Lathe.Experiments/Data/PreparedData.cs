using Lathe.Data;
using Lathe.Models;

namespace Lathe.Experiments.Data;

/// <summary>The parts of a dataset a run trains, validates and tests on, with the target encoded for the task.</summary>
public sealed record PreparedData(Table Train, Table? Validation, Table? Test, string Target, TaskKind Task)
{
    /// <summary>Rows without a target for self-training (train.self_training), split off before validation and test; null otherwise.</summary>
    public Table? Unlabeled { get; init; }

    public TrainingData ToTrainingData() => new(Train, Validation, Target, Task);

    /// <summary>One line per part: "train 105 rows, validation 22 rows, test 23 rows".</summary>
    public string Describe() => string.Join(", ",
        new[] { ("train", Train), ("validation", Validation), ("test", Test) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1} {p.Item2!.RowCount} rows"));
}
