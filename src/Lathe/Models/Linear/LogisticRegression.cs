using Lathe.Data;
using Lathe.Training;

namespace Lathe.Models.Linear;

/// <summary>
/// Logistic regression as scikit-learn's LogisticRegression fits it with the lbfgs solver: binomial
/// (one weight vector, the sigmoid) for two classes, multinomial (softmax, one vector per class) for more,
/// minimizing Σ log loss + ‖W‖²/(2C) with unpenalized intercepts by L-BFGS (memory 10, strong Wolfe line
/// search), stopping when the largest gradient entry is at most tol. penalty l1 and elastic_net add
/// ‖W‖₁-terms (saga's objective, divided by C) and are solved by OWL-QN, which gives exact zeros.
/// Standardize the inputs first (the default preparation does).
/// </summary>
public sealed class LogisticRegression : IEstimator
{
    public const string TypeName = "logistic";

    public LogisticRegression(LogisticOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
    }

    public LogisticOptions Options { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != TaskKind.Classification)
            throw LatheException.BadConfig(
                $"model.type logistic is a classifier, but the task is {data.Task.ToString().ToLowerInvariant()}. " +
                "Use model.type linear to predict numbers, or set data.task: classification if the target holds classes.");
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var (codes, _) = TargetValues.Of(data);
        var classes = data.Classes;
        var (l1, l2) = Options.Penalty switch
        {
            "l2" => (0.0, 1 / Options.C),
            "l1" => (1 / Options.C, 0.0),
            "elastic_net" => (Options.L1Ratio / Options.C, (1 - Options.L1Ratio) / Options.C),
            _ => (0.0, 0.0),
        };
        var objective = new LogisticObjective(x, width, codes!, classes.Count, Options.FitIntercept, l2);
        float[]? validationX = null;
        int[]? validationY = null;
        if (data.Validation is { } validation)
        {
            validationX = FeatureMatrix.Build(validation, features, out _);
            validationY = validation[data.Target] is CategoricalColumn c ? c.CodesIn(classes) : null;
        }
        var theta = new double[objective.Dimension];
        double[]? l1Weights = null;
        if (l1 > 0)
        {
            l1Weights = new double[theta.Length];
            Array.Fill(l1Weights, l1, 0, objective.Outputs * width); // the intercepts come last and are not penalized
        }

        var rows = codes!.Length;
        var reported = 0;
        void Report(int step, double smoothValue)
        {
            var metrics = new Dictionary<string, double> { ["train_loss"] = (smoothValue - objective.Penalty(theta)) / rows };
            if (validationX is not null && validationY is not null) metrics["val_loss"] = objective.MeanLogLoss(validationX, validationY, theta);
            context.Report(step, metrics);
            reported = step;
        }

        // With an L1 term only the pseudo-gradient ends the fit: an OWL-QN step clipped at an orthant boundary can
        // gain little without the coefficients being near the optimum, so scipy's relative-reduction rule would stop too early.
        var solver = new Lbfgs { MaxIterations = Options.MaxIter, GradientTolerance = Options.Tol, RelativeReduction = l1 > 0 ? 0 : Lbfgs.ScipyRelativeReduction };
        context.Start(Options.MaxIter, new CoefficientState(theta));
        try
        {
            var result = solver.Minimize(objective.Evaluate, theta, l1Weights, (iteration, value) =>
            {
                Report(iteration, value);
                return !context.StopRequested;
            });
            if (reported == 0) Report(1, objective.Evaluate(theta, new double[theta.Length])); // converged at the start
            context.Log(result.Stop switch
            {
                LbfgsStop.Gradient => $"logistic: L-BFGS converged in {result.Iterations} iterations (largest gradient entry {result.LargestGradient:G3} ≤ tol {Options.Tol:G3})",
                LbfgsStop.Reduction => $"logistic: L-BFGS converged in {result.Iterations} iterations (the loss stopped decreasing)",
                LbfgsStop.MaxIterations => $"logistic: L-BFGS did not converge in {Options.MaxIter} iterations (largest gradient entry {result.LargestGradient:G3} > tol {Options.Tol:G3}); " +
                                           "raise model.max_iter, check that the inputs are standardized, or use a smaller model.c",
                LbfgsStop.LineSearch => $"logistic: L-BFGS stopped after {result.Iterations} iterations: no step lowered the loss further " +
                                        $"(largest gradient entry {result.LargestGradient:G3}); the result is as precise as double precision allows",
                _ => $"logistic: stopped after {result.Iterations} iterations at a callback's request",
            });
        }
        finally
        {
            context.Finish();
        }
        if (theta.Any(v => !double.IsFinite(v)))
            throw LatheException.BadData("The logistic fit produced non-finite coefficients; the inputs are too large or badly scaled. Standardize them (the default preparation does).");
        var weights = objective.Outputs * width;
        return new LogisticModel(features, classes, theta[..weights],
            Options.FitIntercept ? theta[weights..] : new double[objective.Outputs], width);
    }
}
