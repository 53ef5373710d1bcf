namespace Lathe.Text;

/// <summary>
/// 32-bit FNV-1a over a string's UTF-8 bytes: the same value in every process and on every machine, unlike
/// <see cref="string.GetHashCode()"/>, which .NET randomizes per process. Hashed features saved with a model
/// must land in the same place when the model is loaded elsewhere.
/// </summary>
public static class Fnv1aHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string text)
    {
        var hash = OffsetBasis;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < count; i++)
            {
                hash ^= buffer[i];
                hash *= Prime;
            }
        }
        return hash;
    }

    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }
}
