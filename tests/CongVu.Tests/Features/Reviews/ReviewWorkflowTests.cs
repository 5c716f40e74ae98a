using System.Net;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reviews;
using CongVu.Features.Reviews.Rules;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Reviews;

public class ReviewWorkflowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int YearId, int CayGon, int OwnMember, int OtherCellMember)> ArrangeAsync(int year)
    {
        await using var scope = app.SystemScope(out var db);
        var ct = TestContext.Current.CancellationToken;
        var y = await db.Set<RatingYear>().FirstAsync(x => x.Year == year, ct);
        var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
        var decisions = await db.Set<RatingDecision>().Where(d => d.RatingYearId == y.Id && d.IsCurrent).Select(d => new { d.PersonId, d.OrgUnitId }).ToListAsync(ct);
        var secretaryPerson = await db.Users.Where(u => u.UserName == DemoCommune.Accounts[2].UserName).Select(u => u.PersonId).FirstAsync(ct);
        var own = decisions.FirstOrDefault(d => d.OrgUnitId == cayGon && d.PersonId != secretaryPerson)?.PersonId ?? 0;
        var other = decisions.FirstOrDefault(d => d.OrgUnitId != cayGon)?.PersonId ?? 0;
        return (y.Id, cayGon, own, other);
    }

    [Fact]
    public async Task Secretary_SeesOwnCellMember_ButGets404ForAnotherCell()
    {
        var (yearId, _, own, other) = await ArrangeAsync(2025);
        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var doc = await secretary.GetPageAsync($"/staff/reviews/{yearId}/members/{own}");
        Assert.Contains("Quy định 366", doc.Text(), StringComparison.Ordinal);
        await secretary.GetPageAsync($"/staff/reviews/{yearId}/members/{other}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Member_CannotOpenAnotherMembersReview()
    {
        var (yearId, _, own, _) = await ArrangeAsync(2025);
        var member = await app.SignInAsync(DemoCommune.Accounts[3].UserName);
        var response = await member.GetAsync($"/staff/reviews/{yearId}/members/{own}", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var list = await member.GetAsync($"/staff/reviews?year={yearId}", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task PublishedDecision_CannotBeEdited_OnlyReRatedWithABasis()
    {
        var (yearId, _, own, _) = await ArrangeAsync(2025);
        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var doc = await committee.GetPageAsync($"/staff/reviews/{yearId}/members/{own}");
        var form = doc.Form("form[action*='handler=Decide']");
        var response = await committee.SubmitAsync(form, new Dictionary<string, string> { ["Decide.Score"] = "40" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bị khóa", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);

        await using (var scope = app.SystemScope(out var db))
        {
            var current = await db.Set<RatingDecision>().SingleAsync(d => d.RatingYearId == yearId && d.PersonId == own && d.IsCurrent, TestContext.Current.CancellationToken);
            Assert.NotEqual(40m, current.Score);
            Assert.Equal(DecisionState.Published, current.State);
        }

        doc = await committee.GetPageAsync($"/staff/reviews/{yearId}/members/{own}");
        response = await committee.SubmitAsync(doc.Form("form[action*='handler=Decide']"), new Dictionary<string, string> { ["Decide.Score"] = "40", ["Decide.ReRatingBasis"] = "Quyết định 03 của Ban Thường vụ" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            var rows = await db.Set<RatingDecision>().Where(d => d.RatingYearId == yearId && d.PersonId == own).ToListAsync(TestContext.Current.CancellationToken);
            var current = Assert.Single(rows, d => d.IsCurrent);
            Assert.Equal(RatingLevel.NotCompleted, current.Level);
            Assert.NotNull(current.SupersedesId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "rating.re-rate", TestContext.Current.CancellationToken));
        }

        // The screen, read twice before (and kept by the read cache), shows the new decision at once.
        var after = await committee.GetPageAsync($"/staff/reviews/{yearId}/members/{own}");
        Assert.Equal(CongVu.Features.Reviews.Rules.RatingEngine.Name(RatingLevel.NotCompleted), after.QuerySelector("section[aria-labelledby='dec-h'] p strong")?.TextContent);
    }

    [Fact]
    public async Task ExcludedMember_CannotBeRated_AndTheReasonIsShown()
    {
        var (yearId, _, _, _) = await ArrangeAsync(2025);
        int exempt;
        await using (var scope = app.SystemScope(out var db))
        {
            var day = new DateOnly(2025, 12, 31);
            var tieuCan = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.NewCommitteeCode).Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
            exempt = await db.MembershipPeriods.Where(p => p.Status == MemberStatus.ExemptFromActivities && p.From <= day && (p.To == null || p.To >= day) && p.Cell!.ParentId == tieuCan)
                .Select(p => p.Membership!.PersonId).FirstAsync(TestContext.Current.CancellationToken);
        }

        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var doc = await committee.GetPageAsync($"/staff/reviews/{yearId}/members/{exempt}");
        Assert.Contains("miễn công tác và sinh hoạt đảng", doc.Text(), StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form[action*='handler=Decide']"));
        var token = doc.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? string.Empty;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Decide.Score"] = "95" });
        var response = await committee.PostAsync($"/staff/reviews/{yearId}/members/{exempt}?handler=Decide", content, TestContext.Current.CancellationToken);
        Assert.Contains("không thuộc diện đánh giá", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.False(await db.Set<RatingDecision>().AnyAsync(d => d.RatingYearId == yearId && d.PersonId == exempt, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Quota_BlocksFinalisingTheCell_WithAPreciseMessage()
    {
        var (yearId, cayGon, _, _) = await ArrangeAsync(2026);
        await using (var scope = app.SystemScope(out var db))
        {
            var members = await db.MembershipPeriods.Where(p => p.OrgUnitId == cayGon && p.To == null && p.Status == MemberStatus.Active).Select(p => p.Membership!.PersonId).Take(2).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var (person, level) in members.Zip(new[] { RatingLevel.Excellent, RatingLevel.Good }))
            {
                db.Add(new RatingDecision { RatingYearId = yearId, PersonId = person, OrgUnitId = cayGon, Level = level, Score = level == RatingLevel.Excellent ? 95 : 80, DecidedAt = app.Time.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var doc = await committee.GetPageAsync($"/staff/reviews?year={yearId}");
        var response = await committee.SubmitAsync(doc.Form($"form[action*='handler=Finalise'][action*='cell={cayGon}']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tối đa 0 xuất sắc", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.All(await db.Set<RatingDecision>().Where(d => d.RatingYearId == yearId).ToListAsync(TestContext.Current.CancellationToken), d => Assert.Equal(DecisionState.Draft, d.State));
        }
    }

    [Fact]
    public async Task Member_SubmitsSelfAssessment_WhenYearIsReviewing()
    {
        var (yearId, _, _, _) = await ArrangeAsync(2026);
        await using (var scope = app.SystemScope(out var db))
        {
            var y = await db.Set<RatingYear>().FirstAsync(x => x.Id == yearId, TestContext.Current.CancellationToken);
            y.State = YearState.Reviewing;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var member = await app.SignInAsync(DemoCommune.Accounts[3].UserName);
        var doc = await member.GetPageAsync("/staff/reviews/mine");
        var values = new Dictionary<string, string> { ["Level"] = nameof(RatingLevel.Good), ["Form"] = nameof(ReviewForm.Form2B) };
        for (var i = 0; i < 17; i++)
        {
            values[$"Scores[{i}].Points"] = i < 15 ? "2" : "20";
        }

        var response = await member.SubmitAsync(doc.Form("main form"), values, (AngleSharp.Html.Dom.IHtmlElement?)doc.QuerySelector("button[formaction*='Submit']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await member.GetPageAsync("/staff/reviews/mine");
        Assert.Contains("70", after.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_ResultsXlsxAndMemberDocx_Download()
    {
        var (yearId, _, own, _) = await ArrangeAsync(2025);
        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var page = await committee.GetPageAsync($"/staff/reviews/results/{yearId}");
        Assert.Contains("Hoàn thành tốt nhiệm vụ", page.Text(), StringComparison.Ordinal);
        var xlsx = await committee.GetAsync($"/staff/reviews/results/{yearId}?handler=Xlsx", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var docx = await committee.GetAsync($"/staff/reviews/{yearId}/members/{own}?handler=Docx", TestContext.Current.CancellationToken);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG BỘ XÃ TIỂU CẦN", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }
}
