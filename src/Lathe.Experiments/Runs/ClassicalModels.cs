using Lathe.Boosting;
using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Models.Clustering;
using Lathe.Models.Linear;
using Lathe.Models.Neighbors;
using Lathe.Models.Svm;
using Lathe.Models.Trees;
using Lathe.Prep;

namespace Lathe.Experiments.Runs;

/// <summary>
/// The model types fitted without the neural trainer: each one's estimator built from the model section,
/// with the preparation a practitioner would give it, and a one-line description for the run log.
/// </summary>
internal static class ClassicalModels
{
    /// <summary>Types that group rows without a target (data.task clustering).</summary>
    public static readonly string[] ClusteringTypes = [KMeans.TypeName, Dbscan.TypeName, GaussianMixture.TypeName];

    public static readonly string[] Types =
    [
        DecisionTreeEstimator.TypeName, RandomForestEstimator.TypeName, GradientBoostingEstimator.TypeName, KNearestNeighbors.TypeName,
        GaussianNaiveBayes.TypeName, LinearRegressor.TypeName, LogisticRegression.TypeName, SvmEstimator.TypeName, .. ClusteringTypes,
    ];

    public static bool Handles(string type) => Types.Contains(type);

    public static Pipeline Create(ModelConfig model, TrainConfig train, TaskKind task)
    {
        var classify = task == TaskKind.Classification;
        switch (model.Type)
        {
            case KMeans.TypeName or Dbscan.TypeName or GaussianMixture.TypeName:
                // Distances and densities need comparable scales: standardize, as for k-NN.
                return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()], ClustererOf(model));
            case KNearestNeighbors.TypeName:
                // Distances need comparable scales: standardize, as for the networks.
                var neighbors = new NeighborsOptions { K = model.K, Weights = model.Weights };
                return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()],
                    classify ? new KNeighborsClassifier(neighbors) : new KNeighborsRegressor(neighbors));
            case LinearRegressor.TypeName or LogisticRegression.TypeName:
                // Penalties treat every coefficient alike, and L-BFGS and coordinate descent converge fastest on
                // comparable scales: standardize, as for the networks.
                return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()], LinearOf(model));
            case SvmEstimator.TypeName:
                // Kernels compare rows by dot products and distances: standardize, as for k-NN.
                var svm = new SvmOptions
                {
                    Kernel = model.Kernel, C = model.C, Gamma = model.Gamma, Degree = model.Degree, Coef0 = model.Coef0, Epsilon = model.Epsilon,
                    Tol = model.Tol ?? 1e-3, Shrinking = model.Shrinking, CacheMb = model.CacheMb, Probability = model.Probability, MaxIter = model.MaxIter,
                };
                return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()],
                    classify ? new SvmClassifier(svm) : new SvmRegressor(svm));
            case GaussianNaiveBayes.TypeName:
                return new Pipeline([new Imputer(), new OneHotEncoder()], model.Variant switch
                {
                    "gaussian" => new GaussianNaiveBayes(),
                    "multinomial" => new MultinomialNaiveBayes(model.Alpha ?? 1.0),
                    var other => throw LatheException.BadConfig($"model.variant: '{other}' is not one of gaussian, multinomial."),
                });
            case GradientBoostingEstimator.TypeName:
                var boosting = new GradientBoostingOptions
                {
                    Rounds = model.Rounds, LearningRate = model.LearningRate, Leaves = model.Leaves, MaxDepth = model.MaxDepth,
                    MinSamplesLeaf = model.MinSamplesLeaf ?? 20, Subsample = model.Subsample, ColsampleByTree = model.ColsampleBytree,
                    L1 = model.L1, L2 = model.L2, MaxBin = model.MaxBin, Threads = train.Threads ?? 0,
                };
                // Trees need no scaling; categories become 0/1 columns. LightGBM handles gaps itself, but the
                // imputer keeps one behaviour for every tree model.
                return new Pipeline([new Imputer(), new OneHotEncoder()],
                    classify ? new GradientBoostingClassifier(boosting) : new GradientBoostingRegressor(boosting));
            default:
                var tree = new TreeOptions
                {
                    Criterion = model.Criterion, MaxDepth = model.MaxDepth, MinSamplesSplit = model.MinSamplesSplit,
                    MinSamplesLeaf = model.MinSamplesLeaf ?? 1, MaxFeatures = model.MaxFeatures, CcpAlpha = model.CcpAlpha,
                };
                var forest = new ForestOptions { Trees = model.Trees, Bootstrap = model.Bootstrap, Tree = tree };
                IEstimator estimator = (model.Type, classify) switch
                {
                    (DecisionTreeEstimator.TypeName, true) => new DecisionTreeClassifier(tree),
                    (DecisionTreeEstimator.TypeName, false) => new DecisionTreeRegressor(tree),
                    (_, true) => new RandomForestClassifier(forest),
                    _ => new RandomForestRegressor(forest),
                };
                return new Pipeline([new Imputer(), new OneHotEncoder()], estimator);
        }
    }

    private static IEstimator LinearOf(ModelConfig model) => model.Type == LinearRegressor.TypeName
        ? new LinearRegressor(new LinearOptions
        {
            Penalty = model.Penalty ?? "none", Alpha = model.Alpha ?? 1.0, L1Ratio = model.L1Ratio, MaxIter = (int)(model.MaxIter ?? 1000),
            Tol = model.Tol ?? 1e-4, FitIntercept = model.FitIntercept,
        })
        : new LogisticRegression(new LogisticOptions
        {
            Penalty = model.Penalty ?? "l2", C = model.C, L1Ratio = model.L1Ratio, MaxIter = (int)(model.MaxIter ?? 100),
            Tol = model.Tol ?? 1e-4, FitIntercept = model.FitIntercept,
        });

    private static IEstimator ClustererOf(ModelConfig model) => model.Type switch
    {
        KMeans.TypeName => new KMeans(new KMeansOptions
        {
            Clusters = model.Clusters, Inits = model.Inits ?? 10, MaxIter = (int)(model.MaxIter ?? 300), Tol = model.Tol ?? 1e-4,
        }),
        Dbscan.TypeName => new Dbscan(new DbscanOptions { Eps = model.Eps, MinSamples = model.MinSamples }),
        _ => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = model.Components, Covariance = model.Covariance, MaxIter = (int)(model.MaxIter ?? 100), Tol = model.Tol ?? 1e-3,
            RegCovar = model.RegCovar, Inits = model.Inits ?? 1,
        }),
    };

    public static string Describe(ModelConfig model) => model.Type switch
    {
        LinearRegressor.TypeName => $"linear regression (penalty {model.Penalty ?? "none"}{(model.Penalty is null or "none" ? "" : $", alpha {model.Alpha ?? 1.0}")})",
        LogisticRegression.TypeName => $"logistic regression (penalty {model.Penalty ?? "l2"}{(model.Penalty is "none" ? "" : $", C {model.C}")})",
        SvmEstimator.TypeName =>
            $"support vector machine ({model.Kernel} kernel, C {model.C}, gamma {model.Gamma}{(model.Probability ? ", Platt probabilities" : ", vote shares")})",
        KMeans.TypeName => $"k-means ({model.Clusters} clusters, {model.Inits ?? 10} starts)",
        Dbscan.TypeName => $"DBSCAN (eps {model.Eps}, min samples {model.MinSamples})",
        GaussianMixture.TypeName => $"Gaussian mixture ({model.Components} components, {model.Covariance} covariance)",
        KNearestNeighbors.TypeName => $"k-nearest neighbours (k {model.K}, {model.Weights} weights)",
        GaussianNaiveBayes.TypeName => model.Variant == "multinomial" ? $"multinomial naive Bayes (alpha {model.Alpha ?? 1.0})" : "Gaussian naive Bayes",
        RandomForestEstimator.TypeName =>
            $"random forest of {model.Trees} trees (max depth {MaxDepth(model)}, bootstrap {model.Bootstrap.ToString().ToLowerInvariant()})",
        GradientBoostingEstimator.TypeName =>
            $"gradient boosting (LightGBM): {model.Rounds} rounds, learning rate {model.LearningRate}, {model.Leaves} leaves, max depth {MaxDepth(model)}",
        _ => $"decision tree ({model.Criterion} criterion, max depth {MaxDepth(model)}, min samples leaf {model.MinSamplesLeaf ?? 1})",
    };

    private static string MaxDepth(ModelConfig model) => model.MaxDepth?.ToString() ?? "unlimited";
}
