namespace Lathe.Data;

/// <summary>One named, typed column of a <see cref="Table"/>. Columns are immutable.</summary>
public abstract class Column
{
    protected Column(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A column needs a name.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public abstract int Length { get; }

    public abstract ColumnKind Kind { get; }

    /// <summary>A new column holding the given rows, in the given order.</summary>
    public abstract Column Take(IReadOnlyList<int> rows);

    public abstract Column Rename(string name);

    public abstract bool IsMissing(int row);

    /// <summary>The value of a row as text, as a user would write it ("" when missing).</summary>
    public abstract string Format(int row);

    public int CountMissing()
    {
        var count = 0;
        for (var i = 0; i < Length; i++)
            if (IsMissing(i)) count++;
        return count;
    }

    public override string ToString() => $"{Name} ({Kind}, {Length} rows)";
}
