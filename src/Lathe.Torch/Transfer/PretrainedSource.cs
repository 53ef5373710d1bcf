namespace Lathe.Torch.Transfer;

/// <summary>Where pretrained weights come from, and how their names map to this network's (prefix → prefix).</summary>
public sealed record PretrainedSource(string Path, IReadOnlyDictionary<string, string>? Rename = null);
