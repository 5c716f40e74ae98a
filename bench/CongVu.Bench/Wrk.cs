using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CongVu.Bench;

/// <summary>What one load run gave: the same shape for wrk (GET) and the C# form flows (POST).</summary>
public sealed record LoadResult(double Rps, double P50Ms, double P99Ms, long Requests, long Errors, double Seconds, string Tool);

/// <summary>Runs /usr/bin/wrk for a bounded time and parses its --latency report.</summary>
public static partial class Wrk
{
    public static int Threads { get; set; } = 2;

    public static int Connections { get; set; } = 64;

    public static async Task<LoadResult> RunAsync(string url, int seconds, IEnumerable<string>? headers = null, string? script = null)
    {
        var psi = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{seconds}s", "--latency", "--timeout", "5s" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var h in headers ?? [])
        {
            psi.ArgumentList.Add("-H");
            psi.ArgumentList.Add(h);
        }

        if (script is not null)
        {
            psi.ArgumentList.Add("-s");
            psi.ArgumentList.Add(script);
        }

        psi.ArgumentList.Add(url);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("wrk did not start");
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 20));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("wrk overran its time and was stopped");
        }

        var text = await outTask + await errTask;
        return Parse(text, seconds);
    }

    public static LoadResult Parse(string text, double seconds)
    {
        double rps = Num(RpsRx().Match(text));
        var requests = RequestsRx().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        long errors = 0;
        if (Non2xxRx().Match(text) is { Success: true } n)
        {
            errors += long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (SocketRx().Match(text) is { Success: true } s)
        {
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture));
        }

        if (!RequestsRx().IsMatch(text))
        {
            throw new InvalidOperationException("wrk gave no figures:\n" + text);
        }

        if (requests == 0)
        {
            // Nothing answered within wrk's timeout: a figure of zero, not a crash of the run.
            return new LoadResult(0, double.NaN, double.NaN, 0, Math.Max(errors, 1), seconds, "wrk");
        }

        return new LoadResult(rps, Percentile(text, "50"), Percentile(text, "99"), requests, errors, seconds, "wrk");
    }

    private static double Percentile(string text, string p)
    {
        var m = Regex.Match(text, @"^\s*" + p + @"(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!m.Success)
        {
            return double.NaN;
        }

        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => v / 1000,
            "ms" => v,
            "s" => v * 1000,
            _ => v * 60_000,
        };
    }

    private static double Num(Match m) => m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsRx();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsRx();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxRx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketRx();
}
