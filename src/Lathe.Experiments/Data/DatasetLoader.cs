using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Images;
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
        var cleanings = new List<RowCleaning>();
        (Table, DataFile) ReadClean(string file, string? labels, string field, bool required)
        {
            var log = new CsvReadLog(keepInvalidCells: data.Clean.Invalid != "error");
            var table = SplitColumnRoles(Read(data, file, labels, baseDirectory, field, log), data.Split, required);
            if (config.Model.Type == "gpt") return (table, DataFile.Whole(file, table)); // plain text lines: nothing to clean
            var cleaning = RowCleaner.Clean(table, data.Clean.ToOptions(), new RowOrigin(file, log.RowLines.Count == table.RowCount ? log.RowLines : null, log.InvalidCells),
                string.IsNullOrEmpty(target) ? null : target, unlabeledRows: config.Train.SelfTraining is not null);
            cleanings.Add(cleaning);
            return (cleaning.Table, new DataFile(file, cleaning.KeptRows));
        }
        Table train;
        DataFile trainFile;
        if (data.Generate is not null)
        {
            train = GeneratedDataset.Create(data.Generate, config.Seed); // generated rows: nothing to clean
            trainFile = DataFile.Whole($"generated {data.Generate.Kind}", train);
        }
        else (train, trainFile) = ReadClean(data.Path ?? data.Train!, data.Path is null ? data.TrainLabels : data.Labels, data.Path is null ? "data.train" : "data.path", required: true);
        DataFile? validationFile = null, testFile = null;
        if (data.Path is null && data.Validation is not null) (validation, validationFile) = ReadClean(data.Validation, data.ValidationLabels, "data.validation", required: false);
        if (data.Path is null && data.Test is not null) (test, testFile) = ReadClean(data.Test, data.TestLabels, "data.test", required: false);
        var files = new DataFiles(trainFile, validationFile, testFile) { Cleaning = cleanings };

        if (config.Model.Type == "autoencoder") return Carve(train, validation, test, files, data, "", TaskKind.Reconstruction, null, config.Seed);
        var clustering = data.Task == "clustering";
        if (clustering && target == "") return Carve(train, validation, test, files, data, "", TaskKind.Clustering, null, config.Seed);
        if (!train.Contains(target))
            throw LatheException.BadConfig(
                $"data.target: column '{target}' is not in {train.Source}. Columns are: {string.Join(", ", train.ColumnNames)}.");
        Table? unlabeled = null;
        if (config.Train.SelfTraining is not null)
        {
            var unlabeledFile = data.Unlabeled is null ? null : Read(data, data.Unlabeled, null, baseDirectory, "data.unlabeled", new CsvReadLog());
            (train, unlabeled, var labelledRows) = UnlabeledRows.Separate(train, target, unlabeledFile);
            // The split record names training-file rows: keep the numbers of the labelled ones.
            files = files with { Train = trainFile with { RowIds = [.. labelledRows.Select(r => trainFile.RowIds[r])] } };
        }
        // A clustering run's target holds known labels: encoded as classes, split stratified, used only to score (ARI, NMI).
        var task = data.Task switch
        {
            "classification" or "clustering" => TaskKind.Classification,
            "regression" => TaskKind.Regression,
            _ when config.Model.Type == "gpt" => TaskKind.Generation,
            _ => TargetEncoding.InferTask(train[target]),
        };
        if (task == TaskKind.Generation) return SplitText(train, validation, test, target, data.Split, files, config.Seed);
        var parts = new[] { train, validation, test }.Where(t => t is not null).Select(t => t!).ToList();
        IReadOnlyList<string>? classes = task == TaskKind.Classification
            ? TargetEncoding.ClassesOf(parts.Select(p => p.Contains(target) ? p[target] : throw MissingTarget(p, target)))
            : null;
        Table Encode(Table t) => t.With(TargetEncoding.Encode(t[target], task, t.Source ?? "data", classes)).WithRole(target, ColumnRole.Target);
        train = Encode(train);
        validation = validation is null ? null : Encode(validation);
        test = test is null ? null : Encode(test);

        return Carve(train, validation, test, files, data, target, clustering ? TaskKind.Clustering : task, task == TaskKind.Classification ? target : null, config.Seed)
            with { Unlabeled = unlabeled };
    }

    /// <summary>
    /// Splits the parts that have no file of their own off the training rows, with the method data.split
    /// asks for, and records the split (split.json).
    /// </summary>
    private static PreparedData Carve(Table train, Table? validation, Table? test, DataFiles files, DataConfig data, string target, TaskKind task,
        string? classTarget, int seed)
    {
        var validationShare = validation is null ? data.Split.Validation : 0;
        var testShare = test is null ? data.Split.Test : 0;
        var method = RowSplitting.MethodOf(data.Split, classTarget);
        var all = Enumerable.Range(0, train.RowCount).ToArray();
        var split = validationShare > 0 || testShare > 0
            ? RowSplitting.Holdout(train, data.Split, validationShare, testShare, classTarget, seed)
            : new DataSplit(all, [], []);
        List<SplitPart> parts = [SplitPart.Of("train", files.Train.Name, train, split.Train, files.Train.RowIds, classTarget)];
        if (validation is not null) parts.Add(SplitPart.Of("validation", files.Validation!.Name, validation, All(validation), files.Validation.RowIds, classTarget));
        else if (split.Validation.Length > 0) parts.Add(SplitPart.Of("validation", files.Train.Name, train, split.Validation, files.Train.RowIds, classTarget));
        if (test is not null) parts.Add(SplitPart.Of("test", files.Test!.Name, test, All(test), files.Test.RowIds, classTarget));
        else if (split.Test.Length > 0) parts.Add(SplitPart.Of("test", files.Train.Name, train, split.Test, files.Train.RowIds, classTarget));
        var record = new SplitRecord(method, seed, data.Split.Group ?? data.Split.Time, parts);

        validation ??= split.ValidationOf(train);
        test ??= split.TestOf(train);
        return new PreparedData(split.TrainOf(train), validation, test, target, task)
        {
            Split = record,
            Cleaning = files.Cleaning,
            TrainRowIds = [.. split.Train.Select(r => files.Train.RowIds[r])],
        };
    }

    /// <summary>The group or time column is not a feature: a model that learned from it would not carry over to new groups or later times.</summary>
    private static Table SplitColumnRoles(Table table, SplitConfig split, bool required)
    {
        foreach (var (name, role, key) in new[] { (split.Group, ColumnRole.Group, "group"), (split.Time, ColumnRole.Time, "time") })
        {
            if (name is null) continue;
            if (table.Contains(name)) table = table.WithRole(name, role);
            else if (required)
                throw LatheException.BadConfig($"data.split.{key}: column '{name}' is not in {table.Source}. Columns are: {string.Join(", ", table.ColumnNames)}.");
        }
        return table;
    }

    private static int[] All(Table table) => [.. Enumerable.Range(0, table.RowCount)];

    /// <summary>
    /// Text for a language model keeps its order: the validation and test parts are the last lines of
    /// the training file (test last), so no line of them is also learned from.
    /// </summary>
    private static PreparedData SplitText(Table train, Table? validation, Table? test, string target, SplitConfig split, DataFiles files, int seed)
    {
        var rows = train.RowCount;
        var testCount = test is null ? (int)Math.Round(rows * split.Test) : 0;
        var validationCount = validation is null ? (int)Math.Round(rows * split.Validation) : 0;
        var trainCount = rows - testCount - validationCount;
        if (trainCount <= 0) throw LatheException.BadConfig("data.split leaves no training text; lower the validation and test fractions.");
        int[] Range(int start, int count) => [.. Enumerable.Range(start, count)];
        var parts = new List<SplitPart> { SplitPart.Of("train", files.Train.Name, train, Range(0, trainCount), files.Train.RowIds, null) };
        if (validation is not null) parts.Add(SplitPart.Of("validation", files.Validation!.Name, validation, All(validation), files.Validation.RowIds, null));
        else if (validationCount > 0) parts.Add(SplitPart.Of("validation", files.Train.Name, train, Range(trainCount, validationCount), files.Train.RowIds, null));
        if (test is not null) parts.Add(SplitPart.Of("test", files.Test!.Name, test, All(test), files.Test.RowIds, null));
        else if (testCount > 0) parts.Add(SplitPart.Of("test", files.Train.Name, train, Range(trainCount + validationCount, testCount), files.Train.RowIds, null));
        validation ??= validationCount > 0 ? train.Take(Range(trainCount, validationCount)) : null;
        test ??= testCount > 0 ? train.Take(Range(trainCount + validationCount, testCount)) : null;
        return new PreparedData(train.Take(Range(0, trainCount)), validation, test, target, TaskKind.Generation)
        {
            Split = new SplitRecord("ordered", seed, null, parts),
            TrainRowIds = Range(0, trainCount),
        };
    }

    private static Table Read(DataConfig data, string file, string? labels, string baseDirectory, string field, CsvReadLog log)
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
            var images = new ImageFolderOptions
            {
                Size = data.ImageSize is [var height, var width] ? new ImageSize(height, width) : null,
                Channels = data.Channels,
            };
            table = TableFileReader.Read(path, format, kinds, images, log);
        }
        foreach (var (column, setting) in data.Columns)
        {
            if (!table.Contains(column))
                throw LatheException.BadConfig($"data.columns.{column}: no such column in {path}. Columns are: {string.Join(", ", table.ColumnNames)}.");
            if (setting == "ignore") table = table.WithRole(column, ColumnRole.Ignore);
        }
        return table;
    }

    private static string FormatOf(string path, string field) =>
        TableFileReader.FormatOf(path) ?? throw LatheException.BadConfig(
            $"{field}: cannot tell the format of '{path}' from its name; set data.format (csv, tsv, parquet, jsonl, idx, text or images).");

    private static LatheException MissingTarget(Table table, string target) =>
        LatheException.BadData($"{table.Source}: the target column '{target}' is missing. Columns are: {string.Join(", ", table.ColumnNames)}.");
}
