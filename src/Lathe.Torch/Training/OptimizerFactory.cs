using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>Builds the torch.optim optimizer an <see cref="OptimizerOptions"/> describes.</summary>
public static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerOptions o, IEnumerable<Parameter> parameters) => o.Type switch
    {
        "sgd" => optim.SGD(parameters, o.LearningRate, momentum: o.Momentum, weight_decay: o.WeightDecay, nesterov: o.Nesterov),
        "adam" => optim.Adam(parameters, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon ?? 1e-8, o.WeightDecay),
        "adamw" => optim.AdamW(parameters, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon ?? 1e-8, o.WeightDecay),
        "rmsprop" => optim.RMSProp(parameters, o.LearningRate, o.Alpha, o.Epsilon ?? 1e-8, o.WeightDecay, o.Momentum),
        "adagrad" => optim.Adagrad(parameters, o.LearningRate, weight_decay: o.WeightDecay, eps: o.Epsilon ?? 1e-10),
        _ => throw LatheException.BadConfig($"train.optimizer.type: '{o.Type}' is not one of {string.Join(", ", OptimizerOptions.Types)}."),
    };
}
