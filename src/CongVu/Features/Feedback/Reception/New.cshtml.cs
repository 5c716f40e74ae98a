using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Reception;

/// <summary>Plans a reception session (or records an unscheduled one) for the user's commune.</summary>
[Authorize(Policy = FeedbackPolicies.Handle)]
public sealed class NewModel(AppDbContext db, OrgTree orgTree, ReceptionService reception, TimeProvider time) : PageModel
{
    public sealed record Official(int PostId, int PersonId, string Name, string Title);

    public IReadOnlyList<Official> Officials { get; private set; } = [];

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public ReceptionPeriod Period { get; set; } = ReceptionPeriod.Morning;

    [BindProperty]
    public string? StartsAt { get; set; }

    [BindProperty]
    public string? EndsAt { get; set; }

    [BindProperty]
    public ReceptionHost Host { get; set; } = ReceptionHost.Chair;

    [BindProperty]
    public int? PostId { get; set; }

    [BindProperty]
    public string? HostName { get; set; }

    [BindProperty]
    public string? HostPost { get; set; }

    [BindProperty]
    public string? Place { get; set; } = "Trụ sở tiếp công dân xã";

    [BindProperty]
    public bool Unscheduled { get; set; }

    public async Task<IActionResult> OnGetAsync(string? ngay, CancellationToken ct)
    {
        On = Formats.TryParseDate(ngay, out var d) ? Formats.Date(d) : Formats.Date(VietnamTime.Today(time));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var commune = await ReceptionLabels.CommuneOfAsync(User, orgTree, ct);
        await LoadAsync(ct);
        if (commune is null)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản không thuộc một xã, phường.");
            return Page();
        }

        if (!Formats.TryParseDate(On, out var on))
        {
            ModelState.AddModelError(nameof(On), "Vui lòng nhập ngày tiếp dạng dd/MM/yyyy.");
        }

        TimeOnly? starts = null, ends = null;
        if (Period == ReceptionPeriod.Hours)
        {
            starts = TimeOnly.TryParseExact(StartsAt, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
            ends = TimeOnly.TryParseExact(EndsAt, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : null;
        }

        int? personId = null;
        if (PostId is int postId)
        {
            if (Officials.FirstOrDefault(o => o.PostId == postId) is { } official)
            {
                personId = official.PersonId;
                HostName = official.Name;
                HostPost = official.Title;
            }
            else
            {
                ModelState.AddModelError(nameof(PostId), "Cán bộ đã chọn không thuộc xã.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (session, errors) = await reception.PlanAsync(new NewReceptionSession(commune.Id, on, Period, starts, ends, Place, Host, personId, HostName, HostPost, !Unscheduled), ct);
        foreach (var e in errors)
        {
            ModelState.AddModelError(string.Empty, e);
        }

        if (session is null)
        {
            return Page();
        }

        TempData["Flash"] = "Đã ghi lịch tiếp công dân.";
        return Redirect("/staff/feedback/tiep-dan/" + session.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var commune = await ReceptionLabels.CommuneOfAsync(User, orgTree, ct);
        if (commune is null)
        {
            return;
        }

        var tree = await orgTree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        var units = tree.Scope(commune.Id);
        Officials = (await db.PublicPosts.AsNoTracking()
            .Where(p => units.Contains(p.OrgUnitId) && p.IsLeadership && p.From <= today && (p.To == null || p.To >= today))
            .Select(p => new { p.Id, p.PersonId, p.Person!.FullName, p.Title })
            .ToListAsync(ct))
            .Select(p => new Official(p.Id, p.PersonId, p.FullName, p.Title)).OrderBy(o => o.Title, StringComparer.Ordinal).ToList();
    }
}
