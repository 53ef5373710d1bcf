using System.Runtime.InteropServices;

namespace Lathe.Boosting.Native;

/// <summary>A LightGBM dataset: the binned copy of a row-major float32 matrix with its labels.</summary>
internal sealed unsafe class DatasetHandle : SafeHandle
{
    private DatasetHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_DatasetFree(handle) == 0;

    /// <summary>Bins <paramref name="x"/>; a validation set passes the training set as <paramref name="reference"/> so both share bins.</summary>
    public static DatasetHandle Create(float[] x, int rows, int width, float[] labels, string parameters, DatasetHandle? reference = null)
    {
        nint pointer;
        fixed (float* data = x)
            LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(data, LightGbmApi.Float32, rows, width, 1, parameters,
                reference?.DangerousGetHandle() ?? 0, out pointer), "DatasetCreateFromMat");
        var dataset = new DatasetHandle();
        dataset.SetHandle(pointer);
        fixed (float* label = labels)
            LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(pointer, "label", label, labels.Length, LightGbmApi.Float32), "DatasetSetField");
        return dataset;
    }
}
