using Lathe.Data;
using Lathe.Models;
using Lathe.Text;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>
/// Trains a character-level GPT on the text column of the training rows (rows joined by newlines):
/// the text is cut into windows of <see cref="GptOptions.Context"/> characters, each predicting the
/// window shifted by one. Reports perplexity on the validation text every epoch.
/// </summary>
public sealed class GptEstimator : IEstimator
{
    public GptEstimator(GptOptions? options = null)
    {
        TorchRuntime.Initialize();
        Options = options ?? new GptOptions();
        Options.Spec.Validate();
        Options.Training.Validate();
    }

    public GptOptions Options { get; }

    public string Type => Nets.GptSpec.TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != TaskKind.Generation)
            throw new ArgumentException("A GPT learns text generation; the training data must have task Generation.");
        var trainText = TextOf(data.Train, data.Target);
        var vocabulary = CharacterVocabulary.Build(trainText);
        var device = TorchRuntime.ResolveDevice(Options.Training.Device);
        using var train = Windows(vocabulary.Encode(trainText), Options.Context, "training");
        using var validation = data.Validation is null ? null : Windows(vocabulary.Encode(TextOf(data.Validation, data.Target)), Options.Context, "validation");
        context.Log($"text: {trainText.Length:N0} training characters, {vocabulary.Count - 1} distinct, {train.Rows:N0} windows of {Options.Context}");

        random.manual_seed(context.Seed);
        var net = Options.Spec.Build([Options.Context], vocabulary.Count);
        net.to(device);
        new Trainer(Options.Training).Fit(net, new NextTokenObjective(), train, validation, context, device);
        net.to(CPU);
        net.eval();
        return new GptModel(Options.Spec, net, vocabulary);
    }

    /// <summary>The rows of a text column joined by newlines (each row ends with one).</summary>
    public static string TextOf(Table table, string column) =>
        table[column] is TextColumn text
            ? string.Concat(Enumerable.Range(0, text.Length).Select(i => (text[i] ?? "") + "\n"))
            : throw LatheException.BadConfig($"The column '{column}' must hold text for a language model; it is {table[column].Kind.ToString().ToLowerInvariant()}.");

    /// <summary>Non-overlapping windows: inputs ids[k..k+T), targets ids[k+1..k+T+1).</summary>
    internal static TensorData Windows(long[] ids, int context, string part)
    {
        var count = (ids.Length - 1) / context;
        if (count == 0)
            throw LatheException.BadData($"The {part} text has {ids.Length} characters, fewer than model.context + 1 ({context + 1}); give more text or a shorter context.");
        var inputs = new long[count * context];
        var targets = new long[count * context];
        for (var w = 0; w < count; w++)
        {
            Array.Copy(ids, w * context, inputs, w * context, context);
            Array.Copy(ids, w * context + 1, targets, w * context, context);
        }
        return new TensorData(tensor(inputs, [count, context]), tensor(targets, [count, context]));
    }
}
