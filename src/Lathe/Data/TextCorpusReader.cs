using System.Text;

namespace Lathe.Data;

/// <summary>Reads a plain UTF-8 text file into a table with one text column, "text", one row per line.</summary>
public static class TextCorpusReader
{
    public static Table Read(string path)
    {
        if (!File.Exists(path)) throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        string content;
        try
        {
            content = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException e)
        {
            throw LatheException.BadData($"{path}: not UTF-8 text (invalid bytes near index {e.Index}). Convert it to UTF-8 first.");
        }
        var lines = content.Replace("\r\n", "\n").Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
        if (lines.Length == 0) throw LatheException.BadData($"{path}: the file is empty.");
        return new Table([new TextColumn("text", lines)], source: path);
    }
}
