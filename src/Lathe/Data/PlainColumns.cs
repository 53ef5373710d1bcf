namespace Lathe.Data;

/// <summary>
/// The float32 columns <see cref="PlainNumericCsvReader"/> fills, row by row from several threads at once (each
/// thread its own rows). Room is made before a block is parsed; with an exact row count the arrays are the columns
/// as they are, with a guess they grow and are cut to length at the end.
/// </summary>
internal sealed class PlainColumns(int width, int capacity)
{
    public float[][] Values { get; } = [.. Enumerable.Range(0, width).Select(_ => new float[Math.Max(capacity, 0)])];

    /// <summary>Rows filled so far.</summary>
    public int Rows { get; set; }

    public void EnsureRows(int rows)
    {
        if (rows <= Values[0].Length) return;
        var grown = (int)Math.Min(Math.Max(rows, Values[0].Length * 3L / 2), Array.MaxLength);
        if (grown < rows) throw new IOException("too many rows for one column");
        // One column at a time: only one extra copy is alive at once.
        for (var c = 0; c < Values.Length; c++) Values[c] = Resized(Values[c], grown);
    }

    public float[][] Finish()
    {
        for (var c = 0; c < Values.Length; c++)
            if (Values[c].Length != Rows) Values[c] = Resized(Values[c], Rows);
        return Values;
    }

    private float[] Resized(float[] values, int length)
    {
        var resized = GC.AllocateUninitializedArray<float>(length);
        values.AsSpan(0, Math.Min(Rows, length)).CopyTo(resized);
        return resized;
    }
}
