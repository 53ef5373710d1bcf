using System.Collections;
using System.Text.Json.Nodes;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Transfer;

/// <summary>
/// Reads pretrained weights as a name → tensor dictionary from a Lathe run or model folder, a
/// safetensors file, or a PyTorch state_dict (.pt, .pth, .bin; unpickled without running code).
/// </summary>
public static class PretrainedWeights
{
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (Directory.Exists(path)) return Read(WeightsFileOfModel(path));
        if (!File.Exists(path))
            throw LatheException.BadConfig($"model.pretrained: '{path}' does not exist. Give a run folder, a model folder, a .safetensors file or a PyTorch .pt/.pth state_dict.");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".safetensors" => Safetensors.LoadStateDict(path),
                ".pt" or ".pth" or ".bin" or ".ckpt" => FromHashtable(PyTorchUnpickler.UnpickleStateDict(path)),
                _ => throw LatheException.BadConfig($"model.pretrained: cannot tell the format of '{path}'; use a .safetensors, .pt or .pth file."),
            };
        }
        catch (Exception e) when (e is not LatheException)
        {
            throw LatheException.BadData($"{path}: not a readable {extension} weights file ({e.Message}).");
        }
    }

    /// <summary>The weights file of a Lathe model folder (or of a run folder's model/).</summary>
    private static string WeightsFileOfModel(string folder)
    {
        var model = File.Exists(Path.Combine(folder, "model.json")) ? folder : Path.Combine(folder, "model");
        var json = Path.Combine(model, "model.json");
        if (!File.Exists(json))
            throw LatheException.BadConfig($"model.pretrained: '{folder}' is a folder without model.json (or model/model.json); give a Lathe run or model folder.");
        var weights = (string?)JsonNode.Parse(File.ReadAllText(json))?["pipeline"]?["model"]?["weights"]
            ?? throw LatheException.BadData($"{json}: this model has no weights file (it is not a neural network).");
        return Path.Combine(model, weights);
    }

    private static Dictionary<string, Tensor> FromHashtable(Hashtable table)
    {
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
            if (entry.Value is Tensor tensor) weights[(string)entry.Key] = tensor;
        return weights;
    }
}
