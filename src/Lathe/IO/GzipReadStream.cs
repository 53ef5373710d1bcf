using System.Buffers.Binary;
using System.IO.Compression;

namespace Lathe.IO;

/// <summary>
/// Decompresses a .gz file and, at its end, checks the size the gzip trailer records. .NET's GZipStream
/// simply stops at the end of a truncated file; a reader would then silently lose the rest of the data.
/// A mismatch throws <see cref="InvalidDataException"/>, which readers turn into a message naming the file.
/// </summary>
public sealed class GzipReadStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly uint _recordedSize;
    private long _produced;

    public GzipReadStream(string path)
    {
        _file = File.OpenRead(path);
        if (_file.Length < 18) // a 10-byte header and an 8-byte trailer at least
        {
            _file.Dispose();
            throw new InvalidDataException("too short to be a gzip file");
        }
        Span<byte> trailer = stackalloc byte[4];
        _file.Seek(-4, SeekOrigin.End);
        _file.ReadExactly(trailer);
        _file.Seek(0, SeekOrigin.Begin);
        _recordedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer); // ISIZE: the size modulo 2^32
        _gzip = new GZipStream(_file, CompressionMode.Decompress);
    }

    /// <summary>Opens a file for reading, decompressing it when its name ends in .gz.</summary>
    public static Stream OpenMaybeCompressed(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GzipReadStream(path) : File.OpenRead(path);

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        _produced += read;
        if (read == 0 && buffer.Length > 0 && (uint)_produced != _recordedSize)
            throw new InvalidDataException(
                $"the gzip data is truncated or damaged: it ends after {_produced} bytes but records {_recordedSize} " +
                "(a file of several gzip files joined together also reads this way: decompress it first)");
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
