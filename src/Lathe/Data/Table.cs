namespace Lathe.Data;

/// <summary>
/// An immutable set of equally long, uniquely named columns, each with a role (feature by default).
/// Row slicing with <see cref="Take"/> copies only the selected rows.
/// </summary>
public sealed class Table
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, ColumnRole> _roles;

    public Table(IEnumerable<Column> columns, IReadOnlyDictionary<string, ColumnRole>? roles = null, string? source = null)
    {
        _columns = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_index.TryAdd(_columns[i].Name, i))
                throw new ArgumentException($"Column name '{_columns[i].Name}' appears twice.");
            if (_columns[i].Length != _columns[0].Length)
                throw new ArgumentException(
                    $"Column '{_columns[i].Name}' has {_columns[i].Length} rows but '{_columns[0].Name}' has {_columns[0].Length}.");
        }
        _roles = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        foreach (var (name, role) in roles ?? new Dictionary<string, ColumnRole>())
            if (_index.ContainsKey(name) && role != ColumnRole.Feature) _roles[name] = role;
        Source = source;
    }

    /// <summary>Where the rows came from (a file path), for error messages; null when built in code.</summary>
    public string? Source { get; }

    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Length;

    public IReadOnlyList<Column> Columns => _columns;

    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    public bool Contains(string name) => _index.ContainsKey(name);

    public Column this[string name] => _index.TryGetValue(name, out var i)
        ? _columns[i]
        : throw LatheException.BadData(
            $"{Source ?? "table"}: no column named '{name}'. Columns are: {string.Join(", ", ColumnNames)}.");

    public ColumnRole RoleOf(string name) => _roles.GetValueOrDefault(name, ColumnRole.Feature);

    /// <summary>Names of the columns whose role is <see cref="ColumnRole.Feature"/>, in table order.</summary>
    public IReadOnlyList<string> FeatureNames => [.. _columns.Where(c => RoleOf(c.Name) == ColumnRole.Feature).Select(c => c.Name)];

    public Table WithRole(string name, ColumnRole role)
    {
        _ = this[name];
        var roles = new Dictionary<string, ColumnRole>(_roles) { [name] = role };
        return new Table(_columns, roles, Source);
    }

    /// <summary>The table with <paramref name="column"/> added, or replacing the column of the same name (keeping its place and role).</summary>
    public Table With(Column column)
    {
        var columns = _columns.ToList();
        if (_index.TryGetValue(column.Name, out var i)) columns[i] = column;
        else columns.Add(column);
        return new Table(columns, _roles, Source);
    }

    public Table Without(params string[] names)
    {
        var drop = names.ToHashSet(StringComparer.Ordinal);
        return new Table(_columns.Where(c => !drop.Contains(c.Name)), _roles, Source);
    }

    public Table Select(IEnumerable<string> names) => new(names.Select(n => this[n]), _roles, Source);

    public Table Take(IReadOnlyList<int> rows)
    {
        foreach (var r in rows)
            if ((uint)r >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside 0..{RowCount - 1}.");
        return new Table(_columns.Select(c => c.Take(rows)), _roles, Source);
    }

    public override string ToString() => $"Table({RowCount} rows: {string.Join(", ", _columns.Select(c => $"{c.Name}:{c.Kind}"))})";
}
