using Lathe.Augmentation;
using Lathe.Data;
using Lathe.Models;
using Lathe.Text;
using Lathe.Torch.Augmentation;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>
/// Learns a class (or a value) from one text column with an LSTM, GRU, 1-D CNN or Transformer encoder
/// (<see cref="TextEncoderSpec"/>) over its characters or its words. The vocabulary is the training texts' characters
/// (or words, the most frequent 20,000).
/// </summary>
public sealed class TextClassifierEstimator : IEstimator
{
    public TextClassifierEstimator(TextEncoderSpec spec, TrainerOptions training, LossOptions loss, TaskKind task)
    {
        TorchRuntime.Initialize();
        spec.Validate();
        training.Validate();
        loss.Validate();
        (Spec, Training, Loss, Task) = (spec, training, loss, task);
    }

    public TextEncoderSpec Spec { get; }

    public TrainerOptions Training { get; }

    public LossOptions Loss { get; }

    public TaskKind Task { get; }

    public string Type => Spec.Type;

    public IModel Fit(TrainingData data, FitContext context)
    {
        var features = data.FeatureNames;
        var text = TextEncoding.InputOf(data.Train, features, Spec.Type);
        var texts = Enumerable.Range(0, text.Length).Select(i => text[i] ?? "").ToArray();
        ITokenVocabulary vocabulary = Spec.Tokens == TextEncoderSpec.WordTokens
            ? WordVocabulary.Build(texts)
            : CharacterVocabulary.Build(string.Concat(texts));
        var length = Math.Max(1, Math.Min(Spec.MaxLength, texts.Max(t => Spec.Tokens == TextEncoderSpec.WordTokens ? vocabulary.Encode(t).Length : t.Length)));
        var classes = Task == TaskKind.Classification ? data.Classes : [];
        var choice = ObjectiveFactory.Create(Loss, Task, classes);
        var device = TorchRuntime.ResolveDevice(Training.Device);
        using var train = new TensorData(TextEncoding.Encode(text, vocabulary, length), TargetTensor.Of(data.Train, data.Target, choice.Output));
        using var validation = data.Validation is null
            ? null
            : new TensorData(TextEncoding.Encode(TextEncoding.InputOf(data.Validation, features, Spec.Type), vocabulary, length),
                TargetTensor.Of(data.Validation, data.Target, choice.Output));
        context.Log($"text: {vocabulary.Count - 1} distinct {Spec.Tokens}, sequences of up to {length}");

        random.manual_seed(context.Seed);
        var net = Spec.BuildFor(vocabulary.Count, choice.Outputs);
        net.to(device);
        try
        {
            var augmenter = Training.Augment.Count == 0
                ? null
                : new BatchAugmenter(Training.Augment, AugmentedInput.Text, [length], padding: vocabulary.Count); // TextEncoding pads with Count
            if (augmenter is not null) context.Log(augmenter.Describe());
            new Trainer(Training).Fit(net, choice.Objective, train, validation, context, device, augmenter);
        }
        finally
        {
            (choice.Objective as IDisposable)?.Dispose();
        }
        net.to(CPU);
        net.eval();
        return new TextClassifierModel(Spec, net, Task, choice.Output, features[0], vocabulary, length, classes);
    }
}
