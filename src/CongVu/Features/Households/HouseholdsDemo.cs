using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households;

/// <summary>
/// The demo household register: ≈2,850 households in the 6 hamlets of xã Hiếu Trung with facts 2016–2025
/// (2020: 53 poor = 1.86%, > 96% cultural families; under 1% poor by 2025), moved to Tiểu Cần's hamlets on
/// 1/7/2025, and a smaller 2025 register for Tiểu Cần's khóm. Deterministic from a fixed seed.
/// </summary>
internal static class HouseholdsDemo
{
    public const int Seed = 20250701;
    public const int FirstYear = 2016;
    public const int LastYear = 2025;

    /// <summary>Households per Hiếu Trung hamlet, in the order of the tree.</summary>
    public static readonly int[] HamletSizes = [480, 460, 490, 470, 470, 480];

    public static readonly IReadOnlyDictionary<int, int> Poor = new Dictionary<int, int>
    {
        [2016] = 160, [2017] = 131, [2018] = 102, [2019] = 78, [2020] = 53, [2021] = 47, [2022] = 68, [2023] = 51, [2024] = 37, [2025] = 26,
    };

    public static readonly IReadOnlyDictionary<int, int> NearPoor = new Dictionary<int, int>
    {
        [2016] = 190, [2017] = 172, [2018] = 151, [2019] = 132, [2020] = 112, [2021] = 101, [2022] = 121, [2023] = 104, [2024] = 90, [2025] = 78,
    };

    /// <summary>Households not granted the cultural-family title each year.</summary>
    public static readonly IReadOnlyDictionary<int, int> NotCultural = new Dictionary<int, int>
    {
        [2016] = 190, [2017] = 168, [2018] = 141, [2019] = 119, [2020] = 98, [2021] = 92, [2022] = 85, [2023] = 76, [2024] = 68, [2025] = 60,
    };

    private const int KhomSize = 150;
    private static readonly int[] KhomPoor = [1, 1, 1, 0, 1, 1];
    private const string By = "Văn phòng UBND xã (dữ liệu mẫu)";

    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Thạch", "Sơn", "Kim", "Lâm", "Dương", "Trương", "Lý", "Châu"];
    private static readonly string[] Middles = ["Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc", "Hữu"];
    private static readonly string[] Givens = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Sang", "Tâm", "Thảo", "Tuấn", "Vân", "Xuân", "Hiền", "Khánh", "Lộc", "Phương", "Quang", "Trí", "Út", "Bé"];
    private static readonly string[] ExclusionPool = ["not-registered", "not-registered", "not-registered", "hygiene", "hygiene", "law-violation", "social-evil", "domestic-violence", "obligations", "criminal"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var oldHamlets = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.Hamlet && u.Code.StartsWith("hieu-trung-ap-"))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .ToListAsync(ct);
        if (oldHamlets.Count == 0)
        {
            return;
        }

        var oldIds = oldHamlets.Select(h => h.Id).ToList();
        if (await db.Set<HouseholdYear>().AnyAsync(y => oldIds.Contains(y.OrgUnitId), ct))
        {
            return;
        }

        var successors = await db.OrgUnitSuccessions.AsNoTracking().Where(s => oldIds.Contains(s.PredecessorId)).ToDictionaryAsync(s => s.PredecessorId, s => s.SuccessorId, ct);
        var tieuCan = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == DemoPlanBuilder.NewCommuneCode, ct);
        var khoms = tieuCan is null ? [] : await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == tieuCan.Id && u.Kind == OrgUnitKind.Hamlet && !successors.Values.Contains(u.Id))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .ToListAsync(ct);

        // A seeded Random is stable across runs: that is what a demo needs, not secrecy.
