using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Linear;

/// <summary>A fitted linear regression: ŷ = b + Σⱼ wⱼ·xⱼ, saved as plain JSON numbers (they load back bit for bit).</summary>
public sealed class LinearModel : IModel
{
    private readonly IReadOnlyList<string> _features;
    private readonly double[] _coefficients;

    public LinearModel(IReadOnlyList<string> features, double[] coefficients, double intercept)
    {
        (_features, _coefficients, Intercept) = (features, coefficients, intercept);
    }

    public string Type => LinearRegressor.TypeName;

    public TaskKind Task => TaskKind.Regression;

    /// <summary>The input columns, in the order their values fill the feature matrix.</summary>
    public IReadOnlyList<string> Features => _features;

    /// <summary>One weight per feature-matrix column (a vector column contributes one per element), in prepared (usually standardized) units.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    public double Intercept { get; }

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, _features, out var width);
        if (width != _coefficients.Length)
            throw LatheException.BadData($"The input has {width} feature values per row; this model was trained on {_coefficients.Length}.");
        var scores = LinearScores.Of(x, width, _coefficients, [Intercept], 1);
        return Prediction.Regression([.. scores.Select(v => (float)v)]);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
        ["coefficients"] = new JsonArray([.. _coefficients.Select(v => JsonValue.Create(v))]),
        ["intercept"] = Intercept,
    };

    public static LinearModel Load(JsonObject json, string directory) => new(
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        [.. json["coefficients"]!.AsArray().Select(v => (double)v!)],
        (double)json["intercept"]!);
}
