using Lathe.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>Captures and restores a module's parameters and buffers (early stopping's restore-best, checkpoints).</summary>
public sealed class ModuleState(nn.Module module) : ITrainingState
{
    public object Capture()
    {
        var copy = new Dictionary<string, Tensor>();
        foreach (var (name, value) in module.state_dict())
            copy[name] = value.detach().cpu().clone().DetachFromDisposeScope();
        return copy;
    }

    public void Restore(object state)
    {
        var saved = (Dictionary<string, Tensor>)state;
        using var _ = no_grad();
        foreach (var (name, value) in module.state_dict())
            value.copy_(saved[name]);
    }

    public byte[] Serialize(object state)
    {
        using var stream = new MemoryStream();
        Safetensors.SaveStateDict(stream, (Dictionary<string, Tensor>)state, leaveOpen: true);
        return stream.ToArray();
    }

    public object Deserialize(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var loaded = Safetensors.LoadStateDict(stream, leaveOpen: true);
        return loaded.ToDictionary(kv => kv.Key, kv => kv.Value.DetachFromDisposeScope());
    }
}
