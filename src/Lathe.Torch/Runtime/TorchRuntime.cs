using System.Runtime.CompilerServices;
using Lathe.Runtime;
using TorchSharp;

namespace Lathe.Torch.Runtime;

/// <summary>
/// Prepares the process for libtorch (the OpenMP wait policy). Call <see cref="Initialize"/> before the
/// first use of <c>torch</c>; every Lathe.Torch entry point does, and so does this assembly's module initializer.
/// </summary>
public static class TorchRuntime
{
#pragma warning disable CA2255 // A library initializer is the point: it must run before any torch call in this assembly.
    [ModuleInitializer]
    internal static void InitializeOnLoad() => Initialize();
#pragma warning restore CA2255

    public static void Initialize() => OpenMpWaitPolicy.Apply();

    /// <summary>The device a config names: "auto" picks CUDA when TorchSharp sees a GPU, else the CPU.</summary>
    public static torch.Device ResolveDevice(string name)
    {
        Initialize();
        switch (name.ToLowerInvariant())
        {
            case "cpu":
                return torch.CPU;
            case "auto":
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case "cuda":
                if (!torch.cuda.is_available())
                    throw LatheException.BadConfig(
                        "train.device: cuda was asked for but TorchSharp finds no CUDA device (no GPU, or the libtorch-cuda package is not installed). Use auto or cpu.");
                return torch.CUDA;
            default:
                throw LatheException.BadConfig($"train.device: '{name}' is not a device; use auto, cpu or cuda.");
        }
    }
}
