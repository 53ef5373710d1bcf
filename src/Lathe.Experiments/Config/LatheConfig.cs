namespace Lathe.Experiments.Config;

/// <summary>
/// The config file (see docs/config.md). Keys are snake_case in YAML. Every class here is validated by
/// <see cref="ConfigLoader"/>: unknown keys and wrong types are errors with line and column.
/// </summary>
public sealed class LatheConfig
{
    /// <summary>Run name; the run folder is runs/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;.</summary>
    public string Name { get; set; } = "run";

    public int Seed { get; set; } = 42;

    public DataConfig Data { get; set; } = new();

    public ModelConfig Model { get; set; } = new();

    public TrainConfig Train { get; set; } = new();

    /// <summary>Transfer learning settings, used with model.pretrained.</summary>
    public FinetuneConfig Finetune { get; set; } = new();

    /// <summary>Hyperparameter search settings, used by `lathe tune` (absent: the config is not for tuning).</summary>
    public TuneConfig? Tune { get; set; }

    /// <summary>Where runs are recorded (see docs/tracking.md).</summary>
    public TrackingConfig Tracking { get; set; } = new();
}

public sealed class FinetuneConfig
{
    /// <summary>Parameter name patterns to freeze ('*' wildcard; a name also covers what is below it).</summary>
    public List<string> Freeze { get; set; } = [];

    /// <summary>Freeze the first N layers, counted from the input.</summary>
    public int FreezeDepth { get; set; }

    /// <summary>Unfreeze one frozen layer (from the output side) every N epochs; 0 keeps them frozen.</summary>
    public int UnfreezeEvery { get; set; }

    /// <summary>Learning-rate multipliers by parameter pattern.</summary>
    public Dictionary<string, double> LrMultipliers { get; set; } = [];

    /// <summary>Renames of pretrained tensor name prefixes: file prefix → network prefix.</summary>
    public Dictionary<string, string> Rename { get; set; } = [];

    /// <summary>Parameter patterns to keep freshly initialized even though the pretrained file has them (e.g. head.output).</summary>
    public List<string> Skip { get; set; } = [];
}

public sealed class DataConfig
{
    /// <summary>A shallow copy (lists and dictionaries are shared).</summary>
    public DataConfig Copy() => (DataConfig)MemberwiseClone();

    /// <summary>One file to split into train/validation/test.</summary>
    public string? Path { get; set; }

    /// <summary>For IDX data: the label file that goes with <see cref="Path"/>.</summary>
    public string? Labels { get; set; }

    /// <summary>Separate files instead of <see cref="Path"/>; a part without a file is split off the training file.</summary>
    public string? Train { get; set; }
    public string? TrainLabels { get; set; }
    public string? Validation { get; set; }
    public string? ValidationLabels { get; set; }
    public string? Test { get; set; }
    public string? TestLabels { get; set; }

    /// <summary>Rows without a target for train.self_training to pseudo-label (the training file's own rows without a target are used too).</summary>
    public string? Unlabeled { get; set; }

    /// <summary>auto (by file extension; a folder is images), csv, tsv, parquet, jsonl, idx, text or images.</summary>
    public string Format { get; set; } = "auto";

    /// <summary>images: resize every image to [height, width]; absent: every image must have the first image's size.</summary>
    public List<int>? ImageSize { get; set; }

    /// <summary>images: 1 (grayscale) or 3 (RGB); absent: taken from the first image.</summary>
    public int? Channels { get; set; }

    public string? Target { get; set; }

    /// <summary>auto, classification or regression.</summary>
    public string Task { get; set; } = "auto";

    /// <summary>Per-column overrides: numeric, categorical, text or ignore.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>Missing values, duplicates, outliers and invalid cells (docs/data.md).</summary>
    public CleanConfig Clean { get; set; } = new();

    public SplitConfig Split { get; set; } = new();

    /// <summary>Word features from text columns for tabular models (tfidf, bag_of_words, hashing); absent: none.</summary>
    public TextConfig? Text { get; set; }

    /// <summary>Oversample the smaller classes of the training part (SMOTE); absent: no balancing.</summary>
    public BalanceConfig? Balance { get; set; }

    /// <summary>Train on a generated dataset (moons, blobs, classification, regression) instead of a file.</summary>
    public GenerateConfig? Generate { get; set; }

    /// <summary>Random changes to training batches, applied in order (neural networks only; see docs/augmentation.md).</summary>
    public List<AugmentConfig> Augment { get; set; } = [];
}

