using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Text;

namespace Lathe.Prep;

/// <summary>A <see cref="HashingVectorizer"/> with the columns it was fitted on (it learns nothing else).</summary>
public sealed class FittedHashingVectorizer(TextVectorizerOptions options, IReadOnlyList<string> columns) : IFittedTransform
{
    private readonly WordTokenizer _tokenizer = new(options.Tokenizer);

    public string Type => HashingVectorizer.TypeName;

    public IReadOnlyList<string> Columns => columns;

    /// <summary>The vector width (hash buckets).</summary>
    public int Width => options.HashFeatures;

    /// <summary>The bucket a term lands in and the sign it adds there.</summary>
    public (int Bucket, float Sign) Place(string term)
    {
        var hash = Fnv1aHash.Of(term);
        // The top bit picks the sign; the bucket comes from the rest, so the two are independent for power-of-two widths.
        var sign = options.AlternateSign && (hash & 0x8000_0000u) != 0 ? -1f : 1f;
        return ((int)((hash & 0x7FFF_FFFFu) % (uint)options.HashFeatures), sign);
    }

    public Table Transform(Table table)
    {
        var width = options.HashFeatures;
        var norm = options.Norm ?? TextNorm.L2;
        foreach (var name in columns)
        {
            if (!table.Contains(name)) continue;
            var texts = TextInputs.TextsOf(table[name]);
            var data = TextInputs.Matrix(texts.Length, width, name);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var r = 0; r < texts.Length; r++)
            {
                var row = data.AsSpan(r * width, width);
                seen.Clear();
                foreach (var term in _tokenizer.Terms(texts[r]))
                {
                    if (options.Binary && !seen.Add(term)) continue;
                    var (bucket, sign) = Place(term);
                    row[bucket] += sign;
                }
                if (norm == TextNorm.L2) TextInputs.NormalizeL2(row);
            }
            table = table.With(new VectorColumn(name, data, [width]));
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["lowercase"] = options.Tokenizer.Lowercase,
        ["ngram_min"] = options.Tokenizer.NgramMin,
        ["ngram_max"] = options.Tokenizer.NgramMax,
        ["binary"] = options.Binary,
        ["norm"] = (options.Norm ?? TextNorm.L2).ToString().ToLowerInvariant(),
        ["features"] = options.HashFeatures,
        ["alternate_sign"] = options.AlternateSign,
        ["columns"] = TransformFormats.ToArray(columns),
    };

    public static FittedHashingVectorizer FromJson(JsonObject json) => new(new TextVectorizerOptions
    {
        Tokenizer = new Text.TokenizerOptions
        {
            Lowercase = (bool)json["lowercase"]!, NgramMin = (int)json["ngram_min"]!, NgramMax = (int)json["ngram_max"]!,
        },
        Binary = (bool)json["binary"]!,
        Norm = Enum.Parse<TextNorm>((string)json["norm"]!, ignoreCase: true),
        HashFeatures = (int)json["features"]!,
        AlternateSign = (bool)json["alternate_sign"]!,
    }, TransformFormats.Strings(json["columns"]));
}
