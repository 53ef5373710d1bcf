namespace Lathe.Tracking.Store;

/// <summary>What a run is when it starts: its name, run folder, resolved config text, machine, params and tags.</summary>
public sealed record RunStart
{
    public required string Name { get; init; }

    /// <summary>The run folder (absolute path).</summary>
    public required string Folder { get; init; }

    /// <summary>The resolved config as YAML.</summary>
    public string ConfigText { get; init; } = "";

    public string Host { get; init; } = Environment.MachineName;

    /// <summary>The flattened resolved config, e.g. model.type = mlp, train.optimizer.lr = 0.001.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
