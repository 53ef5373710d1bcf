using Lathe.Models;

namespace Lathe.Torch.Models;

/// <summary>MLP classifier: cross-entropy on class logits (or binary cross-entropy on one logit), softmax probabilities.</summary>
public sealed class MlpClassifier(MlpOptions? options = null)
    : NeuralEstimator((options ??= new()).Spec, options.Training, options.Loss, TaskKind.Classification, options.Pretrained);

/// <summary>MLP regressor: MSE, MAE or Huber loss on one output.</summary>
public sealed class MlpRegressor(MlpOptions? options = null)
    : NeuralEstimator((options ??= new()).Spec, options.Training, options.Loss, TaskKind.Regression, options.Pretrained);

/// <summary>CNN classifier for images (a vector column shaped [channels, height, width]).</summary>
public sealed class CnnClassifier(CnnOptions? options = null)
    : NeuralEstimator((options ??= new()).Spec, options.Training, options.Loss, TaskKind.Classification, options.Pretrained);

/// <summary>CNN regressor for images.</summary>
public sealed class CnnRegressor(CnnOptions? options = null)
    : NeuralEstimator((options ??= new()).Spec, options.Training, options.Loss, TaskKind.Regression, options.Pretrained);
