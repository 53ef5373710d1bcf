namespace Lathe.Data;

/// <summary>
/// The columns <see cref="PlainCsvReader"/> fills: float32 arrays for numeric columns, written row by row from
/// several threads at once (each thread its own rows), and lists of words for the others, joined in file order
/// after each block. Room is made before a block is parsed; with an exact row count the arrays are the columns as
/// they are, with a guess they grow and are cut to length at the end.
/// </summary>
internal sealed class PlainColumns(bool[] isText, int capacity)
{
    public float[][] Values { get; } = [.. isText.Select(text => new float[text ? 0 : Math.Max(capacity, 0)])];

    /// <summary>The words of each text column; null for numeric columns.</summary>
    public List<string?>?[] Texts { get; } = [.. isText.Select(text => text ? new List<string?>() : null)];

    /// <summary>Rows filled so far.</summary>
    public int Rows { get; set; }

    public void EnsureRows(int rows)
    {
        // One column at a time: only one extra copy is alive at once.
        for (var c = 0; c < Values.Length; c++)
        {
            if (Texts[c] is not null || rows <= Values[c].Length) continue;
            var grown = (int)Math.Min(Math.Max(rows, Values[c].Length * 3L / 2), Array.MaxLength);
            if (grown < rows) throw new IOException("too many rows for one column");
            Values[c] = Resized(Values[c], grown);
        }
    }

    public float[][] Finish()
    {
        for (var c = 0; c < Values.Length; c++)
            if (Texts[c] is null && Values[c].Length != Rows) Values[c] = Resized(Values[c], Rows);
        return Values;
    }

    private float[] Resized(float[] values, int length)
    {
        var resized = GC.AllocateUninitializedArray<float>(length);
        values.AsSpan(0, Math.Min(Rows, length)).CopyTo(resized);
        return resized;
    }
}
