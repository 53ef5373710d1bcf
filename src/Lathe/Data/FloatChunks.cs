namespace Lathe.Data;

/// <summary>
/// A growable run of floats for a reader that may not know its row count. With a good capacity (an exact
/// count from a line count) the values land in one array that becomes the column as is: no copy, no second
/// copy alive at the peak. Values past the capacity go to fixed-size chunks that never move when they grow.
/// </summary>
internal sealed class FloatChunks(int capacity)
{
    private const int ChunkSize = 1 << 16;
    private float[] _first = new float[Math.Max(capacity, 0)];
    private readonly List<float[]> _chunks = [];
    private int _lastCount = ChunkSize;

    public int Count { get; private set; }

    public void Add(float value)
    {
        if ((uint)Count < (uint)_first.Length) _first[Count] = value;
        else
        {
            if (_lastCount == ChunkSize)
            {
                _chunks.Add(new float[ChunkSize]);
                _lastCount = 0;
            }
            _chunks[^1][_lastCount++] = value;
        }
        Count++;
    }

    /// <summary>The values in one exact-length array (the first array itself when it was exactly filled).</summary>
    public float[] ToArrayAndClear()
    {
        float[] values;
        if (Count == _first.Length) values = _first;
        else
        {
            values = new float[Count];
            _first.AsSpan(0, Math.Min(Count, _first.Length)).CopyTo(values);
            for (var i = 0; i < _chunks.Count; i++)
            {
                var length = i == _chunks.Count - 1 ? _lastCount : ChunkSize;
                _chunks[i].AsSpan(0, length).CopyTo(values.AsSpan(_first.Length + i * ChunkSize));
                _chunks[i] = [];
            }
        }
        _first = [];
        _chunks.Clear();
        _lastCount = ChunkSize;
        Count = 0;
        return values;
    }
}
