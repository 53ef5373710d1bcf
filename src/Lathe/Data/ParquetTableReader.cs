using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;
using ParquetFile = Parquet.ParquetReader;

namespace Lathe.Data;

/// <summary>
/// Reads a Parquet file (every row group) into a <see cref="Table"/>: numbers and booleans become float32
/// numeric columns (null → NaN, missing), strings categorical or text by <see cref="ColumnInference"/>'s rule.
/// Nested, list and date/time columns are refused with the column's name. (Named so it does not clash with
/// Parquet.Net's own ParquetReader in code that uses both.)
/// </summary>
public static class ParquetTableReader
{
    public static Table Read(string path, ParquetReadOptions? options = null) =>
        ReadAsync(path, options).GetAwaiter().GetResult();

    public static async Task<Table> ReadAsync(string path, ParquetReadOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new ParquetReadOptions();
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        try
        {
            await using var file = await ParquetFile.CreateAsync(path, cancellationToken: cancellation);
            var fields = CheckedFields(path, file.Schema);
            foreach (var name in options.ColumnKinds.Keys)
                if (!fields.Any(f => f.Name == name))
                    throw LatheException.BadConfig(
                        $"{path}: column '{name}' named in the column settings is not in the file. Columns are: {string.Join(", ", fields.Select(f => f.Name))}.");

            long total = 0;
            for (var g = 0; g < file.RowGroupCount; g++) total += file.OpenRowGroupReader(g).RowCount;
            if (total == 0) throw LatheException.BadData($"{path}: the file has columns but no rows.");
            if (total > Array.MaxLength) throw LatheException.BadData($"{path}: {total} rows is more than one table can hold; split the file.");
            var rows = (int)total;

            var columns = new Column[fields.Count];
            for (var c = 0; c < fields.Count; c++)
            {
                var field = fields[c];
                var forced = options.ColumnKinds.TryGetValue(field.Name, out var kind) ? kind : (ColumnKind?)null;
                if (forced is ColumnKind.Vector)
                    throw LatheException.BadConfig($"{path}: column '{field.Name}' cannot be read as a vector; use numeric, categorical or text.");
                columns[c] = IsString(field)
                    ? await ReadStrings(path, file, field, c + 1, rows, forced, cancellation)
                    : await ReadNumbers(path, file, field, rows, forced, cancellation);
            }
            return new Table(columns, source: path);
        }
        catch (Exception e) when (e is not LatheException and not OperationCanceledException)
        {
            throw LatheException.BadData(
                $"{path}: not a readable Parquet file ({e.Message}). The file may be truncated or damaged; export or copy it again.");
        }
    }

    /// <summary>The top-level columns, each a flat value Lathe can store; anything nested is an error naming it.</summary>
    private static List<DataField> CheckedFields(string path, ParquetSchema schema)
    {
        var fields = new List<DataField>();
        foreach (var field in schema.Fields)
        {
            if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
                throw LatheException.BadData(
                    $"{path}: column '{field.Name}' is a {Describe(field)}; Lathe reads flat columns of numbers, booleans and strings. " +
                    "Flatten it into separate columns, or drop it, before exporting.");
            if (!IsString(data) && NumberReader(data.ClrType) is null)
                throw LatheException.BadData(
                    $"{path}: column '{field.Name}' holds {data.ClrType.Name} values, which Lathe does not read. " +
                    "Convert it to a number (e.g. days or seconds since a date) or to a string before exporting.");
            fields.Add(data);
        }
        if (fields.Count == 0) throw LatheException.BadData($"{path}: the file has no columns.");
        var duplicate = fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw LatheException.BadData($"{path}: column name '{duplicate.Key}' appears twice. Rename one of them.");
        return fields;
    }

    /// <summary>Parquet.Net 6 types a UTF-8 column as ReadOnlyMemory&lt;char&gt; (older files and writers: string).</summary>
    private static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static string Describe(Field field) => field.SchemaType switch
    {
        SchemaType.List => "list",
        SchemaType.Map => "map",
        SchemaType.Struct => "struct (nested group)",
        _ => "repeated field",
    };

