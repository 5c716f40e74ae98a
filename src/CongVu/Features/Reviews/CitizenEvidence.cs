using CongVu.Features.Feedback;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>
/// What citizens' feedback and the one-stop desk say about a member in a year, as counts only: the
/// review sees the evidence, never who complained.
/// </summary>
public sealed record CitizenEvidence(
    int Praise,
    int Complaints,
    int Upheld,
    IReadOnlyList<string> BreachedCriteria,
    int Apologies,
    int Dossiers,
    int DossiersOnTime,
    int DossiersLate)
{
    public static async Task<CitizenEvidence> LoadAsync(AppDbContext db, int personId, string fullName, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Feedback is routed to the commune, outside a cell secretary's scope: only these aggregates cross it.
        var feedback = await db.Set<FeedbackItem>().IgnoreQueryFilters()
            .Where(f => f.SubjectPersonId == personId && f.ReceivedOn >= from && f.ReceivedOn <= to && !f.Hidden)
            .Select(f => new { f.Kind, f.Outcome, f.ConductCodes, f.Apologised })
            .ToListAsync(ct);
        var complaints = feedback.Where(f => f.Kind is not FeedbackKind.Khen and not FeedbackKind.GopY).ToList();
        var upheld = complaints.Where(f => f.Outcome is FeedbackOutcome.Resolved or FeedbackOutcome.PartlyResolved).ToList();
        var codes = upheld.SelectMany(f => (f.ConductCodes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key)
            .ToList();

        // The one-stop list names the handling official as text: matched on the member's full name.
        var dossiers = await db.Set<Dossier>().IgnoreQueryFilters()
            .Where(d => d.Official == fullName && d.ReceivedOn >= from && d.ReceivedOn <= to && d.ReturnedOn != null)
            .Select(d => new { d.DueOn, d.ReturnedOn })
            .ToListAsync(ct);
        var onTime = dossiers.Count(d => d.ReturnedOn <= d.DueOn);
        return new CitizenEvidence(
            feedback.Count(f => f.Kind == FeedbackKind.Khen),
            complaints.Count,
            upheld.Count,
            codes,
            feedback.Count(f => f.Apologised),
            dossiers.Count,
            onTime,
            dossiers.Count - onTime);
    }
}
