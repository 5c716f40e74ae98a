using System.Globalization;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.Demo;

public sealed record DemoAccount(string Role, string UserName, string Description);

/// <summary>Saves the demo commune built by <see cref="DemoPlanBuilder"/> and its demo accounts, in one transaction.</summary>
public static class DemoCommune
{
    public const string Password = "CongVu-demo-2026";

    public static readonly DemoAccount[] Accounts =
    [
        new(Roles.Admin, "vanphong.tieucan", "Văn phòng Đảng ủy xã Tiểu Cần: quản lý hồ sơ đảng viên của xã"),
        new(Roles.Committee, "huynhvanly", "Huỳnh Văn Lý, Phó Bí thư Đảng ủy xã Tiểu Cần (nguyên Bí thư Đảng ủy xã Hiếu Trung)"),
        new(Roles.CellSecretary, "bithu.caygon", "Bí thư Chi bộ ấp Cây Gòn"),
        new(Roles.Member, "dangvien.caygon", "Đảng viên Chi bộ ấp Cây Gòn"),
        new(Roles.Overseer, "tinhuy.vinhlong", "Tỉnh ủy Vĩnh Long: theo dõi, chỉ đạo (chỉ xem)"),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<AccessScope>().GrantAll();
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.OrgUnits.AnyAsync(u => u.Code == DemoPlanBuilder.OldCommuneCode, ct))
        {
            return false;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var plan = DemoPlanBuilder.Build();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Units first: the database gives the ids, then paths and references are written with them.
        var byKey = plan.Units.ToDictionary(u => u.Id);
        var adminKey = plan.Units.Select(u => u.AdminUnitId).ToArray();
        foreach (var unit in plan.Units)
        {
            unit.Parent = unit.ParentId is int p ? byKey[p] : null;
            unit.ParentId = null;
            unit.AdminUnitId = null;
            unit.Id = 0;
        }

        db.OrgUnits.AddRange(plan.Units);
        await db.SaveChangesAsync(ct);

        int Real(int key) => byKey[key].Id;
        for (var i = 0; i < plan.Units.Count; i++)
        {
            var unit = plan.Units[i];
            unit.AdminUnitId = adminKey[i] is int a ? Real(a) : null;
            unit.Path = (unit.Parent?.Path ?? "/") + unit.Id.ToString(CultureInfo.InvariantCulture) + "/";
        }

        foreach (var s in plan.Successions)
        {
            s.PredecessorId = Real(s.PredecessorId);
            s.SuccessorId = Real(s.SuccessorId);
        }

        foreach (var person in plan.People)
        {
            person.OrgUnitId = Real(person.OrgUnitId);
            foreach (var post in person.Posts)
            {
                post.OrgUnitId = Real(post.OrgUnitId);
            }

            if (person.Membership is { } m)
            {
                m.OrgUnitId = Real(m.OrgUnitId);
                foreach (var period in m.Periods)
                {
                    period.OrgUnitId = Real(period.OrgUnitId);
                }
            }
        }

        db.OrgUnitSuccessions.AddRange(plan.Successions);
        db.People.AddRange(plan.People);
        await db.SaveChangesAsync(ct);

        var units = new
        {
            TieuCan = plan.Unit(DemoPlanBuilder.NewCommitteeCode).Id,
            CayGon = plan.Unit(DemoPlanBuilder.CayGonCellCode).Id,
            VinhLong = plan.Unit(DemoPlanBuilder.NewProvinceCommitteeCode).Id,
        };
        var people = new { Ly = plan.PartySecretary.Id, Secretary = plan.CayGonSecretary.Id, Member = plan.CayGonMember.Id };
        var names = new { Secretary = plan.CayGonSecretary.FullName, Member = plan.CayGonMember.FullName };
        var unitCount = plan.Units.Count;
        var peopleCount = plan.People.Count;

        // The identity store saves through the same context: a small change tracker keeps that quick.
        db.ChangeTracker.Clear();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = time.GetUtcNow().UtcDateTime;
        await CreateUserAsync(users, Accounts[0], "Văn phòng Đảng ủy xã Tiểu Cần", units.TieuCan, null, now);
        await CreateUserAsync(users, Accounts[1], "Huỳnh Văn Lý", units.TieuCan, people.Ly, now);
        await CreateUserAsync(users, Accounts[2], names.Secretary, units.CayGon, people.Secretary, now);
        await CreateUserAsync(users, Accounts[3], names.Member, units.CayGon, people.Member, now);
        await CreateUserAsync(users, Accounts[4], "Văn phòng Tỉnh ủy Vĩnh Long", units.VinhLong, null, now);

        services.GetRequiredService<AuditLog>().Record(
            "demo.seed", "org-unit", units.TieuCan, units.TieuCan, after: new { Units = unitCount, People = peopleCount, Accounts = Accounts.Length });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        services.GetRequiredService<OrgTree>().Invalidate();
        return true;
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, DemoAccount account, string displayName, int unitId, int? personId, DateTime now)
    {
        var user = new AppUser
        {
            UserName = account.UserName,
            DisplayName = displayName,
            OrgUnitId = unitId,
            PersonId = personId,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, account.Role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
