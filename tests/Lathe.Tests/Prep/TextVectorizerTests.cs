using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Prep;
using Lathe.Text;
using Lathe.Training;

namespace Lathe.Tests.Prep;

public class TextVectorizerTests
{
    private static Table Corpus(params string?[] texts) => new([new TextColumn("text", texts), new NumericColumn("n", [.. texts.Select((_, i) => (float)i)])]);

    private static float[] Row(Table table, int row) => ((VectorColumn)table["text"]).Row(row).ToArray();

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"value {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void Bag_of_words_counts_vocabulary_terms_in_alphabetical_columns_and_ignores_unseen_words()
    {
        var train = Corpus("the cat sat", "the dog sat", "the cat", "The CAT cat");
        var fitted = (FittedVocabularyVectorizer)new BagOfWords().Fit(train);
        Assert.Equal(["cat", "dog", "sat", "the"], fitted.Columns[0].Vocabulary.Terms);
        var counts = fitted.Transform(Corpus("cat cat zebra the", null));
        Assert.Equal([2f, 0, 0, 1], Row(counts, 0));
        Assert.Equal([0f, 0, 0, 0], Row(counts, 1)); // missing text: no terms
        Assert.True(counts["n"] is NumericColumn, "other columns pass through");
    }

    [Fact]
    public void Min_df_max_df_and_max_features_choose_the_vocabulary()
    {
        var train = Corpus("a b c", "a b", "a d", "a e e e");
        Assert.Equal(["a", "b"], Vocabulary(new() { MinDf = 2 }));
        Assert.Equal(["b", "c", "d", "e"], Vocabulary(new() { MaxDf = 0.9 }));
        Assert.Equal(["a", "e"], Vocabulary(new() { MaxFeatures = 2 })); // most frequent over the corpus: a (4), e (3)
        var e = Assert.Throws<LatheException>(() => new BagOfWords(new() { Vocabulary = new() { MinDf = 9 } }).Fit(train));
        Assert.Contains("lower min_df", e.Message);

        IReadOnlyList<string> Vocabulary(VocabularyOptions options) =>
            ((FittedVocabularyVectorizer)new BagOfWords(new() { Vocabulary = options }).Fit(train)).Columns[0].Vocabulary.Terms;
    }

    [Fact]
    public void Tfidf_matches_hand_computed_smoothed_idf_and_l2_norm()
    {
        // n = 3 texts; df: cat 2, dog 1, sat 2, the 3; idf = ln((1+n)/(1+df)) + 1.
        var fitted = (FittedVocabularyVectorizer)new TfidfVectorizer().Fit(Corpus("the cat sat", "the dog sat", "the cat"));
        AssertClose([1.287682f, 1.693147f, 1.287682f, 1f], fitted.IdfOf("text").ToArray());
        var train = fitted.Transform(Corpus("the cat sat", "the dog sat", "the cat"));
        AssertClose([0.619805f, 0, 0.619805f, 0.481334f], Row(train, 0));
        AssertClose([0f, 0.720333f, 0.547832f, 0.425441f], Row(train, 1));
        AssertClose([0.789807f, 0, 0, 0.613356f], Row(train, 2));
        var unseen = fitted.Transform(Corpus("the cat cat zebra"));
        AssertClose([0.932192f, 0, 0, 0.361965f], Row(unseen, 0));
    }

    [Fact]
    public void Sublinear_tf_and_binary_change_how_repeats_count()
    {
        var train = Corpus("spam spam spam spam ham", "ham");
        var binary = new BagOfWords(new() { Binary = true }).Fit(train).Transform(train);
        Assert.Equal([1f, 1f], Row(binary, 0));
        var sublinear = new TfidfVectorizer(new() { SublinearTf = true, Norm = TextNorm.None }).Fit(train).Transform(train);
        // ham: df 2 → idf 1; spam: df 1 → idf ln(3/2) + 1; tf 4 → 1 + ln 4.
        AssertClose([1f, (float)((1 + Math.Log(4)) * (Math.Log(1.5) + 1))], Row(sublinear, 0));
    }

