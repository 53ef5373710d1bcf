using Lathe.Models;
using Lathe.Models.Clustering;
using Lathe.Testing;

namespace Lathe.Tests.Models.Clustering;

public class KMeansConformance : ClustererConformance
{
    protected override IEstimator CreateClusterer() => new KMeans(new KMeansOptions { Clusters = 3 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(KMeans.TypeName, KMeansModel.Load);
}

public class DbscanConformance : ClustererConformance
{
    // After standard scaling a blob's rows have a standard deviation of about 1/3 per coordinate and the blobs' centres are about 3 apart.
    protected override IEstimator CreateClusterer() => new Dbscan(new DbscanOptions { Eps = 1.0, MinSamples = 5 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(Dbscan.TypeName, DbscanModel.Load);
}

public class GaussianMixtureConformance : ClustererConformance
{
    protected override IEstimator CreateClusterer() => new GaussianMixture(new GaussianMixtureOptions { Components = 3 });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(GaussianMixture.TypeName, GaussianMixtureModel.Load);
}
