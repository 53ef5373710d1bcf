using Lathe.Models;
using Lathe.Testing;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Training;

namespace Lathe.Torch.Tests;

public class MlpConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new MlpClassifier(new MlpOptions
    {
        Hidden = [16],
        Training = new TrainerOptions { Epochs = 15, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { LearningRate = 0.01 } },
    });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(MlpSpec.TypeName, NeuralModel.Load);
}
