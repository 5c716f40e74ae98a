using System.Globalization;
using System.Text;

namespace CongVu.Bench;

/// <summary>A load figure for one process: throughput, latency, the server's CPU seconds and peak RSS during the run.</summary>
public sealed record Measure(string Target, string Path, string Tool, double Rps, double P50Ms, double P99Ms, long Requests, long Errors, double Seconds, double CpuSeconds, double PeakRssMb);

/// <summary>What a scenario must reach (benchmarks.md); null parts are not part of the goal.</summary>
public sealed record Goal(string Text, double? MinRatio = null, double? MaxRatio = null, double? MaxP99Ms = null, double? MaxValue = null)
{
    public static readonly Goal None = new("no goal set");
}

/// <summary>One line of the results table: CongVu's figure, its baseline's figure from the same run, the ratio and the verdict.</summary>
public sealed class Scenario
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Scale { get; init; } = "commune";

    public Measure? App { get; set; }

    public Measure? Baseline { get; set; }

    public string? BaselineTitle { get; init; }

    /// <summary>For scenarios that are not a load run: the figure, its unit, and the baseline's.</summary>
    public double? Value { get; set; }

    public double? BaselineValue { get; set; }

    public string? Unit { get; set; }

    public double? Ratio { get; set; }

    /// <summary>
    /// Judge by cost, not throughput: the ratio is the baseline's server CPU per request over CongVu's (for a goal
    /// stated as a cost, "counting costs &lt; 5%", where req/s moves by more than that from run to run here).
    /// </summary>
    public bool RatioByCpu { get; init; }

    public required Goal Goal { get; init; }

    /// <summary>met, not met, no goal, not yet measured, failed.</summary>
    public string Verdict { get; set; } = "no goal";

    public string? Gap { get; set; }

    public string? Note { get; set; }

    public void Judge()
    {
        if (Verdict is "not yet measured" or "failed")
        {
            return;
        }

        if (RatioByCpu && App is { Requests: > 0, CpuSeconds: > 0 } && Baseline is { Requests: > 0, CpuSeconds: > 0 })
        {
            Ratio = (Baseline.CpuSeconds / Baseline.Requests) / (App.CpuSeconds / App.Requests);
        }
        else if (App is not null && Baseline is not null && Baseline.Rps > 0)
        {
            Ratio = App.Rps / Baseline.Rps;
        }
        else if (Value is double v && BaselineValue is double b && b > 0)
        {
            Ratio = v / b;
        }

        var gaps = new List<string>();
        var judged = false;
        if (Goal.MinRatio is double min)
        {
            judged = true;
            if (Ratio is not double r || r < min)
            {
                gaps.Add(Ratio is > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"ratio {Ratio:0.00} < {min:0.##} (needs ×{min / Ratio:0.0})")
                    : string.Create(CultureInfo.InvariantCulture, $"ratio {Ratio:0.00} < {min:0.##}"));
            }
        }

        if (Goal.MaxRatio is double max)
        {
            judged = true;
            if (Ratio is not double r || r >= max)
            {
                gaps.Add(string.Create(CultureInfo.InvariantCulture, $"ratio {Ratio:0.00} ≥ {max:0.##}"));
            }
        }

        if (Goal.MaxP99Ms is double p99)
        {
            judged = true;
            if (App is null || double.IsNaN(App.P99Ms) || App.P99Ms >= p99)
            {
                gaps.Add(App is null || double.IsNaN(App.P99Ms)
                    ? "no p99 (nothing answered within wrk's 5 s timeout)"
                    : string.Create(CultureInfo.InvariantCulture, $"p99 {App.P99Ms:0.#} ms ≥ {p99:0} ms"));
            }
        }

        if (Goal.MaxValue is double mv)
        {
            judged = true;
            if (Value is not double val || val >= mv)
            {
                gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{Value:0.#} {Unit} ≥ {mv:0.#} {Unit}"));
            }
        }

        if (App is { Errors: > 0 })
        {
            // Errors fail a goal; on a row without a goal they are reported, not judged.
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{App.Errors} errors"));
        }

        Verdict = !judged ? "no goal" : gaps.Count == 0 ? "met" : "not met";
        if (judged && App is { Errors: > 0 })
        {
            Verdict = "not met";
        }
        Gap = gaps.Count == 0 ? null : string.Join("; ", gaps);
    }
}

public sealed class RunReport
{
    public required string StartedAtUtc { get; init; }

    public string? FinishedAtUtc { get; set; }

    public required Dictionary<string, string> Machine { get; init; }

    public required Dictionary<string, string> Settings { get; init; }

    public List<Scenario> Scenarios { get; } = [];

    public List<string> Notes { get; } = [];

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## CongVu benchmark, {StartedAtUtc}");
        sb.AppendLine();
        sb.AppendLine(string.Join(" · ", Machine.Select(kv => $"{kv.Key}: {kv.Value}")));
        sb.AppendLine();
        sb.AppendLine(string.Join(" · ", Settings.Select(kv => $"{kv.Key}: {kv.Value}")));
        sb.AppendLine();
        sb.AppendLine("| scenario | scale | CongVu | p50 / p99 ms | CPU s (per req) | peak RSS MB | baseline (same run) | baseline figure | ratio | goal | verdict |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|---|---|");
        foreach (var s in Scenarios)
        {
            string figure, lat, cpu, rss, bfig;
            if (s.App is { } a)
            {
                figure = F(a.Rps, "0") + " req/s" + (a.Errors > 0 ? $" ({a.Errors} errors)" : string.Empty);
                lat = $"{F(a.P50Ms, "0.0")} / {F(a.P99Ms, "0.0")}";
                cpu = F(a.CpuSeconds, "0.0") + (a.Requests > 0 ? $" ({F(a.CpuSeconds * 1000 / a.Requests, "0.00")} ms/req)" : string.Empty);
                rss = F(a.PeakRssMb, "0");
            }
            else
            {
                figure = s.Value is double v ? $"{F(v, v >= 100 ? "0" : "0.00")} {s.Unit}" : "—";
                lat = cpu = rss = "—";
            }

            bfig = s.Baseline is { } b ? $"{F(b.Rps, "0")} req/s, p99 {F(b.P99Ms, "0.0")} ms, CPU {F(b.CpuSeconds, "0.0")} s ({F(b.CpuSeconds * 1000 / Math.Max(1, b.Requests), "0.000")} ms/req)"
                : s.BaselineValue is double bv ? $"{F(bv, bv >= 100 ? "0" : "0.00")} {s.Unit}" : "—";
            var verdict = s.Verdict + (s.Gap is null ? string.Empty : $": {s.Gap}");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Title} | {s.Scale} | {figure} | {lat} | {cpu} | {rss} | {s.BaselineTitle ?? "—"} | {bfig} | {(s.Ratio is double r ? F(r, "0.00") : "—")} | {s.Goal.Text} | {verdict} |");
        }

        var noted = Scenarios.Where(s => s.Note is not null).ToList();
        if (noted.Count > 0)
        {
            sb.AppendLine();
            foreach (var s in noted)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{s.Title}**: {s.Note}");
            }
        }

        if (Notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var n in Notes)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {n}");
            }
        }

        return sb.ToString();
    }

    private static string F(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture);
}
