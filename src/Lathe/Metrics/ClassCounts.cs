namespace Lathe.Metrics;

/// <summary>Per-class true positives, false positives and false negatives of a set of hard predictions.</summary>
internal sealed class ClassCounts
{
    private ClassCounts(int classCount)
    {
        TruePositives = new int[classCount];
        FalsePositives = new int[classCount];
        FalseNegatives = new int[classCount];
    }

    public int[] TruePositives { get; }

    public int[] FalsePositives { get; }

    public int[] FalseNegatives { get; }

    public int ClassCount => TruePositives.Length;

    /// <summary>Rows whose true class is c.</summary>
    public int Support(int c) => TruePositives[c] + FalseNegatives[c];

    /// <summary>
    /// Whether class c occurs in the truth or the predictions: scikit-learn scores exactly these labels
    /// when none are given, so a class the model never saw nor predicted does not drag a macro mean to 0.
    /// </summary>
    public bool Occurs(int c) => TruePositives[c] + FalsePositives[c] + FalseNegatives[c] > 0;

    public static ClassCounts Count(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount)
    {
        var counts = new ClassCounts(classCount);
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == predicted[i]) counts.TruePositives[truth[i]]++;
            else
            {
                counts.FalsePositives[predicted[i]]++;
                counts.FalseNegatives[truth[i]]++;
            }
        }
        return counts;
    }
}
