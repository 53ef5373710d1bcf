using Lathe.Models;

namespace Lathe.Experiments.Selection;

/// <summary>
/// The model families model.type auto searches for a task, less those that do not fit the data's size:
/// a kernel SVM's time and memory grow with the square of the rows, and k-NN compares every row it predicts
/// with every row it stored.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Above this many training rows the SVM is left out.</summary>
    public const int SvmRowLimit = 20_000;

    /// <summary>Above this many training rows k-NN is left out.</summary>
    public const int NeighborsRowLimit = 50_000;

    /// <summary>The families in the order they are listed, and one line per family left out saying why.</summary>
    public static (IReadOnlyList<string> Families, IReadOnlyList<string> LeftOut) For(TaskKind task, int trainRows)
    {
        IReadOnlyList<string> all = task == TaskKind.Classification
            ? ["logistic", "naive_bayes", "knn", "svm", "forest", "gbdt", "mlp"]
            : ["linear", "knn", "svm", "forest", "gbdt", "mlp"];
        var leftOut = new List<string>();
        if (trainRows > SvmRowLimit) leftOut.Add($"svm left out: {trainRows} training rows > {SvmRowLimit} (its cost grows with rows²)");
        if (trainRows > NeighborsRowLimit) leftOut.Add($"knn left out: {trainRows} training rows > {NeighborsRowLimit} (each prediction scans every stored row)");
        var families = all.Where(f => !(f == "svm" && trainRows > SvmRowLimit) && !(f == "knn" && trainRows > NeighborsRowLimit)).ToList();
        return (families, leftOut);
    }
}
