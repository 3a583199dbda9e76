using System.Text;

namespace Shipping.Timeline.Benchmarks;

/// <summary>
/// results/timeline.md: one section per benchmark between markers, so running one benchmark replaces its own figures
/// and keeps the other's.
/// </summary>
public static class ResultsFile
{
    public static string DefaultPath => Path.Combine(ProjectDirectory(), "results", "timeline.md");

    public static void WriteSection(string path, string section, string markdown)
    {
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        var text = File.Exists(path)
            ? File.ReadAllText(path)
            : "# Timeline benchmark\n\nWritten by `dotnet run -c Release --project tests/Timeline.Benchmarks -- ingest|query|all`.\n\n" +
              "<!-- ingest:begin -->\n<!-- ingest:end -->\n\n<!-- query:begin -->\n<!-- query:end -->\n";
        var block = new StringBuilder().Append(begin).Append('\n').Append(markdown.TrimEnd()).Append('\n').Append(end).ToString();
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Timeline.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
