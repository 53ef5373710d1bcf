using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lathe.Splits;

/// <summary>
/// A SHA-256 of a part's row indices (sorted, each as a little-endian 32-bit integer), in lowercase hex:
/// two runs used the same rows exactly when their fingerprints are equal.
/// </summary>
public static class SplitFingerprint
{
    public static string Of(IEnumerable<int> rows)
    {
        var sorted = rows.Order().ToArray();
        var bytes = new byte[sorted.Length * 4];
        for (var i = 0; i < sorted.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), sorted[i]);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
