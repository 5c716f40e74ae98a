using CongVu.Features.Feedback.Rules;
using CongVu.Features.Feedback.Schedules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Reception;

public sealed record NewReceptionSession(
    int CommuneId,
    DateOnly On,
    ReceptionPeriod Period,
    TimeOnly? StartsAt,
    TimeOnly? EndsAt,
    string? Place,
    ReceptionHost Host,
    int? HostPersonId,
    string? HostName,
    string? HostPost,
    bool Regular);

/// <summary>Planning and recording citizen reception sessions; each citizen's matter is filed through the feedback intake path.</summary>
public sealed class ReceptionService(AppDbContext db, AuditLog audit, TimeProvider time, FeedbackService feedback, Organisation.OrgTree orgTree)
{
    public const string EntityType = "reception-session";

    public static List<string> Validate(NewReceptionSession input)
    {
        var errors = new List<string>();
        if (input.On.Year is < OfficialScheduleYear.MinYear or > OfficialScheduleYear.MaxYear)
        {
            errors.Add("Ngày tiếp công dân không hợp lệ.");
        }

        if (!Enum.IsDefined(input.Period))
        {
            errors.Add("Vui lòng chọn buổi tiếp.");
        }
        else if (input.Period == ReceptionPeriod.Hours && (input.StartsAt is null || input.EndsAt is null || input.StartsAt >= input.EndsAt))
        {
            errors.Add("Vui lòng nhập giờ bắt đầu và giờ kết thúc (bắt đầu trước kết thúc).");
        }

        if (!Enum.IsDefined(input.Host))
        {
            errors.Add("Vui lòng chọn người chủ trì tiếp công dân.");
        }

        if (string.IsNullOrWhiteSpace(input.HostName) || input.HostName.Length > 200)
        {
            errors.Add("Vui lòng nhập họ tên người tiếp (tối đa 200 ký tự).");
        }

        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Length > 300)
        {
            errors.Add("Vui lòng nhập địa điểm tiếp (tối đa 300 ký tự).");
        }

        if (input.HostPost?.Length > 200)
        {
            errors.Add("Chức vụ tối đa 200 ký tự.");
        }

