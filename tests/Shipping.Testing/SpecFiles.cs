namespace Shipping.Testing;

/// <summary>
/// The carriers' real spec and payload files, from the reference folder beside the repository (<c>../shared/specs</c>),
/// read byte for byte. Tests build on these, never on a simpler made-up format.
/// </summary>
public static class SpecFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static byte[] ReadBytes(string relative) => File.ReadAllBytes(PathOf(relative));

    /// <summary>
    /// A YAML spec (an OpenAPI document) as a JSON tree, to reach the examples embedded in it. Tabs become spaces
    /// first (UPS's Tracking.yaml has a tab where YAML allows none), CRLF becomes LF, and lines holding only spaces
    /// become empty (a blank line indented less than its literal block trips strict parsers).
    /// </summary>
    public static System.Text.Json.Nodes.JsonNode ReadYamlAsJson(string relative)
    {
        var lines = Read(relative).Replace('\t', ' ').Replace("\r\n", "\n").Split('\n');
        var yaml = string.Join('\n', lines.Select(line => string.IsNullOrWhiteSpace(line) ? "" : line));
        var document = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(yaml);
        var json = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(document!);
        return System.Text.Json.Nodes.JsonNode.Parse(json)!;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SHIPPING_SPECS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Shipping.sln")))
            {
                var specs = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "specs"));
                if (Directory.Exists(specs))
                {
                    return specs;
                }

                throw new DirectoryNotFoundException($"The carrier specs are expected at {specs} (../shared/specs beside the repository), or set SHIPPING_SPECS.");
            }
        }

        throw new DirectoryNotFoundException("Shipping.sln not found above " + AppContext.BaseDirectory);
    }
}
