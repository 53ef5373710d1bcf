using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models;

/// <summary>A trained model: predicts for new rows and saves itself as plain data (never code).</summary>
public interface IModel
{
    /// <summary>The type name a <see cref="ModelCatalog"/> loader is registered under.</summary>
    string Type { get; }

    TaskKind Task { get; }

    Prediction Predict(Table table);

    /// <summary>
    /// Writes weight files into <paramref name="directory"/> (atomically) and returns the JSON that
    /// describes the model; the loader registered for <see cref="Type"/> receives both back.
    /// </summary>
    JsonObject Save(string directory);
}
