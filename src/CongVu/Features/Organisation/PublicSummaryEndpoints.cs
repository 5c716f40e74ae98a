using System.Globalization;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CongVu.Features.Organisation;

public static class PublicSummaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/summary", GetCachedSummaryAsync)
            .WithName("PublicSummary")
            .WithSummary("Headline figures of a commune for a year (anonymous).");
    }

    /// <summary>The summary computed afresh from every contributor (dashboards and reports use this).</summary>
    internal static async Task<Results<Ok<Dictionary<string, object?>>, ProblemHttpResult>> GetSummaryAsync(
        [FromQuery] string? commune,
        [FromQuery] string? year,
        OrgTree tree,
        IEnumerable<IPublicFigures> contributors,
        TimeProvider time,
        CancellationToken ct)
    {
        var request = await ResolveAsync(commune, year, tree, time, ct);
        return request.Problem is { } problem ? problem : TypedResults.Ok(await ComputeAsync(request.Context!, contributors, ct));
    }

    /// <summary>The summary's figures for a commune and year computed afresh, or null when the commune has none for that year.</summary>
    internal static async Task<Dictionary<string, object?>?> FiguresForAsync(
        string code, int year, OrgTree tree, IEnumerable<IPublicFigures> contributors, TimeProvider time, CancellationToken ct)
    {
        var result = await GetSummaryAsync(code, year.ToString(CultureInfo.InvariantCulture), tree, contributors, time, ct);
        return result.Result is Ok<Dictionary<string, object?>> ok ? ok.Value : null;
    }

    /// <summary>The same summary, served from the figures cache until a write or a minute passes (the API and the portal).</summary>
    internal static async Task<Results<Ok<Dictionary<string, object?>>, ProblemHttpResult>> GetCachedSummaryAsync(
        [FromQuery] string? commune,
        [FromQuery] string? year,
        OrgTree tree,
        IEnumerable<IPublicFigures> contributors,
        TimeProvider time,
        ReadCache cache,
        CancellationToken ct)
    {
        var request = await ResolveAsync(commune, year, tree, time, ct);
        if (request.Problem is { } problem)
        {
            return problem;
        }

        var context = request.Context!;
        return TypedResults.Ok(await cache.GetOrComputeAsync(context.Commune.Code, context.Year, context.AsOf, token => ComputeAsync(context, contributors, token), ct));
    }

    private sealed record Resolved(PublicFiguresContext? Context, ProblemHttpResult? Problem);

    private static async Task<Resolved> ResolveAsync(string? commune, string? year, OrgTree tree, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune))
        {
            return new Resolved(null, TypedResults.Problem("Thiếu mã xã (commune). / The commune code is required.", statusCode: 400, title: "Yêu cầu không hợp lệ"));
        }

        // The year's form is checked first: a malformed request is 400 whatever the commune.
        var thisYear = VietnamTime.Today(time).Year;
        int? requested = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1930 || parsed > thisYear)
            {
                return new Resolved(null, TypedResults.Problem($"Năm “{year}” không hợp lệ: nhập năm dạng yyyy, không sau {thisYear}. / Invalid year.", statusCode: 400, title: "Yêu cầu không hợp lệ"));
            }

            requested = parsed;
        }

        var snap = await tree.GetAsync(ct);
        var unit = snap.FindByCode(commune.Trim());
        if (unit is null || unit.Kind != OrgUnitKind.Commune)
        {
            return new Resolved(null, TypedResults.Problem($"Không tìm thấy xã có mã “{commune}”. / No commune with this code.", statusCode: 404, title: "Không tìm thấy"));
        }

        var lastYear = Math.Min(thisYear, unit.ValidTo?.Year ?? thisYear);
        var y = requested ?? lastYear;
        if (y < unit.ValidFrom.Year || y > lastYear)
        {
            return new Resolved(null, TypedResults.Problem($"Xã “{unit.Name}” không có số liệu năm {y}. / No data for that year.", statusCode: 404, title: "Không có số liệu"));
        }

        // Figures are as of the last day of the year, or the commune's last day if it ended in that year.
        var asOf = new DateOnly(y, 12, 31);
        if (unit.ValidTo is DateOnly end && end < asOf)
        {
            asOf = end;
        }

        var today = VietnamTime.Today(time);
        if (asOf > today)
        {
            asOf = today;
        }

        return new Resolved(new PublicFiguresContext(unit, snap.CommitteeOf(unit.Id), y, asOf, snap), null);
    }

    private static async Task<Dictionary<string, object?>> ComputeAsync(PublicFiguresContext context, IEnumerable<IPublicFigures> contributors, CancellationToken ct)
    {
        var figures = new Dictionary<string, object?>
        {
            ["commune"] = context.Commune.Code,
            ["communeName"] = context.Commune.Name,
            ["partyOrganisation"] = context.Committee?.Name,
            ["year"] = context.Year,
            ["asOf"] = context.AsOf,
        };
        foreach (var contributor in contributors)
        {
            await contributor.AddAsync(context, figures, ct);
        }

        return figures;
    }
}
