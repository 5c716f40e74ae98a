using System.Diagnostics;
using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Bench.Data;

/// <summary>
/// Province scale, written straight into the app's SQLite database through its own EF model and membership
/// ledger (ImportedMembership.Build): communes under tỉnh Vĩnh Long, each with a commune party committee under
/// Đảng bộ tỉnh Vĩnh Long, 13–20 cells of 5–60 members (about 280 per commune), about 15% exempt. One
/// transaction per commune. The app must be stopped while this runs (its unit tree is cached in memory).
/// </summary>
public static class ProvinceGenerator
{
    public sealed record Result(int Communes, int Cells, int Members, TimeSpan Elapsed, int FirstPersonId);

    public static async Task<Result> RunAsync(string sqlitePath, int communes, int seed, Action<string> progress)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = true }.ToString())
            .Options;
        var rng = new Random(seed);
        var today = new DateOnly(2026, 11, 25);
        var at = new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);
        var sw = Stopwatch.StartNew();
        int cellsTotal = 0, membersTotal = 0, firstPerson = 0, card = 0;
        await using (var db = SqliteAppDbContext.Create(options, AccessScope.System()))
        {
            await db.Database.OpenConnectionAsync();
            // Bulk load: NORMAL is safe against a crash of this process, and the load is repeatable from the seed.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var province = await db.OrgUnits.SingleAsync(u => u.Code == "vinh-long");
            var provinceParty = await db.OrgUnits.SingleAsync(u => u.Code == "dang-bo-tinh-vinh-long");
            var order = await db.OrgUnits.CountAsync(u => u.ParentId == province.Id);
            for (var c = 1; c <= communes; c++)
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var name = Names.Place(c + 16);
                var code = "tinh-xa-" + c.ToString("D4", CultureInfo.InvariantCulture);
                var commune = Unit(province, OrgUnitKind.Commune, code, "Xã " + name, ++order);
                var committee = Unit(provinceParty, OrgUnitKind.CommunePartyCommittee, "dang-bo-" + code, "Đảng bộ xã " + name, 1000 + c);
                committee.AdminUnitId = null;
                db.OrgUnits.AddRange(commune, committee);
                await db.SaveChangesAsync();
                committee.AdminUnitId = commune.Id;
                commune.Path = province.Path + commune.Id.ToString(CultureInfo.InvariantCulture) + "/";
                committee.Path = provinceParty.Path + committee.Id.ToString(CultureInfo.InvariantCulture) + "/";
                db.Update(commune);
                db.Update(committee);
                var cellCount = rng.Next(13, 21);
                var cells = new List<OrgUnit>();
                for (var k = 1; k <= cellCount; k++)
                {
                    var hamlet = k <= cellCount - 4 ? "ấp " + Names.Place(rng.Next(0, 200)) : (k % 2 == 0 ? "Trường học " + k : "Cơ quan " + k);
                    var cell = Unit(committee, OrgUnitKind.PartyCell, $"{code}-cb-{k:D2}", "Chi bộ " + hamlet, k);
                    cells.Add(cell);
                }

                db.OrgUnits.AddRange(cells);
                await db.SaveChangesAsync();
                foreach (var cell in cells)
                {
                    cell.Path = committee.Path + cell.Id.ToString(CultureInfo.InvariantCulture) + "/";
                    db.Update(cell);
                }

                // About 280 members per commune, spread over the cells, each cell 5–60.
                var target = rng.Next(230, 330);
                var weights = cells.Select(_ => 0.5 + rng.NextDouble()).ToArray();
                var sum = weights.Sum();
                foreach (var (cell, w) in cells.Zip(weights))
                {
                    var size = Math.Clamp((int)Math.Round(target * w / sum), 5, 60);
                    for (var m = 0; m < size; m++)
                    {
                        var (full, female) = Names.Person(rng);
                        var birth = new DateOnly(1945, 1, 1).AddDays(rng.Next(0, 365 * 58));
                        var admitted = birth.AddYears(18).AddDays(rng.Next(0, 365 * 25));
                        if (admitted > today.AddYears(-1))
                        {
                            admitted = today.AddYears(-1).AddDays(-rng.Next(1, 900));
                        }

                        var official = admitted.AddYears(1).AddDays(rng.Next(0, 60));
                        var exempt = rng.NextDouble() < 0.15;
                        DateOnly? since = exempt ? official.AddDays(1 + rng.Next(0, Math.Max(1, today.DayNumber - official.DayNumber - 2))) : null;
                        var parsed = new ParsedPerson(
                            0, full, birth, female ? Gender.Female : Gender.Male, Names.Ethnicity(rng),
                            "09" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), "Xã " + name + ", tỉnh Vĩnh Long",
                            cell.Id, "80" + (++card).ToString("D10", CultureInfo.InvariantCulture), admitted, official,
                            exempt ? MemberStatus.ExemptFromActivities : MemberStatus.Active, exempt ? since : admitted,
                            exempt ? "Tuổi cao, sức yếu" : null, null, null);
                        db.People.Add(ImportedMembership.Build(parsed, today, at, "bench-datagen"));
                        membersTotal++;
                    }
                }

                await db.SaveChangesAsync();
                await tx.CommitAsync();
                if (firstPerson == 0)
                {
                    firstPerson = await db.People.Where(p => p.OrgUnitId == cells[0].Id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
                }

                db.ChangeTracker.Clear();
                cellsTotal += cellCount;
                if (c % 20 == 0)
                {
                    progress($"  {c}/{communes} communes, {membersTotal:N0} members, {sw.Elapsed.TotalSeconds:0.0} s");
                }
            }
        }

        return new Result(communes, cellsTotal, membersTotal, sw.Elapsed, firstPerson);
    }

    private static OrgUnit Unit(OrgUnit parent, OrgUnitKind kind, string code, string name, int order) => new()
    {
        ParentId = parent.Id,
        Kind = kind,
        Code = code,
        Name = name,
        ValidFrom = new DateOnly(2025, 7, 1),
        SortOrder = order,
        SearchName = VietnameseText.Fold(name),
        Path = parent.Path,
    };
}
