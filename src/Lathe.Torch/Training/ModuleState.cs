using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>Captures and restores a module's parameters and buffers (for early stopping's restore-best).</summary>
public sealed class ModuleState(nn.Module module) : ITrainingState
{
    public object Capture()
    {
        var copy = new Dictionary<string, Tensor>();
        foreach (var (name, value) in module.state_dict())
            copy[name] = value.detach().clone().DetachFromDisposeScope();
        return copy;
    }

    public void Restore(object state)
    {
        var saved = (Dictionary<string, Tensor>)state;
        using var _ = no_grad();
        foreach (var (name, value) in module.state_dict())
            value.copy_(saved[name]);
    }
}
