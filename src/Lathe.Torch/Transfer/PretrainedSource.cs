namespace Lathe.Torch.Transfer;

/// <summary>
/// Where pretrained weights come from, how their names map to this network's (prefix → prefix), and
/// which of this network's parameters to leave freshly initialized although the file has them
/// (<see cref="Skip"/>: parameter patterns, e.g. "head.output" for a new head of the same size).
/// </summary>
public sealed record PretrainedSource(string Path, IReadOnlyDictionary<string, string>? Rename = null, IReadOnlyList<string>? Skip = null);
