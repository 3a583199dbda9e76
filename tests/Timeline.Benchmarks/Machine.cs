using System.Globalization;
using System.Runtime.InteropServices;

namespace Shipping.Timeline.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU, memory, and how busy the machine was when the run started.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string LoadAverage, DateTimeOffset StartedAt)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ReadProc("/proc/cpuinfo", "model name") ?? "unknown CPU",
        ReadProc("/proc/meminfo", "MemTotal") is { } mem && double.TryParse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var kib)
            ? kib / 1024 / 1024
            : 0,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown",
        DateTimeOffset.UtcNow);

    /// <summary>The 1-minute load average now.</summary>
    public static double CurrentLoad() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : 0;

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{StartedAt:yyyy-MM-dd HH:mm} UTC on {Cpu}, {Cores} logical cores (nproc), {MemoryGiB:F0} GiB RAM, {RuntimeInformation.FrameworkDescription}, " +
        $"{RuntimeInformation.OSDescription}; load average at start {LoadAverage}. PostgreSQL, RabbitMQ, Timeline and the load generator all on this machine.");

    private static string? ReadProc(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
