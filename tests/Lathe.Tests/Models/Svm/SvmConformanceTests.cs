using Lathe.Models;
using Lathe.Models.Svm;
using Lathe.Testing;

namespace Lathe.Tests.Models.Svm;

/// <summary>The estimator conformance suite for the SVM classifier with its defaults (RBF, Platt probabilities).</summary>
public class SvmConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new SvmClassifier();

    protected override ModelCatalog Catalog => new ModelCatalog().Register(SvmEstimator.TypeName, SvmModel.Load);
}

/// <summary>The same suite without calibration: probabilities are one-vs-one vote shares.</summary>
public class SvmVotesConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new SvmClassifier(new SvmOptions { Probability = false, Kernel = "linear" });

    protected override ModelCatalog Catalog => new ModelCatalog().Register(SvmEstimator.TypeName, SvmModel.Load);
}
