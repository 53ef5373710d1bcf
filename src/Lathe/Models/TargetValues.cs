using Lathe.Data;

namespace Lathe.Models;

/// <summary>
/// The training target as managed models use it: class indices (classification; a gap or a single class
/// is an error) or values (regression).
/// </summary>
public static class TargetValues
{
    public static (int[]? Classes, float[]? Values) Of(TrainingData data)
    {
        if (data.Task != TaskKind.Classification) return (null, ((NumericColumn)data.Train[data.Target]).Values.ToArray());
        var target = (CategoricalColumn)data.Train[data.Target];
        int[] classes = [.. Enumerable.Range(0, target.Length).Select(i => target[i] >= 0
            ? target[i]
            : throw LatheException.BadData($"Row {i + 1} of the target '{data.Target}' is empty or a class not in the training rows."))];
        if (classes.Distinct().Count() < 2)
            throw LatheException.BadData($"The training rows hold a single class of '{data.Target}'; a classifier needs at least two.");
        return (classes, null);
    }
}
