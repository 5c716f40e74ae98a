using CongVu.Features.Organisation.Demo;
using CongVu.Features.Portal.Visits;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal;

/// <summary>Demo data of the portal: the old portal's visit count and some history. Deterministic and idempotent.</summary>
public static class PortalDemo
{
    /// <summary>The all-time count on Hiếu Trung's old portal (seed page), carried over as the commune moves to this product.</summary>
    public const long HieuTrungAllTime = 2_539_965;

    public static readonly DateOnly HistoryFrom = new(2026, 10, 1);
    public static readonly DateOnly HistoryTo = new(2026, 11, 24);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await SeedVisitsAsync(db, ct);
        await PortalNewsDemo.SeedAsync(services, ct);
    }

    private static async Task SeedVisitsAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.Set<PortalVisitOffset>().AnyAsync(o => o.Commune == DemoPlanBuilder.OldCommuneCode, ct))
        {
            db.Set<PortalVisitOffset>().Add(new PortalVisitOffset
            {
                Commune = DemoPlanBuilder.OldCommuneCode,
                AllTime = HieuTrungAllTime,
                Source = "Cổng thông tin điện tử xã Hiếu Trung (trước 01/7/2025)",
            });
        }

        // Tiểu Cần's portal starts from zero: the old count measured another site and stays with Hiếu Trung's archive.
        if (!await db.Set<PortalVisitDay>().AnyAsync(d => d.Commune == DemoPlanBuilder.NewCommuneCode, ct))
        {
            for (var day = HistoryFrom; day <= HistoryTo; day = day.AddDays(1))
            {
                // A fixed weekly rhythm: busier on weekdays, quieter at weekends.
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var visits = (weekend ? 180 : 420) + (day.DayNumber % 7) * 23;
                db.Set<PortalVisitDay>().Add(new PortalVisitDay { Commune = DemoPlanBuilder.NewCommuneCode, Day = day, Visits = visits, Views = visits * 3 });
                db.Set<PortalVisitPage>().Add(new PortalVisitPage { Commune = DemoPlanBuilder.NewCommuneCode, Day = day, Path = "/", Views = visits * 2 });
                db.Set<PortalVisitPage>().Add(new PortalVisitPage { Commune = DemoPlanBuilder.NewCommuneCode, Day = day, Path = "/tin-tuc", Views = visits });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
