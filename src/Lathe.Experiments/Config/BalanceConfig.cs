namespace Lathe.Experiments.Config;

/// <summary>
/// data.balance: oversample the smaller classes of the training part (after the split; validation and test
/// rows stay real). Absent: no balancing.
/// </summary>
public sealed class BalanceConfig
{
    public static readonly string[] Methods = ["smote", "none"];

    /// <summary>smote, or none (the same as leaving data.balance out).</summary>
    public string Method { get; set; } = "smote";

    /// <summary>Nearest same-class neighbours a synthetic row may be interpolated towards.</summary>
    public int K { get; set; } = 5;

    /// <summary>Each smaller class grows to this share of the largest class (1: equal classes).</summary>
    public double Ratio { get; set; } = 1.0;

    internal void Validate(string source)
    {
        if (!Methods.Contains(Method))
            throw LatheException.BadConfig($"{source}: data.balance.method '{Method}' is not one of {string.Join(", ", Methods)}.");
        try
        {
            new Synthetic.SmoteOptions { K = K, Ratio = Ratio }.Validate("data.balance");
        }
        catch (LatheException e)
        {
            throw LatheException.BadConfig($"{source}: {e.Message}");
        }
    }
}
