namespace Lathe.Augmentation;

/// <summary>The kind of network input an augmentation changes.</summary>
public enum AugmentedInput
{
    /// <summary>Images: a vector column shaped [channels, height, width].</summary>
    Image,
    /// <summary>A row of numeric features (tabular data).</summary>
    Numeric,
    /// <summary>Token ids of a text encoder.</summary>
    Text,
}

/// <summary>
/// One random change to training batches (config: an entry of data.augment), as plain data. Neural
/// trainers apply the list in order to every training batch, freshly drawn each epoch from (seed, epoch,
/// batch); validation, test and prediction inputs are never augmented.
/// </summary>
public abstract record AugmentationSpec
{
    /// <summary>The config name, e.g. flip_horizontal.</summary>
    public abstract string Type { get; }

    /// <summary>The inputs this augmentation can change.</summary>
    public abstract IReadOnlyList<AugmentedInput> Inputs { get; }

    /// <summary>Checks the options; <paramref name="field"/> names the entry in errors (e.g. data.augment[1]).</summary>
    public abstract void Validate(string field);

    /// <summary>Every augmentation type, in the order the docs list them.</summary>
    public static readonly string[] Types =
    [
        FlipHorizontal.TypeName, FlipVertical.TypeName, RandomCrop.TypeName, Rotation.TypeName, Brightness.TypeName, Contrast.TypeName,
        Cutout.TypeName, GaussianNoise.TypeName, Mixup.TypeName, TokenDropout.TypeName, TokenSwap.TypeName,
    ];

    /// <summary>The type and its options as a config would write them, e.g. "random_crop (padding 2)".</summary>
    public string Describe()
    {
        var options = GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite)
            .Select(p => $"{System.Text.RegularExpressions.Regex.Replace(p.Name, "(?<=[a-z])(?=[A-Z])", "_").ToLowerInvariant()} " +
                         Convert.ToString(p.GetValue(this), System.Globalization.CultureInfo.InvariantCulture));
        return $"{Type} ({string.Join(", ", options)})";
    }

    protected static void Probability(string field, double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw LatheException.BadConfig($"{field}.p must be a probability in [0, 1], not {p}.");
    }

    protected static void Positive(string field, string option, double value, string hint)
    {
        if (!(value > 0)) throw LatheException.BadConfig($"{field}.{option} must be positive, not {value}; {hint}.");
    }
}
