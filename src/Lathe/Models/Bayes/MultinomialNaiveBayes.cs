using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Training;

namespace Lathe.Models.Bayes;

/// <summary>
/// Multinomial naive Bayes for counts (word counts, bag-of-words, histogram bins): each class is a
/// multinomial over the features with probabilities θ = (count + alpha) / (class total + alpha × features)
/// — additive (Laplace) smoothing as scikit-learn's MultinomialNB — and log P(row | class) = Σ x·log θ.
/// Features must not be negative.
/// </summary>
public sealed class MultinomialNaiveBayes(double alpha = 1.0) : IEstimator
{
    /// <summary>The model-file type; configs select it as <c>naive_bayes</c> with <c>variant: multinomial</c>.</summary>
    public const string TypeName = "multinomial_naive_bayes";

    public double Alpha { get; } = alpha > 0 && double.IsFinite(alpha) ? alpha : throw LatheException.BadConfig("model.alpha must be above 0 for multinomial naive Bayes.");

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != TaskKind.Classification) throw LatheException.BadConfig("model.type naive_bayes is a classifier; the task is regression.");
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        MultinomialNaiveBayesModel.RequireCounts(x, width, data.Train, features);
        var (codes, _) = TargetValues.Of(data);
        var k = data.Classes.Count;
        var classRows = new double[k];
        var counts = new double[k * width];
        for (var r = 0; r < codes!.Length; r++)
        {
            classRows[codes[r]]++;
            for (var j = 0; j < width; j++) counts[codes[r] * width + j] += x[r * width + j];
        }
        var logTheta = new double[k * width];
        for (var c = 0; c < k; c++)
        {
            var total = 0.0;
            for (var j = 0; j < width; j++) total += counts[c * width + j] + Alpha;
            for (var j = 0; j < width; j++) logTheta[c * width + j] = Math.Log((counts[c * width + j] + Alpha) / total);
        }
        context.Start(1, null);
        try
        {
            var model = new MultinomialNaiveBayesModel(features, data.Classes, [.. classRows.Select(n => Math.Log(n / codes.Length))], logTheta, width);
            context.Report(1, FitLosses.Of(model, data, context));
            return model;
        }
        finally
        {
            context.Finish();
        }
    }
}

/// <summary>A fitted multinomial naive Bayes: log priors and per-class log feature probabilities, as JSON.</summary>
public sealed class MultinomialNaiveBayesModel(IReadOnlyList<string> features, IReadOnlyList<string> classes, double[] logPriors, double[] logTheta, int width)
    : IModel
{
    public string Type => MultinomialNaiveBayes.TypeName;

    public TaskKind Task => TaskKind.Classification;

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, features, out var inputWidth);
        if (inputWidth != width) throw LatheException.BadData($"The input has {inputWidth} feature values per row; this model was trained on {width}.");
        RequireCounts(x, width, table, features);
        var k = classes.Count;
        var rows = table.RowCount;
        var probabilities = new float[rows * k];
        var joint = new double[k];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < k; c++)
            {
                var sum = double.IsFinite(logPriors[c]) ? logPriors[c] : double.NegativeInfinity;
                for (var j = 0; j < width; j++) sum += x[r * width + j] * logTheta[c * width + j];
                joint[c] = sum;
            }
            var max = joint.Max();
            var total = joint.Sum(l => Math.Exp(l - max));
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(Math.Exp(joint[c] - max) / total);
        }
        return Prediction.Classification(probabilities, classes);
    }

    /// <summary>Counts cannot be negative: a standardized or centred input would silently give nonsense.</summary>
    internal static void RequireCounts(float[] x, int width, Table table, IReadOnlyList<string> features)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] >= 0) continue;
            var column = FeatureMatrix.ColumnAt(table, features, i % width);
            throw LatheException.BadData(
                $"{table.Source ?? "table"}: column '{column}' has the negative value {x[i]} in row {i / width + 1}; multinomial naive Bayes needs counts (0 or more). " +
                "Do not standardize its inputs, or use variant: gaussian.");
        }
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
        ["classes"] = new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
        ["log_priors"] = new JsonArray([.. logPriors.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]),
        ["log_theta"] = new JsonArray([.. logTheta.Select(v => JsonValue.Create(v))]),
        ["width"] = width,
    };

    public static MultinomialNaiveBayesModel Load(JsonObject json, string directory) => new(
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        [.. json["classes"]!.AsArray().Select(c => (string)c!)],
        [.. json["log_priors"]!.AsArray().Select(v => (double?)v ?? double.NegativeInfinity)],
        [.. json["log_theta"]!.AsArray().Select(v => (double)v!)],
        (int)json["width"]!);
}
