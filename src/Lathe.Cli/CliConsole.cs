namespace Lathe.Cli;

/// <summary>Where commands write, and whether a person is watching a terminal (then progress bars are drawn).</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public bool IsInteractive =>
        ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected &&
        Environment.GetEnvironmentVariable("CI") is null;
}
