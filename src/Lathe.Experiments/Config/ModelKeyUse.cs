namespace Lathe.Experiments.Config;

/// <summary>
/// Which model types read each key of the model section (YAML names), taken from the code that builds each
/// type: ClassicalModels.Create (and the tree, forest, boosting, linear, SVM, neighbour and clustering options it
/// fills), ModelFactory (mlp, cnn, resnet, autoencoder, gpt and the text encoders) and the nets those specs build.
/// A key a type does not read is ignored by it; <see cref="UnusedModelKeys"/> warns about such keys.
/// </summary>
public static class ModelKeyUse
{
    /// <summary>
    /// Keys no type ignores: type itself, and prepare (tabular models use it; gpt and the text encoders refuse
    /// it with an error rather than ignore it).
    /// </summary>
    public static readonly IReadOnlyList<string> ReadByAll = ["type", "prepare"];

    /// <summary>The model types that can read keys: every model.type but auto, which is a search over them.</summary>
    public static readonly IReadOnlyList<string> ModelTypes = [.. ConfigValidation.ModelTypes.Where(t => t != "auto")];

    private static readonly string[] TextEncoders = ["lstm", "gru", "cnn1d", "transformer"];
    private static readonly string[] TreeLearners = ["tree", "forest"];
    private static readonly string[] Gbdt = ["gbdt"];
    private static readonly string[] Svm = ["svm"];
    private static readonly string[] Gmm = ["gmm"];
    private static readonly string[] LinearModels = ["linear", "logistic"];
    private static readonly string[] IterativeSolvers = ["linear", "logistic", "svm", "kmeans", "gmm"];

    /// <summary>Every other model key → the model types that read it.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Readers = new Dictionary<string, IReadOnlyList<string>>
    {
        // Neural networks (ModelFactory). resnet has no dense head and no dropout; pretrained weights load into
        // the tabular and image nets only (NeuralEstimator), not into gpt or the text encoders.
        ["hidden"] = ["mlp", "cnn", "autoencoder"],
        ["dropout"] = ["mlp", "cnn", "autoencoder", "gpt", .. TextEncoders],
        ["pretrained"] = ["mlp", "cnn", "resnet", "autoencoder"],
        ["channels"] = ["cnn", "resnet"],
        ["blocks"] = ["resnet"],
        ["kernel_size"] = ["cnn"],
        ["batch_norm"] = ["cnn"],
        ["context"] = ["gpt"],
        // cnn1d is one convolution: it has no layers to stack and no attention heads.
        ["layers"] = ["gpt", "lstm", "gru", "transformer"],
        ["heads"] = ["gpt", "transformer"],
        ["dim"] = ["gpt", .. TextEncoders],
        // The transformer encoder's width is dim.
        ["units"] = ["lstm", "gru", "cnn1d"],
        ["max_length"] = TextEncoders,
        ["tokens"] = TextEncoders,

        // Trees: a forest passes its tree options to every tree it grows.
        ["criterion"] = TreeLearners,
        ["max_depth"] = [.. TreeLearners, "gbdt"],
        ["min_samples_split"] = TreeLearners,
        ["min_samples_leaf"] = [.. TreeLearners, "gbdt"],
        ["max_features"] = TreeLearners,
        ["ccp_alpha"] = TreeLearners,
        ["trees"] = ["forest"],
        ["bootstrap"] = ["forest"],

        ["rounds"] = Gbdt,
        ["learning_rate"] = Gbdt,
        ["leaves"] = Gbdt,
        ["subsample"] = Gbdt,
        ["colsample_bytree"] = Gbdt,
        ["l1"] = Gbdt,
        ["l2"] = Gbdt,
        ["max_bin"] = Gbdt,

        ["variant"] = ["naive_bayes"],
        ["alpha"] = ["linear", "naive_bayes"],
        ["max_iter"] = IterativeSolvers,
        ["tol"] = IterativeSolvers,

        ["clusters"] = ["kmeans"],
        ["inits"] = ["kmeans", "gmm"],
        ["eps"] = ["dbscan"],
        ["min_samples"] = ["dbscan"],
        ["components"] = Gmm,
        ["covariance"] = Gmm,
        ["reg_covar"] = Gmm,

        ["k"] = ["knn"],
        ["weights"] = ["knn"],

        ["penalty"] = LinearModels,
        ["c"] = ["logistic", "svm"],
        ["l1_ratio"] = LinearModels,
        ["fit_intercept"] = LinearModels,

        ["kernel"] = Svm,
        ["gamma"] = Svm,
        ["degree"] = Svm,
        ["coef0"] = Svm,
        ["epsilon"] = Svm,
        ["shrinking"] = Svm,
        ["cache_mb"] = Svm,
        ["probability"] = Svm,
    };
}
