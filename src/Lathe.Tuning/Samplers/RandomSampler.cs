using Lathe.Tuning.Distributions;

namespace Lathe.Tuning.Samplers;

/// <summary>Draws every param independently: uniform, log-uniform for log ranges, each choice equally likely.</summary>
public sealed class RandomSampler(int seed = 0) : ISampler
{
    public int Seed { get; } = seed;

    public double Sample(SamplingContext context, string name, ParamDistribution distribution) =>
        Draw(SeededRandom.For(Seed, context.Trial.Number, name), distribution);

    /// <summary>One uniform draw from a distribution (in its internal form).</summary>
    public static double Draw(Random random, ParamDistribution distribution)
    {
        switch (distribution)
        {
            case FloatDistribution f:
                return f.Log
                    ? Math.Clamp(Math.Exp(Math.Log(f.Low) + random.NextDouble() * (Math.Log(f.High) - Math.Log(f.Low))), f.Low, f.High)
                    : f.Step is { } s ? f.Snap(f.Low + random.NextInt64(0, (long)Math.Floor((f.High - f.Low) / s + 1e-9) + 1) * s)
                    : f.Low + random.NextDouble() * (f.High - f.Low);
            case IntDistribution i:
                if (!i.Log) return i.Low + random.NextInt64(0, (i.Top - i.Low) / i.Step + 1) * i.Step;
                var lo = Math.Log(i.Low - 0.5);
                return i.Snap(Math.Exp(lo + random.NextDouble() * (Math.Log(i.High + 0.5) - lo)));
            case CategoricalDistribution c:
                return random.Next(c.Choices.Count);
            default:
                throw new ArgumentException($"Unknown distribution {distribution.GetType().Name}.");
        }
    }
}
