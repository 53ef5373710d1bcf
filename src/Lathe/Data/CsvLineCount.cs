using Microsoft.Win32.SafeHandles;

namespace Lathe.Data;

/// <summary>
/// The number of data rows an uncompressed file holds if every line is one row (no blank lines, no line breaks inside
/// quotes): counting line breaks is far cheaper than parsing, and lets every numeric column be filled into an array of
/// its final size. The file is counted in one range per core.
/// </summary>
internal static class CsvLineCount
{
    public static int DataRows(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        if (length == 0) return 0;
        var parts = length < 4 << 20 ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 16);
        var breaks = new long[parts];
        Parallel.For(0, parts, p => breaks[p] = CountBreaks(file, length * p / parts, length * (p + 1) / parts));
        Span<byte> last = stackalloc byte[1];
        RandomAccess.Read(file, last, length - 1);
        var lines = breaks.Sum() + (last[0] == (byte)'\n' ? 0 : 1);
        return (int)Math.Clamp(lines - 1, 0, Array.MaxLength);
    }

    private static long CountBreaks(SafeFileHandle file, long from, long to)
    {
        var buffer = new byte[1 << 20];
        long breaks = 0;
        for (var offset = from; offset < to;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to - offset)), offset);
            if (read == 0) break;
            breaks += buffer.AsSpan(0, read).Count((byte)'\n');
            offset += read;
        }
        return breaks;
    }
}
