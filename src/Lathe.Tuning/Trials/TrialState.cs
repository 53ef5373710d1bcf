namespace Lathe.Tuning.Trials;

/// <summary>Where a trial is in its life. Waiting trials are queued (enqueued params, grid points, re-queued work of a dead worker).</summary>
public enum TrialState
{
    Running,
    Complete,
    Pruned,
    Failed,
    Waiting,
}

public static class TrialStates
{
    public static bool IsFinished(this TrialState state) => state is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    public static string Name(this TrialState state) => state.ToString().ToLowerInvariant();

    public static TrialState Parse(string text) => Enum.Parse<TrialState>(text, ignoreCase: true);
}
