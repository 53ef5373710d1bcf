using System.Globalization;
using System.Text.Json;

namespace Lathe.Data;

/// <summary>
/// Collects one key's values across the lines of a JSON lines file: scalars as cell texts (typed later by
/// <see cref="ColumnInference"/>), or arrays of numbers as a fixed-width vector. A row without the key is missing.
/// </summary>
internal sealed class JsonColumnBuilder(string path, string name, int columnNumber)
{
    private readonly List<string?> _cells = [];
    private readonly List<float> _vectors = [];
    private int _width;        // > 0 once the first array was seen
    private int _widthLine;    // the line that set it
    private int _rows;         // rows before the next Add, present or not

    public string Name => name;

    public void Add(int row, JsonElement value, int line)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return; // padding in Pad marks it missing
            case JsonValueKind.Object:
                throw LatheException.BadData(
                    $"{path}:{line}: key '{name}' holds a nested object; Lathe reads flat records. " +
                    "Flatten it into keys of their own (e.g. \"{name}_x\") or remove it.");
            case JsonValueKind.Array:
                AddArray(row, value, line);
                return;
            default:
                if (_width > 0) throw Mixed(line);
                Pad(row);
                _cells.Add(value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    _ => value.GetRawText(), // a number, parsed by the one inference rule
                });
                _rows = row + 1;
                return;
        }
    }

    private void AddArray(int row, JsonElement array, int line)
    {
        var length = array.GetArrayLength();
        if (length == 0)
            throw LatheException.BadData($"{path}:{line}: key '{name}' holds an empty array; a vector needs at least one number (use null for a missing one).");
        if (_width == 0)
        {
            if (_cells.Any(c => c is not null)) throw Mixed(line);
            _width = length;
            _widthLine = line;
            // Rows padded before the first array become missing vectors.
            for (var r = 0; r < _cells.Count * length; r++) _vectors.Add(float.NaN);
            _cells.Clear();
        }
        else if (length != _width)
            throw LatheException.BadData(
                $"{path}:{line}: key '{name}' holds {length} numbers but {_width} on line {_widthLine}; " +
                "an array of numbers is read as a vector, and every row's vector must have the same length.");
        Pad(row);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
                throw LatheException.BadData(
                    $"{path}:{line}: key '{name}' holds an array with a {item.ValueKind.ToString().ToLowerInvariant()} in it; " +
                    "Lathe reads arrays of numbers only (as a vector). Flatten other arrays into keys of their own or remove them.");
            if (!float.TryParse(item.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !float.IsFinite(number))
                throw LatheException.BadData($"{path}:{line}: key '{name}' holds {item.GetRawText()}, which is not a finite float32 number.");
            _vectors.Add(number);
        }
        _rows = row + 1;
    }

    /// <summary>Fills rows that lacked the key (or held null) with missing values up to <paramref name="row"/>.</summary>
    private void Pad(int row)
    {
        for (; _rows < row; _rows++)
        {
            if (_width > 0) for (var k = 0; k < _width; k++) _vectors.Add(float.NaN);
            else _cells.Add(null);
        }
    }

    private LatheException Mixed(int line) => LatheException.BadData(
        $"{path}:{line}: key '{name}' mixes arrays and single values across lines; give it one shape in every row (null marks a missing value).");

    public Column Build(int rows, IReadOnlyList<int> lines, ColumnKind? forced, double numericShare)
    {
        Pad(rows);
        if (_width > 0)
        {
            if (forced is not (null or ColumnKind.Vector))
                throw LatheException.BadConfig($"{path}: column '{name}' holds arrays of numbers, which are read as a vector; remove its setting in data.columns.");
            return new VectorColumn(name, [.. _vectors], [_width]);
        }
        if (forced is ColumnKind.Vector)
            throw LatheException.BadConfig($"{path}: column '{name}' holds single values, not arrays of numbers; it cannot be read as a vector.");
        return ColumnInference.FromCells(path, name, columnNumber, _cells, i => $"{path}:{lines[i]}", forced, numericShare);
    }
}
