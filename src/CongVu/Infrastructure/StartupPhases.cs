using System.Diagnostics;
using System.Globalization;

namespace CongVu.Infrastructure;

/// <summary>Times each phase of start-up so that the log says where the time before the first request went.</summary>
public sealed class StartupPhases
{
    private readonly List<(string Name, long Ms)> _phases = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public IReadOnlyList<(string Name, long Ms)> Phases => _phases;

    public long TotalMs => _total.ElapsedMilliseconds;

    public async Task TimeAsync(string name, Func<Task> phase)
    {
        var clock = Stopwatch.StartNew();
        await phase();
        _phases.Add((name, clock.ElapsedMilliseconds));
    }

    /// <summary>"migrations 412 ms, ref Conduct 30 ms, …", the slowest first.</summary>
    public override string ToString() =>
        string.Join(", ", _phases.OrderByDescending(p => p.Ms).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Ms} ms")));
}
