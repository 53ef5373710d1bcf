using System.Globalization;

namespace Lathe.Data;

/// <summary>float32 values; NaN marks a missing value.</summary>
public sealed class NumericColumn : Column
{
    private readonly float[] _values;

    public NumericColumn(string name, float[] values) : base(name) => _values = values;

    public ReadOnlySpan<float> Values => _values;

    public float this[int row] => _values[row];

    public override int Length => _values.Length;

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override Column Take(IReadOnlyList<int> rows)
    {
        var taken = new float[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = _values[rows[i]];
        return new NumericColumn(Name, taken);
    }

    public override Column Rename(string name) => new NumericColumn(name, _values);

    public override bool IsMissing(int row) => float.IsNaN(_values[row]);

    public override string Format(int row) =>
        IsMissing(row) ? "" : _values[row].ToString("R", CultureInfo.InvariantCulture);
}
