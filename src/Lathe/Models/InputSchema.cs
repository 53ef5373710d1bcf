using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models;

/// <summary>One input column a model was trained with.</summary>
public sealed record InputColumn(string Name, ColumnKind Kind, int[]? Shape);

/// <summary>
/// The input columns a model was trained with. New data is checked against it: a missing column or a
/// column of another kind is a clear error, never a wrong prediction.
/// </summary>
public sealed class InputSchema(IReadOnlyList<InputColumn> columns)
{
    public IReadOnlyList<InputColumn> Columns => columns;

    public static InputSchema Of(Table table, IEnumerable<string> names) => new(
        [.. names.Select(n => table[n]).Select(c => new InputColumn(c.Name, c.Kind, c is VectorColumn v ? [.. v.Shape] : null))]);

    /// <summary>The table's input columns, in training order, converted where that is lossless (numbers read as categories).</summary>
    public Table Conform(Table table)
    {
        var conformed = new List<Column>();
        foreach (var expected in columns)
        {
            if (!table.Contains(expected.Name))
                throw LatheException.BadData(
                    $"{table.Source ?? "input"}: column '{expected.Name}' is missing; the model was trained with {string.Join(", ", columns.Select(c => c.Name))}.");
            var column = table[expected.Name];
            conformed.Add((expected.Kind, column) switch
            {
                (var k, _) when k == column.Kind => column,
                (ColumnKind.Categorical, NumericColumn or TextColumn) => CategoricalColumn.FromStrings(
                    column.Name, [.. Enumerable.Range(0, column.Length).Select(i => column.IsMissing(i) ? null : column.Format(i))]),
                (ColumnKind.Text, _) => new TextColumn(column.Name,
                    [.. Enumerable.Range(0, column.Length).Select(i => column.IsMissing(i) ? null : column.Format(i))]),
                _ => throw LatheException.BadData(
                    $"{table.Source ?? "input"}: column '{expected.Name}' is {column.Kind.ToString().ToLowerInvariant()} but the model was trained on " +
                    $"{expected.Kind.ToString().ToLowerInvariant()} values. Check the column's values (a typo can turn numbers into text)."),
            });
        }
        return new Table(conformed, source: table.Source);
    }

    public JsonArray ToJson() => new([.. columns.Select(c =>
    {
        var json = new JsonObject { ["name"] = c.Name, ["kind"] = c.Kind.ToString().ToLowerInvariant() };
        if (c.Shape is not null) json["shape"] = new JsonArray([.. c.Shape.Select(d => JsonValue.Create(d))]);
        return (JsonNode)json;
    })]);

    public static InputSchema FromJson(JsonArray json) => new([.. json.Select(c => new InputColumn(
        (string)c!["name"]!,
        Enum.Parse<ColumnKind>((string)c["kind"]!, ignoreCase: true),
        c["shape"]?.AsArray().Select(d => (int)d!).ToArray()))]);

    public override string ToString() => string.Join(", ", columns.Select(c => $"{c.Name}:{c.Kind}".ToLower(CultureInfo.InvariantCulture)));
}
