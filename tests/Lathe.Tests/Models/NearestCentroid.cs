using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.Tests.Models;

/// <summary>A tiny real estimator for testing the contracts without TorchSharp: predicts the class of the nearest class mean.</summary>
internal sealed class NearestCentroid : IEstimator
{
    public string Type => "nearest_centroid";

    public IModel Fit(TrainingData data, FitContext context)
    {
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var target = (CategoricalColumn)data.Train[data.Target];
        var k = data.Classes.Count;
        var centroids = new float[k * width];
        var counts = new int[k];
        for (var r = 0; r < target.Length; r++)
        {
            counts[target[r]]++;
            for (var j = 0; j < width; j++) centroids[target[r] * width + j] += x[r * width + j];
        }
        for (var c = 0; c < k; c++)
            for (var j = 0; j < width; j++) centroids[c * width + j] /= Math.Max(counts[c], 1);
        context.Start(1, null);
        context.Report(1, new Dictionary<string, double> { ["train_loss"] = 0 });
        context.Finish();
        return new Model(features, centroids, width, [.. data.Classes]);
    }

    public sealed class Model(IReadOnlyList<string> features, float[] centroids, int width, string[] classes) : IModel
    {
        public string Type => "nearest_centroid";

        public TaskKind Task => TaskKind.Classification;

        public Prediction Predict(Table table)
        {
            var x = FeatureMatrix.Build(table, features, out _);
            var rows = table.RowCount;
            var probabilities = new float[rows * classes.Length];
            for (var r = 0; r < rows; r++)
            {
                var best = 0;
                var bestDistance = double.MaxValue;
                for (var c = 0; c < classes.Length; c++)
                {
                    double d = 0;
                    for (var j = 0; j < width; j++) d += Math.Pow(x[r * width + j] - centroids[c * width + j], 2);
                    if (d < bestDistance) (best, bestDistance) = (c, d);
                }
                probabilities[r * classes.Length + best] = 1;
            }
            return Prediction.Classification(probabilities, classes);
        }

        public JsonObject Save(string directory)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, "centroids.txt"), string.Join(' ', centroids.Select(v => v.ToString("R"))));
            return new JsonObject
            {
                ["type"] = Type,
                ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
                ["classes"] = new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
                ["width"] = width,
            };
        }

        public static Model Load(JsonObject json, string directory) => new(
            [.. json["features"]!.AsArray().Select(f => (string)f!)],
            [.. File.ReadAllText(Path.Combine(directory, "centroids.txt")).Split(' ').Select(float.Parse)],
            (int)json["width"]!,
            [.. json["classes"]!.AsArray().Select(c => (string)c!)]);
    }
}
