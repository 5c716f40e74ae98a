using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation;

/// <summary>Applies membership changes inside the user's scope, with an audit entry for each.</summary>
public sealed class MembershipService(AppDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<string?> ChangeAsync(int personId, MembershipChange change, DateOnly day, int? toCellId, string? reason, string actor, CancellationToken ct)
    {
        var m = await db.Memberships.Include(x => x.Periods).Include(x => x.Person)
            .FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        if (m is null)
        {
            return "Không tìm thấy hồ sơ đảng viên.";
        }

        if (toCellId is int target && !db.Scope.CanSee(target))
        {
            return "Chi bộ chuyển đến không thuộc phạm vi quản lý của bạn.";
        }

        if (toCellId is int cellId)
        {
            var isCell = await db.OrgUnits.AnyAsync(u => u.Id == cellId && u.Kind == OrgUnitKind.PartyCell && (u.ValidTo == null || u.ValidTo >= day), ct);
            if (!isCell)
            {
                return "Chi bộ chuyển đến không tồn tại vào ngày đã chọn.";
            }
        }

        var before = new { m.OrgUnitId, Status = m.Status.ToString(), Class = m.Class.ToString(), m.StatusSince };
        var error = MembershipLedger.Apply(m, change, day, toCellId, reason, time.GetUtcNow().UtcDateTime, actor);
        if (error is not null)
        {
            return error;
        }

        m.Person!.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("membership." + change.ToString().ToLowerInvariant(), "person", personId, m.OrgUnitId,
            before, new { m.OrgUnitId, Status = m.Status.ToString(), Class = m.Class.ToString(), m.StatusSince, Reason = reason });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
