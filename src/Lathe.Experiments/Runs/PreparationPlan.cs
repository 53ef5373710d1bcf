using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Prep;

namespace Lathe.Experiments.Runs;

/// <summary>
/// Builds a pipeline's preparation from the config: the cleaning steps data.clean asks for (fitted on the
/// training rows), then model.prepare when given, else the model type's default encoders and scalers.
/// </summary>
internal static class PreparationPlan
{
    public static readonly string[] StepTypes =
        [StandardScaler.TypeName, MinMaxScaler.TypeName, RobustScaler.TypeName, OneHotEncoder.TypeName, OrdinalEncoder.TypeName, TargetEncoder.TypeName];

    /// <param name="defaults">The model type's pipeline with its default preparation (an imputer first, for tabular models).</param>
    public static Pipeline Compose(Pipeline defaults, LatheConfig config)
    {
        var prepare = config.Model.Prepare;
        if (!defaults.Transforms.Any(t => t is Imputer))
        {
            // Text and language models read raw text: there is nothing to impute, scale or encode.
            if (prepare is not null)
                throw LatheException.BadConfig($"model.prepare: model.type {config.Model.Type} reads text and takes no preparation steps; remove model.prepare.");
            return defaults;
        }
        List<ITransform> steps = [.. config.Data.Clean.ToOptions().TrainingSteps()];
        steps.AddRange(prepare is null
            ? defaults.Transforms.Where(t => t is not Imputer)
            : prepare.Select((step, i) => StepOf(step, i, config.Seed)));
        return new Pipeline(steps, defaults.Estimator);
    }

    private static ITransform StepOf(PrepareStepConfig step, int index, int seed)
    {
        ITransform transform = step.Type switch
        {
            StandardScaler.TypeName => new StandardScaler(),
            MinMaxScaler.TypeName => new MinMaxScaler(),
            RobustScaler.TypeName => new RobustScaler(),
            OneHotEncoder.TypeName => new OneHotEncoder(),
            OrdinalEncoder.TypeName => new OrdinalEncoder(new OrdinalEncoderOptions
            {
                Categories = step.Categories.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
                UnknownValue = (float)step.UnknownValue,
            }),
            TargetEncoder.TypeName => new TargetEncoder(new TargetEncoderOptions
            {
                Columns = step.Columns, Smoothing = step.Smoothing, Folds = step.Folds, Seed = seed,
            }),
            _ => throw LatheException.BadConfig($"model.prepare[{index}].type: '{step.Type}' is not one of {string.Join(", ", StepTypes)}."),
        };
        return step.Columns is null || transform is ITrainingTransform ? transform : new SelectedColumns(transform, step.Columns);
    }
}
