using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Documents;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Feedback.Reception;

/// <summary>The reception report for a month, quarter, half-year or year: sessions held against the duties, citizens, matters by kind and their state.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class ReportModel(ReceptionService reception, OrgTree orgTree, TimeProvider time, WorkingCalendarProvider calendars, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ReceptionReport? Report { get; private set; }

    public OrgNode? Commune { get; private set; }

    public string Kind { get; private set; } = "nam";

    public int Year { get; private set; }

    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ky, int? nam, int? so, CancellationToken ct) =>
        await LoadAsync(ky, nam, so, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(string? ky, int? nam, int? so, CancellationToken ct)
    {
        if (!await LoadAsync(ky, nam, so, ct) || Report is null || Commune is null)
        {
            return NotFound();
        }

        var tree = await orgTree.GetAsync(ct);
        var committee = tree.CommitteeOf(Commune.Id);
        var committeeName = committee?.Name ?? "Đảng bộ " + Commune.Name;
        var superior = committee?.ParentId is int p ? tree.Find(p)?.Name ?? string.Empty : string.Empty;
        var issuing = committeeName.StartsWith("Đảng bộ ", StringComparison.Ordinal) ? "Đảng ủy " + committeeName["Đảng bộ ".Length..] : committeeName;
        var bytes = ReceptionReportDocument.Build(Report, superior, issuing, PartyDocument.PlaceOf(committeeName), VietnamTime.Today(time), k => localizer[FeedbackLabels.Kind(k)]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-tiep-cong-dan-{Report.Period.Kind}-{Report.Period.Year}-{Report.Period.Number}.docx");
    }

    private async Task<bool> LoadAsync(string? ky, int? nam, int? so, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Kind = ky ?? "nam";
        Year = nam ?? today.Year;
        Number = so ?? Kind switch { "thang" => today.Month, "quy" => ((today.Month - 1) / 3) + 1, "6thang" => today.Month <= 6 ? 1 : 2, _ => 1 };
        if (ReportPeriod.Of(Kind, Year, Number) is not { } period)
        {
            return false;
        }

        Commune = await ReceptionLabels.CommuneOfAsync(User, orgTree, ct);
        if (Commune is not null)
        {
            Report = await reception.ReportAsync(Commune.Id, Commune.Name, period, today, await calendars.GetAsync(ct), ct);
        }

        return true;
    }
}
