using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class TextFeaturesEndToEndTests
{
    /// <summary>A spam/ham-like CSV: messages from two word pools with shared filler, plus a numeric column.</summary>
    internal static string Messages(int count, int seed)
    {
        string[] spam = ["free", "prize", "winner", "claim", "cash", "offer", "urgent", "click"];
        string[] ham = ["lunch", "meeting", "tomorrow", "mum", "dinner", "thanks", "see", "later"];
        string[] filler = ["you", "the", "at", "today", "your", "now", "and", "a"];
        var random = new Random(seed);
        var rows = new List<string> { "id,message,length,label" };
        for (var i = 0; i < count; i++)
        {
            var isSpam = random.NextDouble() < 0.4;
            var pool = isSpam ? spam : ham;
            var words = Enumerable.Range(0, 6).Select(k => k % 2 == 0 ? pool[random.Next(pool.Length)] : filler[random.Next(filler.Length)]).ToList();
            if (random.NextDouble() < 0.5) words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            var message = string.Join(' ', words) + (random.NextDouble() < 0.5 ? "!" : ", ok?");
            rows.Add($"{i},\"{message}\",{message.Length},{(isSpam ? "spam" : "ham")}");
        }
        return string.Join("\n", rows) + "\n";
    }

    [Theory]
    [InlineData("tfidf")]
    [InlineData("hashing")]
    public void Logistic_regression_on_word_features_classifies_messages_and_predicts_new_text_with_unseen_words(string vectorizer)
    {
        using var cli = new CliRunner();
        cli.Write("messages.csv", Messages(300, seed: 1));
        var config = cli.Write("config.yaml", $$"""
            name: spam
            data:
              path: messages.csv
              target: label
              columns: { id: ignore }
              text: { vectorizer: {{vectorizer}}, columns: [message], ngrams: [1, 2], features: 512 }
            model: { type: logistic }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains(vectorizer == "hashing" ? "text: message → 512 hashing buckets" : "tfidf terms from 210 training texts", output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy}");
        var run = CliRunner.RunFolderOf(output);
        var transforms = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model", "model.json")))!["pipeline"]!["transforms"]!.AsArray();
        Assert.Equal(vectorizer, (string)transforms[^1]!["type"]!);

        var input = cli.Write("new.csv", "id,message,length\n1,\"URGENT: claim your free cash prize, zorblax!\",40\n2,\"thanks for dinner, see you tomorrow qwxyz\",41\n");
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", run, "--input", input, "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("prediction,p_ham,p_spam", lines[0]);
        Assert.StartsWith("spam,", lines[1]);
        Assert.StartsWith("ham,", lines[2]);
    }

    [Fact]
    public void A_text_column_without_data_text_is_refused_with_the_fix_and_bad_text_settings_name_their_key()
    {
        using var cli = new CliRunner();
        cli.Write("messages.csv", Messages(60, seed: 2));
        var plain = cli.Write("plain.yaml", """
            data: { path: messages.csv, target: label, columns: { id: ignore, message: text } }
            model: { type: logistic }
            """);
        var refused = cli.Train(plain);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("data.text", refused.Error);

        var bad = cli.Write("bad.yaml", """
            data: { path: messages.csv, target: label, text: { vectorizer: tfidf, ngrams: [2, 1] } }
            model: { type: logistic }
            """);
        var (code, _, error) = cli.Train(bad);
        Assert.Equal(2, code);
        Assert.Contains("data.text.ngrams", error);

        var gru = cli.Write("gru.yaml", """
            data: { path: messages.csv, target: label, text: { vectorizer: tfidf } }
            model: { type: gru }
            """);
        Assert.Contains("reads the raw text itself", cli.Train(gru).Error);

        var tokens = cli.Write("tokens.yaml", """
            data: { path: messages.csv, target: label }
            model: { type: logistic, tokens: words }
            """);
        Assert.Contains("model.tokens applies to the text encoders", cli.Train(tokens).Error);
    }
}
