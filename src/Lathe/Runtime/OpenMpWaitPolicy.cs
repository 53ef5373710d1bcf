using System.Runtime.InteropServices;

namespace Lathe.Runtime;

/// <summary>
/// The native libraries Lathe loads (libtorch, LightGBM) run OpenMP threads that spin while waiting for
/// work. On a busy machine (another process on one of the cores, as in CI or a parallel tuning worker) the
/// spinning threads starve the working ones and training slows 20–50×. libgomp reads its wait policy
/// once, when it loads, from the C environment (which .NET's SetEnvironmentVariable does not reach), so
/// <see cref="Apply"/> sets it through libc. A user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT is kept.
/// See docs/benchmarks.md for the measurements behind the chosen default.
/// </summary>
public static class OpenMpWaitPolicy
{
    public const string DefaultSpinCount = "1000";

    private static int _applied;

    /// <summary>Call before the first native library that uses OpenMP loads; later calls do nothing.</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1) return;
        if (OperatingSystem.IsLinux() &&
            Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null &&
            Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null)
        {
            SetNativeEnvironment("GOMP_SPINCOUNT", DefaultSpinCount);
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
