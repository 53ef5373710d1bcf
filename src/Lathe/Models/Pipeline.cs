using Lathe.Data;
using Lathe.Prep;
using Lathe.Training;

namespace Lathe.Models;

/// <summary>
/// Preparation steps followed by one estimator; itself an estimator, so splitting, cross-validation and
/// tuning work on it like on any model. Every step is fitted on the training rows only.
/// </summary>
public sealed class Pipeline(IReadOnlyList<ITransform> transforms, IEstimator estimator) : IEstimator
{
    public Pipeline(IEstimator estimator) : this([], estimator) { }

    public IReadOnlyList<ITransform> Transforms => transforms;

    public IEstimator Estimator => estimator;

    public string Type => estimator.Type;

    public IModel Fit(TrainingData data, FitContext context)
    {
        var (prepared, schema, fitted) = Prepare(data);
        var inner = estimator.Fit(prepared, context);
        return new PipelineModel(schema, fitted, inner, data.Target);
    }

    /// <summary>
    /// Fits the preparation steps on the training rows and applies them to the training and validation
    /// rows: the data exactly as the estimator sees it (for tools such as the learning-rate finder).
    /// </summary>
    public TrainingData PrepareTraining(TrainingData data) => Prepare(data).Data;

    private (TrainingData Data, InputSchema Schema, List<IFittedTransform> Fitted) Prepare(TrainingData data)
    {
        var features = data.FeatureNames;
        if (features.Count == 0 && data.Task != TaskKind.Generation) // a language model learns from its target text alone
            throw LatheException.BadConfig($"There are no feature columns besides the target '{data.Target}'.");
        var schema = InputSchema.Of(data.Train, features);

        var train = data.Train.Select(features);
        var hasTarget = data.Task is not (TaskKind.Reconstruction or TaskKind.Clustering);
        var target = hasTarget ? data.Train[data.Target] : null;
        var fitted = new List<IFittedTransform>();
        foreach (var transform in transforms)
        {
            IFittedTransform step;
            if (transform is ITrainingTransform training)
            {
                var fit = training.FitTraining(train, target);
                (step, train) = (fit.Fitted, fit.Train);
                if (fit.KeptRows is { } kept) target = target?.Take(kept);
            }
            else
            {
                step = transform.Fit(train);
                train = step.Transform(train);
            }
            fitted.Add(step);
        }

        Table? validation = data.Validation is null ? null : Apply(fitted, schema.Conform(data.Validation));
        if (data.Task is TaskKind.Reconstruction or TaskKind.Clustering) // no target: the inputs are what is learned
            return (data with { Train = train, Validation = validation }, schema, fitted);
        if (validation is not null)
            validation = validation.With(TargetLike(data.Train[data.Target], data.Validation![data.Target])).WithRole(data.Target, ColumnRole.Target);
        train = train.With(target!).WithRole(data.Target, ColumnRole.Target);
        return (data with { Train = train, Validation = validation }, schema, fitted);
    }

    internal static Table Apply(IEnumerable<IFittedTransform> fitted, Table table)
    {
        foreach (var step in fitted) table = step.Transform(table);
        return table;
    }

    /// <summary>A validation target coded with the training target's classes.</summary>
    private static Column TargetLike(Column train, Column validation) =>
        train is CategoricalColumn c && validation is CategoricalColumn v
            ? new CategoricalColumn(v.Name, v.CodesIn(c.Categories), [.. c.Categories])
            : validation;
}
