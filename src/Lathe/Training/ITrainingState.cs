namespace Lathe.Training;

/// <summary>
/// The learned state of a model being fitted, which a callback can copy and put back (early stopping's
/// restore-best). The estimator registers it on the <see cref="FitContext"/> when the fit starts.
/// </summary>
public interface ITrainingState
{
    /// <summary>A copy of the current learned state that later training does not change.</summary>
    object Capture();

    /// <summary>Puts a state returned by <see cref="Capture"/> back.</summary>
    void Restore(object state);

    /// <summary>A captured state as bytes, for checkpoints.</summary>
    byte[] Serialize(object state);

    /// <summary>Reads bytes written by <see cref="Serialize"/> back into a state <see cref="Restore"/> accepts.</summary>
    object Deserialize(byte[] bytes);
}
