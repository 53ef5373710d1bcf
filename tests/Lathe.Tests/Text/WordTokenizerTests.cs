using System.Text;
using Lathe.Text;

namespace Lathe.Tests.Text;

public class WordTokenizerTests
{
    [Fact]
    public void Words_are_runs_of_unicode_letters_and_digits_lowercased()
    {
        var words = new WordTokenizer().Words("WIN a FREE iPhone-15, now!! Naïve café 東京 e\u0301t\u00e9");
        Assert.Equal(["win", "a", "free", "iphone", "15", "now", "naïve", "café", "東京", "e\u0301té"], words);
        Assert.Empty(new WordTokenizer().Words(null));
        Assert.Empty(new WordTokenizer().Words(" ,.!? "));
    }

    [Fact]
    public void Case_can_be_kept_and_ngrams_join_neighbouring_words()
    {
        var tokenizer = new WordTokenizer(new TokenizerOptions { Lowercase = false, NgramMin = 1, NgramMax = 2 });
        Assert.Equal(["Free", "money", "now", "Free money", "money now"], tokenizer.Terms("Free money, now"));
        var pairsOnly = new WordTokenizer(new TokenizerOptions { NgramMin = 2, NgramMax = 2 });
        Assert.Equal(["free money", "money now"], pairsOnly.Terms("Free money now"));
        Assert.Empty(pairsOnly.Terms("alone"));
    }

    [Fact]
    public void Bad_ngram_ranges_are_config_errors_naming_the_key()
    {
        var e = Assert.Throws<LatheException>(() => new TokenizerOptions { NgramMin = 2, NgramMax = 1 }.Validate());
        Assert.Contains("ngram_max", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Fnv1a_matches_the_published_test_vectors_and_hashes_utf8()
    {
        Assert.Equal(0x811c9dc5u, Fnv1aHash.Of(""));
        Assert.Equal(0xe40c292cu, Fnv1aHash.Of("a"));
        Assert.Equal(0xbf9cf968u, Fnv1aHash.Of("foobar"));
        Assert.Equal(Fnv1aHash.Of(Encoding.UTF8.GetBytes("naïve 東京")), Fnv1aHash.Of("naïve 東京"));
    }
}

public class WordVocabularyTests
{
    [Fact]
    public void Ids_follow_frequency_then_alphabet_and_unseen_words_get_the_unknown_id()
    {
        var vocabulary = WordVocabulary.Build(["the cat", "The dog", "a cat, the end", null]);
        Assert.Equal(["the", "cat", "a", "dog", "end"], vocabulary.Words);
        Assert.Equal(6, vocabulary.Count);
        Assert.Equal([1L, 2, 0, 5], vocabulary.Encode("THE cat zebra end"));
        var loaded = WordVocabulary.FromJson(vocabulary.ToJson(), vocabulary.Lowercase);
        Assert.Equal(vocabulary.Encode("a dog, the zebra"), loaded.Encode("a dog, the zebra"));
        Assert.Equal(["the", "cat"], WordVocabulary.Build(["the cat", "The dog", "a cat, the end"], maxWords: 2).Words);
    }
}
