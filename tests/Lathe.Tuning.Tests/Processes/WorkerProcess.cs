using System.Diagnostics;

namespace Lathe.Tuning.Tests.Processes;

/// <summary>Starts tests/Lathe.Tuning.Worker as a separate process (built next to this test project).</summary>
internal static class WorkerProcess
{
    private static readonly string WorkerDll = Locate();

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WorkerDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Waits for the process and returns what it printed; fails the test on a non-zero exit.</summary>
    public static string Finish(Process process, int timeoutSeconds = 120)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill();
            throw new TimeoutException($"worker did not finish in {timeoutSeconds} s: {error.Result}");
        }
        Assert.True(process.ExitCode == 0, $"worker exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    private static string Locate()
    {
        // .../tests/Lathe.Tuning.Tests/bin/<Configuration>/net10.0/ → .../tests/Lathe.Tuning.Worker/bin/<Configuration>/net10.0/
        var here = AppContext.BaseDirectory;
        var path = here.Replace($"{Path.DirectorySeparatorChar}Lathe.Tuning.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}Lathe.Tuning.Worker{Path.DirectorySeparatorChar}");
        var dll = Path.Combine(path, "Lathe.Tuning.Worker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/Lathe.Tuning.Worker first: {dll} is missing.");
    }
}
