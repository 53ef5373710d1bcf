using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>tune.failed_trials: a trial whose run fails with a user-facing error either stops the search or is recorded as failed.</summary>
internal static class FailedTrialPolicy
{
    /// <summary>The trial's objective; with <paramref name="skip"/>, a <see cref="LatheException"/> becomes a failed trial (NaN) with its message kept.</summary>
    public static double Run(Trial trial, bool skip, Action<string> log, Func<double> objective)
    {
        try
        {
            return objective();
        }
        catch (LatheException e) when (skip)
        {
            // Only errors a user can cause are skipped; bugs, cancellation and pruning go on as before.
            trial.SetUserAttr("error", e.Message);
            log($"trial {trial.Number} failed: {e.Message}");
            return double.NaN;
        }
    }
}
