using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace Lathe.Data;

/// <summary>
/// Reads a delimited text file (optionally gzip-compressed) with a header row into a <see cref="Table"/>,
/// inferring each column's kind. Every problem is reported with the file, line and column.
/// </summary>
public static class CsvReader
{
    public static Table Read(string path, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        var delimiter = options.Delimiter ?? (StripGz(path).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');

        using var stream = OpenMaybeGzip(path);
        using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var reader = Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(text);

        string[]? header = null;
        List<string?>[] cells = [];
        var lines = new List<int>();
        var missing = options.MissingMarkers.ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var row in reader)
            {
                if (header is null)
                {
                    header = ReadHeader(path, row);
                    cells = [.. header.Select(_ => new List<string?>())];
                    continue;
                }
                if (row.ColCount == 1 && row.Span.Trim().IsEmpty) continue; // blank line
                if (row.ColCount != header.Length)
                    throw LatheException.BadData(
                        $"{path}:{row.LineNumberFrom}: this row has {row.ColCount} fields but the header has {header.Length}. " +
                        "Fix the row (a missing or extra delimiter, or an unclosed quote) or remove it.");
                lines.Add(row.LineNumberFrom);
                for (var c = 0; c < header.Length; c++)
                {
                    var value = row[c].ToString().Trim();
                    cells[c].Add(missing.Contains(value) ? null : value);
                }
            }
        }
        catch (Exception e) when (e is not LatheException)
        {
            throw LatheException.BadData($"{path}: not a readable delimited file ({e.Message}).");
        }

        if (header is null) throw LatheException.BadData($"{path}: the file is empty; it needs a header row and data rows.");
        if (lines.Count == 0) throw LatheException.BadData($"{path}: the file has a header but no data rows.");
        options.Log?.Screen(header, cells, lines, options);

        var columns = new Column[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            var kind = options.ColumnKinds.TryGetValue(header[c], out var forced) ? forced : (ColumnKind?)null;
            columns[c] = BuildColumn(path, header[c], c + 1, cells[c], lines, kind, options.NumericShare);
        }
        foreach (var name in options.ColumnKinds.Keys)
            if (!header.Contains(name))
                throw LatheException.BadConfig($"{path}: column '{name}' named in the column settings is not in the file. Columns are: {string.Join(", ", header)}.");
        return new Table(columns, source: path);
    }

    private static string[] ReadHeader(string path, SepReader.Row row)
    {
        var names = new string[row.ColCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            var name = row[c].ToString().Trim();
            if (name.Length == 0) name = $"column{c + 1}";
            if (!seen.Add(name))
                throw LatheException.BadData($"{path}:{row.LineNumberFrom}: column name '{name}' appears twice in the header. Rename one of them.");
            names[c] = name;
        }
        return names;
    }

    private static Column BuildColumn(string path, string name, int columnNumber, List<string?> values, List<int> lines,
        ColumnKind? forced, double numericShare)
    {
        if (forced is ColumnKind.Categorical) return CategoricalColumn.FromStrings(name, values);
        if (forced is ColumnKind.Text) return new TextColumn(name, [.. values]);
        if (forced is ColumnKind.Vector)
            throw LatheException.BadConfig($"{path}: column '{name}' cannot be read as a vector from a delimited file; use numeric, categorical or text.");

        var numbers = new float[values.Count];
        int present = 0, parsed = 0, firstBad = -1;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null) { numbers[i] = float.NaN; continue; }
            present++;
            if (TryParseNumber(value, out var number))
            {
                if (float.IsInfinity(number))
                    throw LatheException.BadData(
                        $"{path}:{lines[i]}: column '{name}' (field {columnNumber}) holds an infinite value '{value}'. " +
                        "Replace it with a finite number or leave the cell empty to mark it missing.");
                numbers[i] = number;
                parsed++;
            }
            else if (firstBad < 0) firstBad = i;
        }

        var numeric = forced is ColumnKind.Numeric || present == 0 || parsed == present ||
                      (present >= 10 && parsed >= numericShare * present);
        if (!numeric)
        {
            var distinct = values.Where(v => v is not null).Distinct().Count();
            return distinct <= Math.Max(50, present / 2)
                ? CategoricalColumn.FromStrings(name, values)
                : new TextColumn(name, [.. values]);
        }
        if (firstBad >= 0)
            throw LatheException.BadData(
                $"{path}:{lines[firstBad]}: column '{name}' (field {columnNumber}) is numeric but holds '{values[firstBad]}'. " +
                "Fix the value, leave the cell empty to mark it missing, or declare the column categorical in data.columns.");
        return new NumericColumn(name, numbers);
    }

    /// <summary>Invariant-culture numbers, plus the spellings of infinity other tools write (inf, -Inf, Infinity).</summary>
    private static bool TryParseNumber(string text, out float number)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return true;
        var unsigned = text.TrimStart('+', '-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            number = text.StartsWith('-') ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }
        return false;
    }

    private static Stream OpenMaybeGzip(string path)
    {
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static string StripGz(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
}
