using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json.Nodes;

namespace Lathe.Models.Svm;

/// <summary>The kernels an SVM can use.</summary>
public enum KernelKind
{
    /// <summary>k(x, z) = x·z.</summary>
    Linear,
    /// <summary>k(x, z) = exp(−γ‖x − z‖²).</summary>
    Rbf,
    /// <summary>k(x, z) = (γ x·z + coef0)^degree.</summary>
    Poly,
    /// <summary>k(x, z) = tanh(γ x·z + coef0).</summary>
    Sigmoid,
}

/// <summary>
/// A kernel with its parameters. Every kernel here is a function of the dot product x·z and the squared
/// norms ‖x‖², ‖z‖² (‖x − z‖² = ‖x‖² + ‖z‖² − 2x·z), so rows of the kernel matrix come from SIMD dot
/// products (<see cref="DotProducts"/>) and norms computed once, then one vectorized pass.
/// </summary>
public sealed record KernelFunction(KernelKind Kind, double Gamma, int Degree, double Coef0)
{
    /// <summary>The kernel the options ask for, with gamma resolved on the training rows.</summary>
    public static KernelFunction From(SvmOptions options, float[] x, int width) => new(
        Enum.Parse<KernelKind>(options.Kernel, ignoreCase: true),
        options.Kernel == "linear" ? 0 : options.GammaFor(x, width),
        options.Degree,
        options.Coef0);

    /// <summary>
    /// Turns dot products x_a·z_b (one row a, many b) into kernel values in place: <paramref name="normsB"/>
    /// holds ‖z_b‖², <paramref name="normA"/> ‖x_a‖² (only the rbf kernel uses them). In float32, as libsvm
    /// keeps its kernel matrix; every element gets the same arithmetic wherever it sits in the span.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Transform(Span<float> dots, ReadOnlySpan<float> normsB, float normA)
    {
        var gamma = (float)Gamma;
        var coef0 = (float)Coef0;
        switch (Kind)
        {
            case KernelKind.Linear:
                return;
            case KernelKind.Rbf:
                Rbf(dots, normsB, normA, gamma);
                return;
            case KernelKind.Poly:
                for (var i = 0; i < dots.Length; i++) dots[i] = PowInt(gamma * dots[i] + coef0, Degree);
                return;
            default:
                for (var i = 0; i < dots.Length; i++) dots[i] = MathF.Tanh(gamma * dots[i] + coef0);
                return;
        }
    }

    /// <summary>exp(−γ·max(0, ‖x‖² + ‖z‖² − 2x·z)) eight lanes at a time; the tail goes through a padded vector so it gets the same arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rbf(Span<float> dots, ReadOnlySpan<float> normsB, float normA, float gamma)
    {
        var na = Vector256.Create(normA);
        var g = Vector256.Create(-gamma);
        var i = 0;
        for (; i + Vector256<float>.Count <= dots.Length; i += Vector256<float>.Count)
            RbfLanes(Vector256.Create(dots.Slice(i, 8)), Vector256.Create(normsB.Slice(i, 8)), na, g).CopyTo(dots.Slice(i, 8));
        if (i == dots.Length) return;
        Span<float> d = stackalloc float[Vector256<float>.Count];
        Span<float> n = stackalloc float[Vector256<float>.Count];
        d.Clear();
        n.Clear();
        dots[i..].CopyTo(d);
        normsB[i..].CopyTo(n);
        RbfLanes(Vector256.Create(d), Vector256.Create(n), na, g).CopyTo(d);
        d[..(dots.Length - i)].CopyTo(dots[i..]);
    }

    // Max guards against ‖x − z‖² rounding below zero for near-equal rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> RbfLanes(Vector256<float> dot, Vector256<float> normB, Vector256<float> normA, Vector256<float> minusGamma) =>
        ExpOfNonPositive(Vector256.Max(Vector256.FusedMultiplyAdd(dot, Vector256.Create(-2f), normB) + normA, Vector256<float>.Zero) * minusGamma);

    /// <summary>
    /// e^x for x ≤ 0, within about 2e-7 relative (Cephes' expf: x = k·ln 2 + r, |r| ≤ ½ ln 2, a degree-6
    /// polynomial for e^r, 2^k put into the exponent bits); below ln(smallest normal float) it returns that
    /// float's value instead of a subnormal. Written out instead of <c>Vector256.Exp</c> because that one is a
    /// library method which runs unoptimized for the first many calls of a process (tiered compilation), which
    /// dominated the fit of small data sets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpOfNonPositive(Vector256<float> x)
    {
        x = Vector256.Max(x, Vector256.Create(-87.33654f));
        var k = Vector256.Floor(Vector256.FusedMultiplyAdd(x, Vector256.Create(1.44269504088896341f), Vector256.Create(0.5f)));
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        var er = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var twoToK = Vector256.ShiftLeft(Vector256.ConvertToInt32(k) + Vector256.Create(127), 23).AsSingle();
        return er * twoToK;
    }

    /// <summary>
    /// into[i·bRows.Length + j] = k(x_aRows[i], y_bRows[j]), with the squared norms of the rows of <paramref name="x"/>
    /// and <paramref name="y"/> given; <paramref name="normsB"/> is scratch space of bRows.Length values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Matrix(float[] x, float[] xNorms, ReadOnlySpan<int> aRows, float[] y, float[] yNorms, ReadOnlySpan<int> bRows, int width,
        Span<float> into, Span<float> normsB)
    {
        var n = bRows.Length;
        DotProducts.Compute(x, aRows, y, bRows, width, into);
        if (Kind == KernelKind.Rbf)
            for (var j = 0; j < n; j++) normsB[j] = yNorms[bRows[j]];
        for (var i = 0; i < aRows.Length; i++) Transform(into.Slice(i * n, n), normsB[..n], xNorms[aRows[i]]);
    }

    private static float PowInt(float value, int power)
    {
        var result = 1f;
        for (var p = power; p > 0; p >>= 1, value *= value)
            if ((p & 1) == 1) result *= value;
        return result;
    }

    public JsonObject ToJson() => new()
    {
        ["kernel"] = Kind.ToString().ToLowerInvariant(),
        ["gamma"] = Gamma,
        ["degree"] = Degree,
        ["coef0"] = Coef0,
    };

    public static KernelFunction FromJson(JsonObject json) => new(
        Enum.Parse<KernelKind>((string)json["kernel"]!, ignoreCase: true),
        (double)json["gamma"]!,
        (int)json["degree"]!,
        (double)json["coef0"]!);

    public override string ToString() => Kind switch
    {
        KernelKind.Linear => "linear",
        KernelKind.Rbf => string.Create(CultureInfo.InvariantCulture, $"rbf (gamma {Gamma:G4})"),
        KernelKind.Poly => string.Create(CultureInfo.InvariantCulture, $"poly (degree {Degree}, gamma {Gamma:G4}, coef0 {Coef0})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"sigmoid (gamma {Gamma:G4}, coef0 {Coef0})"),
    };
}
