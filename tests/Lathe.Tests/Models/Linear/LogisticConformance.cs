using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Testing;

namespace Lathe.Tests.Models.Linear;

public class LogisticConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new LogisticRegression();

    protected override ModelCatalog Catalog => new ModelCatalog().Register(LogisticRegression.TypeName, LogisticModel.Load);
}
