using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>ScottPlot draws no text at all when it finds no font, so every plot names an installed one explicitly.</summary>
internal static class PlotFonts
{
    private static readonly string[] Files =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    public static void Use(Plot plot)
    {
        var file = Files.FirstOrDefault(File.Exists);
        if (file is null) return;
        Fonts.AddFontFile("DejaVu Sans", file);
        plot.Font.Set("DejaVu Sans");
    }
}
