namespace Lathe.Data;

/// <summary>Dictionary-encoded labels: a code per row into <see cref="Categories"/>; -1 marks a missing value.</summary>
public sealed class CategoricalColumn : Column
{
    private readonly int[] _codes;
    private readonly string[] _categories;

    public CategoricalColumn(string name, int[] codes, string[] categories) : base(name)
    {
        _codes = codes;
        _categories = categories;
    }

    /// <summary>Encodes strings (null = missing), numbering categories in the order given, or first seen when none are given.</summary>
    public static CategoricalColumn FromStrings(string name, IReadOnlyList<string?> values, IReadOnlyList<string>? categories = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var category in categories ?? [])
        {
            index[category] = names.Count;
            names.Add(category);
        }
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = values[i];
            if (value is null) { codes[i] = -1; continue; }
            if (!index.TryGetValue(value, out var code))
            {
                code = names.Count;
                index[value] = code;
                names.Add(value);
            }
            codes[i] = code;
        }
        return new CategoricalColumn(name, codes, [.. names]);
    }

    public ReadOnlySpan<int> Codes => _codes;

    public IReadOnlyList<string> Categories => _categories;

    public int this[int row] => _codes[row];

    public override int Length => _codes.Length;

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override Column Take(IReadOnlyList<int> rows)
    {
        var taken = new int[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = _codes[rows[i]];
        return new CategoricalColumn(Name, taken, _categories);
    }

    public override Column Rename(string name) => new CategoricalColumn(name, _codes, _categories);

    public override bool IsMissing(int row) => _codes[row] < 0;

    public override string Format(int row) => IsMissing(row) ? "" : _categories[_codes[row]];

    /// <summary>The same values re-coded against another category list; values not in it become -1.</summary>
    public int[] CodesIn(IReadOnlyList<string> categories)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++) index[categories[i]] = i;
        var remap = new int[_categories.Length];
        for (var i = 0; i < remap.Length; i++) remap[i] = index.TryGetValue(_categories[i], out var c) ? c : -1;
        var codes = new int[_codes.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[i] < 0 ? -1 : remap[_codes[i]];
        return codes;
    }
}
