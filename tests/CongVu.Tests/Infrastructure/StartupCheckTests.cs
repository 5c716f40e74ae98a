using CongVu.Infrastructure;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Infrastructure;

public class StartupCheckTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Startup_RecordsThatThisBuildCheckedTheSeededDataToday()
    {
        await using var scope = app.SystemScope(out var db);
        var entry = await db.AppState.SingleAsync(a => a.Key == AppStateEntry.SeedCheckKey, TestContext.Current.CancellationToken);

        // The next start of the same build on the same day skips the reference and demo checks; a new build or a new day runs them.
        var build = typeof(AppStartup).Assembly.ManifestModule.ModuleVersionId;
        Assert.Equal($"{build}|{VietnamTime.Today(app.Time):yyyy-MM-dd}|demo=False", entry.Value);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, entry.UpdatedAt, TimeSpan.FromMinutes(1));
    }
}
