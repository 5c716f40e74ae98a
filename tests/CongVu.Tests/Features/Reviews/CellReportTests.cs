using System.Net;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Pledges;
using CongVu.Features.Reviews;
using CongVu.Features.Reviews.Rules;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Reviews;

public class CellReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(2026, 2, 5, "Tiểu Cần, ngày 05 tháng 02 năm 2026")]
    [InlineData(2025, 11, 3, "Tiểu Cần, ngày 03 tháng 11 năm 2025")]
    public void DateLine_IsSharedWithTheMemberForm(int y, int m, int d, string expected) =>
        Assert.Equal(expected, CongVu.Infrastructure.Documents.PartyDocument.DateLine("Tiểu Cần", new DateOnly(y, m, d)));

    [Fact]
    public async Task Committee_DownloadsTheCellReport_WithTheHeaderAndTheFiguresFromTheRecords()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId, cellId, onRoll, rated, good, excellent, registered, eligible;
        string cellName, committeeName;
        await using (var scope = app.SystemScope(out var db))
        {
            var year = await db.Set<RatingYear>().FirstAsync(y => y.Year == 2024, ct);
            var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(ct);
            var roll = await YearRoll.LoadAsync(db, snap, year, new DateOnly(2026, 11, 25), ignoreScope: true, ct);
            cellId = roll.GroupBy(r => r.CellId).OrderByDescending(g => g.Count()).First().Key;
            var members = roll.Where(r => r.CellId == cellId).ToList();
            var ratedIds = members.Where(r => r.IsRated).Select(r => r.PersonId).ToArray();
            var levels = await db.Set<RatingDecision>().Where(d => d.RatingYearId == year.Id && d.IsCurrent && ratedIds.Contains(d.PersonId)).Select(d => d.Level).ToListAsync(ct);
            var registration = (await scope.ServiceProvider.GetRequiredService<PledgeQueries>().ByCellAsync(year, ignoreScope: true, ct)).Single(c => c.CellId == cellId);
            (yearId, onRoll, rated) = (year.Id, members.Count, ratedIds.Length);
            good = levels.Count(l => l == RatingLevel.Good);
            excellent = levels.Count(l => l == RatingLevel.Excellent);
            (registered, eligible) = (registration.Registered, registration.Eligible);
            cellName = snap.Find(cellId)!.Name;
            committeeName = snap.Find(year.CommitteeId)!.Name;
        }

        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var page = await committee.GetPageAsync($"/staff/reviews?year={yearId}");
        Assert.NotNull(page.QuerySelector($"a[href='/staff/reviews?handler=Report&year={yearId}&cell={cellId}']"));

        var response = await committee.GetAsync($"/staff/reviews?handler=Report&year={yearId}&cell={cellId}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(ct));
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains(committeeName.ToUpper(vi), text, StringComparison.Ordinal);
        Assert.Contains(cellName.ToUpper(vi), text, StringComparison.Ordinal);
        Assert.Contains("-BC/CB", text, StringComparison.Ordinal);
        Assert.Contains(", ngày 25 tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("xếp loại chất lượng đảng viên năm 2024", text, StringComparison.Ordinal);
        Assert.Contains($"Tổng số đảng viên của chi bộ: {onRoll} đồng chí.", text, StringComparison.Ordinal);
        Assert.Contains($"Số đảng viên được đánh giá, xếp loại: {rated} đồng chí.", text, StringComparison.Ordinal);
        Assert.Contains($"Hoàn thành tốt nhiệm vụ: {good} đồng chí, tỷ lệ {CellReportDocument.Percent(good, rated)}.", text, StringComparison.Ordinal);
        Assert.Contains($"Hoàn thành xuất sắc nhiệm vụ: {excellent} đồng chí", text, StringComparison.Ordinal);
        Assert.Contains($"Số đảng viên đăng ký: {registered}/{eligible} đồng chí", text, StringComparison.Ordinal);
        Assert.True(rated > 0 && eligible > 0);

        var section = doc.MainDocumentPart.Document.Body.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>()
            ?? doc.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single();
        var margin = section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageMargin>()!;
        Assert.Equal((1134, 1134, 1701U, 850U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        await using (var scope = app.SystemScope(out var db))
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.EntityId == cellId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct));
        }
    }

    [Fact]
    public async Task Secretary_DownloadsTheReportOfTheirOwnCell()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId, cayGon;
        await using (var scope = app.SystemScope(out var db))
        {
            yearId = (await db.Set<RatingYear>().FirstAsync(y => y.Year == 2026, ct)).Id;
            cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
        }

        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var page = await secretary.GetPageAsync($"/staff/reviews?year={yearId}");
        Assert.NotNull(page.QuerySelector($"a[href='/staff/reviews?handler=Report&year={yearId}&cell={cayGon}']"));
        var response = await secretary.GetAsync($"/staff/reviews?handler=Report&year={yearId}&cell={cayGon}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(ct));
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Contains("CHI BỘ ẤP CÂY GÒN", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretaryOfAnotherCell_CannotDownloadTheReport()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId, otherCell;
        await using (var scope = app.SystemScope(out var db))
        {
            var year = await db.Set<RatingYear>().FirstAsync(y => y.Year == 2025, ct);
            var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
            yearId = year.Id;
            otherCell = await db.Set<RatingDecision>().Where(d => d.RatingYearId == year.Id && d.IsCurrent && d.OrgUnitId != cayGon).Select(d => d.OrgUnitId).FirstAsync(ct);
        }

        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var response = await secretary.GetAsync($"/staff/reviews?handler=Report&year={yearId}&cell={otherCell}", ct);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.EntityId == otherCell.ToString(System.Globalization.CultureInfo.InvariantCulture), ct));
        }
    }
}
