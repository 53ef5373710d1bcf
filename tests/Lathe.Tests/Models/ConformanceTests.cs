using Lathe.Models;
using Lathe.Models.Trees;
using Lathe.Testing;

namespace Lathe.Tests.Models;

public class DecisionTreeConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new DecisionTreeClassifier(new TreeOptions { MaxDepth = 6 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(DecisionTreeEstimator.TypeName, DecisionTreeModel.Load);
}

public class RandomForestConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new RandomForestClassifier(new ForestOptions { Trees = 15 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(RandomForestEstimator.TypeName, RandomForestModel.Load);
}
