using System.Globalization;

namespace Shipping.Timeline.Benchmarks;

/// <summary>
/// CPU time used so far by the local PostgreSQL and RabbitMQ processes (all of them: postgres backends and
/// <c>beam.smp</c>), from /proc. Whatever else uses the same servers at the time is counted too, and a backend that
/// exits between two readings takes its time with it.
/// </summary>
public readonly record struct ServerCpu(TimeSpan Postgres, TimeSpan RabbitMq)
{
    public static ServerCpu Now()
    {
        double postgres = 0, rabbit = 0;
        if (!Directory.Exists("/proc"))
        {
            return default;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid ... utime stime: the 14th and 15th fields, counted after the closing parenthesis.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                continue;
            }

            var name = stat[(open + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            if (fields.Length < 13)
            {
                continue;
            }

            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            if (name == "postgres")
            {
                postgres += ticks;
            }
            else if (name == "beam.smp")
            {
                rabbit += ticks;
            }
        }

        // Linux reports these in clock ticks of 1/100 s (USER_HZ).
        return new ServerCpu(TimeSpan.FromSeconds(postgres / 100), TimeSpan.FromSeconds(rabbit / 100));
    }

    public static ServerCpu operator -(ServerCpu a, ServerCpu b) => new(a.Postgres - b.Postgres, a.RabbitMq - b.RabbitMq);
}
