using Lathe.Boosting;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Models.Clustering;
using Lathe.Models.Linear;
using Lathe.Models.Neighbors;
using Lathe.Models.Svm;
using Lathe.Models.Trees;

namespace Lathe.Bench.Classical;

/// <summary>
/// The estimators compared, by the names bench/classical/sklearn_reference.py prints, each with Lathe's
/// defaults (which follow scikit-learn's).
/// </summary>
internal static class Lineup
{
    public static readonly IReadOnlyDictionary<string, Func<IEstimator>> Classifiers = new Dictionary<string, Func<IEstimator>>
    {
        ["tree"] = () => new DecisionTreeClassifier(),
        ["forest"] = () => new RandomForestClassifier(),
        ["svm"] = () => new SvmClassifier(new SvmOptions { Probability = false }), // scikit-learn's SVC() computes no probabilities either
        ["knn"] = () => new KNeighborsClassifier(),
        ["logistic"] = () => new LogisticRegression(),
        ["naive_bayes"] = () => new GaussianNaiveBayes(),
        ["gbdt"] = () => new GradientBoostingClassifier(),
    };

    public static readonly IReadOnlyDictionary<string, Func<IEstimator>> Regressors = new Dictionary<string, Func<IEstimator>>
    {
        ["linear"] = () => new LinearRegressor(),
        ["ridge"] = () => new LinearRegressor(new LinearOptions { Penalty = "l2" }),
        ["lasso"] = () => new LinearRegressor(new LinearOptions { Penalty = "l1" }),
        ["tree"] = () => new DecisionTreeRegressor(),
        ["forest"] = () => new RandomForestRegressor(),
        ["svm"] = () => new SvmRegressor(),
        ["gbdt"] = () => new GradientBoostingRegressor(),
    };

    /// <summary>k-means on digits, scored by ARI against the digit labels (scikit-learn: KMeans(n_clusters=10, n_init=10)).</summary>
    public static IEstimator KMeansOnDigits() => new KMeans(new KMeansOptions { Clusters = 10, Inits = 10 });
}
