namespace Lathe.Data;

/// <summary>
/// A growable run of floats kept in fixed-size chunks, so that growing never copies and never holds two
/// copies: a reader that does not know the row count in advance peaks at the data's own size.
/// </summary>
internal sealed class FloatChunks
{
    private const int ChunkSize = 1 << 16;
    private readonly List<float[]> _chunks = [];
    private int _lastCount = ChunkSize;

    public int Count { get; private set; }

    public void Add(float value)
    {
        if (_lastCount == ChunkSize)
        {
            _chunks.Add(new float[ChunkSize]);
            _lastCount = 0;
        }
        _chunks[^1][_lastCount++] = value;
        Count++;
    }

    /// <summary>The values in one exact-length array; the chunks are released as they are copied.</summary>
    public float[] ToArrayAndClear()
    {
        var values = new float[Count];
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = i == _chunks.Count - 1 ? _lastCount : ChunkSize;
            _chunks[i].AsSpan(0, length).CopyTo(values.AsSpan(i * ChunkSize));
            _chunks[i] = [];
        }
        _chunks.Clear();
        _lastCount = ChunkSize;
        Count = 0;
        return values;
    }
}
