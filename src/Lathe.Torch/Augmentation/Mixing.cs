using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Augmentation;

/// <summary>Mixup on a batch: inputs and (soft) targets blended with a shuffled copy of the same batch.</summary>
public static class Mixing
{
    /// <summary>
    /// λ·x + (1 − λ)·x[perm] and the same for <paramref name="targets"/>, which must be float (one-hot
    /// probabilities, 0/1 values or regression values), with λ ~ Beta(alpha, alpha) drawn from <paramref name="random"/>.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) Mixup(Tensor inputs, Tensor targets, double alpha, Random random, Generator generator)
    {
        var lambda = Beta(random, alpha);
        using var perm = randperm(inputs.shape[0], generator: generator).to(inputs.device);
        using var otherInputs = inputs.index_select(0, perm);
        using var otherTargets = targets.index_select(0, perm);
        return (inputs * lambda + otherInputs * (1 - lambda), targets * lambda + otherTargets * (1 - lambda));
    }

    /// <summary>Beta(a, a) as X / (X + Y) with X, Y ~ Gamma(a).</summary>
    public static double Beta(Random random, double a)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, a);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// <summary>Marsaglia and Tsang's method; shapes below 1 through Gamma(a + 1)·U^(1/a).</summary>
    private static double Gamma(Random random, double a)
    {
        if (a < 1) return Gamma(random, a + 1) * Math.Pow(1 - random.NextDouble(), 1 / a);
        var d = a - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
