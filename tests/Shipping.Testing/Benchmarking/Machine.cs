using System.Globalization;
using System.Runtime.InteropServices;

namespace Shipping.Testing.Benchmarking;

/// <summary>What the figures were measured on: cores, CPU, memory, and how busy the machine was when the run started.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string LoadAverage, DateTimeOffset StartedAt)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ReadProc("/proc/cpuinfo", "model name") ?? "unknown CPU",
        ReadProc("/proc/meminfo", "MemTotal") is { } mem && double.TryParse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var kib)
            ? kib / 1024 / 1024
            : 0,
        LoadAverageNow(),
        DateTimeOffset.UtcNow);

    /// <summary>The 1-minute load average now.</summary>
    public static double CurrentLoad() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : 0;

    /// <summary>The 1, 5 and 15-minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverageNow() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The machine in one line; <paramref name="sharing"/> says what ran on it during the benchmark.</summary>
    public string Describe(string sharing) => string.Create(CultureInfo.InvariantCulture,
        $"{StartedAt:yyyy-MM-dd HH:mm} UTC on {Cpu}, {Cores} logical cores (nproc), {MemoryGiB:F0} GiB RAM, {RuntimeInformation.FrameworkDescription}, " +
        $"{RuntimeInformation.OSDescription}; load average at start {LoadAverage}. {sharing}");

    /// <summary>Prints a warning when something else keeps the machine busy (the figures would be low).</summary>
    public void WarnWhenBusy(TextWriter output)
    {
        if (CurrentLoad() > Cores * 0.5)
        {
            output.WriteLine($"WARNING: the load average is {LoadAverageNow()} on {Cores} cores: something else is running; the figures will be low. Re-run when the machine is quiet.");
        }
    }

    private static string? ReadProc(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
