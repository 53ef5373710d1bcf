namespace Lathe.Experiments.Config;

/// <summary>Checks what the schema cannot: required keys, allowed words, ranges and combinations.</summary>
internal static class ConfigValidation
{
    public static readonly string[] Formats = ["auto", "csv", "tsv", "parquet", "jsonl", "idx", "text", "images"];
    public static readonly string[] Tasks = ["auto", "classification", "regression", "generation", "clustering"];
    public static readonly string[] SplitMethods = ["holdout", "stratified", "group", "time"];
    public static readonly string[] ColumnSettings = ["numeric", "categorical", "text", "ignore"];
    public static readonly string[] ModelTypes = [.. Runs.ClassicalModels.Types, "mlp", "cnn", "resnet", "autoencoder", "gpt", "lstm", "gru", "cnn1d", "transformer", "auto"];

    public static void Validate(LatheConfig config, string source)
    {
        var data = config.Data;
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw Error(source, "name", $"'{config.Name}' cannot name a run folder; use letters, digits, '-' and '_'.");
        data.Generate?.Validate(source, data);
        config.Tracking.Validate(source);
        if (config.Model.Type == "gpt")
        {
            data.Target ??= "text";
            if (data.Task is not ("auto" or "generation"))
                throw Error(source, "data.task", $"'{data.Task}' does not fit model.type gpt, which learns text generation.");
            if (data.Format is not ("auto" or "text"))
                throw Error(source, "data.format", $"'{data.Format}' does not fit model.type gpt, which reads plain text (format: text).");
        }
        else if (data.Task == "generation")
            throw Error(source, "data.task", "generation needs model.type gpt.");
        if (config.Model.Type == "autoencoder")
        {
            if (!string.IsNullOrEmpty(data.Target))
                throw Error(source, "data.target", "does not apply to model.type autoencoder, which learns its inputs without a target; remove it (set label columns to ignore in data.columns).");
            if (data.Task is not "auto")
                throw Error(source, "data.task", "does not apply to model.type autoencoder (its task is reconstruction); remove it.");
            data.Target = "";
        }
        else if (Runs.ClassicalModels.ClusteringTypes.Contains(config.Model.Type))
        {
            if (data.Task is not ("auto" or "clustering"))
                throw Error(source, "data.task", $"'{data.Task}' does not fit model.type {config.Model.Type}, which groups rows (clustering); remove it or set clustering.");
            data.Task = "clustering";
            data.Target ??= ""; // optional: a label column named here only scores the clusters (ari, nmi)
        }
        else if (data.Task == "clustering" && config.Model.Type == "auto")
            throw Error(source, "model.type", "auto searches classifiers and regressors; for clustering choose kmeans, gmm or dbscan (and tune model.clusters with lathe tune; docs/model-selection.md).");
        else if (data.Task == "clustering")
            throw Error(source, "data.task", $"clustering needs model.type {string.Join(", ", Runs.ClassicalModels.ClusteringTypes)}.");
        else if (string.IsNullOrWhiteSpace(data.Target)) throw Error(source, "data.target", "is required: name the column to predict.");
        if (data.Path is null && data.Train is null && data.Generate is null)
            throw Error(source, "data.path", "is required (or data.train, or data.generate): the data file to learn from.");
        if (data.Path is not null && data.Train is not null)
            throw Error(source, "data.path", "and data.train are alternatives: give one file to split, or separate train/validation/test files.");
        OneOf(source, "data.format", data.Format, Formats);
        if (data.ImageSize is { } imageSize && (imageSize.Count != 2 || imageSize.Any(d => d <= 0)))
            throw Error(source, "data.image_size", "must be [height, width] with two positive whole numbers, e.g. [28, 28].");
        if (data.Channels is not (null or 1 or 3)) throw Error(source, "data.channels", $"must be 1 (grayscale) or 3 (RGB), not {data.Channels}.");
        OneOf(source, "data.task", data.Task, Tasks);
        OneOf(source, "data.split.method", data.Split.Method, SplitMethods);
        foreach (var (column, setting) in data.Columns) OneOf(source, $"data.columns.{column}", setting, ColumnSettings);
        if (data.Columns.TryGetValue(data.Target!, out var targetSetting) && targetSetting == "ignore")
            throw Error(source, $"data.columns.{data.Target}", "the target column cannot be ignored.");
        if (data.Split.Validation is < 0 or >= 1) throw Error(source, "data.split.validation", $"must be in [0, 1), not {data.Split.Validation}.");
        if (data.Split.Test is < 0 or >= 1) throw Error(source, "data.split.test", $"must be in [0, 1), not {data.Split.Test}.");
        if (data.Split.Validation + data.Split.Test >= 1)
            throw Error(source, "data.split", "validation + test must be below 1 to leave rows for training.");
        data.Balance?.Validate(source);

        DataPreparationValidation.Validate(config, source);
        OneOf(source, "model.type", config.Model.Type, ModelTypes);
        TextConfigRules.Apply(config, source);
        SelfTrainingConfigRules.Apply(config, source);
        for (var i = 0; i < data.Augment.Count; i++) data.Augment[i].ToSpec($"{source}: data.augment[{i}]");
        var early = config.Train.EarlyStopping;
        if (early is not null && early.Patience < 1) throw Error(source, "train.early_stopping.patience", "must be at least 1.");
    }

    private static void OneOf(string source, string field, string value, string[] allowed, string more = "")
    {
        if (!allowed.Contains(value))
            throw Error(source, field, $"'{value}' is not one of {string.Join(", ", allowed)}.{more}");
    }

    private static LatheException Error(string source, string field, string message) =>
        LatheException.BadConfig($"{source}: {field} {message}");
}
