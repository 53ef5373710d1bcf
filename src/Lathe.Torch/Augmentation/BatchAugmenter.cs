using Lathe.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Augmentation;

/// <summary>
/// Applies a list of <see cref="AugmentationSpec"/>s, in order, to one training batch. Every draw comes
/// from generators seeded by (fit seed, epoch, batch, position in the list), so the same seed gives the
/// same batches, a resumed fit continues exactly, and libtorch's global generator is left alone.
/// </summary>
public sealed class BatchAugmenter
{
    private readonly IReadOnlyList<AugmentationSpec> _specs;
    private readonly long[] _imageShape;
    private readonly int _classes;
    private readonly long _padding;

    /// <param name="specs">The augmentations, in order (config: data.augment).</param>
    /// <param name="input">What the network reads.</param>
    /// <param name="shape">One row's shape: [channels, height, width] for images, [width] for features, [length] for text.</param>
    /// <param name="classes">Softmax classes when targets are class indices (mixup turns them into one-hot probabilities); 0 when targets are floats.</param>
    /// <param name="padding">Text only: the id that pads short texts (never dropped or swapped).</param>
    public BatchAugmenter(IReadOnlyList<AugmentationSpec> specs, AugmentedInput input, IReadOnlyList<int> shape, int classes = 0, long padding = -1)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            var field = $"data.augment[{i}]";
            specs[i].Validate(field);
            if (!specs[i].Inputs.Contains(input))
                throw LatheException.BadConfig(
                    $"{field}: {specs[i].Type} changes {string.Join(" or ", specs[i].Inputs.Select(Describe))}, but this model reads {Describe(input)}" +
                    $"{(input == AugmentedInput.Numeric ? $" (a row of {shape.Aggregate(1, (a, b) => a * b)} values)" : "")}. Remove it from data.augment.");
        }
        if (input == AugmentedInput.Image && shape.Count != 3)
            throw new ArgumentException($"Image inputs are shaped [channels, height, width], not [{string.Join(", ", shape)}].");
        (_specs, Input, _classes, _padding) = (specs, input, classes, padding);
        _imageShape = [.. shape.Select(s => (long)s)];
    }

    public AugmentedInput Input { get; }

    /// <summary>One line for the training log: what is applied, in order.</summary>
    public string Describe() => $"augment (training batches only): {string.Join(", then ", _specs.Select(s => s.Describe()))}";

    /// <summary>
    /// The augmented batch. <paramref name="inputs"/> are rows as the trainer holds them (images flattened
    /// to C·H·W values); the result has the same shape. Targets change only with mixup (to float probabilities).
    /// </summary>
    public (Tensor Inputs, Tensor Targets) Apply(Tensor inputs, Tensor targets, int seed, int epoch, long batch)
    {
        var rows = inputs.shape[0];
        var x = Input == AugmentedInput.Image ? inputs.view([rows, .. _imageShape]) : inputs;
        var y = targets;
        for (var i = 0; i < _specs.Count; i++)
        {
            var draw = AugmentationSeed.For(seed, epoch, batch, i);
            using var generator = new Generator((ulong)draw);
            switch (_specs[i])
            {
                case FlipHorizontal flip: x = ImageAugmentations.FlipHorizontal(x, flip.P, generator); break;
                case FlipVertical flip: x = ImageAugmentations.FlipVertical(x, flip.P, generator); break;
                case RandomCrop crop: x = ImageAugmentations.RandomCrop(x, crop.Padding, generator); break;
                case Rotation rotation: x = ImageAugmentations.Rotate(x, rotation.Degrees, generator); break;
                case Brightness brightness: x = ImageAugmentations.Brightness(x, brightness.Delta, generator); break;
                case Contrast contrast: x = ImageAugmentations.Contrast(x, contrast.Factor, generator); break;
                case Cutout cutout: x = ImageAugmentations.Cutout(x, cutout.Size, cutout.Count, generator); break;
                case GaussianNoise noise: x = ImageAugmentations.GaussianNoise(x, noise.Std, generator); break;
                case TokenDropout dropout: x = TextAugmentations.TokenDropout(x, dropout.P, Lathe.Text.CharacterVocabulary.UnknownId, _padding, generator); break;
                case TokenSwap swap: x = TextAugmentations.TokenSwap(x, swap.P, _padding, generator); break;
                case Mixup mixup:
                    if (y.dtype == ScalarType.Int64)
                        y = _classes > 0
                            ? nn.functional.one_hot(y, _classes).to(ScalarType.Float32)
                            : throw new InvalidOperationException("Mixup of class indices needs the number of classes.");
                    (x, y) = Mixing.Mixup(x, y, mixup.Alpha, new Random((int)(draw & int.MaxValue)), generator);
                    break;
                default: throw new InvalidOperationException($"No batch operation for augmentation {_specs[i].Type}.");
            }
        }
        return (Input == AugmentedInput.Image ? x.reshape(rows, -1) : x, y);
    }

    private static string Describe(AugmentedInput input) => input switch
    {
        AugmentedInput.Image => "images (a vector column shaped [channels, height, width], e.g. IDX data)",
        AugmentedInput.Numeric => "numeric features",
        _ => "text (lstm, gru, cnn1d, transformer)",
    };
}
