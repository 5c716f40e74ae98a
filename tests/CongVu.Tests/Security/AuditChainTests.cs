using System.Net;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Security;

public class AuditChainTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Chain_Verifies_ThenDetectsAnEditedEntry()
    {
        var c = await app.CreateCommuneAsync();
        var member = await app.AddMemberAsync(c.CellA, "Sơn Thị Nhật Ký", new DateOnly(2012, 1, 5));
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        // Odd sub-microsecond instants must survive the database round trip (PostgreSQL keeps microseconds).
        app.Time.Advance(TimeSpan.FromTicks(1234567));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/staff/people/{member}", TestContext.Current.CancellationToken)).StatusCode);

        await using var scope = app.SystemScope(out var db);
        var (count, broken) = await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.Null(broken);
        Assert.True(count >= 2);

        // Someone with database access rewrites history: the chain shows where.
        var read = await db.AuditEntries.Where(a => a.Action == "person.read").OrderBy(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        await db.AuditEntries.Where(a => a.Id == read.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "người khác"), TestContext.Current.CancellationToken);
        var (_, brokenAt) = await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.Equal(read.Id, brokenAt);

        var page = await client.GetPageAsync("/staff/audit");
        var after = await client.SubmitAsync(page.Form(), new Dictionary<string, string>());
        Assert.Contains("bị sửa", (await PageClient.ParseAsync(after)).Text(), StringComparison.Ordinal);

        // Put it back so the shared app stays consistent for other tests.
        await db.AuditEntries.Where(a => a.Id == read.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, read.ActorName), TestContext.Current.CancellationToken);
        Assert.Null((await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken)).FirstBrokenId);
    }
}
