using Lathe.Data;
using Lathe.Training;

namespace Lathe.Models.Linear;

/// <summary>
/// Linear regression in double precision, with scikit-learn's objectives: ordinary least squares
/// (penalty none) and ridge (l2) in closed form, lasso (l1) and elastic net by cyclic coordinate descent.
/// The intercept is fitted on centered data and never penalized. Standardize the inputs first (the default
/// preparation does): the penalties treat every coefficient alike.
/// </summary>
public sealed class LinearRegressor : IEstimator
{
    public const string TypeName = "linear";

    public LinearRegressor(LinearOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
    }

    public LinearOptions Options { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != TaskKind.Regression)
            throw LatheException.BadConfig(
                $"model.type linear is a regressor, but the task is {data.Task.ToString().ToLowerInvariant()}. " +
                "Use model.type logistic for classes, or set data.task: regression if the target holds numbers to predict.");
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var (_, y) = TargetValues.Of(data);
        var centered = CenteredData.Of(x, width, y, Options.FitIntercept);
        return Options.Penalty is "none" or "l2"
            ? FitClosedForm(data, centered, features, context)
            : FitCoordinateDescent(data, centered, features, context);
    }

    private LinearModel FitClosedForm(TrainingData data, CenteredData centered, IReadOnlyList<string> features, FitContext context)
    {
        context.Start(1, null);
        try
        {
            var alpha = Options.Penalty == "l2" ? Options.Alpha : 0;
            var w = LeastSquares.Solve(centered, alpha, out var dependent);
            if (dependent.Length > 0)
            {
                var names = string.Join(", ", dependent.Order().Take(5).Select(j => ColumnName(data.Train, features, j))) + (dependent.Length > 5 ? ", …" : "");
                context.Log($"linear: {dependent.Length} column{(dependent.Length == 1 ? " is" : "s are")} constant or a linear combination of the others " +
                            $"(collinear: {names}), so the least-squares solution is not unique; used the minimum-norm one. " +
                            "Drop redundant columns, or use penalty: l2.");
            }
            var model = CreateModel(w, centered, features);
            context.Report(1, FitLosses.Of(model, data, context));
            return model;
        }
        finally
        {
            context.Finish();
        }
    }

    private LinearModel FitCoordinateDescent(TrainingData data, CenteredData centered, IReadOnlyList<string> features, FitContext context)
    {
        var n = centered.Rows;
        var l1Ratio = Options.Penalty == "l1" ? 1.0 : Options.L1Ratio;
        if (Options.Alpha == 0)
            context.Log("linear: alpha is 0, so coordinate descent solves plain least squares slowly; penalty: none solves it exactly.");
        float[]? validationX = null;
        float[]? validationY = null;
        if (data.Validation is { } validation)
        {
            validationX = FeatureMatrix.Build(validation, features, out _);
            validationY = ((NumericColumn)validation[data.Target]).Values.ToArray();
        }
        var w = new double[centered.Width];
        context.Start(Options.MaxIter, new CoefficientState(w));
        try
        {
            var result = CoordinateDescent.Fit(centered, Options.Alpha * l1Ratio * n, Options.Alpha * (1 - l1Ratio) * n, Options.MaxIter, Options.Tol, w,
                (sweep, coefficients, residual) =>
                {
                    var metrics = new Dictionary<string, double> { ["train_loss"] = SquaredNorm(residual) / Math.Max(n, 1) };
                    if (validationX is not null)
                        metrics["val_loss"] = MeanSquaredError(validationX, validationY!, coefficients, centered.InterceptFor(coefficients));
                    context.Report(sweep, metrics);
                    return !context.StopRequested;
                });
            if (!result.Converged && result.Sweeps == Options.MaxIter)
                context.Log($"linear: coordinate descent did not converge in {Options.MaxIter} sweeps (duality gap {result.Gap:G3}, " +
                            $"tolerance {Options.Tol:G3} × ‖y‖²); raise model.max_iter or model.tol, or check that the inputs are standardized.");
        }
        finally
        {
            context.Finish();
        }
        return CreateModel(w, centered, features); // w may hold the best sweep's coefficients, put back by early stopping
    }

    private LinearModel CreateModel(double[] w, CenteredData centered, IReadOnlyList<string> features)
    {
        var intercept = Options.FitIntercept ? centered.InterceptFor(w) : 0;
        if (!double.IsFinite(intercept) || w.Any(v => !double.IsFinite(v)))
            throw LatheException.BadData("The linear fit produced non-finite coefficients; the inputs are too large or badly scaled. Standardize them (the default preparation does).");
        return new LinearModel(features, w, intercept);
    }

    private static double SquaredNorm(double[] v)
    {
        var sum = 0.0;
        foreach (var e in v) sum += e * e;
        return sum;
    }

    private static double MeanSquaredError(float[] x, float[] y, double[] w, double intercept)
    {
        var predicted = LinearScores.Of(x, w.Length, w, [intercept], 1);
        var sum = 0.0;
        for (var r = 0; r < y.Length; r++) sum += (predicted[r] - y[r]) * (predicted[r] - y[r]);
        return y.Length == 0 ? double.NaN : sum / y.Length;
    }

    /// <summary>The input column behind a feature-matrix column ('name', or 'name'[k] inside a vector column).</summary>
    internal static string ColumnName(Table table, IReadOnlyList<string> features, int index)
    {
        foreach (var name in features)
        {
            var width = table[name] is VectorColumn v ? v.Width : 1;
            if (index < width) return width == 1 ? $"'{name}'" : $"'{name}'[{index}]";
            index -= width;
        }
        return $"#{index}";
    }
}
