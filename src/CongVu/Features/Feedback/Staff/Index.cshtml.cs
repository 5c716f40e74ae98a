using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Staff;

/// <summary>The feedback inbox of the user's subtree (the scope filter does the limiting); ?xem=qua-han is the escalation view.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class IndexModel(AppDbContext db, TimeProvider time, Schedules.WorkingCalendarProvider calendars) : PageModel
{
    public sealed record Row(int Id, string Code, FeedbackKind Kind, FeedbackChannel Channel, string? Subject, string Excerpt, DateOnly ReceivedOn, DateOnly DueOn, FeedbackStatus Status, bool Overdue, int DaysLate, string Unit);

    [BindProperty(SupportsGet = true, Name = "xem")]
    public string? View { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool EscalationView => View == "qua-han";

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(time);
        var today = Today;
        var calendar = await calendars.GetAsync(ct);
        // Moderated items leave every list but the "hidden" one; they are never deleted.
        var query = db.Set<FeedbackItem>().AsNoTracking().Where(f => f.Hidden == (View == "an"));
        query = View switch
        {
            "an" => query,
            "da-tra-loi" => query.Where(f => f.Status == FeedbackStatus.Answered),
            "qua-han" => query.Where(f => f.Status != FeedbackStatus.Answered && f.DueOn < today),
            "tat-ca" => query,
            _ => query.Where(f => f.Status != FeedbackStatus.Answered),
        };
        var items = await query
            .OrderBy(f => f.DueOn).ThenBy(f => f.Id)
            .Take(500)
            .Join(db.OrgUnits, f => f.OrgUnitId, u => u.Id, (f, u) => new { f.Id, f.TrackingCode, f.Kind, f.Channel, f.SubjectText, f.Text, f.ReceivedOn, f.DueOn, f.Status, f.AnsweredOn, Unit = u.Name })
            .ToListAsync(ct);
        Rows = items.Select(f =>
        {
            var overdue = f.Status == FeedbackStatus.Answered ? f.AnsweredOn > f.DueOn : today > f.DueOn;
            var late = overdue ? calendar.WorkingDaysBetween(f.DueOn, f.AnsweredOn ?? today) : 0;
            return new Row(f.Id, f.TrackingCode, f.Kind, f.Channel, f.SubjectText, f.Text.Length > 120 ? f.Text[..120] + "…" : f.Text, f.ReceivedOn, f.DueOn, f.Status, overdue, late, f.Unit);
        }).ToList();
        if (EscalationView)
        {
            Rows = Rows.OrderByDescending(r => r.DaysLate).ToList();
        }
    }
}
