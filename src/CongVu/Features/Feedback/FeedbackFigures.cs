using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>Feedback figures for the public summary: counts and rates only, never a person or a text.</summary>
public sealed class FeedbackFigures(AppDbContext db, Schedules.WorkingCalendarProvider calendars) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        var stats = await FeedbackStats.ForAsync(db, await calendars.GetAsync(ct), context.Commune.Id, context.Year, context.AsOf, ct);
        figures["feedbackReceived"] = stats.Received;
        figures["feedbackAnsweredOnTime"] = stats.AnsweredOnTime;
        figures["feedbackOverdue"] = stats.Overdue;
        figures["feedbackMedianDays"] = stats.MedianWorkingDays;
        figures["satisfaction"] = stats.SatisfactionPercent;
        var dossiers = await DossierStats.ForAsync(db, context.Commune.Id, context.Year, ct);
        figures["dossiersReturned"] = dossiers.Returned;
        figures["dossierOnTimeRate"] = dossiers.OnTimeRate;
    }
}

public sealed record FeedbackStats(int Received, int Answered, int AnsweredOnTime, int Overdue, decimal? MedianWorkingDays, int Ratings, decimal? SatisfactionPercent)
{
    public static async Task<FeedbackStats> ForAsync(AppDbContext db, Rules.WorkingDayCalendar calendar, int communeId, int year, DateOnly asOf, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        // Public aggregates cover the whole commune whoever asks, so the scope filter is lifted here only.
        var items = await db.Set<FeedbackItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.ReceivedOn >= from && f.ReceivedOn <= to && !f.Hidden)
            .Select(f => new { f.ReceivedOn, f.DueOn, f.AnsweredOn, f.Status })
            .ToListAsync(ct);
        var answered = items.Where(f => f.Status == FeedbackStatus.Answered && f.AnsweredOn is not null).ToList();
        var onTime = answered.Count(f => f.AnsweredOn <= f.DueOn);
        var overdue = items.Count(f => f.Status != FeedbackStatus.Answered && asOf > f.DueOn);
        var durations = answered.Select(f => calendar.WorkingDaysBetween(f.ReceivedOn, f.AnsweredOn!.Value)).Order().ToList();
        decimal? median = durations.Count == 0 ? null
            : durations.Count % 2 == 1 ? durations[durations.Count / 2]
            : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2m;

        var ratingUnits = await db.OrgUnits.AsNoTracking().Where(u => u.Id == communeId || u.ParentId == communeId).Select(u => u.Id).ToListAsync(ct);
        var ratings = await db.Set<DeskRating>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => ratingUnits.Contains(r.OrgUnitId) && r.On >= from && r.On <= to)
            .Select(r => new { r.Attitude, r.Timeliness, r.Clarity })
            .ToListAsync(ct);
        // Satisfied = an average of 4 or 5 on the three scales, as a share of all ratings (QĐ 766 reports satisfaction as a rate).
        decimal? satisfaction = ratings.Count == 0 ? null
            : Math.Round(100m * ratings.Count(r => r.Attitude + r.Timeliness + r.Clarity >= 12) / ratings.Count, 1);
        return new FeedbackStats(items.Count, answered.Count, onTime, overdue, median, ratings.Count, satisfaction);
    }
}
