using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Infrastructure;

public sealed record TestCommune(string Prefix, int ProvinceId, int CommuneId, int CommitteeId, int CellA, int CellB, int AgencyId, string AdminUser, string SecretaryUser, string OverseerUser);

/// <summary>Arranges a small commune of its own for a test: unique codes, so tests sharing an app never collide.</summary>
public static class TestData
{
    public const string Password = "Test-password-2026";

    public static async Task<TestCommune> CreateCommuneAsync(this AppFactory app)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.SystemScope(out var db);
        var from = new DateOnly(2000, 1, 1);
        var province = await AddUnitAsync(db, null, OrgUnitKind.Province, prefix + "-tinh", "Tỉnh Thử Nghiệm " + prefix, null, from);
        var commune = await AddUnitAsync(db, province, OrgUnitKind.Commune, prefix + "-xa", "Xã Thử Nghiệm " + prefix, null, from);
        var pCommittee = await AddUnitAsync(db, null, OrgUnitKind.ProvincialPartyCommittee, prefix + "-dbt", "Đảng bộ tỉnh " + prefix, province.Id, from);
        var committee = await AddUnitAsync(db, pCommittee, OrgUnitKind.CommunePartyCommittee, prefix + "-dbx", "Đảng bộ xã " + prefix, commune.Id, from);
        var cellA = await AddUnitAsync(db, committee, OrgUnitKind.PartyCell, prefix + "-cba", "Chi bộ ấp Một " + prefix, null, from);
        var cellB = await AddUnitAsync(db, committee, OrgUnitKind.PartyCell, prefix + "-cbb", "Chi bộ ấp Hai " + prefix, null, from);
        var agency = await AddUnitAsync(db, commune, OrgUnitKind.Agency, prefix + "-ubnd", "UBND xã " + prefix, null, from);
        scope.ServiceProvider.GetRequiredService<OrgTree>().Invalidate();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AddUserAsync(users, prefix + ".admin", Roles.Admin, committee.Id, app);
        await AddUserAsync(users, prefix + ".bithu", Roles.CellSecretary, cellA.Id, app);
        await AddUserAsync(users, prefix + ".captren", Roles.Overseer, pCommittee.Id, app);
        return new TestCommune(prefix, province.Id, commune.Id, committee.Id, cellA.Id, cellB.Id, agency.Id, prefix + ".admin", prefix + ".bithu", prefix + ".captren");
    }

    public static async Task<int> AddMemberAsync(this AppFactory app, int cellId, string name, DateOnly admitted, string? card = null, MemberStatus status = MemberStatus.Active)
    {
        await using var scope = app.SystemScope(out var db);
        var at = app.Time.GetUtcNow().UtcDateTime;
        var person = new Person { FullName = name, SearchName = VietnameseText.Fold(name), OrgUnitId = cellId, CreatedAt = at, UpdatedAt = at };
        db.People.Add(person);
        db.Memberships.Add(MembershipLedger.Admit(person, cellId, card, admitted, MemberClass.Official, admitted, status, admitted,
            status == MemberStatus.ExemptFromActivities ? "Tuổi cao" : null, MembershipChange.Admitted, at, "test"));
        await db.SaveChangesAsync();
        return person.Id;
    }

    public static async Task<OrgUnit> AddUnitAsync(AppDbContext db, OrgUnit? parent, OrgUnitKind kind, string code, string name, int? adminUnitId, DateOnly from)
    {
        var unit = new OrgUnit { ParentId = parent?.Id, Kind = kind, Code = code, Name = name, SearchName = VietnameseText.Fold(name), AdminUnitId = adminUnitId, ValidFrom = from };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = (parent?.Path ?? "/") + unit.Id + "/";
        await db.SaveChangesAsync();
        return unit;
    }

    private static async Task AddUserAsync(UserManager<AppUser> users, string userName, string role, int unitId, AppFactory app)
    {
        var user = new AppUser { UserName = userName, DisplayName = userName, OrgUnitId = unitId, CreatedAt = app.Time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
