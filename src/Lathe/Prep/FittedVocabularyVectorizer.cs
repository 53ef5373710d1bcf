using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Text;

namespace Lathe.Prep;

/// <summary>One text column's learned vocabulary and, for TF-IDF, its term weights.</summary>
public sealed record VocabularyColumn(string Name, TermVocabulary Vocabulary);

/// <summary>A fitted <see cref="BagOfWords"/> or <see cref="TfidfVectorizer"/>: the vocabulary of each text column.</summary>
public sealed class FittedVocabularyVectorizer : IFittedTransform
{
    private readonly TextVectorizerOptions _options;
    private readonly WordTokenizer _tokenizer;
    private readonly TextNorm _norm;
    private readonly Dictionary<string, float[]> _idf = new(StringComparer.Ordinal);

    public FittedVocabularyVectorizer(string type, TextVectorizerOptions options, IReadOnlyList<VocabularyColumn> columns)
    {
        if (type is not (BagOfWords.TypeName or TfidfVectorizer.TypeName)) throw new ArgumentException($"Not a vocabulary vectorizer: {type}.");
        Type = type;
        _options = options;
        _tokenizer = new WordTokenizer(options.Tokenizer);
        _norm = options.Norm ?? (type == TfidfVectorizer.TypeName ? TextNorm.L2 : TextNorm.None);
        Columns = columns;
        if (type == TfidfVectorizer.TypeName)
            foreach (var c in columns) _idf[c.Name] = InverseDocumentFrequencies(c.Vocabulary);
    }

    public string Type { get; }

    public IReadOnlyList<VocabularyColumn> Columns { get; }

    /// <summary>The TF-IDF weight of each vocabulary term of a column (tfidf only).</summary>
    public IReadOnlyList<float> IdfOf(string column) => _idf[column];

    internal static FittedVocabularyVectorizer Fit(string type, Table table, TextVectorizerOptions options)
    {
        options.Validate();
        var tokenizer = new WordTokenizer(options.Tokenizer);
        var columns = new List<VocabularyColumn>();
        foreach (var name in TextInputs.ColumnsOf(table, options.Columns, type))
        {
            var documents = TextInputs.TextsOf(table[name]).Select(tokenizer.Terms).ToList();
            var vocabulary = TermVocabulary.Build(documents, options.Vocabulary);
            if (vocabulary.Count == 0)
                throw LatheException.BadData(
                    $"{table.Source ?? "table"}: text column '{name}' gives no term that occurs in at least {options.Vocabulary.MinDf} training texts" +
                    (options.Vocabulary.MaxDf < 1 ? $" and at most a share {options.Vocabulary.MaxDf} of them" : "") + "; lower min_df (or raise max_df).");
            columns.Add(new VocabularyColumn(name, vocabulary));
        }
        return new FittedVocabularyVectorizer(type, options, columns);
    }

    /// <summary>Smoothed idf: ln((1 + n) / (1 + df)) + 1, scikit-learn's default.</summary>
    private static float[] InverseDocumentFrequencies(TermVocabulary vocabulary) =>
        [.. vocabulary.DocumentFrequencies.Select(df => (float)(Math.Log((1.0 + vocabulary.Documents) / (1.0 + df)) + 1))];

    public Table Transform(Table table)
    {
        foreach (var column in Columns)
        {
            if (!table.Contains(column.Name)) continue;
            var texts = TextInputs.TextsOf(table[column.Name]);
            var width = column.Vocabulary.Count;
            var data = TextInputs.Matrix(texts.Length, width, column.Name);
            var idf = _idf.GetValueOrDefault(column.Name);
            for (var r = 0; r < texts.Length; r++)
            {
                var row = data.AsSpan(r * width, width);
                foreach (var term in _tokenizer.Terms(texts[r]))
                {
                    var index = column.Vocabulary.IndexOf(term);
                    if (index >= 0) row[index] = _options.Binary ? 1 : row[index] + 1;
                }
                for (var j = 0; j < width; j++)
                {
                    if (row[j] == 0) continue;
                    if (_options.SublinearTf) row[j] = 1 + MathF.Log(row[j]);
                    if (idf is not null) row[j] *= idf[j];
                }
                if (_norm == TextNorm.L2) TextInputs.NormalizeL2(row);
            }
            table = table.With(new VectorColumn(column.Name, data, [width]));
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["lowercase"] = _options.Tokenizer.Lowercase,
        ["ngram_min"] = _options.Tokenizer.NgramMin,
        ["ngram_max"] = _options.Tokenizer.NgramMax,
        ["binary"] = _options.Binary,
        ["sublinear_tf"] = _options.SublinearTf,
        ["norm"] = _norm.ToString().ToLowerInvariant(),
        ["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["documents"] = c.Vocabulary.Documents,
            ["terms"] = TransformFormats.ToArray(c.Vocabulary.Terms),
            ["document_frequencies"] = new JsonArray([.. c.Vocabulary.DocumentFrequencies.Select(d => JsonValue.Create(d))]),
        })]),
    };

    public static FittedVocabularyVectorizer FromJson(JsonObject json)
    {
        var options = new TextVectorizerOptions
        {
            Tokenizer = new TokenizerOptions
            {
                Lowercase = (bool)json["lowercase"]!, NgramMin = (int)json["ngram_min"]!, NgramMax = (int)json["ngram_max"]!,
            },
            Binary = (bool)json["binary"]!,
            SublinearTf = (bool)json["sublinear_tf"]!,
            Norm = Enum.Parse<TextNorm>((string)json["norm"]!, ignoreCase: true),
        };
        return new FittedVocabularyVectorizer((string)json["type"]!, options, [.. json["columns"]!.AsArray().Select(c => new VocabularyColumn(
            (string)c!["name"]!,
            new TermVocabulary(TransformFormats.Strings(c["terms"]), [.. c["document_frequencies"]!.AsArray().Select(d => (int)d!)], (int)c["documents"]!)))]);
    }
}
