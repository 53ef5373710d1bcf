using Lathe.Data;
using Lathe.Models;

namespace Lathe.Experiments.Data;

/// <summary>
/// Gathers the rows self-training may pseudo-label: the training file's rows whose target is empty, and the
/// rows of data.unlabeled. They are taken out before the validation and test parts are split off, so those
/// parts hold labelled rows only and are never pseudo-labelled.
/// </summary>
internal static class UnlabeledRows
{
    /// <returns>The labelled training rows (and their row numbers in <paramref name="train"/>), and the unlabeled rows' input columns (the target left out).</returns>
    public static (Table Labelled, Table Unlabeled, int[] LabelledRows) Separate(Table train, string target, Table? file)
    {
        var column = train[target];
        int[] missing = [.. Enumerable.Range(0, train.RowCount).Where(column.IsMissing)];
        int[] present = [.. Enumerable.Range(0, train.RowCount).Where(r => !column.IsMissing(r))];
        var labelled = missing.Length == 0 ? train : train.Take(present);
        var inputs = train.FeatureNames.Where(n => n != target).ToList();
        Table? unlabeled = missing.Length == 0 ? null : train.Take(missing).Select(inputs);
        if (file is not null)
        {
            if (file.Contains(target) && Enumerable.Range(0, file.RowCount).FirstOrDefault(r => !file[target].IsMissing(r), -1) is var given and >= 0)
                throw LatheException.BadData(
                    $"{file.Source}: row {given + 1} has a value in the target column '{target}'; data.unlabeled holds rows without one. " +
                    "Put labelled rows in the training file.");
            var rows = InputSchema.Of(train, inputs).Conform(file);
            unlabeled = unlabeled is null ? rows : TableRows.Append(unlabeled, rows);
        }
        if (unlabeled is null || unlabeled.RowCount == 0)
            throw LatheException.BadData(
                $"{train.Source}: train.self_training has no unlabeled rows: no row of the training file has an empty '{target}', and data.unlabeled is not set.");
        if (present.Length == 0)
            throw LatheException.BadData($"{train.Source}: no row has a value in the target column '{target}'; self-training needs some labelled rows to start from.");
        return (labelled, unlabeled, present);
    }
}
