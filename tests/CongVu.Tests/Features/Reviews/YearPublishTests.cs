using System.Net;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reviews;
using CongVu.Features.Reviews.Rules;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Reviews;

public class YearPublishTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Publish_WithUnfinalisedDecisions_IsRefused_ThenLocksThemOnceFinalised()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId;
        int decisionId;
        await using (var scope = app.SystemScope(out var db))
        {
            var y = await db.Set<RatingYear>().FirstAsync(x => x.Year == 2026, ct);
            y.State = YearState.Reviewing;
            yearId = y.Id;
            var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
            var person = await db.MembershipPeriods.Where(p => p.OrgUnitId == cayGon && p.To == null && p.Status == MemberStatus.Active).Select(p => p.Membership!.PersonId).FirstAsync(ct);
            var d = new RatingDecision { RatingYearId = y.Id, PersonId = person, OrgUnitId = cayGon, Level = RatingLevel.Good, Score = 80, DecidedAt = app.Time.GetUtcNow().UtcDateTime };
            db.Add(d);
            await db.SaveChangesAsync(ct);
            decisionId = d.Id;
        }

        var admin = await app.SignInAsync(DemoCommune.Accounts[0].UserName);
        var doc = await admin.GetPageAsync($"/staff/reviews/years/{yearId}");
        var refused = await admin.SubmitAsync(doc.Form("form[action*='handler=State']"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("chưa được chốt", (await PageClient.ParseAsync(refused)).Text(), StringComparison.Ordinal);

        await using (var scope = app.SystemScope(out var db))
        {
            var d = await db.Set<RatingDecision>().FirstAsync(x => x.Id == decisionId, ct);
            d.State = DecisionState.Final;
            await db.SaveChangesAsync(ct);
        }

        doc = await admin.GetPageAsync($"/staff/reviews/years/{yearId}");
        var published = await admin.SubmitAsync(doc.Form("form[action*='handler=State']"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal(DecisionState.Published, await db.Set<RatingDecision>().Where(x => x.Id == decisionId).Select(x => x.State).FirstAsync(ct));
            Assert.Equal(YearState.Published, await db.Set<RatingYear>().Where(x => x.Id == yearId).Select(x => x.State).FirstAsync(ct));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "rating-year.publish", ct));
        }
    }

    [Fact]
    public async Task OrgRating_CellBeforeItsMembersAreFinalised_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId;
        int cayGon;
        await using (var scope = app.SystemScope(out var db))
        {
            yearId = await db.Set<RatingYear>().Where(x => x.Year == 2026).Select(x => x.Id).FirstAsync(ct);
            cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
        }

        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var doc = await committee.GetPageAsync($"/staff/reviews?year={yearId}");
        var response = await committee.SubmitAsync(doc.Form($"form[action*='handler=OrgRate'][action*='unit={cayGon}']"), new Dictionary<string, string> { ["OrgLevel"] = nameof(RatingLevel.Good) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("xếp loại đảng viên trước", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);

        var published2020 = await committee.GetPageAsync("/staff/reviews");
        Assert.NotNull(published2020);
        await using (var scope = app.SystemScope(out var db))
        {
            var y2020 = await db.Set<RatingYear>().FirstAsync(x => x.Year == 2020, ct);
            var committeeRating = await db.Set<OrgRating>().SingleAsync(o => o.RatingYearId == y2020.Id && o.OrgUnitId == y2020.CommitteeId, ct);
            Assert.Equal(RatingLevel.Excellent, committeeRating.Level);
            Assert.Equal("Trong sạch vững mạnh", committeeRating.HistoricalLabel);
        }
    }
}
