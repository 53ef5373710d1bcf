namespace Lathe.Models;

/// <summary>A model that measures how much each of its (prepared) input columns contributed while it was fitted.</summary>
public interface IHasFeatureImportances
{
    /// <summary>Each input column's share of the model's own importance measure (impurity decrease, gain); sums to 1 when any is positive.</summary>
    IReadOnlyDictionary<string, double> FeatureImportances { get; }
}
