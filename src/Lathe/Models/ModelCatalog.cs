using System.Text.Json.Nodes;

namespace Lathe.Models;

/// <summary>
/// Knows how to load each model type from its saved JSON and files. Loading dispatches on a type name
/// to a registered loader; nothing in a model file is executed.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, Func<JsonObject, string, IModel>> _loaders = new(StringComparer.Ordinal);

    public ModelCatalog Register(string type, Func<JsonObject, string, IModel> loader)
    {
        _loaders[type] = loader;
        return this;
    }

    public IReadOnlyCollection<string> Types => _loaders.Keys;

    public IModel Load(string type, JsonObject json, string directory) =>
        _loaders.TryGetValue(type, out var loader)
            ? loader(json, directory)
            : throw LatheException.BadData(
                $"{directory}: the model type '{type}' is not known to this version of Lathe (known: {string.Join(", ", _loaders.Keys)}).");
}
