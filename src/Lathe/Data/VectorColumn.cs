using System.Globalization;

namespace Lathe.Data;

/// <summary>
/// A fixed-length float32 vector per row (an image's pixels, an embedding), stored row-major in one array.
/// <see cref="Shape"/> says how a row's values are laid out (for an image: channels, height, width).
/// </summary>
public sealed class VectorColumn : Column
{
    private readonly float[] _data;

    public VectorColumn(string name, float[] data, int[] shape) : base(name)
    {
        Width = 1;
        foreach (var d in shape)
        {
            if (d <= 0) throw new ArgumentException("Every dimension of a vector column's shape must be positive.", nameof(shape));
            Width *= d;
        }
        if (data.Length % Width != 0)
            throw new ArgumentException($"{data.Length} values do not make whole rows of width {Width}.", nameof(data));
        _data = data;
        Shape = shape;
    }

    public int Width { get; }

    public IReadOnlyList<int> Shape { get; }

    public ReadOnlySpan<float> Data => _data;

    public ReadOnlySpan<float> Row(int row) => _data.AsSpan(row * Width, Width);

    public override int Length => _data.Length / Width;

    public override ColumnKind Kind => ColumnKind.Vector;

    public override Column Take(IReadOnlyList<int> rows)
    {
        var taken = new float[rows.Count * Width];
        for (var i = 0; i < rows.Count; i++)
            _data.AsSpan(rows[i] * Width, Width).CopyTo(taken.AsSpan(i * Width, Width));
        return new VectorColumn(Name, taken, [.. Shape]);
    }

    public override Column Rename(string name) => new VectorColumn(name, _data, [.. Shape]);

    public override bool IsMissing(int row)
    {
        foreach (var v in Row(row))
            if (float.IsNaN(v)) return true;
        return false;
    }

    public override string Format(int row) =>
        "[" + string.Join(' ', Row(row).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
