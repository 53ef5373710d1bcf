namespace Lathe.Prep;

/// <summary>
/// The k-th smallest of a set of floats without sorting them all (quickselect, median-of-three pivots, finishing
/// with a sort of a small or stubborn range): the training median of a million-row column in milliseconds where a
/// full sort takes tens of them — and the imputer takes one per column of every tabular run.
/// </summary>
internal static class OrderStatistic
{
    /// <summary>
    /// Rearranges <paramref name="values"/> (no NaN) so that values[k] is the k-th smallest (0-based), every value
    /// before it is ≤ it and every value after it ≥ it; returns values[k].
    /// </summary>
    public static float Select(Span<float> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int low = 0, high = values.Length - 1;
        // Each round should shrink the range by a fair share; past this many rounds the input is adversarial: sort.
        var rounds = 2 * (int)Math.Log2(values.Length + 1) + 8;
        while (high - low > 16 && rounds-- > 0)
        {
            var pivot = MedianOfThree(values[low], values[low + (high - low) / 2], values[high]);
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            // [low..j] ≤ pivot ≤ [i..high]; between j and i everything equals the pivot.
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }
        values[low..(high + 1)].Sort();
        return values[k];
    }

    /// <summary>The median of values without NaN (the mean of the two middle values for an even count); 0 for none.</summary>
    public static float Median(Span<float> values)
    {
        if (values.IsEmpty) return 0f;
        var mid = values.Length / 2;
        var upper = Select(values, mid);
        if (values.Length % 2 == 1) return upper;
        var lower = values[0];
        foreach (var v in values[..mid]) lower = Math.Max(lower, v); // every value before mid is ≤ upper
        return (lower + upper) / 2f;
    }

    /// <summary>
    /// The q-quantile, interpolating linearly between the two order statistics around position q·(n − 1) (NumPy's
    /// default); 0 for no values. Rearranges <paramref name="values"/>; several quantiles may be asked of one array.
    /// </summary>
    public static float Quantile(Span<float> values, double q)
    {
        if (values.IsEmpty) return 0f;
        var position = q * (values.Length - 1);
        var low = (int)Math.Floor(position);
        var lowValue = Select(values, low);
        if (low + 1 >= values.Length || position == low) return lowValue;
        var highValue = values[low + 1];
        foreach (var v in values[(low + 1)..]) highValue = Math.Min(highValue, v); // every value after low is ≥ lowValue
        return (float)(lowValue + (position - low) * (highValue - lowValue));
    }

    /// <summary>The values that are not NaN (missing), in a new array.</summary>
    public static float[] Present(ReadOnlySpan<float> values)
    {
        var count = 0;
        foreach (var v in values)
            if (!float.IsNaN(v)) count++; // (Span.Count(NaN) would count none: NaN equals nothing)
        var present = new float[count];
        var n = 0;
        foreach (var v in values)
            if (!float.IsNaN(v)) present[n++] = v;
        return present;
    }

    private static float MedianOfThree(float a, float b, float c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
