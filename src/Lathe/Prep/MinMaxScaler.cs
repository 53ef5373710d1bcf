using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Maps each numeric column's training range onto [0, 1]: (value − min) / (max − min). New values outside
/// the training range land outside [0, 1] (they are not clipped). A constant column keeps scale 1.
/// </summary>
public sealed class MinMaxScaler : ITransform
{
    public const string TypeName = "min_max_scaler";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedCenterScale(TypeName,
        [.. table.Columns.OfType<NumericColumn>().Select(n =>
        {
            var present = OrderStatistic.Present(n.Values);
            return present.Length == 0
                ? new CenterScale(n.Name, 0f, 1f)
                : new CenterScale(n.Name, present.Min(), FittedCenterScale.SafeScale((double)present.Max() - present.Min()));
        })]);
}
