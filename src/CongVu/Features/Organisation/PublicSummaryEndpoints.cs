using System.Globalization;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CongVu.Features.Organisation;

public sealed record PublicSummary(
    string Commune,
    string CommuneName,
    string? PartyOrganisation,
    int Year,
    DateOnly AsOf,
    int PartyCells,
    int PartyMembers,
    int ExemptMembers);

public static class PublicSummaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/summary", GetSummaryAsync)
            .WithName("PublicSummary")
            .WithSummary("Headline figures of a commune for a year (anonymous).");
    }

    internal static async Task<Results<Ok<PublicSummary>, ProblemHttpResult>> GetSummaryAsync(
        [FromQuery] string? commune,
        [FromQuery] string? year,
        OrgTree tree,
        RegistryQueries registry,
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
        var roll = committee is null ? new RollCount(0, 0, 0, 0) : await registry.RollOnAsync(committee.Id, asOf, ct);
        return TypedResults.Ok(new PublicSummary(unit.Code, unit.Name, committee?.Name, y, asOf, roll.Cells, roll.Members, roll.Exempt));
    }
}
