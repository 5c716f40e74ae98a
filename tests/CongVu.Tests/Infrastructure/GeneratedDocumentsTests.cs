using System.Net;
using System.Text.RegularExpressions;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Rules;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CongVu.Tests.Infrastructure;

/// <summary>Every DOCX and XLSX the app hands out opens as a valid Open XML package (the SDK's validator finds nothing).</summary>
public partial class GeneratedDocumentsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ReviewFormCellReportAndResults_AreValidOpenXml()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        var html = await client.GetStringAsync("/staff/reviews", TestContext.Current.CancellationToken);
        var member = MemberLink().Match(html);
        var report = CellReportLink().Match(html);
        var results = ResultsLink().Match(html);
        Assert.True(member.Success && report.Success && results.Success, "the reviews page links a member, a cell report and the results");

        AssertValidDocx(await DownloadAsync(client, member.Value + "?handler=Docx"));
        AssertValidDocx(await DownloadAsync(client, WebUtility.HtmlDecode(report.Value)));
        AssertValidXlsx(await DownloadAsync(client, results.Value + "?handler=Xlsx"));
    }

    [Fact]
    public async Task ReceptionReport_IsValidOpenXml()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        AssertValidDocx(await DownloadAsync(client, "/staff/feedback/tiep-dan/bao-cao?handler=Docx&ky=nam&nam=2026"));
    }

    [Fact]
    public void DossierApologyLetter_IsValidOpenXml()
    {
        var dossier = new Dossier
        {
            Code = "000.00.10.H59-261020-0001",
            Procedure = "Chứng thực bản sao từ bản chính",
            ReceivedOn = new DateOnly(2026, 10, 20),
            OriginalDueOn = new DateOnly(2026, 10, 23),
            DueOn = new DateOnly(2026, 10, 28),
            DueResetAt = new DateTime(2026, 10, 22, 2, 0, 0, DateTimeKind.Utc),
            DelayReason = "Cần xác minh thêm với cơ quan cấp bản chính",
            ApologyNumber = 7,
        };

        AssertValidDocx(DossierApology.Docx(DossierApology.LetterFor(dossier, "Xã Tiểu Cần", WorkingDayCalendar.Default)));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    private static void AssertValidDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        AssertNoErrors(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));
    }

    private static void AssertValidXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        AssertNoErrors(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));
    }

    private static void AssertNoErrors(IEnumerable<ValidationErrorInfo> errors)
    {
        var list = errors.Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list.Take(10)));
    }

    [GeneratedRegex("/staff/reviews/\\d+/members/\\d+")]
    private static partial Regex MemberLink();

    [GeneratedRegex("/staff/reviews\\?handler=Report&amp;year=\\d+&amp;cell=\\d+")]
    private static partial Regex CellReportLink();

    [GeneratedRegex("/staff/reviews/results/\\d+")]
    private static partial Regex ResultsLink();
}
