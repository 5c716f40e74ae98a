using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Reports;

/// <summary>The register of the committees' reports, new drafts and the party terms that number them.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(ReportService reports, AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public List<OrgNode> Committees { get; private set; } = [];

    public Dictionary<int, List<PartyTerm>> Terms { get; } = [];

    public List<PartyReport> Register { get; private set; } = [];

    public bool CanWrite => CycleAccess.CanDecide(User);

    public int ThisYear { get; private set; }

    [BindProperty]
    public NewInput New { get; set; } = new();

    [BindProperty]
    public TermInput Term { get; set; } = new();

    public sealed class NewInput
    {
        public int Committee { get; set; }

        public ReportKind Kind { get; set; } = ReportKind.YearlyDirective05;

        public int? Year { get; set; }

        public int? TermId { get; set; }
    }

    public sealed class TermInput
    {
        public int Committee { get; set; }

        public string? Name { get; set; }

        public string? Ordinal { get; set; }

        public string? StartsOn { get; set; }

        public int? FromYear { get; set; }

        public int? ToYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var (report, error) = await reports.CreateDraftAsync(New.Committee, New.Kind, New.Year, New.TermId, User.Identity?.Name, ct);
        if (report is null)
        {
            ModelState.AddModelError(string.Empty, error!);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "Đã tạo dự thảo báo cáo.";
        return Redirect($"/staff/reports/{report.Id}");
    }

    public async Task<IActionResult> OnPostTermAsync(CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (!Committees.Any(c => c.Id == Term.Committee))
        {
            return NotFound();
        }

        var name = (Term.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > 40)
        {
            ModelState.AddModelError("Term.Name", "Nhập tên nhiệm kỳ, ví dụ 2025–2030.");
        }

        if (!Formats.TryParseDate(Term.StartsOn, out var starts))
        {
            ModelState.AddModelError("Term.StartsOn", "Ngày bắt đầu nhiệm kỳ không hợp lệ (dd/MM/yyyy).");
        }

        if (Term.FromYear is not int from || Term.ToYear is not int to || from > to || to - from > 10 || from < 1930)
        {
            ModelState.AddModelError("Term.FromYear", "Năm đầu, năm cuối nhiệm kỳ không hợp lệ.");
        }

        if (ModelState.IsValid && Terms.GetValueOrDefault(Term.Committee, []).Any(t => t.StartsOn == starts))
        {
            ModelState.AddModelError("Term.StartsOn", "Đã có nhiệm kỳ bắt đầu ngày này.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var term = new PartyTerm { OrgUnitId = Term.Committee, Name = name, Ordinal = string.IsNullOrWhiteSpace(Term.Ordinal) ? null : Term.Ordinal.Trim(), StartsOn = starts, FromYear = Term.FromYear!.Value, ToYear = Term.ToYear!.Value };
        db.Set<PartyTerm>().Add(term);
        audit.RecordSaved("party-term.create", "party-term", () => term.Id, term.OrgUnitId, after: new { term.Name, term.Ordinal, StartsOn = Formats.Date(term.StartsOn) });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã thêm nhiệm kỳ.";
        return Redirect("/staff/reports");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ThisYear = VietnamTime.Today(time).Year;
        Committees = await reports.CommitteesAsync(ct);
        foreach (var c in Committees)
        {
            Terms[c.Id] = await reports.TermsAsync(c.Id, ct);
        }

        Register = await reports.RegisterAsync(null, ct);
    }
}