public sealed class SplitConfig
{
    /// <summary>holdout, stratified (falls back to holdout for regression), group or time.</summary>
    public string Method { get; set; } = "stratified";

    /// <summary>method group: the column whose values keep rows together (a user, a patient); not a feature.</summary>
    public string? Group { get; set; }

    /// <summary>method time: the column that orders the rows (numbers or ISO dates); not a feature.</summary>
    public string? Time { get; set; }

    public double Validation { get; set; } = 0.15;

    public double Test { get; set; } = 0.15;
}

public sealed class ModelConfig
{
    /// <summary>A shallow copy (lists are shared).</summary>
    public ModelConfig Copy() => (ModelConfig)MemberwiseClone();

    /// <summary>A model type of ConfigValidation.ModelTypes (mlp, cnn, tree, forest, gbdt, …, or auto). Which type reads which key: ModelKeyUse.</summary>
    public string Type { get; set; } = "mlp";

    /// <summary>Dense layer widths: the hidden layers of an MLP (default [64, 32]), the head of a CNN (default [128]), an autoencoder's encoder (default [32, 8]).</summary>
    public List<int>? Hidden { get; set; }

    /// <summary>mlp, cnn, autoencoder, gpt, text encoders: dropout rate in [0, 1) (resnet has none).</summary>
    public double Dropout { get; set; }

    /// <summary>Preparation steps after cleaning, replacing the model type's default ones (docs/data.md); absent: the defaults.</summary>
    public List<PrepareStepConfig>? Prepare { get; set; }

    /// <summary>mlp, cnn, resnet, autoencoder: start from these weights: a run or model folder, a .safetensors file or a PyTorch .pt/.pth state_dict.</summary>
    public string? Pretrained { get; set; }

    /// <summary>cnn: output channels of each convolution block (each halves the image size); resnet: width of each stage.</summary>
    public List<int> Channels { get; set; } = [32, 64];

    /// <summary>resnet: residual blocks per stage.</summary>
    public int Blocks { get; set; } = 2;

    /// <summary>cnn: convolution kernel size (odd).</summary>
    public int KernelSize { get; set; } = 3;

    /// <summary>cnn: batch normalization after each convolution.</summary>
    public bool BatchNorm { get; set; } = true;

    /// <summary>gpt: characters the model sees at once.</summary>
    public int Context { get; set; } = 128;

    /// <summary>gpt: Transformer blocks (default 4); lstm, gru, transformer: recurrent or Transformer layers (default 1; cnn1d has one convolution).</summary>
    public int? Layers { get; set; }

    /// <summary>gpt and transformer: attention heads per block (default 4).</summary>
    public int? Heads { get; set; }

    /// <summary>gpt: embedding width (default 128); text encoders: character embedding width (default 64).</summary>
    public int? Dim { get; set; }

    /// <summary>lstm, gru, cnn1d: units of the recurrent state or convolution channels (default 128).</summary>
    public int Units { get; set; } = 128;

    /// <summary>Text encoders (lstm, gru, cnn1d, transformer): tokens read per text; longer texts are cut (default 256).</summary>
    public int MaxLength { get; set; } = 256;

    /// <summary>Text encoders: characters (default) or words (runs of letters and digits, lowercased; unseen words share one id).</summary>
    public string Tokens { get; set; } = "characters";

    /// <summary>tree, forest: gini, entropy (classification), mse (regression), or auto.</summary>
    public string Criterion { get; set; } = "auto";

    /// <summary>tree, forest, gbdt: deepest level (absent: unlimited).</summary>
    public int? MaxDepth { get; set; }

    /// <summary>tree, forest: a node with fewer rows is not split.</summary>
    public int MinSamplesSplit { get; set; } = 2;

    /// <summary>tree, forest, gbdt: each leaf keeps at least this many rows (default 1; gbdt 20).</summary>
    public int? MinSamplesLeaf { get; set; }

    /// <summary>tree, forest: features tried per split (absent: tree all; forest √features for classification, all for regression).</summary>
    public int? MaxFeatures { get; set; }

    /// <summary>tree, forest: cost-complexity pruning strength (0: no pruning).</summary>
    public double CcpAlpha { get; set; }

    /// <summary>forest: number of trees.</summary>
    public int Trees { get; set; } = 100;

    /// <summary>forest: each tree learns from a bootstrap sample of the rows.</summary>
    public bool Bootstrap { get; set; } = true;

