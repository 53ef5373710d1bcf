using System.Globalization;
using Lathe.Data;

namespace Lathe.Models;

/// <summary>Decides the task from a target column and puts the target in the form estimators expect.</summary>
public static class TargetEncoding
{
    /// <summary>Categories or text → classification; whole numbers with at most 10 distinct values → classification; other numbers → regression.</summary>
    public static TaskKind InferTask(Column target)
    {
        if (target is not NumericColumn n) return TaskKind.Classification;
        var distinct = new HashSet<float>();
        foreach (var v in n.Values)
        {
            if (float.IsNaN(v)) continue;
            if (v != MathF.Round(v)) return TaskKind.Regression;
            distinct.Add(v);
            if (distinct.Count > 10) return TaskKind.Regression;
        }
        return TaskKind.Classification;
    }

    /// <summary>
    /// For classification, a categorical column whose categories are the class names, sorted (numerically
    /// when they are all numbers). For regression, the numeric column itself. Rows without a target are an error.
    /// </summary>
    public static Column Encode(Column target, TaskKind task, string source, IReadOnlyList<string>? classes = null)
    {
        var missing = Enumerable.Range(0, target.Length).FirstOrDefault(target.IsMissing, -1);
        if (missing >= 0)
            throw LatheException.BadData(
                $"{source}: row {missing + 1} has no value in the target column '{target.Name}'. Remove such rows or fill them in.");
        if (task == TaskKind.Regression)
            return target as NumericColumn ?? throw LatheException.BadConfig(
                $"data.target '{target.Name}' holds {target.Kind.ToString().ToLowerInvariant()} values, so it cannot be a regression target. Set data.task: classification.");

        classes ??= ClassesOf([target]);
        if (classes.Count < 2)
            throw LatheException.BadData($"{source}: the target '{target.Name}' has a single class ('{classes[0]}'); classification needs at least two.");
        var names = Enumerable.Range(0, target.Length).Select(target.Format).ToArray();
        return CategoricalColumn.FromStrings(target.Name, names, classes);
    }

    /// <summary>The distinct values of the target columns as class names, sorted (numerically when all are numbers).</summary>
    public static IReadOnlyList<string> ClassesOf(IEnumerable<Column> targets)
    {
        var classes = targets
            .SelectMany(t => Enumerable.Range(0, t.Length).Where(i => !t.IsMissing(i)).Select(t.Format))
            .Distinct()
            .ToList();
        if (classes.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            classes.Sort((a, b) => double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture)));
        else
            classes.Sort(StringComparer.Ordinal);
        return classes;
    }
}
