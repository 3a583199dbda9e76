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
