using System.Globalization;

namespace Lathe.Bench;

/// <summary>Seconds per measured epoch of one training loop, and their median.</summary>
public sealed class EpochTimes(string name)
{
    private readonly List<double> _seconds = [];

    public string Name { get; } = name;

    public IReadOnlyList<double> Seconds => _seconds;

    public void Add(double seconds) => _seconds.Add(seconds);

    public double Median
    {
        get
        {
            if (_seconds.Count == 0) return double.NaN;
            var sorted = _seconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public static string Format(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
