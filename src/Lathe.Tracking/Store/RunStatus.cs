namespace Lathe.Tracking.Store;

/// <summary>Where a recorded run stands. A run that never finishes (its process was killed) stays running.</summary>
public enum RunStatus { Running, Finished, Failed, Killed }

public static class RunStatusNames
{
    public static string Name(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Parse(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);
}
