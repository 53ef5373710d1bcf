namespace Lathe.Text;

/// <summary>Which terms of a training corpus make the vocabulary.</summary>
public sealed record VocabularyOptions
{
    /// <summary>A term must occur in at least this many training texts (rare typos and ids stay out).</summary>
    public int MinDf { get; init; } = 1;

    /// <summary>A term in more than this share of the training texts is left out (1.0 keeps all; 0.9 drops near-stopwords).</summary>
    public double MaxDf { get; init; } = 1.0;

    /// <summary>Keep at most this many terms, the most frequent over the corpus (ties: alphabetical). Each becomes one input value per row.</summary>
    public int MaxFeatures { get; init; } = 5000;

    public void Validate()
    {
        if (MinDf < 1) throw LatheException.BadConfig($"min_df must be at least 1 (a count of texts), not {MinDf}.");
        if (MaxDf is <= 0 or > 1) throw LatheException.BadConfig($"max_df must be in (0, 1], not {MaxDf}.");
        if (MaxFeatures < 1) throw LatheException.BadConfig($"max_features must be at least 1, not {MaxFeatures}.");
    }
}

/// <summary>
/// The terms a vectorizer counts, each with an index (terms in ordinal order, so the same corpus always
/// gives the same columns), and how many training texts held each one (document frequency).
/// </summary>
public sealed class TermVocabulary
{
    private readonly Dictionary<string, int> _index;

    public TermVocabulary(IReadOnlyList<string> terms, IReadOnlyList<int> documentFrequencies, int documents)
    {
        if (terms.Count != documentFrequencies.Count) throw new ArgumentException("One document frequency per term is needed.");
        Terms = terms;
        DocumentFrequencies = documentFrequencies;
        Documents = documents;
        _index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++) _index[terms[i]] = i;
    }

    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<int> DocumentFrequencies { get; }

    /// <summary>Training texts the vocabulary was built from (missing texts count as empty ones).</summary>
    public int Documents { get; }

    public int Count => Terms.Count;

    /// <summary>The index of a term, or −1 for a term outside the vocabulary.</summary>
    public int IndexOf(string term) => _index.GetValueOrDefault(term, -1);

    /// <summary>Builds the vocabulary of tokenized training texts.</summary>
    public static TermVocabulary Build(IReadOnlyList<List<string>> documents, VocabularyOptions options)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var terms in documents)
        {
            seen.Clear();
            foreach (var term in terms)
            {
                total[term] = total.GetValueOrDefault(term) + 1;
                if (seen.Add(term)) df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        var maxDocuments = options.MaxDf * documents.Count;
        var kept = df.Where(kv => kv.Value >= options.MinDf && kv.Value <= maxDocuments)
            .Select(kv => kv.Key)
            .OrderByDescending(t => total[t]).ThenBy(t => t, StringComparer.Ordinal)
            .Take(options.MaxFeatures)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new TermVocabulary(kept, [.. kept.Select(t => df[t])], documents.Count);
    }
}
