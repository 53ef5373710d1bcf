using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Experiments.Data;

/// <summary>
/// cleaning_report.json: the policy, per column what was found (missing, invalid, outliers) and done, and
/// every dropped row with its file, line and reason (the first <see cref="ListedRows"/>, with the total).
/// Nothing is dropped without being counted here.
/// </summary>
public sealed class CleaningReport
{
    public const int ListedRows = 100;

    private readonly CleaningOptions _options;
    private readonly PreparedData _data;
    private readonly IReadOnlyList<IFittedTransform>? _fitted;
    private readonly List<DroppedRow> _dropped;
    private readonly Dictionary<string, Dictionary<string, int>> _outliers = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ColumnBounds> _bounds;

    /// <param name="fitted">The trained pipeline's fitted steps (fill values, outlier bounds); null when no single model was fitted (cross-validation).</param>
    public CleaningReport(CleaningOptions options, PreparedData data, IReadOnlyList<IFittedTransform>? fitted)
    {
        _options = options;
        _data = data;
        _fitted = fitted;
        _dropped = [.. data.Cleaning.SelectMany(c => c.Dropped)];
        _bounds = fitted?.OfType<FittedOutlierClipper>().SelectMany(f => f.Bounds)
            .Concat(fitted.OfType<FittedOutlierFilter>().SelectMany(f => f.Bounds)).ToList() ?? [];
        if (_bounds.Count == 0) return;
        foreach (var (name, part) in new[] { ("train", data.Train), ("validation", data.Validation), ("test", data.Test) })
        {
            if (part is null) continue;
            foreach (var (column, count) in OutlierBounds.Count(part, _bounds))
                (_outliers.TryGetValue(column, out var parts) ? parts : _outliers[column] = [])[name] = count;
        }
        if (options.DropsOutliers && data.TrainRowIds is { } ids && data.Cleaning.Count > 0)
        {
            var origin = data.Cleaning[0].Origin;
            var outlier = OutlierBounds.OutlierRows(data.Train, _bounds);
            // Rows past the file's (SMOTE's synthetic rows, appended by data.balance) have no line to report.
            for (var r = 0; r < Math.Min(outlier.Length, ids.Length); r++)
                if (outlier[r])
                    _dropped.Add(new DroppedRow(origin.File, ids[r], origin.LineOf(ids[r]), DropKind.Outlier,
                        "outlier in " + string.Join(", ", _bounds.Where(b => data.Train.Contains(b.Name) && b.IsOutlier(((NumericColumn)data.Train[b.Name])[r])).Select(b => $"'{b.Name}'")) +
                        " (left out of the fit)"));
        }
    }

    public int RowsDropped => _dropped.Count;

    /// <summary>Missing (and imputed invalid) values the imputer fills in the parts' feature columns.</summary>
    public int ValuesFilled => _options.Missing is MissingPolicy.None ? 0
        : new[] { _data.Train, _data.Validation, _data.Test }.Where(p => p is not null)
            .Sum(p => p!.FeatureNames.Where(n => n != _data.Target).Sum(n => p[n] is NumericColumn or CategoricalColumn ? p[n].CountMissing() : 0));

    public int OutliersClipped => _options.DropsOutliers ? 0 : _outliers.Values.Sum(parts => parts.Values.Sum());

