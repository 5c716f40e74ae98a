using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Reports;

/// <summary>One report: a draft's figures and editable narrative, or an issued report's frozen files.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(ReportService reports, AuditLog audit, TimeProvider time) : PageModel
{
    public PartyReport? Report { get; private set; }

    public ReportContent? Printed { get; private set; }

    public bool CanWrite => CycleAccess.CanDecide(User);

    [BindProperty]
    public ReportEdit Edit { get; set; } = new();

    [BindProperty]
    public string? IssuedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var bytes = Report!.Docx ?? ReportDocument.Docx(Printed!);
        await audit.RecordReadAsync("party-report", Report.Id, Report.OrgUnitId, ct);
        return File(bytes, ReportDocument.DocxType, FileName("docx"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var bytes = Report!.Xlsx ?? ReportDocument.Xlsx(Printed!);
        return File(bytes, ReportDocument.XlsxType, FileName("xlsx"));
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await reports.SaveAsync(Report!, Edit, ct) is string error)
        {
            ModelState.AddModelError(string.Empty, error);
            if (Report!.State == ReportState.Issued)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            return Page();
        }

        TempData["Flash"] = "Đã lưu dự thảo.";
        return Redirect($"/staff/reports/{id}");
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Formats.TryParseDate(IssuedOn, out var date))
        {
            ModelState.AddModelError(nameof(IssuedOn), "Ngày ban hành không hợp lệ (dd/MM/yyyy).");
            return Page();
        }

        if (await reports.IssueAsync(Report!, date, User.Identity?.Name, ct) is string error)
        {
            ModelState.AddModelError(string.Empty, error);
            if (Report!.State == ReportState.Issued)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            return Page();
        }

        TempData["Flash"] = $"Đã ban hành báo cáo {Report!.NumberText}.";
        return Redirect($"/staff/reports/{id}");
    }

    private string FileName(string ext) =>
        Report!.Number is int n ? $"bao-cao-{n}-{Report.DocType.ToLowerInvariant()}-du-{Report.Year}.{ext}" : $"du-thao-bao-cao-{Report.Id}.{ext}";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Report = await reports.FindAsync(id, ct);
        if (Report is null)
        {
            return false;
        }

        Report.Sections.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        Printed = Report.State == ReportState.Issued
            ? await reports.ContentAsync(Report, Report.IssuedOn!.Value, Report.NumberText!, ct)
            : await reports.DraftContentAsync(Report, ct);
        IssuedOn ??= Formats.Date(VietnamTime.Today(time));
        return true;
    }
}
