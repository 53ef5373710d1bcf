using Lathe.Training;

namespace Lathe.Boosting;

/// <summary>
/// What early stopping's restore-best captures for boosting: the number of rounds. Restoring it makes the
/// final model keep only those rounds (later trees are simply not saved).
/// </summary>
internal sealed class BoostingState : ITrainingState
{
    public int Rounds { get; set; }

    /// <summary>Rounds restored by a callback, or null to keep every round grown.</summary>
    public int? KeptRounds { get; private set; }

    public object Capture() => Rounds;

    public void Restore(object state) => KeptRounds = (int)state;

    public byte[] Serialize(object state) => BitConverter.GetBytes((int)state);

    public object Deserialize(byte[] bytes) => BitConverter.ToInt32(bytes);
}
