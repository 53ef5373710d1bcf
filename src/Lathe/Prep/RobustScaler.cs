using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Centers each numeric column on its training median and divides by its training interquartile range
/// (75th − 25th percentile), so a few extreme values barely move the scaling. A column whose IQR is 0 keeps scale 1.
/// </summary>
public sealed class RobustScaler : ITransform
{
    public const string TypeName = "robust_scaler";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedCenterScale(TypeName,
        [.. table.Columns.OfType<NumericColumn>().Select(n =>
        {
            var present = OrderStatistic.Present(n.Values);
            var iqr = (double)OrderStatistic.Quantile(present, 0.75) - OrderStatistic.Quantile(present, 0.25);
            return new CenterScale(n.Name, OrderStatistic.Quantile(present, 0.5), FittedCenterScale.SafeScale(iqr));
        })]);
}