#pragma warning disable CA5394
        var rng = new Random(Seed);
        var now = time.GetUtcNow().UtcDateTime;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Households of Hiếu Trung, now in the successor hamlets.
            var plans = new List<(Household Household, int OldHamlet, int NewHamlet, double Wealth)>();
            for (var i = 0; i < oldHamlets.Count; i++)
            {
                var hamlet = oldHamlets[i];
                var current = successors.GetValueOrDefault(hamlet.Id, hamlet.Id);
                var size = HamletSizes[i % HamletSizes.Length];
                for (var n = 1; n <= size; n++)
                {
                    var household = NewHousehold(rng, current, "HT" + (i + 1).ToString(CultureInfo.InvariantCulture) + "-" + n.ToString("0000", CultureInfo.InvariantCulture), hamlet.Name, new DateOnly(2010, 1, 1), now);
                    plans.Add((household, hamlet.Id, current, rng.NextDouble()));
                }
            }

            db.Set<Household>().AddRange(plans.Select(p => p.Household));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            for (var year = FirstYear; year <= LastYear; year++)
            {
                var standard = PovertyStandard.For(year);
                var ranked = plans.Select((p, index) => (Index: index, Score: p.Wealth + (rng.NextDouble() * 0.15))).OrderBy(x => x.Score).Select(x => x.Index).ToList();
                var classOf = new PovertyClass[plans.Count];
                for (var k = 0; k < Poor[year]; k++)
                {
                    classOf[ranked[k]] = PovertyClass.Poor;
                }

                for (var k = Poor[year]; k < Poor[year] + NearPoor[year]; k++)
                {
                    classOf[ranked[k]] = PovertyClass.NearPoor;
                }

                var notCultural = Enumerable.Range(0, plans.Count).OrderBy(_ => rng.Next()).Take(NotCultural[year]).ToHashSet();
                var rows = new List<HouseholdYear>(plans.Count);
                for (var k = 0; k < plans.Count; k++)
                {
                    var p = plans[k];
                    var hamlet = year >= DemoPlanBuilder.MergerDay.Year ? p.NewHamlet : p.OldHamlet;
                    rows.Add(Facts(rng, standard, p.Household.Id, year, hamlet, HouseholdArea.Rural, classOf[k], notCultural.Contains(k), p.Wealth, now));
                }

                db.Set<HouseholdYear>().AddRange(rows);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            // Tiểu Cần's other hamlets and khóm (the former town): a 2025 register only.
            var khomPlans = new List<(Household Household, int Hamlet, PovertyClass Class, HouseholdArea Area)>();
            for (var i = 0; i < khoms.Count; i++)
            {
                for (var n = 1; n <= KhomSize; n++)
                {
                    var cls = n <= KhomPoor[i % KhomPoor.Length] ? PovertyClass.Poor : n <= KhomPoor[i % KhomPoor.Length] + 3 ? PovertyClass.NearPoor : PovertyClass.NotPoor;
                    var household = NewHousehold(rng, khoms[i].Id, "K" + (i + 1).ToString(CultureInfo.InvariantCulture) + "-" + n.ToString("0000", CultureInfo.InvariantCulture), khoms[i].Name, new DateOnly(2025, 7, 1), now);
                    khomPlans.Add((household, khoms[i].Id, cls, khoms[i].Name.StartsWith("Khóm", StringComparison.Ordinal) ? HouseholdArea.Urban : HouseholdArea.Rural));
                }
            }

            if (khomPlans.Count > 0)
            {
                db.Set<Household>().AddRange(khomPlans.Select(p => p.Household));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                var standard = PovertyStandard.For(LastYear);
                db.Set<HouseholdYear>().AddRange(khomPlans.Select(p =>
                    Facts(rng, standard, p.Household.Id, LastYear, p.Hamlet, p.Area, p.Class, rng.Next(100) < 3, rng.NextDouble(), now)));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static Household NewHousehold(Random rng, int hamletId, string number, string hamletName, DateOnly registered, DateTime now)
    {
        var name = Families[rng.Next(Families.Length)] + " " + Middles[rng.Next(Middles.Length)] + " " + Givens[rng.Next(Givens.Length)];
        return new Household
        {
            OrgUnitId = hamletId,
            Number = number,
            HeadName = name,
            SearchName = VietnameseText.Fold(name),
            MembersCount = 2 + rng.Next(5),
            Address = hamletName,
            RegisteredOn = registered,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Income and deprivations drawn so the standard of the year classifies the household as planned.</summary>
    private static HouseholdYear Facts(Random rng, PovertyStandard standard, int householdId, int year, int hamletId, HouseholdArea area, PovertyClass planned, bool notCultural, double wealth, DateTime now)
    {
        var line = standard.Line(area);
        var upper = standard.UpperLine(area);
        decimal income;
        int deprivations;
        switch (planned)
        {
            case PovertyClass.Poor:
                income = upper is decimal u && rng.Next(2) == 0 ? line + Step(rng, 10, (int)((u - line) / 10_000m)) : line - Step(rng, 5, 40);
                deprivations = income > line ? 3 + rng.Next(3) : (upper is null ? 3 + rng.Next(3) : rng.Next(5));
                break;
            case PovertyClass.NearPoor:
                income = upper is decimal u2 ? line + Step(rng, 5, (int)((u2 - line) / 10_000m)) : line - Step(rng, 0, 30);
                deprivations = rng.Next(3);
                break;
            default:
                // Incomes grow with the years; the better-off households earn more.
                var floor = (upper ?? line) + 200_000m;
                income = floor + Math.Round((decimal)(wealth * 4_000_000) * (1 + ((year - FirstYear) * 0.06m)) / 10_000m) * 10_000m;
                deprivations = rng.Next(2);
                break;
        }

        var cls = standard.Classify(area, income, deprivations);
        if (cls != planned)
        {
            throw new InvalidOperationException($"Demo household facts do not classify as planned ({planned} ≠ {cls}).");
        }

        return new HouseholdYear
        {
            HouseholdId = householdId,
            Year = year,
            OrgUnitId = hamletId,
            Area = area,
            IncomePerPersonMonth = income,
            Deprivations = deprivations,
            Poverty = cls,
            CulturalFamily = !notCultural,
            CulturalExclusion = notCultural ? ExclusionPool[rng.Next(ExclusionPool.Length)] : null,
            UpdatedAt = now,
            UpdatedBy = By,
        };
    }

    private static decimal Step(Random rng, int min, int max) => rng.Next(min, Math.Max(min + 1, max)) * 10_000m;
#pragma warning restore CA5394
}
