namespace Lathe.Bench;

/// <summary>
/// Floating-point operations of one training step per row, counted from the layer shapes. Only the
/// multiply-adds of linear and convolution layers are counted (2 FLOPs each); batch norm, ReLU, pooling,
/// the loss and Adam are element-wise, memory-bound and left out. Two counts:
/// <list type="bullet">
/// <item><see cref="ConventionPerRow"/>: the usual rule of thumb, 3 × forward (forward, gradient with
/// respect to the layer's input, gradient with respect to its weights).</item>
/// <item><see cref="NeededPerRow"/>: the same without the first layer's input gradient, which autograd
/// never computes because the data does not require a gradient (2 × forward for that layer).</item>
/// </list>
/// </summary>
public sealed record TrainingFlops(double ConventionPerRow, double NeededPerRow, string Formula)
{
    /// <summary>Dense layers of widths <paramref name="widths"/> (input first, output last).</summary>
    public static TrainingFlops ForMlp(IReadOnlyList<int> widths)
    {
        var macs = new double[widths.Count - 1];
        for (var i = 0; i < macs.Length; i++) macs[i] = (double)widths[i] * widths[i + 1];
        var formula = $"3 × 2 × ({string.Join(" + ", macs.Select((_, i) => $"{widths[i]}·{widths[i + 1]}"))}) per row";
        return FromMacs(macs, formula);
    }

    /// <summary>
    /// "Same"-padded k×k convolutions of <paramref name="channels"/>, each followed by 2×2 pooling, on a
    /// <paramref name="inChannels"/>×<paramref name="size"/>×<paramref name="size"/> image; then dense
    /// layers of <paramref name="hidden"/> widths and <paramref name="outputs"/> outputs.
    /// </summary>
    public static TrainingFlops ForCnn(int inChannels, int size, IReadOnlyList<int> channels, int kernel, IReadOnlyList<int> hidden, int outputs)
    {
        var macs = new List<double>();
        var terms = new List<string>();
        var c = inChannels;
        foreach (var next in channels)
        {
            macs.Add((double)size * size * next * c * kernel * kernel);
            terms.Add($"{size}²·{next}·{c}·{kernel}²");
            c = next;
            size /= 2;
        }
        var width = c * size * size;
        foreach (var h in hidden.Append(outputs))
        {
            macs.Add((double)width * h);
            terms.Add($"{width}·{h}");
            width = h;
        }
        return FromMacs([.. macs], $"3 × 2 × ({string.Join(" + ", terms)}) per row");
    }

    private static TrainingFlops FromMacs(double[] macs, string formula)
    {
        var forward = 2 * macs.Sum();
        return new TrainingFlops(3 * forward, 3 * forward - 2 * macs[0], formula);
    }
}
