using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Reception;

/// <summary>
/// Deterministic demo reception sessions of xã Tiểu Cần for 2026: the chair every week except two, the secretary twice a month
/// except in June, and the rest of the year planned. Reception-channel demo items received on a session day are linked to it.
/// </summary>
internal static class ReceptionDemo
{
    /// <summary>Weeks (by their Monday) the chair did not receive citizens, so the duty check shows something real.</summary>
    public static readonly DateOnly[] ChairMissedWeeks = [new(2026, 3, 16), new(2026, 9, 14)];

    /// <summary>The month the secretary received only once.</summary>
    public const int SecretaryShortMonth = 6;

    private static readonly DateOnly First = new(2026, 1, 1);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateOnly Last = new(2026, 12, 31);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var commune = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == DemoPlanBuilder.NewCommuneCode, ct);
        if (commune is null || await db.Set<ReceptionSession>().IgnoreQueryFilters().AnyAsync(s => s.CommuneId == commune.Id, ct))
        {
            return;
        }

        var tree = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        var office = FeedbackService.OfficeOf(tree, commune.Id);
        var units = tree.Scope(commune.Id);
        var posts = await db.PublicPosts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => units.Contains(p.OrgUnitId) && p.From <= Today && (p.To == null || p.To >= Today) && (p.Title == "Chủ tịch UBND xã" || p.Title == "Bí thư Đảng ủy xã"))
            .Select(p => new { p.PersonId, p.Title, p.Person!.FullName })
            .ToListAsync(ct);
        var chair = posts.FirstOrDefault(p => p.Title == "Chủ tịch UBND xã");
        var secretary = posts.FirstOrDefault(p => p.Title == "Bí thư Đảng ủy xã");
        var calendar = await services.GetRequiredService<WorkingCalendarProvider>().GetAsync(ct);
        var reception = await db.Set<FeedbackItem>().IgnoreQueryFilters()
            .Where(f => f.CommuneId == commune.Id && f.Channel == FeedbackChannel.Reception && f.ReceivedOn >= First)
            .Select(f => new { f.Id, f.ReceivedOn, f.Kind })
            .ToListAsync(ct);
        var random = new Random(20260115);
        var sessions = new List<ReceptionSession>();

        ReceptionSession Make(DateOnly on, ReceptionHost host, ReceptionPeriod period)
        {
            var (personId, name, post) = host == ReceptionHost.Chair
                ? (chair?.PersonId, chair?.FullName ?? "Chủ tịch UBND xã", "Chủ tịch UBND xã")
                : (secretary?.PersonId, secretary?.FullName ?? "Bí thư Đảng ủy xã", "Bí thư Đảng ủy xã");
            var held = on < Today;
            return new ReceptionSession
            {
                CommuneId = commune.Id,
                OrgUnitId = office,
                On = on,
                Period = period,
                Place = "Trụ sở tiếp công dân xã Tiểu Cần",
                Host = host,
                HostPersonId = personId,
                HostName = name,
                HostPost = post,
                Regular = true,
                Status = held ? ReceptionStatus.Held : ReceptionStatus.Planned,
                CitizensReceived = held ? random.Next(0, 6) : 0,
                OutcomeNotes = held ? "Đã hướng dẫn, giải thích cho công dân; vụ việc có nội dung được chuyển xử lý theo thẩm quyền (dữ liệu mẫu)." : null,
                CreatedAt = on.AddDays(-7).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc),
            };
        }

        // The chair: the first working day from Tuesday of each week (Luật Tiếp công dân 2013, Điều 15).
        for (var monday = new DateOnly(2025, 12, 29); monday <= Last; monday = monday.AddDays(7))
        {
            if (ChairMissedWeeks.Contains(monday))
            {
                continue;
            }

            var day = Enumerable.Range(1, 4).Select(i => monday.AddDays(i)).FirstOrDefault(d => d >= First && d <= Last && calendar.IsWorkingDay(d));
            if (day != default)
            {
                sessions.Add(Make(day, ReceptionHost.Chair, ReceptionPeriod.Morning));
            }
        }

        // The secretary: the first working Thursdays (or next working day) after the 8th and the 20th of each month (Quy định 11-QĐi/TW).
        for (var month = First; month <= Last; month = month.AddMonths(1))
        {
            foreach (var start in month.Month == SecretaryShortMonth ? new[] { 8 } : [8, 20])
            {
                var day = new DateOnly(month.Year, month.Month, start);
                while (day.DayOfWeek != DayOfWeek.Thursday || !calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(1);
                }

                sessions.Add(Make(day, ReceptionHost.PartySecretary, ReceptionPeriod.Afternoon));
            }
        }

        foreach (var s in sessions.Where(s => s.Status == ReceptionStatus.Held))
        {
            foreach (var item in reception.Where(f => f.ReceivedOn == s.On))
            {
                s.Visits.Add(new ReceptionVisit { OrgUnitId = office, FeedbackItemId = item.Id, Kind = item.Kind });
            }

            reception.RemoveAll(f => f.ReceivedOn == s.On);
            s.CitizensReceived = Math.Max(s.CitizensReceived, s.Visits.Count);
        }

        db.Set<ReceptionSession>().AddRange(sessions);
        await db.SaveChangesAsync(ct);
    }
}
