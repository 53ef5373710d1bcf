using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// Reads the number that starts at <paramref name="start"/>; returns the index just past it, or -1 when no plain
    /// decimal number that fits a float32 starts there. The text must end with a byte that cannot be part of a number
    /// (the CSV reader ends every block with a line break): the scan reads up to the first such byte without
    /// checking bounds.
    /// </summary>
    public static int Scan(ReadOnlySpan<byte> text, int start, out float value)
    {
        Debug.Assert(text.Length > start && (uint)(text[^1] - '0') > 9 && text[^1] is not (byte)'.' and not (byte)'e' and not (byte)'E' and not (byte)'+' and not (byte)'-');
        ref var t = ref MemoryMarshal.GetReference(text);
        var i = start;
        var b = Unsafe.Add(ref t, i);
        var negative = b == (byte)'-';
        if (negative || b == (byte)'+') b = Unsafe.Add(ref t, ++i);
        var digitsStart = i;
        ulong w = 0;
        uint d;
        for (; (d = (uint)(b - '0')) <= 9; b = Unsafe.Add(ref t, ++i)) w = w * 10 + d;
        var digits = i - digitsStart;
        var exponent = 0;
        if (b == (byte)'.')
        {
            var fractionStart = i + 1;
            for (b = Unsafe.Add(ref t, ++i); (d = (uint)(b - '0')) <= 9; b = Unsafe.Add(ref t, ++i)) w = w * 10 + d;
            exponent = fractionStart - i;
            digits += i - fractionStart;
        }
        value = 0;
        if (digits == 0) return -1;
        if ((b | 0x20) == (byte)'e')
        {
            var j = i + 1;
            b = Unsafe.Add(ref t, j);
            var negativeExponent = b == (byte)'-';
            if (negativeExponent || b == (byte)'+') b = Unsafe.Add(ref t, ++j);
            var exponentStart = j;
            var e = 0;
            for (; (d = (uint)(b - '0')) <= 9; b = Unsafe.Add(ref t, ++j)) e = Math.Min(e * 10 + (int)d, 100_000);
            if (j == exponentStart) return -1; // "1e" is not a number to the other parsers either
            exponent += negativeExponent ? -e : e;
            i = j;
        }
        // More than 19 digits may have overflowed w, unless the extra ones are leading zeros (which add nothing to it).
        var exact = (digits <= 19 || SignificantDigits(text[digitsStart..i]) <= 19) && Exact(w, exponent, out value);
        if (exact) value = negative ? -value : value;
        else if (!float.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return -1; // sign included
        return float.IsInfinity(value) ? -1 : i; // too large for float32: the general path refuses or logs it
    }

    /// <summary>Digits of a number's mantissa after its leading zeros (trailing zeros count: they are digits of w).</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        var mantissa = number.IndexOfAny((byte)'e', (byte)'E') is var e and >= 0 ? number[..e] : number;
        var leading = 0;
        foreach (var b in mantissa)
        {
            if (b == (byte)'0') leading++;
            else if (b != (byte)'.') break;
        }
        return mantissa.Length - (mantissa.Contains((byte)'.') ? 1 : 0) - leading;
    }

    private static bool Exact(ulong w, int exponent, out float value)
    {
        value = 0;
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
