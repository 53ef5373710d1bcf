using System.Runtime.InteropServices;
using System.Text;

namespace Lathe.Boosting.Native;

/// <summary>
/// A LightGBM booster: trains one round at a time, evaluates, predicts and writes itself as LightGBM's
/// model text. Freed by the runtime if nobody disposes it, since models carry one for their lifetime.
/// </summary>
internal sealed unsafe class BoosterHandle : SafeHandle
{
    private BoosterHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_BoosterFree(handle) == 0;

    public static BoosterHandle Create(DatasetHandle train, string parameters)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(train.DangerousGetHandle(), parameters, out var pointer), "BoosterCreate");
        var booster = new BoosterHandle();
        booster.SetHandle(pointer);
        return booster;
    }

    public static BoosterHandle FromModelText(string text)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterLoadModelFromString(text, out _, out var pointer), "BoosterLoadModelFromString");
        var booster = new BoosterHandle();
        booster.SetHandle(pointer);
        return booster;
    }

    public void AddValidation(DatasetHandle validation) =>
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterAddValidData(handle, validation.DangerousGetHandle()), "BoosterAddValidData");

    /// <summary>Grows one more round of trees; false when no tree could split any more (training is finished).</summary>
    public bool UpdateOneRound()
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(handle, out var finished), "BoosterUpdateOneIter");
        return finished == 0;
    }

    public int Rounds
    {
        get
        {
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetCurrentIteration(handle, out var rounds), "BoosterGetCurrentIteration");
            return rounds;
        }
    }

    /// <summary>The configured metric on a dataset: 0 is the training set, 1 the first validation set.</summary>
    public double Evaluate(int dataIndex)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetEvalCounts(handle, out var count), "BoosterGetEvalCounts");
        var results = new double[Math.Max(count, 1)];
        fixed (double* pointer = results)
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetEval(handle, dataIndex, out _, pointer), "BoosterGetEval");
        return results[0];
    }

    /// <summary>LightGBM's model text holding the first <paramref name="rounds"/> rounds.</summary>
    public string ToModelText(int rounds)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(handle, 0, rounds, LightGbmApi.ImportanceGain, 0, out var length, null),
            "BoosterSaveModelToString");
        var buffer = new byte[length];
        fixed (byte* pointer = buffer)
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(handle, 0, rounds, LightGbmApi.ImportanceGain, length, out _, pointer),
                "BoosterSaveModelToString");
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1); // drop the terminating NUL
    }

    /// <summary>Raw predictions, row-major: one value per row, or one probability per class for multiclass.</summary>
    public double[] Predict(float[] x, int rows, int width, int outputs)
    {
        var results = new double[(long)rows * outputs];
        if (rows == 0) return results;
        fixed (float* data = x)
        fixed (double* output = results)
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(handle, data, LightGbmApi.Float32, rows, width, 1,
                LightGbmApi.PredictNormal, 0, -1, "num_threads=0", out _, output), "BoosterPredictForMat");
        return results;
    }

    /// <summary>Total gain of each feature's splits.</summary>
    public double[] GainImportances(int width)
    {
        var results = new double[width];
        fixed (double* pointer = results)
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterFeatureImportance(handle, -1, LightGbmApi.ImportanceGain, pointer), "BoosterFeatureImportance");
        return results;
    }
}
