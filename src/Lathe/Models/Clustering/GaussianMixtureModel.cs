using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Clustering;

/// <summary>
/// A fitted Gaussian mixture: weights, means and covariances (saved as JSON; the Cholesky factors are
/// recomputed on loading). A row's cluster is its most likely component; the prediction's probabilities
/// are the components' responsibilities (rows × components) and its scores each row's log-likelihood.
/// </summary>
public sealed class GaussianMixtureModel : IModel
{
    private readonly IReadOnlyList<string> _features;
    private readonly GaussianComponents _components;

    internal GaussianMixtureModel(IReadOnlyList<string> features, GaussianComponents components, double logLikelihood, int iterations, bool converged)
    {
        (_features, _components, LogLikelihood, Iterations, Converged) = (features, components, logLikelihood, iterations, converged);
    }

    public string Type => GaussianMixture.TypeName;

    public TaskKind Task => TaskKind.Clustering;

    /// <summary>full, diag or spherical.</summary>
    public string Covariance => _components.Covariance;

    public int ComponentCount => _components.Count;

    public IReadOnlyList<double> Weights => [.. _components.Weights];

    /// <summary>Each component's mean, in the units the model was fitted in (after the preparation).</summary>
    public IReadOnlyList<double[]> Means => Slices(_components.Means, _components.Width);

    /// <summary>Each component's covariance: full, d × d row-major; diag, d variances; spherical, one variance.</summary>
    public IReadOnlyList<double[]> Covariances => Slices(_components.Covariances, GaussianComponents.CovarianceSize(Covariance, _components.Width));

    /// <summary>The training rows' mean log-likelihood at the last EM step (scikit-learn's lower_bound_).</summary>
    public double LogLikelihood { get; }

    public int Iterations { get; }

    public bool Converged { get; }

    public Prediction Predict(Table table)
    {
        var x = Array.ConvertAll(ClusteringInput.MatrixOf(table, _features, _components.Width), v => (double)v);
        var (rows, k) = (table.RowCount, ComponentCount);
        var responsibilities = new double[k * rows];
        var logLikelihood = new float[rows];
        if (rows > 0) _components.Expect(x, responsibilities, logLikelihood);
        var clusters = new int[rows];
        var probabilities = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < k; c++)
            {
                probabilities[r * k + c] = (float)responsibilities[c * rows + r];
                if (responsibilities[c * rows + r] > responsibilities[clusters[r] * rows + r]) clusters[r] = c;
            }
        }
        return Prediction.Clustering(clusters, k, logLikelihood, probabilities);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
        ["width"] = _components.Width,
        ["covariance"] = Covariance,
        ["weights"] = Numbers(_components.Weights),
        ["means"] = new JsonArray([.. Means.Select(m => (JsonNode)Numbers(m))]),
        ["covariances"] = new JsonArray([.. Covariances.Select(c => (JsonNode)Numbers(c))]),
        ["log_likelihood"] = LogLikelihood,
        ["iterations"] = Iterations,
        ["converged"] = Converged,
    };

    public static GaussianMixtureModel Load(JsonObject json, string directory)
    {
        double[] Flat(string key) => [.. json[key]!.AsArray().SelectMany(a => a!.AsArray().Select(v => (double)v!))];
        var covariance = (string)json["covariance"]!;
        if (covariance is not ("full" or "diag" or "spherical"))
            throw LatheException.BadData($"{directory}: the mixture's covariance '{covariance}' is not full, diag or spherical; the model file is damaged.");
        var components = new GaussianComponents(covariance, (int)json["width"]!,
            [.. json["weights"]!.AsArray().Select(v => (double)v!)], Flat("means"), Flat("covariances"));
        return new GaussianMixtureModel([.. json["features"]!.AsArray().Select(f => (string)f!)], components,
            (double)json["log_likelihood"]!, (int)json["iterations"]!, (bool)json["converged"]!);
    }

    private static IReadOnlyList<double[]> Slices(double[] values, int size) =>
        [.. Enumerable.Range(0, values.Length / size).Select(i => values.AsSpan(i * size, size).ToArray())];

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
