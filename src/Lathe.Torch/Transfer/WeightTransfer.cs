using static TorchSharp.torch;

namespace Lathe.Torch.Transfer;

/// <summary>
/// Copies pretrained tensors into a network by name, after renaming prefixes (file name → network
/// name). Tensors whose shape differs (such as a classification head for another number of classes)
/// and parameters the file lacks keep their fresh initialization; the report lists every case.
/// </summary>
public static class WeightTransfer
{
    public static TransferReport Apply(nn.Module net, IReadOnlyDictionary<string, Tensor> weights, IReadOnlyDictionary<string, string>? renames = null,
        IReadOnlyList<string>? skip = null)
    {
        var skipPatterns = (skip ?? []).Select(p => new ParameterPattern(p)).ToArray();
        var renamed = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in weights) renamed[Rename(name, renames)] = tensor;

        List<string> loaded = [], missing = [], skipped = [];
        List<(string, long[], long[])> mismatched = [];
        var targets = net.state_dict();
        using (no_grad())
        {
            foreach (var (name, target) in targets)
            {
                if (skipPatterns.Any(p => p.Matches(name))) { skipped.Add(name); continue; }
                if (!renamed.TryGetValue(name, out var source)) { missing.Add(name); continue; }
                if (!source.shape.SequenceEqual(target.shape)) { mismatched.Add((name, source.shape, target.shape)); continue; }
                target.copy_(source);
                loaded.Add(name);
            }
        }
        var unused = renamed.Keys.Where(n => !targets.ContainsKey(n)).ToList();
        foreach (var pattern in skipPatterns)
            if (!targets.Keys.Any(pattern.Matches))
                throw LatheException.BadConfig($"finetune.skip: '{pattern}' matches no parameter. Parameter names are: {string.Join(", ", targets.Keys)}.");
        if (loaded.Count == 0)
            throw LatheException.BadConfig(
                $"model.pretrained: none of the {renamed.Count} tensors in the file fits this network (file names such as {string.Join(", ", renamed.Keys.Take(3))}; " +
                $"network names such as {string.Join(", ", targets.Keys.Take(3))}). Map names with finetune.rename, or check that the architecture matches.");
        return new TransferReport(loaded, mismatched, missing, unused, skipped);
    }

    private static string Rename(string name, IReadOnlyDictionary<string, string>? renames)
    {
        if (renames is null) return name;
        foreach (var (from, to) in renames)
            if (name == from || name.StartsWith(from + ".", StringComparison.Ordinal))
                return to + name[from.Length..];
        return name;
    }
}
