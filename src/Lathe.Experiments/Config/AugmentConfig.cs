using Lathe.Augmentation;

namespace Lathe.Experiments.Config;

/// <summary>
/// One entry of data.augment: a type and the options of that type (see docs/augmentation.md). Options are
/// nullable so that an option the type does not have is an error rather than silently ignored.
/// </summary>
public sealed class AugmentConfig
{
    public string? Type { get; set; }

    /// <summary>flip_horizontal, flip_vertical, token_dropout, token_swap: probability.</summary>
    public double? P { get; set; }

    /// <summary>random_crop: pixels of zero padding on each side.</summary>
    public int? Padding { get; set; }

    /// <summary>rotation: largest angle either way.</summary>
    public double? Degrees { get; set; }

    /// <summary>brightness: largest shift either way.</summary>
    public double? Delta { get; set; }

    /// <summary>contrast: largest relative change either way.</summary>
    public double? Factor { get; set; }

    /// <summary>gaussian_noise: standard deviation.</summary>
    public double? Std { get; set; }

    /// <summary>cutout: side of each square.</summary>
    public int? Size { get; set; }

    /// <summary>cutout: squares per image.</summary>
    public int? Count { get; set; }

    /// <summary>mixup: Beta(alpha, alpha) concentration.</summary>
    public double? Alpha { get; set; }

    /// <summary>The validated spec; errors name <paramref name="field"/> (e.g. config.yaml: data.augment[1]).</summary>
    public AugmentationSpec ToSpec(string field)
    {
        AugmentationSpec spec = Type switch
        {
            FlipHorizontal.TypeName => Only(field, ["p"]) ?? new FlipHorizontal { P = P ?? 0.5 },
            FlipVertical.TypeName => Only(field, ["p"]) ?? new FlipVertical { P = P ?? 0.5 },
            RandomCrop.TypeName => Only(field, ["padding"]) ?? new RandomCrop { Padding = Padding ?? 4 },
            Rotation.TypeName => Only(field, ["degrees"]) ?? new Rotation { Degrees = Degrees ?? 15 },
            Brightness.TypeName => Only(field, ["delta"]) ?? new Brightness { Delta = Delta ?? 0.2 },
            Contrast.TypeName => Only(field, ["factor"]) ?? new Contrast { Factor = Factor ?? 0.2 },
            Cutout.TypeName => Only(field, ["size", "count"]) ?? new Cutout { Size = Size ?? 8, Count = Count ?? 1 },
            GaussianNoise.TypeName => Only(field, ["std"]) ?? new GaussianNoise { Std = Std ?? 0.1 },
            Mixup.TypeName => Only(field, ["alpha"]) ?? new Mixup { Alpha = Alpha ?? 0.2 },
            TokenDropout.TypeName => Only(field, ["p"]) ?? new TokenDropout { P = P ?? 0.1 },
            TokenSwap.TypeName => Only(field, ["p"]) ?? new TokenSwap { P = P ?? 0.1 },
            null => throw LatheException.BadConfig($"{field}.type is required: one of {string.Join(", ", AugmentationSpec.Types)}."),
            _ => throw LatheException.BadConfig($"{field}.type '{Type}' is not one of {string.Join(", ", AugmentationSpec.Types)}."),
        };
        spec.Validate(field);
        return spec;
    }

    /// <summary>Throws when an option outside <paramref name="allowed"/> is set; returns null otherwise.</summary>
    private AugmentationSpec? Only(string field, string[] allowed)
    {
        (string Name, object? Value)[] options =
            [("p", P), ("padding", Padding), ("degrees", Degrees), ("delta", Delta), ("factor", Factor), ("std", Std), ("size", Size), ("count", Count), ("alpha", Alpha)];
        foreach (var (name, value) in options)
            if (value is not null && !allowed.Contains(name))
                throw LatheException.BadConfig($"{field}.{name} does not apply to {Type} (its options: {string.Join(", ", allowed)}).");
        return null;
    }
}
