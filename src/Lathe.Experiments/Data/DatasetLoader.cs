using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Splits;

namespace Lathe.Experiments.Data;

/// <summary>Reads the files a config names, applies column settings, encodes the target and splits the rows.</summary>
public static class DatasetLoader
{
    /// <param name="baseDirectory">Folder that relative paths start from (the config file's folder).</param>
    public static PreparedData Load(LatheConfig config, string baseDirectory)
    {
        var data = config.Data;
        var target = data.Target!;
        Table? validation = null, test = null;
        Table train;
        if (data.Generate is not null)
        {
            train = GeneratedDataset.Create(data.Generate, config.Seed);
        }
        else if (data.Path is not null)
        {
            train = Read(data, data.Path, data.Labels, baseDirectory, "data.path");
        }
        else
        {
            train = Read(data, data.Train!, data.TrainLabels, baseDirectory, "data.train");
            if (data.Validation is not null) validation = Read(data, data.Validation, data.ValidationLabels, baseDirectory, "data.validation");
            if (data.Test is not null) test = Read(data, data.Test, data.TestLabels, baseDirectory, "data.test");
        }

        if (config.Model.Type == "autoencoder") return SplitWithoutTarget(train, validation, test, data.Split, config.Seed, TaskKind.Reconstruction);
        var clustering = data.Task == "clustering";
        if (clustering && target == "") return SplitWithoutTarget(train, validation, test, data.Split, config.Seed, TaskKind.Clustering);
        if (!train.Contains(target))
            throw LatheException.BadConfig(
                $"data.target: column '{target}' is not in {train.Source}. Columns are: {string.Join(", ", train.ColumnNames)}.");
        // A clustering run's target holds known labels: encoded as classes, split stratified, used only to score (ARI, NMI).
        var task = data.Task switch
        {
            "classification" or "clustering" => TaskKind.Classification,
            "regression" => TaskKind.Regression,
            _ when config.Model.Type == "gpt" => TaskKind.Generation,
            _ => TargetEncoding.InferTask(train[target]),
        };
        if (task == TaskKind.Generation) return SplitText(train, validation, test, target, data.Split);
        var parts = new[] { train, validation, test }.Where(t => t is not null).Select(t => t!).ToList();
        IReadOnlyList<string>? classes = task == TaskKind.Classification
            ? TargetEncoding.ClassesOf(parts.Select(p => p.Contains(target) ? p[target] : throw MissingTarget(p, target)))
            : null;
        Table Encode(Table t) => t.With(TargetEncoding.Encode(t[target], task, t.Source ?? "data", classes)).WithRole(target, ColumnRole.Target);
        train = Encode(train);
        validation = validation is null ? null : Encode(validation);
        test = test is null ? null : Encode(test);

        // Carve the parts that have no file of their own out of the training rows.
        var validationShare = validation is null ? data.Split.Validation : 0;
        var testShare = test is null ? data.Split.Test : 0;
        if (validationShare > 0 || testShare > 0)
        {
            var split = data.Split.Method == "stratified" && task == TaskKind.Classification
                ? Splitter.Stratified(train[target], validationShare, testShare, config.Seed)
                : Splitter.Holdout(train.RowCount, validationShare, testShare, config.Seed);
            validation ??= split.ValidationOf(train);
            test ??= split.TestOf(train);
            train = split.TrainOf(train);
        }
        return new PreparedData(train, validation, test, target, clustering ? TaskKind.Clustering : task);
    }

    /// <summary>
    /// Text for a language model keeps its order: the validation and test parts are the last lines of
    /// the training file (test last), so no line of them is also learned from.
    /// </summary>
    private static PreparedData SplitText(Table train, Table? validation, Table? test, string target, SplitConfig split)
    {
        var rows = train.RowCount;
        var testCount = test is null ? (int)Math.Round(rows * split.Test) : 0;
        var validationCount = validation is null ? (int)Math.Round(rows * split.Validation) : 0;
        var trainCount = rows - testCount - validationCount;
        if (trainCount <= 0) throw LatheException.BadConfig("data.split leaves no training text; lower the validation and test fractions.");
        Table Part(int start, int count) => train.Take([.. Enumerable.Range(start, count)]);
        validation ??= validationCount > 0 ? Part(trainCount, validationCount) : null;
        test ??= testCount > 0 ? Part(trainCount + validationCount, testCount) : null;
        return new PreparedData(Part(0, trainCount), validation, test, target, TaskKind.Generation);
    }

    /// <summary>Rows without a target (an autoencoder, clustering): the parts without a file are a random holdout of the training file.</summary>
    private static PreparedData SplitWithoutTarget(Table train, Table? validation, Table? test, SplitConfig split, int seed, TaskKind task)
    {
        var validationShare = validation is null ? split.Validation : 0;
        var testShare = test is null ? split.Test : 0;
        if (validationShare > 0 || testShare > 0)
        {
            var parts = Splitter.Holdout(train.RowCount, validationShare, testShare, seed);
            validation ??= parts.ValidationOf(train);
            test ??= parts.TestOf(train);
            train = parts.TrainOf(train);
        }
        return new PreparedData(train, validation, test, "", task);
    }

    private static Table Read(DataConfig data, string file, string? labels, string baseDirectory, string field)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        var format = data.Format == "auto" ? FormatOf(path, field) : data.Format;
        Table table;
        if (format == "text")
        {
            table = TextCorpusReader.Read(path);
            if (data.Target != "text") throw LatheException.BadConfig("data.target: plain text has one column, text; leave data.target out or set it to text.");
        }
        else if (format == "idx")
        {
            if (labels is null)
                throw LatheException.BadConfig($"{field}_labels (or data.labels) is required: IDX images need their label file.");
            table = IdxReader.ReadImagesAndLabels(path, Path.GetFullPath(Path.Combine(baseDirectory, labels)));
            if (data.Target != "label")
                throw LatheException.BadConfig($"data.target: IDX data has the columns image and label; set data.target: label.");
        }
        else
        {
            var kinds = data.Columns
                .Where(kv => kv.Value != "ignore")
                .ToDictionary(kv => kv.Key, kv => Enum.Parse<ColumnKind>(kv.Value, ignoreCase: true));
            table = CsvReader.Read(path, new CsvReadOptions { Delimiter = format == "tsv" ? '\t' : null, ColumnKinds = kinds });
        }
        foreach (var (column, setting) in data.Columns)
        {
            if (!table.Contains(column))
                throw LatheException.BadConfig($"data.columns.{column}: no such column in {path}. Columns are: {string.Join(", ", table.ColumnNames)}.");
            if (setting == "ignore") table = table.WithRole(column, ColumnRole.Ignore);
        }
        return table;
    }

    private static string FormatOf(string path, string field)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz")) name = name[..^3];
        if (name.EndsWith(".csv")) return "csv";
        if (name.EndsWith(".tsv")) return "tsv";
        if (name.Contains("-ubyte") || name.EndsWith(".idx")) return "idx";
        if (name.EndsWith(".txt")) return "text";
        throw LatheException.BadConfig($"{field}: cannot tell the format of '{path}' from its name; set data.format (csv, tsv, idx or text).");
    }

    private static LatheException MissingTarget(Table table, string target) =>
        LatheException.BadData($"{table.Source}: the target column '{target}' is missing. Columns are: {string.Join(", ", table.ColumnNames)}.");
}
