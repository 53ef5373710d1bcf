using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Lathe.Torch.Runtime;

/// <summary>
/// Prepares the process for libtorch. Call <see cref="Initialize"/> before the first use of
/// <c>torch</c>; every Lathe.Torch entry point does, and so does this assembly's module initializer.
/// </summary>
public static class TorchRuntime
{
    private static int _initialized;

    /// <summary>
    /// libtorch's OpenMP threads spin while waiting for work. On a busy machine (another process on one of
    /// the cores, as in CI or a parallel tuning worker) the spinning threads starve the working ones and
    /// training slows 20–50×. libgomp reads its wait policy once, when libtorch loads, from the C
    /// environment (which .NET's SetEnvironmentVariable does not reach), so it is set here through libc.
    /// A user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT is kept.
    /// See docs/benchmarks.md for the measurements behind the chosen default.
    /// </summary>
    public const string DefaultSpinCount = "1000";

#pragma warning disable CA2255 // A library initializer is the point: it must run before any torch call in this assembly.
    [ModuleInitializer]
    internal static void InitializeOnLoad() => Initialize();
#pragma warning restore CA2255

    public static void Initialize()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 1) return;
        if (OperatingSystem.IsLinux() &&
            Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null &&
            Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null)
        {
            SetNativeEnvironment("GOMP_SPINCOUNT", DefaultSpinCount);
        }
    }

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

    private static void SetNativeEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            _ = setenv(name, value, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: the managed variable above is the best we can do.
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
