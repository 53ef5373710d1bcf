using Lathe.Boosting;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Models.Neighbors;
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
        ["knn"] = () => new KNeighborsClassifier(),
        ["naive_bayes"] = () => new GaussianNaiveBayes(),
        ["gbdt"] = () => new GradientBoostingClassifier(),
    };

    public static readonly IReadOnlyDictionary<string, Func<IEstimator>> Regressors = new Dictionary<string, Func<IEstimator>>
    {
        ["tree"] = () => new DecisionTreeRegressor(),
        ["forest"] = () => new RandomForestRegressor(),
        ["gbdt"] = () => new GradientBoostingRegressor(),
    };
}
