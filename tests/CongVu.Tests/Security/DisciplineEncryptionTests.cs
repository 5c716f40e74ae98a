using System.Net;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reviews;
using CongVu.Features.Reviews.Rules;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

public sealed class DisciplineEncryptionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RecordedReason_IsEncryptedInTheColumn_AndShownOnThePage()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId, person;
        await using (var scope = app.SystemScope(out var db))
        {
            yearId = await db.Set<RatingYear>().Where(y => y.Year == 2025).Select(y => y.Id).FirstAsync(ct);
            var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
            person = await db.Set<RatingDecision>().Where(d => d.RatingYearId == yearId && d.IsCurrent && d.OrgUnitId == cayGon).Select(d => d.PersonId).FirstAsync(ct);
        }

        const string reason = "Vắng sinh hoạt chi bộ ba kỳ liên tiếp không lý do — ghi chú thử";
        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var url = $"/staff/reviews/{yearId}/members/{person}";
        var page = await committee.GetPageAsync(url);
        var response = await committee.SubmitAsync(page.Form("form[action*='handler=Discipline']"), new Dictionary<string, string>
        {
            ["NewDiscipline.Day"] = "01/10/2025",
            ["NewDiscipline.Reason"] = reason,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            var stored = await db.Set<DisciplineRecord>().Where(d => d.PersonId == person).Select(d => d.Reason).SingleAsync(ct);
            Assert.StartsWith(DisciplineNotes.Marker, stored, StringComparison.Ordinal);
            Assert.DoesNotContain("sinh hoạt", stored, StringComparison.Ordinal);
            var raw = await db.Database.SqlQueryRaw<string>("SELECT \"Reason\" AS \"Value\" FROM \"DisciplineRecord\"").ToListAsync(ct);
            Assert.DoesNotContain(raw, r => r.Contains("sinh hoạt", StringComparison.Ordinal));
        }

        Assert.Contains(reason, (await committee.GetPageAsync(url)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupPass_EncryptsPlaintextRowsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out var db);
        var unit = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
        var personId = await db.People.Where(p => p.OrgUnitId == unit).Select(p => p.Id).FirstAsync(ct);
        var row = new DisciplineRecord { PersonId = personId, OrgUnitId = unit, Level = DisciplineLevel.Reprimand, DecidedOn = new DateOnly(2024, 3, 1), Reason = "Lý do cũ chưa mã hóa", RecordedAt = app.Time.GetUtcNow().UtcDateTime };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        var notes = scope.ServiceProvider.GetRequiredService<DisciplineNotes>();

        var first = await notes.EncryptExistingAsync(db, ct);
        var encrypted = row.Reason;
        var second = await notes.EncryptExistingAsync(db, ct);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.StartsWith(DisciplineNotes.Marker, encrypted, StringComparison.Ordinal);
        Assert.Equal(encrypted, row.Reason);
        Assert.Equal("Lý do cũ chưa mã hóa", notes.Reveal(encrypted));
    }
}
