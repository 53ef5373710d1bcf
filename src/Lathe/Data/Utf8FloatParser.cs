using System.Globalization;

namespace Lathe.Data;

/// <summary>
/// Parses a plain decimal number — [sign] digits [. digits] [e|E [sign] digits] — from UTF-8 bytes into the
/// nearest float32, the same value .NET's and Sep's correctly rounded parsers give. Most CSV numbers take an exact
/// shortcut (Clinger's fast path): the digits as an integer w and one multiplication or division by an exact power
/// of ten, in float when w ≤ 2^24 and |exponent| ≤ 10, else in double when that double is not exactly halfway
/// between two floats (only then could rounding twice differ from rounding once). The rest goes to .NET's parser.
/// </summary>
internal static class Utf8FloatParser
{
    private static readonly float[] SinglePowers = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];
    private static readonly double[] DoublePowers =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// Reads a number at the start of <paramref name="text"/>; returns the bytes it took, or 0 when the text does not
    /// start with a plain decimal number that fits a float32.
    /// </summary>
    public static int Scan(ReadOnlySpan<byte> text, out float value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+')) negative = text[i++] == (byte)'-';
        ulong w = 0;
        int significant = 0, exponent = 0, digits = 0;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++, digits++) Accumulate(text[i], ref w, ref significant, ref exponent, fraction: false);
        if (i < text.Length && text[i] == (byte)'.')
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9; i++, digits++) Accumulate(text[i], ref w, ref significant, ref exponent, fraction: true);
        if (digits == 0) return 0;
        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            var j = i + 1;
            var negativeExponent = false;
            if (j < text.Length && (text[j] == (byte)'-' || text[j] == (byte)'+')) negativeExponent = text[j++] == (byte)'-';
            var start = j;
            var e = 0;
            for (; j < text.Length && (uint)(text[j] - '0') <= 9; j++) e = Math.Min(e * 10 + (text[j] - '0'), 100_000);
            if (j == start) return 0; // "1e" is not a number to the other parsers either
            exponent += negativeExponent ? -e : e;
            i = j;
        }
        if (Exact(w, significant, exponent, out value)) value = negative ? -value : value;
        else if (!float.TryParse(text[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return 0; // sign included
        return float.IsInfinity(value) ? 0 : i; // too large for float32: the general path refuses or logs it
    }

    private static void Accumulate(byte digit, ref ulong w, ref int significant, ref int exponent, bool fraction)
    {
        if (w == 0 && digit == (byte)'0')
        {
            if (fraction) exponent--; // a leading zero after the point only moves the point
            return;
        }
        if (significant < 19)
        {
            w = w * 10 + (ulong)(digit - '0');
            significant++;
            if (fraction) exponent--;
        }
        else
        {
            significant++; // more digits than a ulong holds: the exact shortcut is off
            if (!fraction) exponent++;
        }
    }

    private static bool Exact(ulong w, int significant, int exponent, out float value)
    {
        value = 0;
        if (significant > 19) return false;
        if (w == 0) return true;
        if (w <= 1UL << 24 && exponent is >= -10 and <= 10)
        {
            value = exponent >= 0 ? w * SinglePowers[exponent] : w / SinglePowers[-exponent];
            return true;
        }
        if (w >= 1UL << 53 || exponent is < -22 or > 22) return false;
        var d = exponent >= 0 ? w * DoublePowers[exponent] : w / DoublePowers[-exponent];
        // Outside the normal float range rounding differs (subnormals, overflow): leave it to the full parser.
        if (d is < 1.1754943508222875e-38 or > 3.4028234663852886e38) return false;
        // The 29 low mantissa bits are what rounding to float drops; exactly half of them set is a float midpoint.
        if ((BitConverter.DoubleToInt64Bits(d) & ((1L << 29) - 1)) == 1L << 28) return false;
        value = (float)d;
        return true;
    }
}
