using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Models;

namespace Lathe.Experiments.Data;

/// <summary>The parts of a dataset a run trains, validates and tests on, with the target encoded for the task.</summary>
public sealed record PreparedData(Table Train, Table? Validation, Table? Test, string Target, TaskKind Task)
{
    /// <summary>How the rows were split (split.json); plain text is cut in order ("ordered").</summary>
    public SplitRecord? Split { get; init; }

    /// <summary>What the cleaning before the split found and dropped, per file read (empty for plain text).</summary>
    public IReadOnlyList<RowCleaning> Cleaning { get; init; } = [];

    /// <summary>The training file's data-row number (0-based) of each training row.</summary>
    public int[]? TrainRowIds { get; init; }

    /// <summary>Rows without a target for self-training (train.self_training), split off before validation and test; null otherwise.</summary>
    public Table? Unlabeled { get; init; }

    public TrainingData ToTrainingData() => new(Train, Validation, Target, Task);

    /// <summary>One line per part: "train 105 rows, validation 22 rows, test 23 rows".</summary>
    public string Describe() => string.Join(", ",
        new[] { ("train", Train), ("validation", Validation), ("test", Test) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1} {p.Item2!.RowCount} rows"));
}
