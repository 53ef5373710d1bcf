using Lathe.Prep;
using Lathe.Text;

namespace Lathe.Experiments.Config;

/// <summary>Checks data.text and turns it into the vectorizer it describes.</summary>
internal static class TextConfigRules
{
    public static readonly string[] Vectorizers = [TfidfVectorizer.TypeName, BagOfWords.TypeName, HashingVectorizer.TypeName];

    /// <summary>Model types that read raw text themselves (characters), so word features do not apply.</summary>
    private static readonly string[] RawTextModels = ["gpt", "lstm", "gru", "cnn1d", "transformer"];

    /// <summary>Validates data.text at load time and marks the columns it names as text, so the reader keeps them whole.</summary>
    public static void Apply(LatheConfig config, string source)
    {
        if (config.Model.Tokens != "characters" && !RawTextModels[1..].Contains(config.Model.Type))
            throw LatheException.BadConfig($"{source}: model.tokens applies to the text encoders (lstm, gru, cnn1d, transformer), not model.type {config.Model.Type}; remove it.");
        var text = config.Data.Text;
        if (text is null) return;
        LatheException Error(string field, string message) => LatheException.BadConfig($"{source}: data.text.{field} {message}");
        if (RawTextModels.Contains(config.Model.Type))
            throw LatheException.BadConfig($"{source}: data.text does not apply to model.type {config.Model.Type}, which reads the raw text itself; remove data.text.");
        if (!Vectorizers.Contains(text.Vectorizer))
            throw Error("vectorizer", $"'{text.Vectorizer}' is not one of {string.Join(", ", Vectorizers)}.");
        if (text.Ngrams.Count != 2 || text.Ngrams[0] < 1 || text.Ngrams[1] < text.Ngrams[0])
            throw Error("ngrams", $"must be [shortest, longest] with 1 <= shortest <= longest, such as [1, 2]; not [{string.Join(", ", text.Ngrams)}].");
        if (text.MinDf < 1) throw Error("min_df", $"must be at least 1 (a count of texts), not {text.MinDf}.");
        if (text.MaxDf is <= 0 or > 1) throw Error("max_df", $"must be in (0, 1], not {text.MaxDf}.");
        if (text.MaxFeatures < 1) throw Error("max_features", $"must be at least 1, not {text.MaxFeatures}.");
        if (text.Features < 1) throw Error("features", $"must be at least 1, not {text.Features}.");
        if (text.Norm is not (null or "l2" or "none")) throw Error("norm", $"'{text.Norm}' is not one of l2, none.");
        foreach (var column in text.Columns ?? [])
        {
            if (column == config.Data.Target) throw Error("columns", $"names the target '{column}'; list input columns only.");
            if (config.Data.Columns.TryGetValue(column, out var kind) && kind != "text")
                throw Error("columns", $"names '{column}', which data.columns sets to {kind}; set it to text or leave it out of one of them.");
            config.Data.Columns[column] = "text";
        }
    }

    /// <summary>One line per vectorized column of a fitted model: what it became (for the run log).</summary>
    public static IEnumerable<string> Describe(Models.PipelineModel model)
    {
        foreach (var step in model.Transforms)
        {
            if (step is FittedVocabularyVectorizer vocabulary)
                foreach (var column in vocabulary.Columns)
                    yield return $"text: {column.Name} → {column.Vocabulary.Count} {step.Type} terms from {column.Vocabulary.Documents} training texts";
            else if (step is FittedHashingVectorizer hashing)
                foreach (var column in hashing.Columns)
                    yield return $"text: {column} → {hashing.Width} hashing buckets";
        }
    }

    public static ITransform VectorizerOf(TextConfig text)
    {
        var options = new TextVectorizerOptions
        {
            Columns = text.Columns,
            Tokenizer = new TokenizerOptions { Lowercase = text.Lowercase, NgramMin = text.Ngrams[0], NgramMax = text.Ngrams[1] },
            Vocabulary = new VocabularyOptions { MinDf = text.MinDf, MaxDf = text.MaxDf, MaxFeatures = text.MaxFeatures },
            Binary = text.Binary,
            SublinearTf = text.SublinearTf,
            Norm = text.Norm switch { "l2" => TextNorm.L2, "none" => TextNorm.None, _ => null },
            HashFeatures = text.Features,
            AlternateSign = text.AlternateSign,
        };
        return text.Vectorizer switch
        {
            BagOfWords.TypeName => new BagOfWords(options),
            HashingVectorizer.TypeName => new HashingVectorizer(options),
            _ => new TfidfVectorizer(options),
        };
    }
}
