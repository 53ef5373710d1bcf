using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lathe.Experiments.Reports;

/// <summary>
/// Draws a report as one HTML file that needs nothing else: styles inline, pictures as data: URLs, no scripts and
/// no links outside the page, so it can be mailed, archived or opened offline.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; line-height: 1.45; }
        h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.2rem; }
        .sub { color: #666; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.6rem 0; } th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f3f5f8; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0.8rem; }
        figure { margin: 0.6rem 0; } figure img { max-width: 100%; border: 1px solid #eee; } figcaption { color: #555; font-size: 0.92rem; }
        pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; }
        .finding { border-left: 4px solid #d9822b; padding: 0.2rem 0.8rem; margin: 0.8rem 0; background: #fffaf3; }
        .finding.ok { border-color: #3c8d40; background: #f4faf4; } code { background: #f0f0f0; padding: 0 0.2rem; }
        nav a { margin-right: 0.8rem; }
        """;

    public static string Render(ReportContent report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>Lathe report: {E(report.Name)}</title>\n<style>{Style}</style>\n</head>\n<body>\n")
            .Append($"<h1>{E(report.Name)}</h1>\n<p class=\"sub\">{E(report.Task)} · {E(report.Model)} · finished {E(report.Finished.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}<br>{E(report.Folder)}</p>\n")
            .Append("<nav><a href=\"#scores\">Scores</a><a href=\"#doctor\">Doctor</a><a href=\"#curves\">Curves</a><a href=\"#evaluation\">Evaluation</a>")
            .Append("<a href=\"#importance\">Importance</a><a href=\"#data\">Data</a><a href=\"#config\">Config</a><a href=\"#environment\">Environment</a></nav>\n");
        // First, before any number: what was left out, and data that changed since training.
        if (report.Notes.Count > 0)
        {
            Section(html, "notes", "Notes");
            html.Append("<ul>\n");
            foreach (var note in report.Notes) html.Append($"<li>{E(note)}</li>\n");
            html.Append("</ul>\n");
        }
        Scores(html, report);
        Doctor(html, report);
        Section(html, "curves", "Learning curves");
        if (!report.Pictures.Any(p => p.File is "learning_curve.png" or "metrics_curve.png"))
            html.Append("<p>The model was fitted in one step, so there is no curve per epoch; the doctor's data-sufficiency curve (if measured) shows how it learns with more rows.</p>\n");
        Figures(html, report, ["learning_curve.png", "metrics_curve.png"]);
        Section(html, "evaluation", "Evaluation");
        Confusion(html, report);
        Figures(html, report, ["confusion_matrix.png", "roc_curve.png", "pr_curve.png", "calibration.png", "residuals.png"]);
        Importance(html, report);
        Data(html, report);
        Section(html, "config", "Config");
        html.Append("<p>The resolved config of the run (paths made absolute); <code>lathe train</code> accepts it as it is.</p>\n")
            .Append($"<pre>{E(report.ConfigYaml)}</pre>\n");
        Environment(html, report);
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Scores(StringBuilder html, ReportContent report)
    {
        Section(html, "scores", "Scores");
        var validation = report.Metrics["validation"] as JsonObject;
        var test = report.Metrics["test"] as JsonObject;
        var names = (validation?.Select(kv => kv.Key) ?? []).Concat(test?.Select(kv => kv.Key) ?? []).Distinct().ToList();
        if (names.Count == 0)
        {
            html.Append("<p>The run was not scored (it had no validation or test part).</p>\n");
            return;
        }
        html.Append("<table><tr><th>metric</th><th class=\"n\">validation</th><th class=\"n\">test</th></tr>\n");
        foreach (var name in names)
            html.Append($"<tr><td>{E(name)}</td><td class=\"n\">{Score(validation?[name])}</td><td class=\"n\">{Score(test?[name])}</td></tr>\n");
        html.Append("</table>\n");
        if (report.Metrics["stop_reason"] is JsonValue reason)
            html.Append($"<p>Training stopped early after step {Number(report.Metrics["epochs"])}: {E((string?)reason)}.</p>\n");
    }

    private static void Doctor(StringBuilder html, ReportContent report)
    {
        Section(html, "doctor", "The doctor");
        if (report.Findings.Count == 0)
            html.Append("<div class=\"finding ok\"><p>No problem found: the losses fell and levelled off, and validation kept up with training.</p></div>\n");
        foreach (var finding in report.Findings)
        {
            html.Append($"<div class=\"finding\"><h3>{E(finding.Title)}</h3><p>{E(finding.Evidence)}</p>");
            if (finding.Remedies.Count > 0)
            {
                html.Append("<p>Try:</p><ul>");
                foreach (var remedy in finding.Remedies) html.Append($"<li>{E(remedy.What)}: <code>{E(remedy.Config).Replace("\n", "</code> <code>")}</code></li>");
                html.Append("</ul>");
            }
            html.Append("</div>\n");
        }
        Figures(html, report, [Plots.SizeCurvePlot.FileName]);
    }

    private static void Confusion(StringBuilder html, ReportContent report)
    {
        if (report.Confusion is not { } c || c.Classes.Count > 30) return;
        html.Append($"<p>Confusion matrix on the {E(c.Part)} part (rows: true class, columns: predicted class).</p>\n<table><tr><th></th>");
        foreach (var name in c.Classes) html.Append($"<th class=\"n\">{E(name)}</th>");
        html.Append("</tr>\n");
        for (var t = 0; t < c.Classes.Count; t++)
        {
            html.Append($"<tr><th>{E(c.Classes[t])}</th>");
            for (var p = 0; p < c.Classes.Count; p++) html.Append($"<td class=\"n\">{c.Counts[t, p]}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Importance(StringBuilder html, ReportContent report)
    {
        Section(html, "importance", "Feature importance");
        if (report.Permutation is { } p)
        {
            html.Append($"<p>Permutation importance on the {E(report.PermutationPart ?? "")} part: the drop in {E(p.Metric)} (from {Score(p.Baseline)}) " +
                        $"when one input column's values are shuffled, mean ± standard deviation over {p.Repeats} shuffles. " +
                        "Correlated columns share their importance.</p>\n<table><tr><th>column</th><th class=\"n\">drop</th><th class=\"n\">±</th></tr>\n");
            foreach (var column in p.Columns)
                html.Append($"<tr><td>{E(column.Column)}</td><td class=\"n\">{Score(column.Mean)}</td><td class=\"n\">{Score(column.Spread)}</td></tr>\n");
            html.Append("</table>\n");
        }
        else html.Append("<p>No permutation importance: it needs a classifier or regressor and its data (see “Left out” below).</p>\n");
        Figures(html, report, ["permutation_importance.png", "model_importance.png"]);
    }

    private static void Data(StringBuilder html, ReportContent report)
    {
        Section(html, "data", "Data");
        if (report.Parts is { } parts)
        {
            var classes = parts.FirstOrDefault(p => p.Classes is not null)?.Classes?.Select(c => c.Class).ToList() ?? [];
            html.Append("<table><tr><th>part</th><th class=\"n\">rows</th>");
            foreach (var name in classes) html.Append($"<th class=\"n\">{E(name)}</th>");
            html.Append("</tr>\n");
            foreach (var part in parts)
            {
                html.Append($"<tr><td>{part.Name}</td><td class=\"n\">{part.Rows}</td>");
                foreach (var (_, count) in part.Classes ?? []) html.Append($"<td class=\"n\">{count}</td>");
                html.Append("</tr>\n");
            }
            html.Append("</table>\n<p>Input columns of the training part:</p>\n<table><tr><th>column</th><th>kind</th><th class=\"n\">missing</th>" +
                        "<th class=\"n\">mean</th><th class=\"n\">std</th><th class=\"n\">min</th><th class=\"n\">max</th><th>values</th></tr>\n");
            foreach (var c in report.Columns ?? [])
            {
                var values = c.Shape is { } shape ? $"shape [{string.Join(", ", shape)}]"
                    : c.Top is { } top ? $"{c.Distinct} distinct: " + string.Join(", ", top.Select(t => $"{t.Value} ({t.Count})")) : "";
                html.Append($"<tr><td>{E(c.Name)}</td><td>{c.Kind.ToString().ToLowerInvariant()}</td><td class=\"n\">{c.Missing}</td>" +
                            $"<td class=\"n\">{Number(c.Mean)}</td><td class=\"n\">{Number(c.Std)}</td><td class=\"n\">{Number(c.Min)}</td><td class=\"n\">{Number(c.Max)}</td>" +
                            $"<td>{E(values)}</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        foreach (var (title, json) in new[] { ("Cleaning report", report.Cleaning), ("Split", report.Split) })
            if (json is not null)
                html.Append($"<h3>{title}</h3>\n<pre>{E(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))}</pre>\n");
    }

    private static void Environment(StringBuilder html, ReportContent report)
    {
        Section(html, "environment", "Environment");
        if (report.Environment is not { } environment)
        {
            html.Append("<p>Not recorded for this run.</p>\n");
            return;
        }
        html.Append("<table>\n");
        foreach (var (key, value) in environment) html.Append($"<tr><th>{E(key)}</th><td>{E(value?.ToString() ?? "")}</td></tr>\n");
        html.Append("</table>\n");
    }

    /// <summary>The pictures among <paramref name="files"/> the report has, side by side where the page is wide enough.</summary>
    private static void Figures(StringBuilder html, ReportContent report, IEnumerable<string> files)
    {
        var pictures = files.Select(f => report.Pictures.FirstOrDefault(p => p.File == f)).OfType<ReportPicture>().ToList();
        if (pictures.Count == 0) return;
        html.Append("<div class=\"figures\">\n");
        foreach (var picture in pictures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(report.Folder, picture.File));
            html.Append($"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(bytes)}\" alt=\"{E(picture.Caption)}\">" +
                        $"<figcaption>{E(picture.Caption)}</figcaption></figure>\n");
        }
        html.Append("</div>\n");
    }

    private static void Section(StringBuilder html, string id, string title) => html.Append($"<h2 id=\"{id}\">{E(title)}</h2>\n");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Scores to four decimals (as the CLI prints them); blank when absent or not finite.</summary>
    private static string Score(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? Score(number) : "";

    private static string Score(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    /// <summary>Numbers as the key-number tables show them: integers plainly, others to four decimals; blank when absent.</summary>
    private static string Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? Number(number) : "";

    private static string Number(double? value) => value switch
    {
        null => "",
        var v when double.IsNaN(v.Value) => "",
        var v when v.Value == Math.Round(v.Value) && Math.Abs(v.Value) < 1e9 => v.Value.ToString("0", CultureInfo.InvariantCulture),
        var v => v.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