        return errors;
    }

    public async Task<(ReceptionSession? Session, List<string> Errors)> PlanAsync(NewReceptionSession input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var tree = await orgTree.GetAsync(ct);
        var session = new ReceptionSession
        {
            CommuneId = input.CommuneId,
            OrgUnitId = FeedbackService.OfficeOf(tree, input.CommuneId),
            On = input.On,
            Period = input.Period,
            StartsAt = input.Period == ReceptionPeriod.Hours ? input.StartsAt : null,
            EndsAt = input.Period == ReceptionPeriod.Hours ? input.EndsAt : null,
            Place = input.Place!.Trim(),
            Host = input.Host,
            HostPersonId = input.HostPersonId,
            HostName = input.HostName!.Trim(),
            HostPost = string.IsNullOrWhiteSpace(input.HostPost) ? null : input.HostPost.Trim(),
            Regular = input.Regular,
            Status = ReceptionStatus.Planned,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<ReceptionSession>().Add(session);
        audit.RecordSaved("reception.planned", EntityType, () => session.Id, session.OrgUnitId, null, new { session.On, session.Period, session.Host, session.HostName, session.Regular });
        await db.SaveChangesAsync(ct);
        return (session, errors);
    }

    public async Task<List<string>> RecordAsync(ReceptionSession session, ReceptionStatus status, int citizens, string? notes, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(status))
        {
            errors.Add("Vui lòng chọn tình trạng buổi tiếp.");
        }

        if (citizens < session.Visits.Count || citizens > 10000)
        {
            errors.Add($"Số lượt công dân phải từ {session.Visits.Count} (số vụ việc đã ghi) đến 10000.");
        }

        if (status == ReceptionStatus.Held && session.On > Infrastructure.Time.VietnamTime.Today(time))
        {
            errors.Add("Buổi tiếp chưa diễn ra nên chưa thể ghi là đã tiếp.");
        }

        if (notes?.Length > 4000)
        {
            errors.Add("Kết quả buổi tiếp tối đa 4000 ký tự.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var before = new { session.Status, session.CitizensReceived };
        session.Status = status;
        session.CitizensReceived = status == ReceptionStatus.Cancelled ? 0 : citizens;
        session.OutcomeNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        audit.Record("reception.recorded", EntityType, session.Id, session.OrgUnitId, before, new { session.Status, session.CitizensReceived });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Files a citizen's matter raised at the session as a feedback item (channel: reception) and links it; the session counts as held.</summary>
    public async Task<FeedbackItem> AddVisitAsync(ReceptionSession session, FeedbackKind kind, string text, bool consultsOthers, CancellationToken ct)
    {
        var item = await feedback.FileAsync(
            new NewFeedback(kind, FeedbackChannel.Reception, session.CommuneId, FeedbackSubjectKind.None, null, null, null, text, FeedbackAnonymity.Anonymous, null, false, consultsOthers),
            ct);
        session.Visits.Add(new ReceptionVisit { OrgUnitId = session.OrgUnitId, FeedbackItemId = item.Id, Kind = kind });
        session.Status = ReceptionStatus.Held;
        session.CitizensReceived = Math.Max(session.CitizensReceived, session.Visits.Count);
        audit.Record("reception.visit", EntityType, session.Id, session.OrgUnitId, null, new { FeedbackItemId = item.Id, kind, session.CitizensReceived });
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>The duties for [from, to]: chair weeks (a week belongs to the period holding its Thursday) and secretary months.</summary>
    public static (IReadOnlyList<DutyPeriod> ChairWeeks, IReadOnlyList<DutyPeriod> SecretaryMonths) Duties(IReadOnlyCollection<ReceptionSession> sessions, DateOnly from, DateOnly to, DateOnly today, WorkingDayCalendar calendar)
    {
        var held = sessions.Where(s => s.Status == ReceptionStatus.Held).ToList();
        var weeks = ReceptionDuty.ChairWeeks(held.Where(s => s.Host == ReceptionHost.Chair).Select(s => s.On), from, to, today, calendar)
            .Where(w => w.From.AddDays(3) >= from && w.From.AddDays(3) <= to).ToList();
        var months = ReceptionDuty.SecretaryMonths(held.Where(s => s.Host == ReceptionHost.PartySecretary).Select(s => s.On), from, to, today, calendar);
        return (weeks, months);
    }

    public async Task<ReceptionReport> ReportAsync(int communeId, string communeName, ReportPeriod period, DateOnly today, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var sessions = await db.Set<ReceptionSession>().AsNoTracking().Include(s => s.Visits)
            .Where(s => s.CommuneId == communeId && s.On >= from.AddDays(-7) && s.On <= to.AddDays(7))
            .ToListAsync(ct);
        var (weeks, months) = Duties(sessions, from, to, today, calendar);
        var inPeriod = sessions.Where(s => s.On >= from && s.On <= to && s.Status == ReceptionStatus.Held).ToList();
        var itemIds = inPeriod.SelectMany(s => s.Visits).Select(v => v.FeedbackItemId).ToList();
        var items = await db.Set<FeedbackItem>().AsNoTracking().Where(f => itemIds.Contains(f.Id)).Select(f => new { f.Kind, f.Status }).ToListAsync(ct);
        return new ReceptionReport(
            communeName,
            period,
            inPeriod.Count,
            inPeriod.Where(s => s.Host == ReceptionHost.Chair).Select(s => s.On).Distinct().Count(),
            weeks.Sum(w => w.Required),
            weeks.Where(w => w.Missed).ToList(),
            inPeriod.Where(s => s.Host == ReceptionHost.PartySecretary).Select(s => s.On).Distinct().Count(),
            months.Sum(m => m.Required),
            months.Where(m => m.Missed).ToList(),
            inPeriod.Count(s => s.Host == ReceptionHost.Other),
            inPeriod.Count(s => !s.Regular),
            inPeriod.Sum(s => s.CitizensReceived),
            Enum.GetValues<FeedbackKind>().Select(k => (k, items.Count(i => i.Kind == k))).Where(p => p.Item2 > 0).ToList(),
            items.Count(i => i.Status == FeedbackStatus.Answered),
            items.Count(i => i.Status != FeedbackStatus.Answered));
    }
}

public sealed record ReceptionReport(
    string CommuneName,
    ReportPeriod Period,
    int SessionsHeld,
    int ChairDaysHeld,
    int ChairDaysRequired,
    IReadOnlyList<DutyPeriod> ChairWeeksMissed,
    int SecretaryDaysHeld,
    int SecretaryDaysRequired,
    IReadOnlyList<DutyPeriod> SecretaryMonthsMissed,
    int OtherSessions,
    int UnscheduledSessions,
    int Citizens,
    IReadOnlyList<(FeedbackKind Kind, int Count)> ItemsByKind,
    int Resolved,
    int InProgress);

/// <summary>A reporting period: a month, quarter, half-year or year ("thang", "quy", "6thang", "nam").</summary>
public sealed record ReportPeriod(string Kind, int Year, int Number, DateOnly From, DateOnly To, string Label)
{
    public static ReportPeriod? Of(string? kind, int year, int number)
    {
        if (year is < OfficialScheduleYear.MinYear or > OfficialScheduleYear.MaxYear)
        {
            return null;
        }

        return kind switch
        {
            "thang" when number is >= 1 and <= 12 => new(kind, year, number, new DateOnly(year, number, 1), new DateOnly(year, number, 1).AddMonths(1).AddDays(-1), $"tháng {number}/{year}"),
            "quy" when number is >= 1 and <= 4 => new(kind, year, number, new DateOnly(year, (3 * number) - 2, 1), new DateOnly(year, (3 * number) - 2, 1).AddMonths(3).AddDays(-1), $"quý {Roman(number)}/{year}"),
            "6thang" when number is 1 or 2 => new(kind, year, number, new DateOnly(year, number == 1 ? 1 : 7, 1), number == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31), number == 1 ? $"6 tháng đầu năm {year}" : $"6 tháng cuối năm {year}"),
            "nam" => new(kind, year, 1, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"năm {year}"),
            _ => null,
        };
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
