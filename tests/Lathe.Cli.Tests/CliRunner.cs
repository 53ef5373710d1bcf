namespace Lathe.Cli.Tests;

/// <summary>Runs the lathe command in-process, in a scratch folder, capturing what it prints.</summary>
internal sealed class CliRunner : IDisposable
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "lathe-cli-" + Guid.NewGuid().ToString("N")[..10]);

    public CliRunner() => Directory.CreateDirectory(Folder);

    public string RunsDirectory => Path.Combine(Folder, "runs");

    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = LatheCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>lathe train CONFIG --runs-dir (scratch) plus any extra arguments.</summary>
    public (int ExitCode, string Output, string Error) Train(string config, params string[] extra) =>
        Run(["train", config, "--runs-dir", RunsDirectory, .. extra]);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string RunFolderOf(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1] is var last && last.StartsWith("run: ")
            ? last["run: ".Length..].Trim()
            : throw new InvalidOperationException("The last line is not 'run: <folder>':\n" + output);

    /// <summary>A test-split metric from the metrics.json of the run a `lathe train` output names.</summary>
    public static double TestMetric(string output, string metric) =>
        (double)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RunFolderOf(output), "metrics.json")))!["test"]![metric]!;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lathe.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Lathe.slnx) above " + AppContext.BaseDirectory);
    }
}