    /// <summary>gbdt: boosting rounds (trees per class).</summary>
    public int Rounds { get; set; } = 100;

    /// <summary>gbdt: shrinkage of each round's trees.</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>gbdt: most leaves per tree.</summary>
    public int Leaves { get; set; } = 31;

    /// <summary>gbdt: share of the rows each round learns from.</summary>
    public double Subsample { get; set; } = 1.0;

    /// <summary>gbdt: share of the features each tree may use.</summary>
    public double ColsampleBytree { get; set; } = 1.0;

    /// <summary>gbdt: L1 penalty on leaf values.</summary>
    public double L1 { get; set; }

    /// <summary>gbdt: L2 penalty on leaf values.</summary>
    public double L2 { get; set; }

    /// <summary>gbdt: histogram bins per feature.</summary>
    public int MaxBin { get; set; } = 255;

    /// <summary>naive_bayes: gaussian (continuous features) or multinomial (counts).</summary>
    public string Variant { get; set; } = "gaussian";

    /// <summary>linear: penalty strength (scikit-learn's alpha; default 1); naive_bayes multinomial: additive smoothing (default 1).</summary>
    public double? Alpha { get; set; }

    /// <summary>linear, logistic, svm, kmeans, gmm: most iterations (linear 1000 coordinate-descent sweeps, logistic 100 L-BFGS steps, kmeans 300 Lloyd steps, gmm 100 EM steps, svm: per problem, absent: libsvm's limit).</summary>
    public long? MaxIter { get; set; }

    /// <summary>linear, logistic, svm, kmeans, gmm: stopping tolerance (linear, logistic, kmeans 1e-4; gmm, svm 1e-3).</summary>
    public double? Tol { get; set; }

    /// <summary>kmeans: clusters to find.</summary>
    public int Clusters { get; set; } = 8;

    /// <summary>kmeans, gmm: independent starts, the best kept (kmeans 10, gmm 1).</summary>
    public int? Inits { get; set; }

    /// <summary>dbscan: neighbourhood radius (in prepared, standardized units).</summary>
    public double Eps { get; set; } = 0.5;

    /// <summary>dbscan: rows within eps (itself included) that make a core point.</summary>
    public int MinSamples { get; set; } = 5;

    /// <summary>gmm: mixture components.</summary>
    public int Components { get; set; } = 1;

    /// <summary>gmm: full, diag or spherical covariance per component.</summary>
    public string Covariance { get; set; } = "full";

    /// <summary>gmm: added to covariance diagonals for stability.</summary>
    public double RegCovar { get; set; } = 1e-6;

    /// <summary>knn: neighbours consulted.</summary>
    public int K { get; set; } = 5;

    /// <summary>knn: uniform or distance.</summary>
    public string Weights { get; set; } = "uniform";

    /// <summary>linear: none, l2, l1 or elastic_net (absent: none); logistic: l2, none, l1 or elastic_net (absent: l2).</summary>
    public string? Penalty { get; set; }

    /// <summary>logistic: inverse penalty strength (scikit-learn's C); svm: penalty on margin violations.</summary>
    public double C { get; set; } = 1.0;

    /// <summary>linear and logistic with penalty elastic_net: the L1 share of the penalty.</summary>
    public double L1Ratio { get; set; } = 0.5;

    /// <summary>linear and logistic: learn an unpenalized intercept.</summary>
    public bool FitIntercept { get; set; } = true;
    /// <summary>svm: linear, rbf, poly or sigmoid.</summary>
    public string Kernel { get; set; } = "rbf";

    /// <summary>svm: kernel width: scale, auto or a number.</summary>
    public string Gamma { get; set; } = "scale";

    /// <summary>svm: degree of the poly kernel.</summary>
    public int Degree { get; set; } = 3;

    /// <summary>svm: constant term of the poly and sigmoid kernels.</summary>
    public double Coef0 { get; set; }

    /// <summary>svm (regression): half-width of the ε-insensitive tube.</summary>
    public double Epsilon { get; set; } = 0.1;

    /// <summary>svm: libsvm's shrinking heuristic.</summary>
    public bool Shrinking { get; set; } = true;

    /// <summary>svm: kernel cache size in MB.</summary>
    public double CacheMb { get; set; } = 200;

    /// <summary>svm: Platt-calibrated probabilities (5 extra internal fits) instead of vote shares.</summary>
    public bool Probability { get; set; } = true;

}
