using System.Runtime.CompilerServices;
using Lathe.Runtime;

namespace Lathe.Boosting;

/// <summary>LightGBM runs OpenMP threads: set their wait policy before lib_lightgbm loads (see <see cref="OpenMpWaitPolicy"/>).</summary>
internal static class BoostingRuntime
{
#pragma warning disable CA2255 // A library initializer is the point: it must run before any LightGBM call in this assembly.
    [ModuleInitializer]
    internal static void InitializeOnLoad() => OpenMpWaitPolicy.Apply();
#pragma warning restore CA2255
}
