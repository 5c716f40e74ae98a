using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reports;

/// <summary>The demo committees' party terms: Hiếu Trung 2015–2020 and 2020–2025 (khóa XIV) until the merger, Tiểu Cần 2025–2030.</summary>
public static class ReportSeed
{
    public static async Task SeedDemoTermsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var snap = await services.GetRequiredService<OrgTree>().GetAsync(ct);
        var old = snap.FindByCode(DemoPlanBuilder.OldCommitteeCode);
        var now = snap.FindByCode(DemoPlanBuilder.NewCommitteeCode);
        if (old is null || now is null || await db.Set<PartyTerm>().AnyAsync(t => t.OrgUnitId == old.Id || t.OrgUnitId == now.Id, ct))
        {
            return;
        }

        // Congress dates are demo values; a real committee enters its own.
        db.Set<PartyTerm>().AddRange(
            new PartyTerm { OrgUnitId = old.Id, Name = "2015–2020", Ordinal = "XIII", StartsOn = new DateOnly(2015, 6, 1), FromYear = 2015, ToYear = 2020 },
            new PartyTerm { OrgUnitId = old.Id, Name = "2020–2025", Ordinal = "XIV", StartsOn = new DateOnly(2020, 6, 15), FromYear = 2020, ToYear = 2025 },
            new PartyTerm { OrgUnitId = now.Id, Name = "2025–2030", Ordinal = "I", StartsOn = new DateOnly(2025, 7, 1), FromYear = 2025, ToYear = 2030 });
        await db.SaveChangesAsync(ct);
    }
}
