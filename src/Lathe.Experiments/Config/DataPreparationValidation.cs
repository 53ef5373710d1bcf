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
    }

    private static LatheException Error(string source, string field, string message) =>
        LatheException.BadConfig($"{source}: {field} {message}");
}
