using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>How an <see cref="Imputer"/> fills missing numbers.</summary>
public enum ImputeStrategy
{
    Median,
    Mean,
    /// <summary>The most frequent training value (the smallest of equally frequent ones).</summary>
    MostFrequent,
    /// <summary>A given number, and a given category for categorical columns.</summary>
    Constant,
}

/// <summary>
/// Fills missing values: numbers with the training median (or mean, most frequent value, or a constant),
/// categories with the most frequent training category (or, with <see cref="ImputeStrategy.Constant"/>,
/// <paramref name="fillCategory"/>). Columns with no missing values in training are still covered, since new data may have gaps.
/// </summary>
public sealed class Imputer(ImputeStrategy numeric = ImputeStrategy.Median, float fillValue = 0, string fillCategory = "missing") : ITransform
{
    public const string TypeName = "imputer";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table)
    {
        var numericFills = new Dictionary<string, float>();
        var categoryFills = new Dictionary<string, string>();
        foreach (var column in table.Columns)
        {
            switch (column)
            {
                case NumericColumn n:
                    var present = OrderStatistic.Present(n.Values);
                    numericFills[n.Name] = numeric switch
                    {
                        ImputeStrategy.Constant => fillValue,
                        _ when present.Length == 0 => 0f,
                        ImputeStrategy.Mean => (float)present.Average(v => (double)v),
                        ImputeStrategy.MostFrequent => present.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                        _ => OrderStatistic.Median(present),
                    };
                    break;
                case CategoricalColumn c when numeric == ImputeStrategy.Constant:
                    categoryFills[c.Name] = fillCategory;
                    break;
                case CategoricalColumn c when c.Categories.Count > 0:
                    var counts = new int[c.Categories.Count];
                    foreach (var code in c.Codes)
                        if (code >= 0) counts[code]++;
                    categoryFills[c.Name] = c.Categories[Array.IndexOf(counts, counts.Max())];
                    break;
            }
        }
        return new FittedImputer(numericFills, categoryFills);
    }

}

public sealed class FittedImputer(IReadOnlyDictionary<string, float> numericFills, IReadOnlyDictionary<string, string> categoryFills)
    : IFittedTransform
{
    public string Type => Imputer.TypeName;

    public IReadOnlyDictionary<string, float> NumericFills => numericFills;

    public Table Transform(Table table)
    {
        foreach (var (name, fill) in numericFills)
        {
            if (!table.Contains(name) || table[name] is not NumericColumn n || n.CountMissing() == 0) continue;
            var values = n.Values.ToArray();
            for (var i = 0; i < values.Length; i++)
                if (float.IsNaN(values[i])) values[i] = fill;
            table = table.With(new NumericColumn(name, values));
        }
        foreach (var (name, fill) in categoryFills)
        {
            if (!table.Contains(name) || table[name] is not CategoricalColumn c || c.CountMissing() == 0) continue;
            var categories = c.Categories.ToList();
            var fillCode = categories.IndexOf(fill);
            if (fillCode < 0) { fillCode = categories.Count; categories.Add(fill); }
            var codes = c.Codes.ToArray();
            for (var i = 0; i < codes.Length; i++)
                if (codes[i] < 0) codes[i] = fillCode;
            table = table.With(new CategoricalColumn(name, codes, [.. categories]));
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["numeric"] = new JsonObject(numericFills.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["categorical"] = new JsonObject(categoryFills.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    };

    public static FittedImputer FromJson(JsonObject json) => new(
        json["numeric"]!.AsObject().ToDictionary(kv => kv.Key, kv => (float)kv.Value!),
        json["categorical"]!.AsObject().ToDictionary(kv => kv.Key, kv => (string)kv.Value!));
}