    /// <summary>One line for the run log, or null when cleaning found nothing to do.</summary>
    public string? Summary()
    {
        var parts = new List<string>();
        if (RowsDropped > 0)
            parts.Add($"{Count(RowsDropped, "row")} dropped (" + string.Join(", ", _dropped.GroupBy(d => d.Kind).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")) + ")");
        if (ValuesFilled > 0) parts.Add($"{Count(ValuesFilled, "missing value")} filled ({Describe(_options.Missing)})");
        if (OutliersClipped > 0) parts.Add($"{Count(OutliersClipped, "outlier")} clipped");
        var duplicatesKept = _options.Duplicates == DuplicatePolicy.Keep ? _data.Cleaning.Sum(c => c.Duplicates) : 0;
        if (duplicatesKept > 0) parts.Add($"{Count(duplicatesKept, "duplicate row")} kept");
        return parts.Count == 0 ? null : "cleaning: " + string.Join("; ", parts) + "; see cleaning_report.json";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["policy"] = new JsonObject
            {
                ["missing"] = Snake(_options.Missing),
                ["duplicates"] = Snake(_options.Duplicates),
                ["outliers"] = Snake(_options.Outliers),
                ["outlier_threshold"] = _options.Outliers == OutlierPolicy.None ? null : _options.Threshold,
                ["invalid"] = Snake(_options.Invalid),
            },
            ["files"] = new JsonArray([.. _data.Cleaning.Select(c => (JsonNode)new JsonObject
            {
                ["file"] = c.Origin.File,
                ["rows_read"] = c.RowsRead,
                ["rows_kept"] = c.KeptRows.Length,
                ["duplicates_found"] = c.Duplicates,
                ["duplicates_action"] = _options.Duplicates == DuplicatePolicy.Drop ? "dropped (the first of equal rows is kept)" : "kept",
            })]),
            ["columns"] = Columns(),
        };
        var listed = _dropped.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Row).Take(ListedRows);
        json["dropped_rows"] = new JsonObject
        {
            ["total"] = _dropped.Count,
            ["by_reason"] = new JsonObject(_dropped.GroupBy(d => d.Kind).OrderBy(g => g.Key)
                .Select(g => KeyValuePair.Create(g.Key.ToString().ToLowerInvariant(), (JsonNode?)g.Count()))),
            ["listed"] = Math.Min(_dropped.Count, ListedRows),
            ["rows"] = new JsonArray([.. listed.Select(d => (JsonNode)new JsonObject
            {
                ["file"] = d.File,
                [d.Line is null ? "row" : "line"] = d.Line ?? d.Row + 1,
                ["reason"] = d.Reason,
            })]),
        };
        if (_fitted is null && _options.Outliers != OutlierPolicy.None)
            json["outliers_note"] = "cross-validation: outlier bounds are fitted on each fold's training rows, so they are not listed here";
        return json;
    }

    private JsonObject Columns()
    {
        var columns = new JsonObject();
        var fills = _fitted?.OfType<FittedImputer>().FirstOrDefault()?.NumericFills;
        var names = _data.Cleaning.SelectMany(c => c.Columns.Keys).Distinct().ToList();
        foreach (var name in names)
        {
            var missing = _data.Cleaning.Sum(c => c.Columns.TryGetValue(name, out var f) ? f.Missing : 0);
            var invalid = _data.Cleaning.Sum(c => c.Columns.TryGetValue(name, out var f) ? f.Invalid : 0);
            var column = new JsonObject { ["missing"] = missing };
            if (missing > 0) column["missing_action"] = MissingAction(name, fills);
            column["invalid"] = invalid;
            if (invalid > 0)
                column["invalid_action"] = name == _data.Target || _options.Invalid == InvalidPolicy.Drop
                    ? "row dropped"
                    : "set missing, then " + MissingAction(name, fills);
            if (_bounds.FirstOrDefault(b => b.Name == name) is { } bounds)
            {
                column["outlier_bounds"] = new JsonArray(bounds.Lower, bounds.Upper);
                column["outliers"] = new JsonObject(_outliers.GetValueOrDefault(name, []).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
                column["outlier_action"] = _options.DropsOutliers
                    ? "training rows left out of the fit; validation, test and new rows kept"
                    : "clipped to the bounds (training, validation, test and new rows)";
            }
            columns[name] = column;
        }
        return columns;
    }

    private string MissingAction(string column, IReadOnlyDictionary<string, float>? fills)
    {
        if (column == _data.Target) return "row dropped";
        if (_options.Missing == MissingPolicy.Drop) return "row dropped";
        if (_options.Missing == MissingPolicy.None) return "left missing";
        var categorical = _data.Train.Contains(column) && _data.Train[column] is CategoricalColumn;
        var action = categorical
            ? _options.Missing == MissingPolicy.Constant ? $"filled with '{_options.FillCategory}'" : "filled with the most frequent training category"
            : fills is not null && fills.TryGetValue(column, out var fill)
                ? $"filled with {fill.ToString("R", CultureInfo.InvariantCulture)} ({Describe(_options.Missing)})"
                : $"filled with {Describe(_options.Missing)}";
        return _options.Missing == MissingPolicy.Indicator ? $"{action}, plus a 0/1 column {column}_missing" : action;
    }

    /// <summary>Where the fill value of a numeric column comes from.</summary>
    private string Describe(MissingPolicy policy) => policy switch
    {
        MissingPolicy.Mean => "the training mean",
        MissingPolicy.MostFrequent => "the most frequent training value",
        MissingPolicy.Constant => "the constant fill_value",
        _ => "the training median",
    };

    private static string Snake<T>(T value) where T : Enum => value switch
    {
        MissingPolicy.MostFrequent => "most_frequent",
        OutlierPolicy.IqrClip => "iqr_clip",
        OutlierPolicy.IqrDrop => "iqr_drop",
        OutlierPolicy.ZScoreClip => "zscore_clip",
        OutlierPolicy.ZScoreDrop => "zscore_drop",
        _ => value.ToString().ToLowerInvariant(),
    };
}
