namespace Lathe.Experiments.Config;

/// <summary>Checks data.split's group and time keys, data.clean and model.prepare.</summary>
internal static class DataPreparationValidation
{
    public static void Validate(LatheConfig config, string source)
    {
        var split = config.Data.Split;
        if (split.Method == "group" && string.IsNullOrWhiteSpace(split.Group))
            throw Error(source, "data.split.group", "is required with method group: name the column whose rows stay together.");
        if (split.Method == "time" && string.IsNullOrWhiteSpace(split.Time))
            throw Error(source, "data.split.time", "is required with method time: name the column that orders the rows.");
        if (split.Group is not null && split.Method != "group")
            throw Error(source, "data.split.group", $"applies to method group, not {split.Method}; set data.split.method: group or remove it.");
        if (split.Time is not null && split.Method != "time")
            throw Error(source, "data.split.time", $"applies to method time, not {split.Method}; set data.split.method: time or remove it.");
        foreach (var (key, column) in new[] { ("group", split.Group), ("time", split.Time) })
            if (column is not null && column == config.Data.Target)
                throw Error(source, $"data.split.{key}", $"'{column}' is the target; split by another column.");

        var clean = config.Data.Clean;
        OneOf(source, "data.clean.missing", clean.Missing, CleanConfig.MissingValues);
        OneOf(source, "data.clean.duplicates", clean.Duplicates, CleanConfig.DuplicateValues);
        OneOf(source, "data.clean.outliers", clean.Outliers, CleanConfig.OutlierValues);
        OneOf(source, "data.clean.invalid", clean.Invalid, CleanConfig.InvalidValues);
        if ((clean.FillValue is not null || clean.FillCategory is not null) && clean.Missing != "constant")
            throw Error(source, clean.FillValue is not null ? "data.clean.fill_value" : "data.clean.fill_category",
                $"applies to missing: constant, not {clean.Missing}; set data.clean.missing: constant or remove it.");
        if (clean.OutlierThreshold is <= 0)
            throw Error(source, "data.clean.outlier_threshold", $"must be positive, not {clean.OutlierThreshold}.");
        if (clean.OutlierThreshold is not null && clean.Outliers == "none")
            throw Error(source, "data.clean.outlier_threshold", "applies when data.clean.outliers is set (iqr_clip, iqr_drop, zscore_clip, zscore_drop).");
        if (clean.Invalid == "impute" && clean.Missing is "none" or "drop")
            throw Error(source, "data.clean.invalid", $"impute fills invalid cells like missing ones, but data.clean.missing is {clean.Missing}; pick a filling policy (median, mean, most_frequent, constant, indicator) or invalid: drop.");

        if (config.Model.Prepare is { } prepare)
            for (var i = 0; i < prepare.Count; i++)
            {
                var step = prepare[i];
                OneOf(source, $"model.prepare[{i}].type", step.Type, Runs.PreparationPlan.StepTypes);
                if (step.Columns is { Count: 0 }) throw Error(source, $"model.prepare[{i}].columns", "is empty; leave it out to cover every column the step applies to.");
                if (step.Categories.Count > 0 && step.Type != "ordinal_encoder")
                    throw Error(source, $"model.prepare[{i}].categories", "applies to ordinal_encoder only.");
                if (step.Smoothing < 0) throw Error(source, $"model.prepare[{i}].smoothing", "must be 0 or more.");
                if (step.Folds < 1) throw Error(source, $"model.prepare[{i}].folds", "must be at least 1.");
            }
    }

    private static void OneOf(string source, string field, string value, string[] allowed)
    {
        if (!allowed.Contains(value)) throw Error(source, field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    private static LatheException Error(string source, string field, string message) =>
        LatheException.BadConfig($"{source}: {field} {message}");
}
