using System.Globalization;
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
/// products and norms computed once.
/// </summary>
public sealed record KernelFunction(KernelKind Kind, double Gamma, int Degree, double Coef0)
{
    /// <summary>The kernel the options ask for, with gamma resolved on the training rows.</summary>
    public static KernelFunction From(SvmOptions options, float[] x, int width) => new(
        Enum.Parse<KernelKind>(options.Kernel, ignoreCase: true),
        options.Kernel == "linear" ? 0 : options.GammaFor(x, width),
        options.Degree,
        options.Coef0);

    /// <summary>k(x, z) from x·z and the squared norms of x and z.</summary>
    public double Evaluate(double dot, double squaredNormX, double squaredNormZ) => Kind switch
    {
        KernelKind.Linear => dot,
        KernelKind.Rbf => Math.Exp(-Gamma * Math.Max(0, squaredNormX + squaredNormZ - 2 * dot)),
        KernelKind.Poly => PowInt(Gamma * dot + Coef0, Degree),
        _ => Math.Tanh(Gamma * dot + Coef0),
    };

    private static double PowInt(double value, int power)
    {
        var result = 1.0;
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
