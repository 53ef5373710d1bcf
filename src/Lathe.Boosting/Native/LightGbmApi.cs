using System.Runtime.InteropServices;

namespace Lathe.Boosting.Native;

/// <summary>
/// The parts of LightGBM's C API (c_api.h, 4.7) Lathe calls. Every function returns 0 on success and -1
/// on failure, with the reason in <see cref="LGBM_GetLastError"/>; <see cref="Check"/> turns that into an exception.
/// </summary>
internal static unsafe partial class LightGbmApi
{
    private const string Library = "lib_lightgbm";

    public const int Float32 = 0;
    public const int Float64 = 1;
    public const int PredictNormal = 0;
    public const int ImportanceGain = 1;

    [LibraryImport(Library)]
    private static partial nint LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetCreateFromMat(float* data, int dataType, int rows, int columns, int isRowMajor,
        string parameters, nint reference, out nint dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetSetField(nint dataset, string field, float* data, int count, int type);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(nint dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(nint train, string parameters, out nint booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterAddValidData(nint booster, nint validation);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(nint booster, out int isFinished);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetCurrentIteration(nint booster, out int iterations);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetEvalCounts(nint booster, out int count);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetEval(nint booster, int dataIndex, out int length, double* results);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterSaveModelToString(nint booster, int startIteration, int iterations, int importanceType,
        long bufferLength, out long length, byte* text);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string text, out int iterations, out nint booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterPredictForMat(nint booster, float* data, int dataType, int rows, int columns, int isRowMajor,
        int predictType, int startIteration, int iterations, string parameters, out long length, double* results);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFeatureImportance(nint booster, int iterations, int importanceType, double* results);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(nint booster);

    /// <summary>Throws with LightGBM's own message when a call failed.</summary>
    public static void Check(int status, string call)
    {
        if (status == 0) return;
        var message = Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "no message";
        throw LatheException.BadData($"LightGBM {call} failed: {message}");
    }
}
