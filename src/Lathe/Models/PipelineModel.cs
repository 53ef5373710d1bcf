using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Models;

/// <summary>A fitted <see cref="Pipeline"/>: input schema, fitted preparation steps and the trained model.</summary>
public sealed class PipelineModel(InputSchema schema, IReadOnlyList<IFittedTransform> transforms, IModel model, string target) : IModel
{
    public const string TypeName = "pipeline";

    public string Type => TypeName;

    public TaskKind Task => model.Task;

    public InputSchema Schema => schema;

    public IReadOnlyList<IFittedTransform> Transforms => transforms;

    public IModel Model => model;

    public string Target => target;

    /// <summary>Checks the input columns, applies the fitted preparation, and predicts.</summary>
    public Prediction Predict(Table table) => model.Predict(Prepare(table));

    /// <summary>The table's input columns after the fitted preparation: what the inner model sees.</summary>
    public Table Prepare(Table table) => Pipeline.Apply(transforms, schema.Conform(table));

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["target"] = target,
        ["task"] = Task.ToString().ToLowerInvariant(),
        ["input_schema"] = schema.ToJson(),
        ["transforms"] = new JsonArray([.. transforms.Select(t => (JsonNode)t.ToJson())]),
        ["model"] = model.Save(directory),
    };

    public static PipelineModel Load(JsonObject json, string directory, ModelCatalog catalog)
    {
        var inner = json["model"]!.AsObject();
        return new PipelineModel(
            InputSchema.FromJson(json["input_schema"]!.AsArray()),
            [.. json["transforms"]!.AsArray().Select(t => TransformFormats.Load(t!.AsObject()))],
            catalog.Load((string)inner["type"]!, inner, directory),
            (string)json["target"]!);
    }
}
