using System.Text.RegularExpressions;

namespace Lathe.Torch.Transfer;

/// <summary>
/// A pattern over parameter names such as "features.conv0.weight": '*' matches any run of characters,
/// and a pattern without '*' also matches everything below it ("features" matches "features.conv0.weight").
/// </summary>
public sealed class ParameterPattern
{
    private readonly Regex _regex;

    public ParameterPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw LatheException.BadConfig("finetune: an empty parameter pattern matches nothing.");
        Text = pattern;
        var body = string.Join(".*", pattern.Split('*').Select(Regex.Escape));
        _regex = new Regex(pattern.Contains('*') ? $"^{body}$" : $"^{body}(\\..*)?$", RegexOptions.CultureInvariant);
    }

    public string Text { get; }

    public bool Matches(string parameterName) => _regex.IsMatch(parameterName);

    public override string ToString() => Text;
}
