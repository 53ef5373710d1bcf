using Lathe.Boosting;
using Lathe.Models;
using Lathe.Testing;

namespace Lathe.Boosting.Tests;

public class GradientBoostingConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new GradientBoostingClassifier(new GradientBoostingOptions { Rounds = 30 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(GradientBoostingEstimator.TypeName, GradientBoostingModel.Load);
}
