using System.Diagnostics;

namespace Shipping.Testing.Benchmarking;

/// <summary>Latency samples in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public int Count
    {
        get
        {
            lock (_ms)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_ms)
        {
            _ms.Add(milliseconds);
        }
    }

    public void AddSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0)
            {
                return double.NaN;
            }

            _ms.Sort();
            var rank = (int)Math.Ceiling(p / 100 * _ms.Count) - 1;
            return _ms[Math.Clamp(rank, 0, _ms.Count - 1)];
        }
    }

    public double Max => Percentile(100);
}
