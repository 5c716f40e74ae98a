using System.Diagnostics;

namespace CongVu.Bench.LoadGen;

/// <summary>The C# load generator for POST flows: N workers repeat a whole flow (fetch the form, post it) until the time is up.</summary>
public static class FlowLoad
{
    public static async Task<LoadResult> RunAsync(string baseUrl, int workers, TimeSpan duration, Func<FormSession, CancellationToken, Task<bool>> flow)
    {
        using var http = FormSession.CreateClient(workers);
        var latencies = new List<double>[workers];
        var errors = new long[workers];
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (!stop.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    // Each flow is a new visitor: fresh cookies, so the antiforgery pair is fetched every time.
                    var ok = await flow(new FormSession(http, baseUrl), CancellationToken.None);
                    if (ok)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    }
                    else
                    {
                        errors[w]++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    errors[w]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length / elapsed, Pct(all, 0.50), Pct(all, 0.99), all.Length, errors.Sum(), elapsed, $"CongVu.LoadGen x{workers}");
    }

    private static double Pct(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
