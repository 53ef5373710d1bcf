using System.Globalization;
using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Splits;

namespace Lathe.Experiments.Data;

/// <summary>Picks the splitter data.split.method asks for: holdout, stratified (classification only), group or time.</summary>
public static class RowSplitting
{
    /// <summary>The method actually used: stratified falls back to holdout when there are no classes.</summary>
    /// <param name="classTarget">The categorical target to stratify by; null when there are no classes.</param>
    public static string MethodOf(SplitConfig split, string? classTarget) =>
        split.Method == "stratified" && classTarget is null ? "holdout" : split.Method;

    public static DataSplit Holdout(Table rows, SplitConfig split, double validation, double test, string? classTarget, int seed) =>
        MethodOf(split, classTarget) switch
        {
            "group" => Splitter.Group(rows[split.Group!], validation, test, seed),
            "time" => Splitter.Time(TimesOf(rows, split.Time!), validation, test),
            "stratified" => Splitter.Stratified(rows[classTarget!], validation, test, seed),
            _ => Splitter.Holdout(rows.RowCount, validation, test, seed),
        };

    /// <summary>k folds for cross-validation; a time split has none (a fold would learn from rows after the ones it is scored on).</summary>
    public static IReadOnlyList<DataSplit> Folds(Table rows, SplitConfig split, string? classTarget, int k, int seed) =>
        MethodOf(split, classTarget) switch
        {
            "group" => KFold.Group(rows[split.Group!], k, seed),
            "time" => throw LatheException.BadConfig(
                "--cv: data.split.method is time; k-fold cross-validation would train on rows later than the ones it scores. " +
                "Use a time holdout split (lathe train without --cv), or another split method."),
            "stratified" => KFold.Stratified(rows[classTarget!], k, seed),
            _ => KFold.Plain(rows.RowCount, k, seed),
        };

    /// <summary>
    /// A sortable time per row: numbers as they are, other values parsed as ISO 8601 dates or date-times
    /// (2024-05-01, 2024-05-01T13:45:00Z) in UTC ticks.
    /// </summary>
    public static double[] TimesOf(Table rows, string name)
    {
        var column = rows[name];
        var times = new double[column.Length];
        for (var i = 0; i < times.Length; i++)
        {
            if (column.IsMissing(i))
                throw LatheException.BadData($"{rows.Source}: row {i + 1} has no value in the time column '{name}' (data.split.time); every row needs a time.");
            if (column is NumericColumn n) { times[i] = n[i]; continue; }
            var text = column.Format(i);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                throw LatheException.BadData(
                    $"{rows.Source}: row {i + 1} of the time column '{name}' holds '{text}', which is neither a number nor a date " +
                    "(write dates as 2024-05-01 or 2024-05-01T13:45:00).");
            times[i] = time.UtcTicks;
        }
        return times;
    }
}
