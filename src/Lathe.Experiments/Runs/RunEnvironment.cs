using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Torch.Runtime;
using TorchSharp;

namespace Lathe.Experiments.Runs;

/// <summary>
/// Where a run was trained: Lathe, .NET, OS, CPU, threads and device — written to environment.json after the fit,
/// so a report shows the machine that produced the numbers rather than the one that draws the report.
/// </summary>
public static class RunEnvironment
{
    public const string FileName = "environment.json";

    /// <param name="network">A neural network (libtorch was loaded and its threads and device apply).</param>
    public static JsonObject Describe(LatheConfig config, bool network)
    {
        var json = new JsonObject
        {
            ["lathe"] = VersionOf(typeof(LatheException).Assembly),
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
            ["cpu"] = CpuModel(),
            ["cores"] = Environment.ProcessorCount,
            ["machine"] = Environment.MachineName,
        };
        if (network)
        {
            json["torchsharp"] = VersionOf(typeof(torch).Assembly);
            json["threads"] = torch.get_num_threads();
            json["device"] = TorchRuntime.ResolveDevice(config.Train.Device).ToString();
        }
        else
        {
            json["threads"] = Environment.ProcessorCount;
            json["device"] = "cpu";
        }
        return json;
    }

    private static string VersionOf(Assembly assembly) =>
        (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown")
        .Split('+')[0];

    /// <summary>The CPU's model name on Linux (/proc/cpuinfo); the architecture elsewhere.</summary>
    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
            foreach (var line in File.ReadLines(cpuinfo))
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is var colon and > 0)
                    return line[(colon + 1)..].Trim();
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
