using Lathe.Data;
using Lathe.Torch.Objectives;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>The target column as the tensor an objective expects: class indices (softmax), 0/1 floats (sigmoid) or values.</summary>
internal static class TargetTensor
{
    public static Tensor Of(Table table, string target, OutputKind output) => output switch
    {
        OutputKind.Softmax => tensor(ClassIndices(table, target)),
        OutputKind.Sigmoid => tensor(ClassIndices(table, target).Select(c => (float)c).ToArray(), [table.RowCount, 1]),
        _ => tensor(((NumericColumn)table[target]).Values.ToArray(), [table.RowCount, 1]),
    };

    private static long[] ClassIndices(Table table, string target)
    {
        var column = (CategoricalColumn)table[target];
        var codes = new long[column.Length];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = column[i] >= 0
                ? column[i]
                : throw LatheException.BadData($"Row {i + 1} of the target '{target}' is empty or a class not in the training rows.");
        return codes;
    }
}
