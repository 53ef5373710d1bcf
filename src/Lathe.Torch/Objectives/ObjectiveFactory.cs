using Lathe.Models;

namespace Lathe.Torch.Objectives;

/// <summary>How a network's outputs are read: one logit per class, one logit for two classes, or values.</summary>
public enum OutputKind
{
    Softmax,
    Sigmoid,
    Identity,
}

/// <summary>Chooses the objective and the output layer for a task and a <see cref="LossOptions"/>.</summary>
public static class ObjectiveFactory
{
    public sealed record Choice(IObjective Objective, OutputKind Output, int Outputs);

    public static Choice Create(LossOptions loss, TaskKind task, IReadOnlyList<string> classes)
    {
        loss.Validate();
        if (task == TaskKind.Reconstruction)
        {
            if (loss.Type is not ("auto" or "mse" or "mae" or "huber"))
                throw LatheException.BadConfig($"train.loss.type: {loss.Type} does not fit reconstruction; use mse, mae or huber.");
            // Outputs are as many as the inputs; the estimator sets that number.
            return new Choice(new RegressionObjective(loss.Type == "auto" ? "mse" : loss.Type, loss.HuberDelta), OutputKind.Identity, 0);
        }
        var type = loss.Type == "auto" ? (task == TaskKind.Classification ? "cross_entropy" : "mse") : loss.Type;
        var forClassification = type is "cross_entropy" or "binary_cross_entropy";
        if (forClassification != (task == TaskKind.Classification))
            throw LatheException.BadConfig(
                $"train.loss.type: {type} is a {(forClassification ? "classification" : "regression")} loss but the task is {task.ToString().ToLowerInvariant()}.");
        switch (type)
        {
            case "cross_entropy":
                foreach (var name in loss.ClassWeights.Keys)
                    if (!classes.Contains(name))
                        throw LatheException.BadConfig($"train.loss.class_weights: '{name}' is not a class ({string.Join(", ", classes)}).");
                float[]? weights = loss.ClassWeights.Count == 0 ? null : [.. classes.Select(c => (float)loss.ClassWeights.GetValueOrDefault(c, 1.0))];
                return new Choice(new SoftmaxObjective(loss.LabelSmoothing, weights), OutputKind.Softmax, classes.Count);
            case "binary_cross_entropy":
                if (classes.Count != 2)
                    throw LatheException.BadConfig($"train.loss.type: binary_cross_entropy needs exactly two classes, not {classes.Count}; use cross_entropy.");
                if (loss.LabelSmoothing > 0 || loss.ClassWeights.Count > 0)
                    throw LatheException.BadConfig("train.loss: label_smoothing and class_weights apply to cross_entropy only, not binary_cross_entropy.");
                return new Choice(new SigmoidObjective(), OutputKind.Sigmoid, 1);
            default:
                return new Choice(new RegressionObjective(type, loss.HuberDelta), OutputKind.Identity, 1);
        }
    }
}
