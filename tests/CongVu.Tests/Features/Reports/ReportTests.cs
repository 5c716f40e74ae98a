using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reports;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Reports;

public class ReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Committee = DemoCommune.Accounts[1].UserName;

    [Fact]
    public async Task YearlyDraft_ForHieuTrung2020_CarriesThePublicSummaryFigures()
    {
        var ct = TestContext.Current.CancellationToken;
        var (committeeId, summary) = await HieuTrungAsync(2020);
        Assert.Equal((13, 286, 49), ((int)summary["partyCells"]!, (int)summary["partyMembers"]!, (int)summary["exemptMembers"]!));

        var client = await app.SignInAsync(Committee);
        var id = await CreateDraftAsync(client, committeeId, ReportKind.YearlyDirective05, year: 2020);
        var page = await client.GetPageAsync($"/staff/reports/{id}");
        var text = page.Text();
        Assert.Contains("Số chi bộ trực thuộc", text, StringComparison.Ordinal);
        Assert.Contains("có 13 chi bộ trực thuộc với 286 đảng viên, trong đó 49 đồng chí", text, StringComparison.Ordinal);

        var docx = await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", ct);
        var body = DocxText(docx);
        Assert.Contains("có 13 chi bộ trực thuộc với 286 đảng viên, trong đó 49 đồng chí", body, StringComparison.Ordinal);
        var rows = DocxRows(docx);
        Assert.Contains(["Số chi bộ trực thuộc", "chi bộ", "13"], rows);
        Assert.Contains(["Tổng số đảng viên", "đồng chí", "286"], rows);
        Assert.Contains(["Đảng viên được miễn sinh hoạt", "đồng chí", "49"], rows);
        // A figure no module gives yet prints as missing, never as zero.
        Assert.Contains(rows, r => r[0] == "Tập thể, cá nhân được khen thưởng" && (r[2] == FigureValue.Missing || summary.ContainsKey("commendations")));
        AssertValid(docx, isWord: true);
        AssertValid(await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Xlsx", ct), isWord: false);
    }

    [Fact]
    public async Task Issue_PrintsThePartyHeader_NumberAndPaddedDateLine_AndStoresTheHashedFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var (committeeId, _) = await HieuTrungAsync(2024);
        var client = await app.SignInAsync(Committee);
        var id = await CreateDraftAsync(client, committeeId, ReportKind.YearlyDirective05, year: 2024);
        var response = await IssueAsync(client, id, "05/02/2025");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var docx = await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", ct);
        var xlsx = await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Xlsx", ct);
        var header = DocxHeaderLines(docx);
        Assert.Equal("ĐẢNG BỘ HUYỆN TIỂU CẦN", header[0]);
        Assert.Equal("ĐẢNG ỦY XÃ HIẾU TRUNG", header[1]);
        Assert.Equal("*", header[2]);
        Assert.Matches(@"^Số \d+-BC/ĐU$", header[3]);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", header);
        Assert.Contains("Hiếu Trung, ngày 05 tháng 02 năm 2025", header);
        var text = DocxText(docx);
        Assert.Contains("T/M ĐẢNG ỦY", text, StringComparison.Ordinal);
        Assert.Contains("BÍ THƯ", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        AssertValid(docx, isWord: true);
        AssertValid(xlsx, isWord: false);

        await using var scope = app.SystemScope(out var db);
        var report = await db.Set<PartyReport>().SingleAsync(r => r.Id == id, ct);
        Assert.Equal(ReportState.Issued, report.State);
        Assert.Equal(header[3], report.NumberText);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), report.DocxSha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(xlsx)), report.XlsxSha256);
        Assert.Equal("2020–2025", (await db.Set<PartyTerm>().SingleAsync(t => t.Id == report.TermId, ct)).Name);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.issue" && a.EntityId == id.ToString(CultureInfo.InvariantCulture), ct));
    }

    [Fact]
    public async Task Numbering_IncrementsWithinATerm_AndRestartsAtTheNextTerm()
    {
        var t = await app.CreateCommuneAsync();
        await using (var scope = app.SystemScope(out var db))
        {
            db.Set<PartyTerm>().AddRange(
                new PartyTerm { OrgUnitId = t.CommitteeId, Name = "2015–2020", StartsOn = new DateOnly(2015, 6, 1), FromYear = 2015, ToYear = 2020 },
                new PartyTerm { OrgUnitId = t.CommitteeId, Name = "2020–2025", StartsOn = new DateOnly(2020, 6, 15), FromYear = 2020, ToYear = 2025 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var client = await app.SignInAsync(t.AdminUser, TestData.Password);
        var numbers = new List<string>();
        foreach (var (year, date) in new[] { (2018, "10/01/2019"), (2019, "10/01/2020"), (2020, "01/08/2020"), (2021, "15/01/2022") })
        {
            var id = await CreateDraftAsync(client, t.CommitteeId, ReportKind.YearlyDirective05, year);
            Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, date)).StatusCode);
            numbers.Add(DocxHeaderLines(await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", TestContext.Current.CancellationToken))[3]);
        }

        Assert.Equal(["Số 1-BC/ĐU", "Số 2-BC/ĐU", "Số 1-BC/ĐU", "Số 2-BC/ĐU"], numbers);
        var register = (await client.GetPageAsync("/staff/reports")).Text();
        Assert.Contains("Số 2-BC/ĐU", register, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuedReport_RefusesEdits_AndKeepsItsBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (committeeId, _) = await HieuTrungAsync(2023);
        var client = await app.SignInAsync(Committee);
        var id = await CreateDraftAsync(client, committeeId, ReportKind.YearlyDirective05, year: 2023);
        var draft = await client.GetPageAsync($"/staff/reports/{id}");
        var editForm = draft.Form("form[action*='handler=Save']");

        // Drafts are edited as plain text; markup is refused.
        var html = await client.SubmitAsync(editForm, new Dictionary<string, string> { ["Edit.Subject"] = "<b>Báo cáo</b>" });
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("không dùng thẻ HTML", await html.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var saved = await client.SubmitAsync(editForm, new Dictionary<string, string> { ["Edit.Subject"] = "Kết quả thực hiện Chỉ thị 05 năm 2023 (đã sửa)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, "10/01/2024")).StatusCode);
        var before = await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", ct);
        Assert.Contains("Kết quả thực hiện Chỉ thị 05 năm 2023 (đã sửa)", DocxText(before), StringComparison.Ordinal);

        var refused = await client.SubmitAsync(editForm, new Dictionary<string, string> { ["Edit.Subject"] = "Sửa sau khi ban hành" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var reissue = await IssueAsync(client, id, "11/01/2024", draft);
        Assert.Equal(HttpStatusCode.Conflict, reissue.StatusCode);
        Assert.Equal(before, await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", ct));
        var page = await client.GetPageAsync($"/staff/reports/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Save']"));

        await using var scope = app.SystemScope(out var db);
        var report = await db.Set<PartyReport>().SingleAsync(r => r.Id == id, ct);
        Assert.Equal("Kết quả thực hiện Chỉ thị 05 năm 2023 (đã sửa)", report.Subject);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.edit" && a.EntityId == id.ToString(CultureInfo.InvariantCulture), ct));
    }

    [Fact]
    public async Task TermSummary_2015To2020_PrintsTheSeedFiguresAndTheDashboardsReadings()
    {
        var ct = TestContext.Current.CancellationToken;
        int committeeId, termId;
        IReadOnlyDictionary<string, decimal?> board;
        await using (var scope = app.SystemScope(out var db))
        {
            var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(ct);
            var commune = snap.FindByCode(DemoPlanBuilder.OldCommuneCode)!;
            committeeId = snap.FindByCode(DemoPlanBuilder.OldCommitteeCode)!.Id;
            termId = (await db.Set<PartyTerm>().SingleAsync(t => t.OrgUnitId == committeeId && t.Name == "2015–2020", ct)).Id;
            // The dashboard's readings for 2020: the report must print the same numbers.
            board = (await scope.ServiceProvider.GetRequiredService<CongVu.Features.Indicators.IndicatorBoard>().ReadAsync(commune, 2020, ct))
                .ToDictionary(r => r.Indicator.Code, r => r.Value);
        }

        var client = await app.SignInAsync(Committee);
        var id = await CreateDraftAsync(client, committeeId, ReportKind.TermSummary, termId: termId);
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(client, id, "20/06/2020")).StatusCode);
        var docx = await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Docx", ct);
        var rows = DocxRows(docx);
        Assert.Equal(["Chỉ tiêu", "Đơn vị", "2015", "2016", "2017", "2018", "2019", "2020"], rows[0]);
        // The seed article's 2020 figures, counted from the household register and the entered indicators.
        Assert.Equal("53", rows.Single(r => r[0] == "Hộ nghèo")[^1]);
        Assert.Equal("1,86%", rows.Single(r => r[0] == "Tỷ lệ hộ nghèo")[^1]);
        Assert.StartsWith("96", rows.Single(r => r[0] == "Tỷ lệ hộ gia đình văn hóa")[^1], StringComparison.Ordinal);
        Assert.StartsWith("55", rows.Single(r => r[0] == "Thu nhập bình quân đầu người")[^1], StringComparison.Ordinal);
        // Every indicator line equals the dashboard's reading for the same year.
        foreach (var def in ReportFigures.SocioEconomic)
        {
            var expected = board.GetValueOrDefault(def.IndicatorCode!) is decimal v ? ReportFigures.Format(v, def) : FigureValue.Missing;
            Assert.Equal(expected, rows.Single(r => r[0] == def.Label)[^1]);
        }

        Assert.Equal("286", rows.Single(r => r[0] == "Tổng số đảng viên")[^1]);
        var text = DocxText(docx);
        // The term's investment and production are summed over its years (the seed: more than 460 and about 3,170 billion).
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var investment = decimal.Parse(Regex.Match(text, @"Tổng vốn đầu tư phát triển cả nhiệm kỳ: ([\d.,]+) tỷ đồng").Groups[1].Value, vi);
        var production = decimal.Parse(Regex.Match(text, @"tổng giá trị sản xuất cả nhiệm kỳ: ([\d.,]+) tỷ đồng").Groups[1].Value, vi);
        Assert.True(investment > 460, $"five-year investment {investment}");
        Assert.InRange(production, 3100m, 3250m);
        Assert.Contains("Nông thôn mới năm 2020: Bộ tiêu chí xã nông thôn mới giai đoạn 2016–2020: đạt 19/19 tiêu chí", text, StringComparison.Ordinal);
        Assert.Contains("Hiếu Trung, ngày 20 tháng 6 năm 2020", text, StringComparison.Ordinal);
        Assert.Contains("nhiệm kỳ 2015–2020", text, StringComparison.Ordinal);
        AssertValid(docx, isWord: true);
        AssertValid(await client.GetByteArrayAsync($"/staff/reports/{id}?handler=Xlsx", ct), isWord: false);
    }

    [Fact]
    public async Task CellSecretary_CannotCreateOrIssue_AndAnotherCommuneGets404()
    {
        var (committeeId, _) = await HieuTrungAsync(2022);
        var committee = await app.SignInAsync(Committee);
        var id = await CreateDraftAsync(committee, committeeId, ReportKind.YearlyDirective05, year: 2022);
        var draft = await committee.GetPageAsync($"/staff/reports/{id}");

        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var list = await secretary.GetPageAsync("/staff/reports");
        Assert.Null(list.QuerySelector("form[action*='handler=Create']"));
        var token = await secretary.AntiforgeryTokenAsync();
        var create = await secretary.PostAsync("/staff/reports?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["New.Committee"] = committeeId.ToString(CultureInfo.InvariantCulture), ["New.Year"] = "2022" }), TestContext.Current.CancellationToken);
        AssertRefused(create);
        var issue = await secretary.PostAsync($"/staff/reports/{id}?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IssuedOn"] = "10/01/2023" }), TestContext.Current.CancellationToken);
        AssertRefused(issue);
        await secretary.GetPageAsync($"/staff/reports/{id}", HttpStatusCode.NotFound);

        var other = await app.CreateCommuneAsync();
        var stranger = await app.SignInAsync(other.AdminUser, TestData.Password);
        await stranger.GetPageAsync($"/staff/reports/{id}", HttpStatusCode.NotFound);
        var strangerList = await stranger.GetPageAsync("/staff/reports");
        Assert.Equal(HttpStatusCode.NotFound, (await IssueAsync(stranger, id, "10/01/2023", strangerList)).StatusCode);

        await using var scope = app.SystemScope(out var db);
        Assert.Equal(ReportState.Draft, (await db.Set<PartyReport>().SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken)).State);
        Assert.NotNull(draft);
    }

    [Fact]
    public async Task AddTerm_ByAdmin_IsListedAndAudited()
    {
        var t = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(t.AdminUser, TestData.Password);
        var page = await client.GetPageAsync("/staff/reports");
        var response = await client.SubmitAsync(page.Form("form[action*='handler=Term']"), new Dictionary<string, string>
        {
            ["Term.Committee"] = t.CommitteeId.ToString(CultureInfo.InvariantCulture),
            ["Term.Name"] = "2025–2030",
            ["Term.Ordinal"] = "I",
            ["Term.StartsOn"] = "01/07/2025",
            ["Term.FromYear"] = "2025",
            ["Term.ToYear"] = "2030",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2025–2030 (khóa I)", (await client.GetPageAsync("/staff/reports")).Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "party-term.create" && a.OrgUnitId == t.CommitteeId, TestContext.Current.CancellationToken));
    }

    private async Task<(int CommitteeId, Dictionary<string, object?> Summary)> HieuTrungAsync(int year)
    {
        await using var scope = app.SystemScope(out _);
        var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync();
        var figures = scope.ServiceProvider.GetRequiredService<ReportFigures>();
        return (snap.FindByCode(DemoPlanBuilder.OldCommitteeCode)!.Id, await figures.SummaryAsync(DemoPlanBuilder.OldCommuneCode, year, TestContext.Current.CancellationToken));
    }

    private static async Task<int> CreateDraftAsync(HttpClient client, int committeeId, ReportKind kind, int? year = null, int? termId = null)
    {
        var page = await client.GetPageAsync("/staff/reports");
        var response = await client.SubmitAsync(page.Form("form[action*='handler=Create']"), new Dictionary<string, string>
        {
            ["New.Committee"] = committeeId.ToString(CultureInfo.InvariantCulture),
            ["New.Kind"] = kind.ToString(),
            ["New.Year"] = year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["New.TermId"] = termId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Issues through the page's form, or with the token of another page when the form is gone.</summary>
    private static async Task<HttpResponseMessage> IssueAsync(HttpClient client, int id, string date, AngleSharp.Dom.IDocument? tokenPage = null)
    {
        if (tokenPage is null)
        {
            var page = await client.GetPageAsync($"/staff/reports/{id}");
            return await client.SubmitAsync(page.Form("form[action*='handler=Issue']"), new Dictionary<string, string> { ["IssuedOn"] = date });
        }

        var token = tokenPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return await client.PostAsync($"/staff/reports/{id}?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IssuedOn"] = date }));
    }

    /// <summary>Forbidden: 403, or the browser's redirect to the 403 page.</summary>
    internal static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/loi/403", StringComparison.Ordinal)), $"expected refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    internal static void AssertValid(byte[] bytes, bool isWord)
    {
        var errors = Validate(bytes, isWord);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    internal static List<string> Validate(byte[] bytes, bool isWord)
    {
        using var stream = new MemoryStream(bytes);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        if (isWord)
        {
            using var doc = WordprocessingDocument.Open(stream, false);
            return validator.Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        }

        using var book = SpreadsheetDocument.Open(stream, false);
        return validator.Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The lines of the two-column header table: left column then right column.</summary>
    private static List<string> DocxHeaderLines(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        return table.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The rows of the figures table (the second table), as cell texts.</summary>
    private static List<string[]> DocxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ElementAt(1);
        return table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
    }
}
