using System.Net;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Security;

/// <summary>Reads of sensitive records share commits under load, yet each read is logged exactly once and the chain holds.</summary>
public class AuditReadGroupCommitTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task ConcurrentReads_AreEachLoggedOnce_AndTheChainVerifies()
    {
        const int Reads = 24;
        var c = await app.CreateCommuneAsync();
        var member = await app.AddMemberAsync(c.CellA, "Kim Thị Đồng Thời", new DateOnly(2015, 3, 2));
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);

        var responses = await Task.WhenAll(Enumerable.Range(0, Reads)
            .Select(_ => client.GetAsync($"/staff/people/{member}", TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var scope = app.SystemScope(out var db);
        var logged = await db.AuditEntries.CountAsync(a => a.Action == "person.read" && a.EntityId == member.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        Assert.Equal(Reads, logged);
        Assert.Null((await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken)).FirstBrokenId);
    }
}
