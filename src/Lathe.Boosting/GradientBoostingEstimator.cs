using Lathe.Boosting.Native;
using Lathe.Data;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.Boosting;

/// <summary>Gradient-boosted trees for classes: binary log loss for two classes, softmax (multiclass) for more.</summary>
public sealed class GradientBoostingClassifier(GradientBoostingOptions? options = null)
    : GradientBoostingEstimator(options ?? new(), TaskKind.Classification);

/// <summary>Gradient-boosted trees for a number, fitted to squared error.</summary>
public sealed class GradientBoostingRegressor(GradientBoostingOptions? options = null)
    : GradientBoostingEstimator(options ?? new(), TaskKind.Regression);

/// <summary>
/// Gradient boosting through LightGBM's C library: one boosting round per step, each reported through the
/// <see cref="FitContext"/> (train_loss, and val_loss on the validation split), so early stopping, progress
/// and tuning pruners act on rounds as they do on a network's epochs. Restore-best keeps the best round's trees.
/// </summary>
public abstract class GradientBoostingEstimator : IEstimator
{
    public const string TypeName = "gbdt";

    protected GradientBoostingEstimator(GradientBoostingOptions options, TaskKind task)
    {
        options.Validate();
        (Options, Task) = (options, task);
    }

    public GradientBoostingOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != Task)
            throw LatheException.BadConfig($"model.type gbdt was built for {Task.ToString().ToLowerInvariant()}; the task is {data.Task.ToString().ToLowerInvariant()}.");
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var classes = Task == TaskKind.Classification ? data.Classes : null;
        var (trainClasses, trainValues) = TargetValues.Of(data);
        float[] labels = trainClasses is null ? trainValues! : [.. trainClasses.Select(c => (float)c)];
        var objective = classes is null ? "objective=regression metric=l2"
            : classes.Count == 2 ? "objective=binary metric=binary_logloss"
            : $"objective=multiclass num_class={classes.Count} metric=multi_logloss";
        var parameters = Options.ToParameters(objective, context.Seed);
        var datasetParameters = $"max_bin={Options.MaxBin} verbosity=-1 num_threads={Options.Threads} seed={context.Seed}";

        using var train = DatasetHandle.Create(x, data.Train.RowCount, width, labels, datasetParameters);
        using var validation = data.Validation is null ? null : DatasetHandle.Create(
            FeatureMatrix.Build(data.Validation, features, out _), data.Validation.RowCount, width, ValidationLabels(data, data.Validation), datasetParameters, train);
        using var booster = BoosterHandle.Create(train, parameters);
        if (validation is not null) booster.AddValidation(validation);

        var state = new BoostingState();
        context.Start(Options.Rounds, state);
        try
        {
            for (var round = 1; round <= Options.Rounds && !context.StopRequested; round++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (!booster.UpdateOneRound())
                {
                    context.Log($"gbdt: no tree could split further after round {round - 1}; stopping.");
                    break;
                }
                state.Rounds = round;
                var metrics = new Dictionary<string, double> { ["train_loss"] = booster.Evaluate(0) };
                if (validation is not null) metrics["val_loss"] = booster.Evaluate(1);
                context.Report(round, metrics);
            }
        }
        finally
        {
            context.Finish();
        }
        var rounds = state.KeptRounds ?? state.Rounds;
        return new GradientBoostingModel(booster.ToModelText(rounds), Task, features, classes, width);
    }

    /// <summary>The validation target as LightGBM's float32 label field (class index or value per row).</summary>
    private static float[] ValidationLabels(TrainingData data, Table validation)
    {
        if (validation[data.Target] is NumericColumn numeric) return numeric.Values.ToArray();
        var target = (CategoricalColumn)validation[data.Target];
        return [.. Enumerable.Range(0, target.Length).Select(i => target[i] >= 0
            ? (float)target[i]
            : throw LatheException.BadData($"Validation row {i + 1} of the target '{data.Target}' is empty or a class not in the training rows."))];
    }
}