    private static async Task<Column> ReadNumbers(string path, ParquetFile file, DataField field, int rows, ColumnKind? forced,
        CancellationToken cancellation)
    {
        var values = new float[rows];
        var read = NumberReader(field.ClrType)!;
        var offset = 0;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var group = file.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            await read(group, field, values.AsMemory(offset, count), cancellation);
            offset += count;
        }
        for (var i = 0; i < rows; i++)
            if (float.IsInfinity(values[i]))
                throw LatheException.BadData(
                    $"{path}: row {i + 1}, column '{field.Name}' holds an infinite value (or one too large for float32). " +
                    "Replace it with a finite number or a null to mark it missing.");
        if (forced is ColumnKind.Categorical or ColumnKind.Text)
        {
            var texts = new string?[rows];
            for (var i = 0; i < rows; i++) texts[i] = float.IsNaN(values[i]) ? null : values[i].ToString("R", CultureInfo.InvariantCulture);
            return forced is ColumnKind.Categorical ? CategoricalColumn.FromStrings(field.Name, texts) : new TextColumn(field.Name, texts);
        }
        return new NumericColumn(field.Name, values);
    }

    private static async Task<Column> ReadStrings(string path, ParquetFile file, DataField field, int columnNumber, int rows, ColumnKind? forced,
        CancellationToken cancellation)
    {
        var values = new string?[rows];
        var offset = 0;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var group = file.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            await group.ReadAsync(field, values.AsMemory(offset, count)!, null, cancellation);
            offset += count;
        }
        // Strings stay categories or text unless data.columns says numeric; then every value must parse.
        return forced is null
            ? ColumnInference.CategoricalOrText(field.Name, values)
            : ColumnInference.FromCells(path, field.Name, columnNumber, values, i => $"{path}: row {i + 1}", forced, numericShare: 1);
    }

    private delegate Task NumberColumnReader(ParquetRowGroupReader group, DataField field, Memory<float> into, CancellationToken cancellation);

    /// <summary>How to read a column of this CLR type into float32, or null when it is not a number or boolean.</summary>
    private static NumberColumnReader? NumberReader(Type type) => type switch
    {
        _ when type == typeof(bool) => ReadBooleans,
        _ when type == typeof(float) => Read<float>,
        _ when type == typeof(double) => Read<double>,
        _ when type == typeof(decimal) => Read<decimal>,
        _ when type == typeof(Half) => Read<Half>,
        _ when type == typeof(sbyte) => Read<sbyte>,
        _ when type == typeof(byte) => Read<byte>,
        _ when type == typeof(short) => Read<short>,
        _ when type == typeof(ushort) => Read<ushort>,
        _ when type == typeof(int) => Read<int>,
        _ when type == typeof(uint) => Read<uint>,
        _ when type == typeof(long) => Read<long>,
        _ when type == typeof(ulong) => Read<ulong>,
        _ => null,
    };

    private static async Task Read<T>(ParquetRowGroupReader group, DataField field, Memory<float> into, CancellationToken cancellation)
        where T : struct, INumberBase<T>
    {
        var count = into.Length;
        if (field.IsNullable)
        {
            var buffer = new T?[count];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, cancellation);
            var span = into.Span;
            for (var i = 0; i < count; i++) span[i] = buffer[i] is { } v ? float.CreateSaturating(v) : float.NaN;
        }
        else
        {
            var buffer = new T[count];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, cancellation);
            var span = into.Span;
            for (var i = 0; i < count; i++) span[i] = float.CreateSaturating(buffer[i]);
        }
    }

    private static async Task ReadBooleans(ParquetRowGroupReader group, DataField field, Memory<float> into, CancellationToken cancellation)
    {
        var count = into.Length;
        var buffer = new bool?[count];
        if (field.IsNullable) await group.ReadAsync<bool>(field, buffer.AsMemory(), null, cancellation);
        else
        {
            var plain = new bool[count];
            await group.ReadAsync<bool>(field, plain.AsMemory(), null, cancellation);
            for (var i = 0; i < count; i++) buffer[i] = plain[i];
        }
        var span = into.Span;
        for (var i = 0; i < count; i++) span[i] = buffer[i] switch { true => 1f, false => 0f, null => float.NaN };
    }
}
