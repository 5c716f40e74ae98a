using System.Globalization;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CongVu.Features.Organisation;

public static class PublicSummaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/summary", GetSummaryAsync)
            .WithName("PublicSummary")
            .WithSummary("Headline figures of a commune for a year (anonymous).");
    }

    internal static async Task<Results<Ok<Dictionary<string, object?>>, ProblemHttpResult>> GetSummaryAsync(
        [FromQuery] string? commune,
        [FromQuery] string? year,
        OrgTree tree,
        IEnumerable<IPublicFigures> contributors,
        TimeProvider time,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune))
        {
            return TypedResults.Problem("Thiếu mã xã (commune). / The commune code is required.", statusCode: 400, title: "Yêu cầu không hợp lệ");
        }

        // The year's form is checked first: a malformed request is 400 whatever the commune.
        var thisYear = VietnamTime.Today(time).Year;
        int? requested = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1930 || parsed > thisYear)
            {
                return TypedResults.Problem($"Năm “{year}” không hợp lệ: nhập năm dạng yyyy, không sau {thisYear}. / Invalid year.", statusCode: 400, title: "Yêu cầu không hợp lệ");
            }

            requested = parsed;
        }

        var snap = await tree.GetAsync(ct);
        var unit = snap.FindByCode(commune.Trim());
        if (unit is null || unit.Kind != OrgUnitKind.Commune)
        {
            return TypedResults.Problem($"Không tìm thấy xã có mã “{commune}”. / No commune with this code.", statusCode: 404, title: "Không tìm thấy");
        }

        var lastYear = Math.Min(thisYear, unit.ValidTo?.Year ?? thisYear);
        var y = requested ?? lastYear;
        if (y < unit.ValidFrom.Year || y > lastYear)
        {
            return TypedResults.Problem($"Xã “{unit.Name}” không có số liệu năm {y}. / No data for that year.", statusCode: 404, title: "Không có số liệu");
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

        var committee = snap.CommitteeOf(unit.Id);
        var figures = new Dictionary<string, object?>
        {
            ["commune"] = unit.Code,
            ["communeName"] = unit.Name,
            ["partyOrganisation"] = committee?.Name,
            ["year"] = y,
            ["asOf"] = asOf,
        };
        var context = new PublicFiguresContext(unit, committee, y, asOf, snap);
        foreach (var contributor in contributors)
        {
            await contributor.AddAsync(context, figures, ct);
        }

        return TypedResults.Ok(figures);
    }
}
