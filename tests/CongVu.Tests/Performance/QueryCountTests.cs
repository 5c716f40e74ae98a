using System.Collections.Concurrent;
using System.Data.Common;
using CongVu.Infrastructure.Data;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Performance;

/// <summary>Counts the SQL commands of one request (marked by a header), so background work is not counted.</summary>
public sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Count-Queries";

    public ConcurrentDictionary<string, int> Counts { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Count()
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } tag)
        {
            Counts.AddOrUpdate(tag, 1, (_, n) => n + 1);
        }
    }
}

public sealed class QueryCountingAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CommandCounter>();
            services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommandCounter>()));
            services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CommandCounter>()));
        });
    }

    /// <summary>GETs the page (which must answer 200) and returns the SQL commands that request ran.</summary>
    public async Task<int> CountQueriesAsync(HttpClient client, string url)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, tag);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Services.GetRequiredService<CommandCounter>().Counts.GetValueOrDefault(tag);
    }
}

/// <summary>The main staff pages run a fixed, small number of queries however many rows they show: no N+1.</summary>
public class QueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    [Theory]
    [InlineData("/staff", 4)]
    [InlineData("/staff/people", 4)]
    [InlineData("/staff/people?q=nguyen", 4)]
    [InlineData("/staff/org", 1)]
    public async Task StaffPage_RunsAFixedNumberOfQueries(string url, int most)
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        var count = await CountAsync(client, url);
        SuiteFigures.Report("queries per page", $"{url}: {count}");
        // The organisation tree comes from memory: zero is a fine answer there.
        Assert.InRange(count, 0, most);
    }

    [Fact]
    public async Task CellPage_ListsItsMembersWithoutAQueryPerMember()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        await using var scope = app.SystemScope(out var db);
        var committee = await db.OrgUnits.Where(u => u.Code == "dang-bo-xa-tieu-can" || u.Name == "Đảng bộ xã Tiểu Cần").Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
        var count = await CountAsync(client, $"/staff/org/{committee}");
        Assert.InRange(count, 1, 4);
    }

    [Fact]
    public async Task PersonRecord_RunsAFixedNumberOfQueries()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        await using var scope = app.SystemScope(out var db);
        var id = await db.People.Where(p => p.FullName == "Huỳnh Văn Lý").Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        // Reading the record, its history and posts, plus the audit entry of the read (which chains to the last hash).
        Assert.InRange(await CountAsync(client, $"/staff/people/{id}"), 1, 7);
    }

    private Task<int> CountAsync(HttpClient client, string url) => app.CountQueriesAsync(client, url);
}
