using System.Text;

namespace Shipping.Testing.Benchmarking;

/// <summary>
/// A benchmark's results file (markdown): one section per benchmark between markers, so running one benchmark replaces
/// its own figures and keeps the others' and the notes written by hand.
/// </summary>
public static class ResultsFile
{
    /// <summary><c>results/{name}.md</c> in the folder of the project file <paramref name="projectFile"/>, found upwards from the program.</summary>
    public static string PathIn(string projectFile, string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, projectFile)))
            {
                return System.IO.Path.Combine(dir.FullName, "results", name + ".md");
            }
        }

        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), "results", name + ".md");
    }

    /// <param name="header">The file's beginning when it does not exist yet (title, how it is written).</param>
    public static void WriteSection(string path, string section, string markdown, string header)
    {
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : header.TrimEnd() + "\n";
        var block = new StringBuilder().Append(begin).Append('\n').Append(markdown.TrimEnd()).Append('\n').Append(end).ToString();
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
