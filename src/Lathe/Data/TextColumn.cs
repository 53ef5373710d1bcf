namespace Lathe.Data;

/// <summary>Free text per row; null marks a missing value.</summary>
public sealed class TextColumn : Column
{
    private readonly string?[] _values;

    public TextColumn(string name, string?[] values) : base(name) => _values = values;

    public string? this[int row] => _values[row];

    public override int Length => _values.Length;

    public override ColumnKind Kind => ColumnKind.Text;

    public override Column Take(IReadOnlyList<int> rows)
    {
        var taken = new string?[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = _values[rows[i]];
        return new TextColumn(Name, taken);
    }

    public override Column Rename(string name) => new TextColumn(name, _values);

    public override bool IsMissing(int row) => _values[row] is null;

    public override string Format(int row) => _values[row] ?? "";
}
