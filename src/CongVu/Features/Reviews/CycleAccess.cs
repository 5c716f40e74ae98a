using System.Security.Claims;
using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>Who may do what in the yearly cycle, and which years a user sees.</summary>
public static class CycleAccess
{
    public static int? PersonId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaims.Person), out var id) ? id : null;

    /// <summary>Decisions belong to the commune committee's standing committee (QĐ 366-QĐ/TW); the office enters them for it.</summary>
    public static bool CanDecide(ClaimsPrincipal user) => user.IsInRole(Roles.Committee) || user.IsInRole(Roles.Admin);

    public static bool CanAppraise(ClaimsPrincipal user) => user.IsInRole(Roles.CellSecretary) || CanDecide(user);

    /// <summary>Committees whose years the user sees: those in their scope and those above their own unit.</summary>
    public static HashSet<int> VisibleCommittees(OrgTreeSnapshot snap, AccessScope scope)
    {
        var ids = new HashSet<int>();
        if (scope.RootUnitId is int root)
        {
            ids.UnionWith(snap.AncestorsAndSelf(root).Where(n => n.Kind == OrgUnitKind.CommunePartyCommittee).Select(n => n.Id));
        }

        ids.UnionWith(scope.UnitIds.Where(id => snap.Find(id)?.Kind == OrgUnitKind.CommunePartyCommittee));
        return ids;
    }

    public static async Task<List<RatingYear>> VisibleYearsAsync(AppDbContext db, OrgTreeSnapshot snap, CancellationToken ct)
    {
        var committees = VisibleCommittees(snap, db.Scope).ToArray();
        return await db.Set<RatingYear>().AsNoTracking()
            .Where(y => db.Scope.All || committees.Contains(y.CommitteeId))
            .OrderByDescending(y => y.Year).ThenBy(y => y.CommitteeId)
            .ToListAsync(ct);
    }

    public static async Task<RatingYear?> FindYearAsync(AppDbContext db, OrgTreeSnapshot snap, int id, CancellationToken ct)
    {
        var year = await db.Set<RatingYear>().Include(y => y.ScoreItems).AsSplitQuery().FirstOrDefaultAsync(y => y.Id == id, ct);
        if (year is null || !(db.Scope.All || VisibleCommittees(snap, db.Scope).Contains(year.CommitteeId)))
        {
            return null;
        }

        year.ScoreItems.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        return year;
    }

    /// <summary>The year a member works on now: the latest open or reviewing year of a committee above their cell.</summary>
    public static async Task<RatingYear?> CurrentYearForAsync(AppDbContext db, OrgTreeSnapshot snap, int cellId, CancellationToken ct)
    {
        var committees = snap.AncestorsAndSelf(cellId).Where(n => n.Kind == OrgUnitKind.CommunePartyCommittee).Select(n => n.Id).ToArray();
        return await db.Set<RatingYear>().Include(y => y.ScoreItems)
            .Where(y => committees.Contains(y.CommitteeId) && (y.State == YearState.Open || y.State == YearState.Reviewing))
            .OrderByDescending(y => y.Year)
            .FirstOrDefaultAsync(ct);
    }

    public static string LevelName(RatingLevel? level) => level is RatingLevel l ? RatingEngine.Name(l) : "—";

    public static string FormName(ReviewForm form) => form switch
    {
        ReviewForm.Form2A => "Mẫu 2A — đảng viên giữ chức vụ lãnh đạo, quản lý",
        ReviewForm.Form2B => "Mẫu 2B — đảng viên không giữ chức vụ lãnh đạo, quản lý",
        _ => "Mẫu 2C — đảng viên không làm việc trong hệ thống chính trị",
    };
}

/// <summary>Opens a rating year with its defaults: the commune's breakdown is data, editable per year.</summary>
public static class YearFactory
{
    public static string DefaultVersion(RuleSet r) => r switch
    {
        RuleSet.Qd366 => "366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025",
        RuleSet.Qd124 => "124-QĐ/TW ngày 03/10/2023",
        _ => "132-QĐ/TW ngày 08/3/2018",
    };

    /// <summary>QĐ 366-QĐ/TW: general group 30 points (by default the 15 conduct criteria at 2 points) and results group 70.</summary>
    public static RatingYear Create(int committeeId, int year, RuleSet ruleSet, ConductCode code, DateOnly pledgeDeadline, DateOnly reviewDeadline, DateOnly? extension, DateTime now, string? by)
    {
        var y = new RatingYear
        {
            CommitteeId = committeeId,
            Year = year,
            RuleSet = ruleSet,
            RuleSetVersion = DefaultVersion(ruleSet),
            ConductCodeId = code.Id,
            PledgeDeadline = pledgeDeadline,
            ReviewDeadline = reviewDeadline,
            ExtensionDeadline = extension,
            CreatedAt = now,
            CreatedBy = by,
        };
        var order = 0;
        foreach (var c in code.Groups.OrderBy(g => g.SortOrder).SelectMany(g => g.Criteria.OrderBy(c => c.SortOrder)))
        {
            y.ScoreItems.Add(new ScoreItem { Group = ScoreGroup.General, Code = c.Code, Label = c.Text, CriterionCode = c.Code, MaxPoints = 2m, SortOrder = ++order });
        }

        y.ScoreItems.Add(new ScoreItem { Group = ScoreGroup.Results, Code = "KQ-1", Label = "Kết quả thực hiện chức trách, nhiệm vụ được giao trong năm", MaxPoints = 50m, SortOrder = ++order });
        y.ScoreItems.Add(new ScoreItem { Group = ScoreGroup.Results, Code = "KQ-2", Label = "Thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm (Chỉ thị 05-CT/TW)", MaxPoints = 20m, SortOrder = ++order });
        return y;
    }
}
