using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;

namespace CongVu.Features.Overview;

/// <summary>`rebuild-figures [--year Y]`: recomputes every commune's figures (2016 to this year, or the one year) after a bulk load.</summary>
public static class RebuildFiguresCommand
{
    public const int FirstYear = 2016;

    public static async Task<int> RunAsync(IServiceProvider services, string? yearText, TextWriter output, CancellationToken ct)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var thisYear = VietnamTime.Today(time).Year;
        int[] years;
        if (yearText is null)
        {
            years = Enumerable.Range(FirstYear, thisYear - FirstYear + 1).ToArray();
        }
        else if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1930 && year <= thisYear)
        {
            years = [year];
        }
        else
        {
            await output.WriteLineAsync($"Usage: rebuild-figures [--year YYYY]  (a year up to {thisYear})");
            return 2;
        }

        var started = time.GetTimestamp();
        var snap = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        var all = OverviewCommunes.All(snap).ToList();
        var rows = 0;
        // Communes are independent: a few at once keep a multi-core database server busy (a national rebuild is ~33,000 summaries).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 8), CancellationToken = ct };
        foreach (var y in years)
        {
            var chunks = OverviewCommunes.ValidIn(snap, all, y).Chunk(25).ToList();
            await Parallel.ForEachAsync(chunks, parallel, async (chunk, token) =>
            {
                // A scope per chunk keeps each context's tracked state and memory small on a national database.
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
                var done = await scope.ServiceProvider.GetRequiredService<CommuneFiguresStore>().RebuildAsync(chunk, y, token);
                Interlocked.Add(ref rows, done);
            });
        }

        var elapsed = time.GetElapsedTime(started);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rebuilt {rows} commune-year figure rows ({years[0]}–{years[^1]}) in {elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}
