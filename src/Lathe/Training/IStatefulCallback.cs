namespace Lathe.Training;

/// <summary>
/// A callback whose state must survive a checkpoint and resume (history rows, early stopping's best
/// value and weights), so a resumed fit behaves exactly like an uninterrupted one.
/// </summary>
public interface IStatefulCallback : ICallback
{
    /// <summary>Unique name of this callback's files inside a checkpoint.</summary>
    string StateName { get; }

    void SaveState(CheckpointFolder checkpoint, FitContext context);

    /// <summary>Called after <see cref="ICallback.OnFitStart"/> when a fit resumes from a checkpoint.</summary>
    void LoadState(CheckpointFolder checkpoint, FitContext context);
}
