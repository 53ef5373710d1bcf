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

public class KNeighborsConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new Lathe.Models.Neighbors.KNeighborsClassifier();

    protected override ModelCatalog Catalog => new ModelCatalog().Register(Lathe.Models.Neighbors.KNearestNeighbors.TypeName, Lathe.Models.Neighbors.NeighborsModel.Load);
}

public class NaiveBayesConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new Lathe.Models.Bayes.GaussianNaiveBayes();

    protected override ModelCatalog Catalog => new ModelCatalog().Register(Lathe.Models.Bayes.GaussianNaiveBayes.TypeName, Lathe.Models.Bayes.NaiveBayesModel.Load);
}
