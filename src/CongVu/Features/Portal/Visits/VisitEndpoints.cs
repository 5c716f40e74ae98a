using CongVu.Features.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CongVu.Features.Portal.Visits;

public sealed record VisitFiguresDto(int OnlineNow, long Today, long ThisWeek, long AllTime);

public static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/visits", GetAsync).AllowAnonymous().WithTags("Public")
            .WithName("PublicVisits")
            .WithSummary("Visitor statistics of a commune's portal: online now (distinct visitors in the last 5 minutes), visits today, this week (from Monday) and all time.");
    }

    internal static async Task<Results<Ok<VisitFiguresDto>, ProblemHttpResult>> GetAsync([FromQuery] string? commune, HttpContext context, OrgTree tree, VisitService visits, PortalSite site, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(commune) ? site.HomeCommune(context) : commune.Trim().ToLowerInvariant();
        var snap = await tree.GetAsync(ct);
        if (snap.FindByCode(code) is not { Kind: OrgUnitKind.Commune })
        {
            return TypedResults.Problem($"Không tìm thấy xã có mã “{code}”. / No commune with this code.", statusCode: 404, title: "Không tìm thấy");
        }

        var f = await visits.FiguresAsync(code, ct);
        return TypedResults.Ok(new VisitFiguresDto(f.OnlineNow, f.Today, f.ThisWeek, f.AllTime));
    }
}
