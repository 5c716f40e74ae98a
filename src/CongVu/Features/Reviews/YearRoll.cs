using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>A member on a year's roll, with the reason they are left out of the rating, if any.</summary>
public sealed record RollMember(int PersonId, string FullName, int CellId, MemberStatus Status, DateOnly AdmittedOn, string? ExclusionReason)
{
    public bool IsRated => ExclusionReason is null;

    /// <summary>Exempt and suspended members are left out of pledge denominators; newly admitted members still pledge.</summary>
    public bool MustPledge => Status == MemberStatus.Active;
}

/// <summary>Who belongs to a rating year: the members on the roll of the committee's cells on the reference day.</summary>
public static class YearRoll
{
    /// <summary>The day the roll is read: the period's end, or today while the year is still running.</summary>
    public static DateOnly ReferenceDay(RatingYear year, DateOnly today) => today < year.PeriodEnd && today >= year.PeriodStart ? today : year.PeriodEnd;

    /// <summary>QĐ 366-QĐ/TW: exempt, suspended and members admitted less than 6 months before the period ends are not rated.</summary>
    public static string? ExclusionReason(MemberStatus status, DateOnly admittedOn, DateOnly periodEnd)
    {
        if (status == MemberStatus.ExemptFromActivities)
        {
            return "Được miễn công tác và sinh hoạt đảng";
        }

        if (status == MemberStatus.Suspended)
        {
            return "Đang bị đình chỉ sinh hoạt đảng";
        }

        if (admittedOn > periodEnd.AddMonths(-6))
        {
            return $"Kết nạp ngày {admittedOn:dd/MM/yyyy}, chưa đủ 6 tháng tính đến cuối kỳ đánh giá";
        }

        return null;
    }

    /// <summary>
    /// The roll; with ignoreScope false the caller's scope applies (a secretary gets only their cell). With a
    /// person, only that member's line (a review page must not read the whole roll to show one member).
    /// </summary>
    public static async Task<List<RollMember>> LoadAsync(AppDbContext db, OrgTreeSnapshot snap, RatingYear year, DateOnly today, bool ignoreScope, CancellationToken ct, int? personId = null)
    {
        var day = ReferenceDay(year, today);
        var cells = RegistryQueries.CellsOn(snap, year.CommitteeId, day).ToArray();
        var periods = ignoreScope ? db.MembershipPeriods.IgnoreQueryFilters() : db.MembershipPeriods;
        if (personId is int one)
        {
            periods = periods.Where(p => p.Membership!.PersonId == one);
        }

        var rows = await periods
            .Where(p => cells.Contains(p.OrgUnitId) && p.From <= day && (p.To == null || p.To >= day))
            .Where(p => p.Status == MemberStatus.Active || p.Status == MemberStatus.ExemptFromActivities || p.Status == MemberStatus.Suspended)
            .Select(p => new { p.OrgUnitId, p.Status, p.Membership!.PersonId, p.Membership.AdmittedOn, p.Membership.Person!.FullName })
            .ToListAsync(ct);
        return rows
            .Select(r => new RollMember(r.PersonId, r.FullName, r.OrgUnitId, r.Status, r.AdmittedOn, ExclusionReason(r.Status, r.AdmittedOn, year.PeriodEnd)))
            .OrderBy(r => r.CellId).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .ToList();
    }
}
