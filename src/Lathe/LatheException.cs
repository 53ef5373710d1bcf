namespace Lathe;

/// <summary>What kind of mistake a user made; the CLI maps it to an exit code.</summary>
public enum ErrorKind
{
    /// <summary>A bad config file, option or command line (exit code 2).</summary>
    Config = 2,
    /// <summary>Bad or missing data (exit code 3).</summary>
    Data = 3,
}

/// <summary>
/// An error the user can fix. The message names the file and line/column or field, says what is wrong and
/// what to do. Anything that is not a LatheException is a bug in Lathe.
/// </summary>
public class LatheException : Exception
{
    public LatheException(ErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    public ErrorKind Kind { get; }

    public int ExitCode => (int)Kind;

    public static LatheException BadConfig(string message) => new(ErrorKind.Config, message);

    public static LatheException BadData(string message) => new(ErrorKind.Data, message);
}
