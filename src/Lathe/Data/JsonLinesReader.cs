using System.Text.Json;
using Lathe.IO;

namespace Lathe.Data;

/// <summary>
/// Reads a JSON lines file (.jsonl / .ndjson, optionally .gz): one JSON object per line, streamed. The columns
/// are the union of the keys in first-seen order; a row without a key, or with null, has a missing value there.
/// Scalars are typed by <see cref="ColumnInference"/> (booleans as 1/0); arrays of numbers of one length are a
/// vector column. Nested objects, other arrays and malformed lines are errors naming the line.
/// </summary>
public static class JsonLinesReader
{
    public static Table Read(string path, JsonLinesReadOptions? options = null)
    {
        options ??= new JsonLinesReadOptions();
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        var columns = new List<JsonColumnBuilder>();
        var byName = new Dictionary<string, JsonColumnBuilder>(StringComparer.Ordinal);
        var lines = new List<int>();
        var keysOfRow = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var stream = GzipReadStream.OpenMaybeCompressed(path);
            using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var lineNumber = 0;
            while (text.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                using var document = Parse(path, lineNumber, line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw LatheException.BadData(
                        $"{path}:{lineNumber}: a JSON {root.ValueKind.ToString().ToLowerInvariant()} where a JSON object was expected; " +
                        "each line must hold one object such as {\"x\": 1.5, \"label\": \"a\"}.");
                var row = lines.Count;
                lines.Add(lineNumber);
                keysOfRow.Clear();
                foreach (var property in root.EnumerateObject())
                {
                    if (!keysOfRow.Add(property.Name))
                        throw LatheException.BadData($"{path}:{lineNumber}: key '{property.Name}' appears twice in this object. Remove or rename one.");
                    if (!byName.TryGetValue(property.Name, out var column))
                    {
                        if (string.IsNullOrWhiteSpace(property.Name))
                            throw LatheException.BadData($"{path}:{lineNumber}: an empty key; every key names a column, so give it a name.");
                        column = new JsonColumnBuilder(path, property.Name, columns.Count + 1);
                        byName[property.Name] = column;
                        columns.Add(column);
                    }
                    column.Add(row, property.Value, lineNumber);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw LatheException.BadData($"{path}: {e.Message}. Copy or download the file again.");
        }

        if (lines.Count == 0) throw LatheException.BadData($"{path}: the file is empty; it needs one JSON object per line.");
        if (columns.Count == 0) throw LatheException.BadData($"{path}: every object is empty ({{}}); there are no columns to read.");
        foreach (var name in options.ColumnKinds.Keys)
            if (!byName.ContainsKey(name))
                throw LatheException.BadConfig(
                    $"{path}: column '{name}' named in the column settings is not a key in the file. Keys are: {string.Join(", ", columns.Select(c => c.Name))}.");
        return new Table(
            columns.Select(c => c.Build(lines.Count, lines, options.ColumnKinds.TryGetValue(c.Name, out var kind) ? kind : null, options.NumericShare)),
            source: path);
    }

    private static JsonDocument Parse(string path, int lineNumber, string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            throw LatheException.BadData(
                $"{path}:{lineNumber}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({reason}). Each line must hold one complete JSON object.");
        }
    }
}
