using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Transfer;

/// <summary>
/// Applies <see cref="FinetuneOptions"/> to a network: which parameters are frozen at a given epoch (a
/// pure function of the epoch, so a resumed run freezes exactly as an uninterrupted one) and which
/// learning-rate multiplier each parameter gets. Patterns freeze exactly the parameters they match;
/// freeze_depth freezes whole layers; gradual unfreezing releases frozen layers from the output side.
/// </summary>
public sealed class LayerFreezing
{
    private readonly (string Name, TorchSharp.Modules.Parameter Parameter)[] _parameters;
    private readonly string[] _frozenLayers;
    private readonly int _unfreezeEvery;

    private readonly HashSet<string> _frozenParameters;

    public LayerFreezing(nn.Module net, FinetuneOptions options)
    {
        options.Validate();
        _parameters = [.. net.named_parameters()];
        var layers = _parameters.Select(p => LayerOf(p.Name)).Distinct().ToArray();
        var patterns = options.Freeze.Select(p => new ParameterPattern(p)).ToArray();
        foreach (var pattern in patterns)
            if (!_parameters.Any(p => pattern.Matches(p.Name)))
                throw LatheException.BadConfig(
                    $"finetune.freeze: '{pattern}' matches no parameter. Parameter names are: {string.Join(", ", _parameters.Select(p => p.Name))}.");
        if (options.FreezeDepth > layers.Length)
            throw LatheException.BadConfig($"finetune.freeze_depth {options.FreezeDepth} is more than the network's {layers.Length} layers.");
        var deep = layers.Take(options.FreezeDepth).ToHashSet();
        _frozenParameters = [.. _parameters.Where(p => deep.Contains(LayerOf(p.Name)) || patterns.Any(x => x.Matches(p.Name))).Select(p => p.Name)];
        _frozenLayers = [.. layers.Where(layer => _parameters.Any(p => LayerOf(p.Name) == layer && _frozenParameters.Contains(p.Name)))];
        _unfreezeEvery = options.UnfreezeEvery;
        var multiplierPatterns = options.LrMultipliers.Select(kv => (Pattern: new ParameterPattern(kv.Key), Multiplier: kv.Value)).ToArray();
        foreach (var (pattern, _) in multiplierPatterns)
            if (!_parameters.Any(p => pattern.Matches(p.Name)))
                throw LatheException.BadConfig($"finetune.lr_multipliers: '{pattern}' matches no parameter. Parameter names are: {string.Join(", ", _parameters.Select(p => p.Name))}.");
        Multipliers = [.. _parameters.Select(p => multiplierPatterns.Where(m => m.Pattern.Matches(p.Name)).Select(m => m.Multiplier).DefaultIfEmpty(1.0).First())];
    }

    /// <summary>Layers with frozen parameters before any unfreezing, in input-to-output order.</summary>
    public IReadOnlyList<string> FrozenLayers => _frozenLayers;

    /// <summary>The learning-rate multiplier of each parameter, in <c>named_parameters()</c> order.</summary>
    public IReadOnlyList<double> Multipliers { get; }

    public IReadOnlyList<(string Name, TorchSharp.Modules.Parameter Parameter)> Parameters => _parameters;

    /// <summary>Layers whose frozen parameters are still frozen during <paramref name="epoch"/> (1-based).</summary>
    public IReadOnlyList<string> FrozenAt(int epoch)
    {
        if (_unfreezeEvery == 0) return _frozenLayers;
        var unfrozen = Math.Min((epoch - 1) / _unfreezeEvery, _frozenLayers.Length);
        return _frozenLayers[..^unfrozen];
    }

    /// <summary>Sets requires_grad for the epoch; returns true when the set of trainable parameters changed.</summary>
    public bool ApplyFor(int epoch)
    {
        var frozenLayers = FrozenAt(epoch).ToHashSet();
        var changed = false;
        foreach (var (name, parameter) in _parameters)
        {
            var trainable = !(_frozenParameters.Contains(name) && frozenLayers.Contains(LayerOf(name)));
            if (parameter.requires_grad == trainable) continue;
            parameter.requires_grad = trainable;
            changed = true;
        }
        return changed;
    }

    /// <summary>"features.conv0.weight" → "features.conv0": the module that owns the parameter.</summary>
    public static string LayerOf(string parameterName)
    {
        var dot = parameterName.LastIndexOf('.');
        return dot < 0 ? parameterName : parameterName[..dot];
    }
}
