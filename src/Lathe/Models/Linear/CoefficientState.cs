using System.Runtime.InteropServices;
using Lathe.Training;

namespace Lathe.Models.Linear;

/// <summary>
/// The coefficients an iterative linear fit is updating, exposed to callbacks (early stopping's
/// restore-best copies them and puts the best ones back into the same array).
/// </summary>
internal sealed class CoefficientState(double[] coefficients) : ITrainingState
{
    public object Capture() => coefficients.Clone();

    public void Restore(object state) => ((double[])state).CopyTo(coefficients, 0);

    public byte[] Serialize(object state) => MemoryMarshal.AsBytes(((double[])state).AsSpan()).ToArray();

    public object Deserialize(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();
}