    [Fact]
    public void Hashing_is_stable_gives_every_word_a_bucket_and_needs_no_vocabulary()
    {
        var options = new TextVectorizerOptions { HashFeatures = 16, Norm = TextNorm.None, AlternateSign = false };
        var fitted = (FittedHashingVectorizer)new HashingVectorizer(options).Fit(Corpus("x"));
        var table = fitted.Transform(Corpus("free money free", "never seen before"));
        var (bucket, _) = fitted.Place("free");
        Assert.Equal((int)(Fnv1aHash.Of("free") % 16), bucket);
        Assert.True(Row(table, 0)[bucket] >= 2);
        Assert.Equal(3f, Row(table, 1).Sum());
        Assert.Equal(16, ((VectorColumn)table["text"]).Width);
        var l2 = new HashingVectorizer(new() { HashFeatures = 16 }).Fit(Corpus("x")).Transform(Corpus("a b c d"));
        Assert.Equal(1.0, Math.Sqrt(Row(l2, 0).Sum(v => (double)v * v)), 5);
    }

    [Theory]
    [InlineData(BagOfWords.TypeName)]
    [InlineData(TfidfVectorizer.TypeName)]
    [InlineData(HashingVectorizer.TypeName)]
    public void A_saved_vectorizer_transforms_new_text_exactly_as_before(string type)
    {
        var options = new TextVectorizerOptions { Tokenizer = new() { NgramMax = 2 }, HashFeatures = 64 };
        ITransform transform = type switch
        {
            BagOfWords.TypeName => new BagOfWords(options),
            TfidfVectorizer.TypeName => new TfidfVectorizer(options),
            _ => new HashingVectorizer(options),
        };
        var fitted = transform.Fit(Corpus("win free money now", "lunch at noon?", "free lunch"));
        var loaded = TransformFormats.Load(System.Text.Json.Nodes.JsonNode.Parse(fitted.ToJson().ToJsonString())!.AsObject());
        var fresh = Corpus("free money for lunch", "unseen words only", null);
        Assert.Equal(((VectorColumn)fitted.Transform(fresh)["text"]).Data.ToArray(), ((VectorColumn)loaded.Transform(fresh)["text"]).Data.ToArray());
        Assert.Equal(type, loaded.Type);
    }

    [Fact]
    public void No_text_column_is_a_config_error_that_says_how_to_mark_one()
    {
        var e = Assert.Throws<LatheException>(() => new TfidfVectorizer().Fit(new Table([new NumericColumn("x", [1, 2])])));
        Assert.Contains("data.columns", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Logistic_regression_on_tfidf_separates_spam_from_ham_and_predicts_the_class_names_after_loading()
    {
        var (train, labels) = Messages(200, seed: 1);
        var table = train.With(CategoricalColumn.FromStrings("label", labels)).WithRole("label", ColumnRole.Target);
        var data = new TrainingData(table.With(TargetEncoding.Encode(table["label"], TaskKind.Classification, "test")), null, "label", TaskKind.Classification);
        var model = (PipelineModel)new Pipeline([new TfidfVectorizer()], new LogisticRegression(new LogisticOptions())).Fit(data, new FitContext(1));
        using var dir = new TempDirectory();
        ModelFolder.Save(model, dir.Path);
        var loaded = ModelFolder.Load(dir.Path, new ModelCatalog().Register(LogisticRegression.TypeName, LogisticModel.Load));
        var (test, truth) = Messages(100, seed: 2);
        var prediction = loaded.Predict(test);
        var correct = Enumerable.Range(0, truth.Length).Count(i => prediction.Label(i) == truth[i]);
        Assert.True(correct >= 95, $"{correct}/100 correct");
        var fresh = loaded.Predict(new Table([new TextColumn("text", ["claim your free prize today, zyxwv", "see you at lunch, qwerty"])]));
        Assert.Equal(["spam", "ham"], [fresh.Label(0), fresh.Label(1)]);
    }

    /// <summary>Short spam- and ham-like messages from two word pools with shared filler words.</summary>
    internal static (Table Texts, string[] Labels) Messages(int count, int seed)
    {
        string[] spam = ["free", "prize", "winner", "claim", "cash", "offer", "urgent", "click"];
        string[] ham = ["lunch", "meeting", "tomorrow", "mum", "dinner", "thanks", "see", "later"];
        string[] filler = ["you", "the", "at", "today", "your", "now", "and", "a"];
        var random = new Random(seed);
        var texts = new string?[count];
        var labels = new string[count];
        for (var i = 0; i < count; i++)
        {
            var isSpam = random.NextDouble() < 0.4;
            var pool = isSpam ? spam : ham;
            var words = Enumerable.Range(0, 6).Select(k => k % 2 == 0 ? pool[random.Next(pool.Length)] : filler[random.Next(filler.Length)]);
            texts[i] = string.Join(' ', words);
            labels[i] = isSpam ? "spam" : "ham";
        }
        return (new Table([new TextColumn("text", texts)]), labels);
    }
}
