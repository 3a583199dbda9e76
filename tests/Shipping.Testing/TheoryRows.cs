using System.Reflection;
using Xunit;

namespace Shipping.Testing;

/// <summary>The rows of an xunit theory, for tests that check a theory covers a whole table (one row per carrier code).</summary>
public static class TheoryRows
{
    /// <summary>Every row's argument list of theory <paramref name="method"/> of <typeparamref name="TTests"/>.</summary>
    public static IReadOnlyList<object?[]> Of<TTests>(string method) =>
        (typeof(TTests).GetMethod(method) ?? throw new ArgumentException($"{typeof(TTests).Name} has no method {method}.", nameof(method)))
            .GetCustomAttributes<InlineDataAttribute>(false)
            .Select(row => row.GetData(null!).Single())
            .ToList();

    /// <summary>Every row's first argument, as a string (the code the row tests).</summary>
    public static IEnumerable<string> FirstArguments<TTests>(string method) => Of<TTests>(method).Select(row => (string)row[0]!);
}
