using System.Globalization;

namespace Lathe.Diagnosis;

/// <summary>The remedies Lathe offers for each finding, for the run's model family, with the config lines that apply them.</summary>
internal sealed class RemedyBook(RunFacts facts)
{
    private static readonly string[] Networks = ["mlp", "cnn", "resnet", "autoencoder", "gpt", "lstm", "gru", "cnn1d", "transformer"];

    private bool IsNetwork => Networks.Contains(facts.ModelType);

    public IReadOnlyList<Remedy> LowerRate() => IsNetwork
        ?
        [
            new("Lower the learning rate tenfold", $"train.optimizer.lr: {Rate(0.1)}"),
            new("Find a rate with the range test (docs/lr-find.md)", "lathe lr-find CONFIG"),
            new("Clip the gradient norm", "train.clip_norm: 1.0"),
            new("Warm up, then anneal", "train.schedule: { type: cosine, warmup_epochs: 5 }"),
        ]
        : facts.ModelType == "gbdt" ? [new("Smaller boosting steps", "model.learning_rate: 0.03")] : [];

    public IReadOnlyList<Remedy> RaiseRate() =>
    [
        new("Raise the learning rate tenfold", $"train.optimizer.lr: {Rate(10)}"),
        new("Find a rate with the range test (docs/lr-find.md)", "lathe lr-find CONFIG"),
        new("One-cycle schedule: a high rate in the middle of training", "train.schedule: { type: onecycle }"),
    ];

    public IReadOnlyList<Remedy> MoreCapacity() => facts.ModelType switch
    {
        _ when IsNetwork =>
        [
            new("A wider, deeper network", "model.hidden: [256, 128]"),
            new("Train longer", "train.epochs: 200"),
            new("Less regularization", "model.dropout: 0.0\ntrain.l2: 0.0"),
            new("A higher learning rate, if the loss barely moves", $"train.optimizer.lr: {Rate(10)}"),
        ],
        "tree" or "forest" => [new("Let the trees grow", "model.max_depth: null\nmodel.min_samples_leaf: 1")],
        "gbdt" => [new("More and bigger trees", "model.rounds: 500\nmodel.leaves: 63")],
        "knn" => [new("Fewer neighbours", "model.k: 3")],
        "svm" or "logistic" => [new("A weaker penalty", "model.c: 10")],
        "linear" => [new("A weaker penalty", "model.alpha: 0.1")],
        "naive_bayes" => [new("A more flexible model", "model.type: forest")],
        _ => [],
    };

    /// <summary>Training-batch augmentation that suits the network's input (docs/augmentation.md); none for gpt and the autoencoder.</summary>
    private Remedy[] Augmentation() => facts.ModelType switch
    {
        "cnn" or "resnet" => [new("Augment the training images (docs/augmentation.md)", "data.augment: [{ type: flip_horizontal }, { type: random_crop, padding: 2 }]")],
        "mlp" => [new("Augment the training rows (docs/augmentation.md)", "data.augment: [{ type: gaussian_noise, std: 0.1 }, { type: mixup, alpha: 0.2 }]")],
        "lstm" or "gru" or "cnn1d" or "transformer" => [new("Augment the training texts (docs/augmentation.md)", "data.augment: [{ type: token_dropout, p: 0.1 }]")],
        _ => [],
    };

    public IReadOnlyList<Remedy> LessCapacity() => facts.ModelType switch
    {
        _ when IsNetwork =>
        [
            new("Stop at the best validation loss", "train.early_stopping: { monitor: val_loss, patience: 10 }"),
            new("Dropout", "model.dropout: 0.3"),
            .. Augmentation(),
            new("An L2 penalty on the weights", "train.l2: 1.0e-4"),
            new("A smaller network", "model.hidden: [32]"),
        ],
        "tree" => [new("A shallower tree", "model.max_depth: 5\nmodel.min_samples_leaf: 5"), new("Cost-complexity pruning", "model.ccp_alpha: 0.01")],
        "forest" => [new("Shallower trees", "model.max_depth: 10\nmodel.min_samples_leaf: 3")],
        "gbdt" =>
        [
            new("Stop at the best validation loss", "train.early_stopping: { monitor: val_loss, patience: 10 }"),
            new("Smaller steps and bigger leaves", "model.learning_rate: 0.05\nmodel.min_samples_leaf: 50"),
            new("Row subsampling", "model.subsample: 0.8"),
        ],
        "knn" => [new("More neighbours", "model.k: 15")],
        "svm" => [new("A stronger penalty (smaller C)", "model.c: 0.1")],
        "logistic" => [new("A stronger penalty (smaller C)", "model.c: 0.1")],
        "linear" => [new("Ridge regression", "model.penalty: l2\nmodel.alpha: 10")],
        _ => [],
    };

    /// <summary>More rows first; while they are scarce, a model that needs fewer of them.</summary>
    public IReadOnlyList<Remedy> MoreData(int rows) =>
    [
        new($"Collect about {rows} more labelled rows (twice the data) and train on them", "data.path: <the file with the added rows>"),
        .. LessCapacity(),
    ];

    public static IReadOnlyList<Remedy> SteadierCurve() =>
    [
        new("Measure the curve with more random subsets per size", "lathe doctor RUN --data-sufficiency --repeats 10"),
        new("Hold out a larger validation part, so each point is less noisy", "data.split.validation: 0.25"),
    ];

    private string Rate(double factor) => facts.LearningRate is { } lr
        ? (lr * factor).ToString("G3", CultureInfo.InvariantCulture)
        : factor < 1 ? "0.0001" : "0.01";
}
