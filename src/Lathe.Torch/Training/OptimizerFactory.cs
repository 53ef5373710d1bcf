using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>Builds the torch.optim optimizer an <see cref="OptimizerOptions"/> describes.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// An optimizer with one parameter group per learning-rate multiplier (discriminative learning rates):
    /// each group's rate is the options' rate times its multiplier.
    /// </summary>
    public static optim.Optimizer Create(OptimizerOptions o, IReadOnlyList<(IReadOnlyList<Parameter> Parameters, double Multiplier)> groups)
    {
        if (groups.Count == 1 && groups[0].Multiplier == 1) return Create(o, groups[0].Parameters);
        double Rate(double multiplier) => o.LearningRate * multiplier;
        var eps = o.Epsilon;
        return o.Type switch
        {
            "sgd" => optim.SGD([.. groups.Select(g => new SGD.ParamGroup(g.Parameters, Rate(g.Multiplier), o.Momentum, 0, o.WeightDecay, o.Nesterov, false))], o.LearningRate),
            "adam" => optim.Adam([.. groups.Select(g => new Adam.ParamGroup(g.Parameters, Rate(g.Multiplier), o.Beta1, o.Beta2, eps ?? 1e-8, o.WeightDecay, false, false))], o.LearningRate),
            "adamw" => optim.AdamW([.. groups.Select(g => new AdamW.ParamGroup(g.Parameters, Rate(g.Multiplier), o.Beta1, o.Beta2, eps ?? 1e-8, o.WeightDecay, false, false))], o.LearningRate),
            "rmsprop" => optim.RMSProp([.. groups.Select(g => new RMSProp.ParamGroup(g.Parameters, Rate(g.Multiplier), eps ?? 1e-8, o.Alpha, o.WeightDecay, o.Momentum, false))], o.LearningRate),
            "adagrad" => optim.Adagrad([.. groups.Select(g => new Adagrad.ParamGroup(g.Parameters, Rate(g.Multiplier), 0, o.WeightDecay, 0, eps ?? 1e-10))], o.LearningRate),
            _ => throw LatheException.BadConfig($"train.optimizer.type: '{o.Type}' is not one of {string.Join(", ", OptimizerOptions.Types)}."),
        };
    }

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
