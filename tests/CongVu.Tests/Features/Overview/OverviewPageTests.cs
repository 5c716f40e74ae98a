using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CongVu.Features.Overview;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Overview;

/// <summary>The communes overview: the summary's figures per commune, only the user's communes, never a stale figure.</summary>
public class OverviewPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Year = 2025;

    [Fact]
    public async Task Overseer_SeesTheCommuneWithTheFiguresOfThePublicSummary()
    {
        var commune = await app.CreateCommuneAsync();
        await app.AddMemberAsync(commune.CellA, "Nguyễn Văn Một", new DateOnly(2020, 3, 1));
        await app.AddMemberAsync(commune.CellB, "Trần Thị Hai", new DateOnly(2021, 5, 1));
        var client = await app.SignInAsync(commune.OverseerUser, TestData.Password);

        var doc = await client.GetPageAsync($"/staff/cac-xa?nam={Year}");
        var summary = await SummaryAsync(commune.Prefix + "-xa");

        var row = Row(doc, commune.Prefix + "-xa");
        Assert.Equal(CongVu.Infrastructure.Web.Formats.Number(summary["partyMembers"]!.GetValue<int>()), Cell(row, "partyMembers"));
        Assert.Equal(CongVu.Infrastructure.Web.Formats.Number(summary["partyCells"]!.GetValue<int>()), Cell(row, "partyCells"));
        Assert.Equal("2", Cell(row, "partyMembers"));
        await using var scope = app.SystemScope(out var db);
        var stored = await db.Set<CommuneYearFigures>().SingleAsync(f => f.CommuneId == commune.CommuneId && f.Year == Year, TestContext.Current.CancellationToken);
        Assert.True(JsonNode.DeepEquals(summary, JsonNode.Parse(stored.FiguresJson)), $"stored {stored.FiguresJson} differs from the summary {summary.ToJsonString()}");
    }

    [Fact]
    public async Task ProvinceOverseer_SeesTheDemoCommuneAsThePublicSummaryGivesIt()
    {
        var client = await app.SignInAsync("tinhuy.vinhlong");

        var doc = await client.GetPageAsync($"/staff/cac-xa?nam={Year}");
        var summary = await SummaryAsync("tieu-can");

        Assert.Equal(CongVu.Infrastructure.Web.Formats.Number(summary["partyMembers"]!.GetValue<int>()), Cell(Row(doc, "tieu-can"), "partyMembers"));
        Assert.Contains(doc.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/staff/cac-xa");
    }

    [Fact]
    public async Task CommitteeMember_SeesOnlyTheirOwnCommune()
    {
        var mine = await app.CreateCommuneAsync();
        var other = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(mine.AdminUser, TestData.Password);

        var doc = await client.GetPageAsync($"/staff/cac-xa?nam={Year}");

        var rows = doc.QuerySelectorAll("tbody tr[data-commune]").Select(r => r.GetAttribute("data-commune")).ToList();
        Assert.Equal([mine.Prefix + "-xa"], rows);
        Assert.DoesNotContain(other.Prefix, doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/staff/cac-xa");
    }

    [Fact]
    public async Task AfterAMemberIsAdded_TheRowIsStaleAndThePageShowsTheNewCount()
    {
        var commune = await app.CreateCommuneAsync();
        await app.AddMemberAsync(commune.CellA, "Lê Văn Ba", new DateOnly(2019, 1, 1));
        var client = await app.SignInAsync(commune.OverseerUser, TestData.Password);
        Assert.Equal("1", Cell(Row(await client.GetPageAsync($"/staff/cac-xa?nam={Year}"), commune.Prefix + "-xa"), "partyMembers"));

        await app.AddMemberAsync(commune.CellB, "Phạm Thị Bốn", new DateOnly(2020, 1, 1));

        await using (var scope = app.SystemScope(out var db))
        {
            var row = await db.Set<CommuneYearFigures>().AsNoTracking().SingleAsync(f => f.CommuneId == commune.CommuneId && f.Year == Year, TestContext.Current.CancellationToken);
            // Either still marked stale, or the refresher already recomputed it with the new member: never the old count as current.
            Assert.True(row.Stale || JsonNode.Parse(row.FiguresJson)!["partyMembers"]!.GetValue<int>() == 2, row.FiguresJson);
        }

        var doc = await client.GetPageAsync($"/staff/cac-xa?nam={Year}");
        Assert.Equal("2", Cell(Row(doc, commune.Prefix + "-xa"), "partyMembers"));
    }

    [Fact]
    public async Task FiguresRememberedFromEarlierViews_GiveWayToTheRecomputedRow()
    {
        var commune = await app.CreateCommuneAsync();
        await app.AddMemberAsync(commune.CellA, "Đỗ Văn Sáu", new DateOnly(2019, 1, 1));
        var client = await app.SignInAsync(commune.OverseerUser, TestData.Password);
        var url = $"/staff/cac-xa?nam={Year}";
        await client.GetPageAsync(url);
        Assert.Equal("1", Cell(Row(await client.GetPageAsync(url), commune.Prefix + "-xa"), "partyMembers"));

        await app.AddMemberAsync(commune.CellB, "Đỗ Thị Bảy", new DateOnly(2020, 1, 1));
        await client.GetPageAsync(url);

        Assert.Equal("2", Cell(Row(await client.GetPageAsync(url), commune.Prefix + "-xa"), "partyMembers"));
    }

    [Fact]
    public async Task ARecomputationThatAWriteOvertook_IsNotStoredAsCurrent()
    {
        var commune = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(commune.OverseerUser, TestData.Password);
        await client.GetPageAsync($"/staff/cac-xa?nam={Year}");
        await using var scope = app.SystemScope(out var db);
        var ct = TestContext.Current.CancellationToken;
        var before = await db.Set<CommuneYearFigures>().AsNoTracking().SingleAsync(f => f.CommuneId == commune.CommuneId && f.Year == Year, ct);

        await app.AddMemberAsync(commune.CellA, "Võ Văn Năm", new DateOnly(2018, 1, 1));
        // A recomputation that read the row before the write stores only if the revision it read is still there.
        var stored = await db.Set<CommuneYearFigures>()
            .Where(f => f.CommuneId == commune.CommuneId && f.Year == Year && f.Revision == before.Revision)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, false), ct);

        Assert.Equal(0, stored);
        Assert.True(await db.Set<CommuneYearFigures>().AnyAsync(f => f.CommuneId == commune.CommuneId && f.Year == Year && f.Revision > before.Revision, ct));
    }

    [Fact]
    public async Task AWriteInOneCommune_MarksItsRowsAndNotAnotherCommunes()
    {
        var written = await app.CreateCommuneAsync();
        var untouched = await app.CreateCommuneAsync();
        await ComputeAsync(written.CommuneId, untouched.CommuneId);
        var before = await RevisionsAsync(written.CommuneId, untouched.CommuneId);

        await app.AddMemberAsync(written.CellA, "Bùi Văn Bảy", new DateOnly(2017, 1, 1));

        var after = await RevisionsAsync(written.CommuneId, untouched.CommuneId);
        Assert.True(after[written.CommuneId] > before[written.CommuneId]);
        Assert.Equal(before[untouched.CommuneId], after[untouched.CommuneId]);
    }

    [Fact]
    public async Task AChangeToReferenceData_MarksEveryCommunesRows()
    {
        var commune = await app.CreateCommuneAsync();
        await ComputeAsync(commune.CommuneId);
        var before = await RevisionsAsync(commune.CommuneId);
        var ct = TestContext.Current.CancellationToken;

        await using (var scope = app.SystemScope(out var db))
        {
            var definition = await db.Set<CongVu.Features.Indicators.IndicatorDefinition>().OrderBy(d => d.Id).FirstAsync(ct);
            var name = definition.EnglishName;
            definition.EnglishName = name + " (test)";
            await db.SaveChangesAsync(ct);
            definition.EnglishName = name;
            await db.SaveChangesAsync(ct);
        }

        Assert.True((await RevisionsAsync(commune.CommuneId))[commune.CommuneId] > before[commune.CommuneId]);
    }

    [Fact]
    public async Task AnAuditOnlyWrite_LeavesTheRowsCurrent()
    {
        var commune = await app.CreateCommuneAsync();
        await ComputeAsync(commune.CommuneId);
        var before = await RevisionsAsync(commune.CommuneId);

        await using (var scope = app.SystemScope(out var db))
        {
            scope.ServiceProvider.GetRequiredService<CongVu.Infrastructure.Audit.AuditLog>().Record("test.read", "test", "1", commune.CommuneId);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before[commune.CommuneId], (await RevisionsAsync(commune.CommuneId))[commune.CommuneId]);
    }

    [Fact]
    public async Task RebuildFigures_FillsTheRowsOfEveryCommune()
    {
        var commune = await app.CreateCommuneAsync();
        await app.AddMemberAsync(commune.CellA, "Đặng Văn Sáu", new DateOnly(2015, 1, 1));
        using var output = new StringWriter();

        var exit = await RebuildFiguresCommand.RunAsync(app.Services, "2024", output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("Rebuilt", output.ToString(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        var row = await db.Set<CommuneYearFigures>().AsNoTracking().SingleAsync(f => f.CommuneId == commune.CommuneId && f.Year == 2024, TestContext.Current.CancellationToken);
        Assert.False(row.Stale);
        Assert.Equal(1, JsonNode.Parse(row.FiguresJson)!["partyMembers"]!.GetValue<int>());
    }

    [Fact]
    public async Task RebuildFigures_WithAYearInTheFuture_RefusesWithUsage()
    {
        using var output = new StringWriter();

        var exit = await RebuildFiguresCommand.RunAsync(app.Services, "2999", output, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("Usage", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var client = app.CreateBrowserLikeClient();

        var response = await client.GetAsync($"/staff/cac-xa?nam={Year}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidYear_ShowsAMessageAndLastYear()
    {
        var commune = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(commune.OverseerUser, TestData.Password);

        var doc = await client.GetPageAsync("/staff/cac-xa?nam=abc");

        Assert.Contains("không hợp lệ", doc.Text(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"tr[data-commune='{commune.Prefix}-xa']"));
    }

    private async Task ComputeAsync(params int[] communeIds)
    {
        await using var scope = app.SystemScope(out _);
        var snap = await scope.ServiceProvider.GetRequiredService<CongVu.Features.Organisation.OrgTree>().GetAsync(TestContext.Current.CancellationToken);
        var nodes = communeIds.Select(id => snap.Find(id)!).ToList();
        Assert.Equal(nodes.Count, await scope.ServiceProvider.GetRequiredService<CommuneFiguresStore>().RebuildAsync(nodes, Year, TestContext.Current.CancellationToken));
    }

    private async Task<Dictionary<int, int>> RevisionsAsync(params int[] communeIds)
    {
        await using var scope = app.SystemScope(out var db);
        return await db.Set<CommuneYearFigures>().AsNoTracking().Where(f => f.Year == Year && communeIds.Contains(f.CommuneId))
            .ToDictionaryAsync(f => f.CommuneId, f => f.Revision, TestContext.Current.CancellationToken);
    }

    private async Task<JsonObject> SummaryAsync(string code)
    {
        var body = await app.CreateClient().GetStringAsync($"/api/v1/public/summary?commune={code}&year={Year}", TestContext.Current.CancellationToken);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static IElement Row(IDocument doc, string code) =>
        doc.QuerySelector($"tbody tr[data-commune='{code}']") ?? throw new Xunit.Sdk.XunitException($"no row for {code}: {doc.Body?.TextContent}");

    private static string Cell(IElement row, string key) =>
        row.QuerySelector($"td[data-key='{key}']")?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"no {key} cell (updating?): {row.TextContent}");
}
