using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.IO;

namespace Lathe.Training;

/// <summary>
/// A checkpoint: one folder of named JSON documents and binary files. <see cref="Commit"/> writes it as
/// a whole — into a temporary sibling folder that then replaces the target — so a crash leaves either
/// the previous checkpoint or the new one, never a mix.
/// </summary>
public sealed class CheckpointFolder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Dictionary<string, byte[]> _pending = new(StringComparer.Ordinal);

    private CheckpointFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>A checkpoint to be written to <paramref name="path"/> when committed.</summary>
    public static CheckpointFolder ForWriting(string path) => new(System.IO.Path.GetFullPath(path));

    public static CheckpointFolder Open(string path)
    {
        if (!File.Exists(System.IO.Path.Combine(path, "trainer.json")))
            throw LatheException.BadData($"{path}: not a complete checkpoint (trainer.json is missing).");
        return new CheckpointFolder(System.IO.Path.GetFullPath(path));
    }

    public void WriteJson(string name, JsonNode json) => _pending[name + ".json"] = JsonSerializer.SerializeToUtf8Bytes(json, Indented);

    public void WriteBytes(string name, byte[] bytes) => _pending[name] = bytes;

    /// <summary>Path where a file of this checkpoint will be, for libraries that write by path.</summary>
    public string StagedPath(string name) => System.IO.Path.Combine(Path + ".staging", name);

    public JsonNode ReadJson(string name)
    {
        var path = System.IO.Path.Combine(Path, name + ".json");
        return File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path))!
            : throw LatheException.BadData($"{Path}: the checkpoint has no {name}.json.");
    }

    public bool Has(string name) => File.Exists(System.IO.Path.Combine(Path, name)) || File.Exists(System.IO.Path.Combine(Path, name + ".json"));

    public byte[] ReadBytes(string name) => File.ReadAllBytes(FilePath(name));

    public string FilePath(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        return File.Exists(path) ? path : throw LatheException.BadData($"{Path}: the checkpoint has no {name}.");
    }

    /// <summary>Writes everything staged, then swaps the staging folder in for the checkpoint folder.</summary>
    public void Commit()
    {
        var staging = Path + ".staging";
        Directory.CreateDirectory(staging);
        foreach (var (name, bytes) in _pending) AtomicFile.WriteAllBytes(System.IO.Path.Combine(staging, name), bytes);
        _pending.Clear();
        var old = Path + ".old";
        if (Directory.Exists(Path))
        {
            // Only now is an older ".old" (left by a crash mid-swap) superseded by a complete checkpoint.
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            Directory.Move(Path, old);
        }
        Directory.Move(staging, Path);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// Finds the usable checkpoint at <paramref name="path"/>: the folder itself, or the previous one
    /// kept as ".old" when a crash interrupted the swap.
    /// </summary>
    public static string? Locate(string path)
    {
        if (File.Exists(System.IO.Path.Combine(path, "trainer.json"))) return path;
        var old = path + ".old";
        return File.Exists(System.IO.Path.Combine(old, "trainer.json")) ? old : null;
    }
}
