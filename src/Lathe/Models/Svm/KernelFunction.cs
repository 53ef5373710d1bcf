using System.Globalization;
using System.Numerics.Tensors;
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
    /// holds ‖z_b‖², <paramref name="normA"/> ‖x_a‖². Vectorized, in float32 (the solver keeps Q in float32,
    /// as libsvm does).
    /// </summary>
    internal void Transform(Span<float> dots, ReadOnlySpan<float> normsB, float normA)
    {
        var gamma = (float)Gamma;
        var coef0 = (float)Coef0;
        switch (Kind)
        {
            case KernelKind.Linear:
                return;
            case KernelKind.Rbf:
                // exp(−γ·max(0, ‖x‖² + ‖z‖² − 2x·z)); the max guards against rounding below zero for near-equal rows.
                TensorPrimitives.MultiplyAdd(dots, -2f, normsB, dots);
                TensorPrimitives.Add(dots, normA, dots);
                TensorPrimitives.Max(dots, 0f, dots);
                TensorPrimitives.Multiply(dots, -gamma, dots);
                TensorPrimitives.Exp(dots, dots);
                return;
            case KernelKind.Poly:
                TensorPrimitives.Multiply(dots, gamma, dots);
                TensorPrimitives.Add(dots, coef0, dots);
                for (var i = 0; i < dots.Length; i++) dots[i] = PowInt(dots[i], Degree);
                return;
            default:
                TensorPrimitives.Multiply(dots, gamma, dots);
                TensorPrimitives.Add(dots, coef0, dots);
                TensorPrimitives.Tanh(dots, dots);
                return;
        }
    }

    /// <summary>
    /// into[i·bRows.Length + j] = k(x_aRows[i], y_bRows[j]), with the squared norms of the rows of <paramref name="x"/>
    /// and <paramref name="y"/> given; <paramref name="normsB"/> is scratch space of bRows.Length values.
    /// </summary>
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
