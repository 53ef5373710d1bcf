using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Centers numeric columns (and every element of vector columns) on the training mean and divides by the
/// training standard deviation. A constant input keeps a scale of 1 so it never divides by zero.
/// </summary>
public sealed class StandardScaler : ITransform
{
    public const string TypeName = "standard_scaler";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table)
    {
        var stats = new List<ScaledColumn>();
        foreach (var column in table.Columns)
        {
            switch (column)
            {
                case NumericColumn n:
                    var (mean, scale) = MeanAndScale(n.Values, 1, 0);
                    stats.Add(new ScaledColumn(n.Name, [mean], [scale]));
                    break;
                case VectorColumn v:
                    var means = new float[v.Width];
                    var scales = new float[v.Width];
                    for (var j = 0; j < v.Width; j++) (means[j], scales[j]) = MeanAndScale(v.Data, v.Width, j);
                    stats.Add(new ScaledColumn(v.Name, means, scales));
                    break;
            }
        }
        return new FittedStandardScaler(stats);
    }

    /// <summary>Mean and standard deviation of every <paramref name="stride"/>-th value from <paramref name="offset"/>, ignoring NaN.</summary>
    private static (float Mean, float Scale) MeanAndScale(ReadOnlySpan<float> values, int stride, int offset)
    {
        double sum = 0, sumSquares = 0;
        long count = 0;
        for (var i = offset; i < values.Length; i += stride)
        {
            var v = values[i];
            if (float.IsNaN(v)) continue;
            sum += v;
            count++;
        }
        var mean = count == 0 ? 0 : sum / count;
        for (var i = offset; i < values.Length; i += stride)
        {
            var v = values[i];
            if (float.IsNaN(v)) continue;
            sumSquares += (v - mean) * (v - mean);
        }
        var std = count == 0 ? 0 : Math.Sqrt(sumSquares / count);
        return ((float)mean, std < 1e-12 ? 1f : (float)std);
    }
}

/// <summary>The learned center and scale of one column (one entry per element for vector columns).</summary>
public sealed record ScaledColumn(string Name, float[] Means, float[] Scales);

public sealed class FittedStandardScaler(IReadOnlyList<ScaledColumn> columns) : IFittedTransform
{
    public string Type => StandardScaler.TypeName;

    public IReadOnlyList<ScaledColumn> Columns => columns;

    public Table Transform(Table table)
    {
        foreach (var stat in columns)
        {
            if (!table.Contains(stat.Name)) continue;
            switch (table[stat.Name])
            {
                case NumericColumn n:
                    var values = n.Values.ToArray();
                    for (var i = 0; i < values.Length; i++) values[i] = (values[i] - stat.Means[0]) / stat.Scales[0];
                    table = table.With(new NumericColumn(n.Name, values));
                    break;
                case VectorColumn v when v.Width == stat.Means.Length:
                    var data = v.Data.ToArray();
                    for (var i = 0; i < data.Length; i++)
                    {
                        var j = i % v.Width;
                        data[i] = (data[i] - stat.Means[j]) / stat.Scales[j];
                    }
                    table = table.With(new VectorColumn(v.Name, data, [.. v.Shape]));
                    break;
                case var other:
                    throw LatheException.BadData(
                        $"column '{stat.Name}' is {other.Kind} here but was numeric when the scaler was fitted.");
            }
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["means"] = TransformFormats.ToArray(c.Means),
            ["scales"] = TransformFormats.ToArray(c.Scales),
        })]),
    };

    public static FittedStandardScaler FromJson(JsonObject json) => new(
        [.. json["columns"]!.AsArray().Select(c => new ScaledColumn(
            (string)c!["name"]!, TransformFormats.Floats(c["means"]), TransformFormats.Floats(c["scales"])))]);
}
