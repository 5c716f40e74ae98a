using System.Net;
using System.Text;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Rules;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class DossierApologyLetterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    private static Dossier Pending(DateOnly due) => new()
    {
        OrgUnitId = 1,
        Code = "000.00.31.H59-261120-0007",
        Procedure = "Đăng ký khai sinh",
        ReceivedOn = new DateOnly(2026, 11, 20),
        DueOn = due,
    };

    private static string BodyText(byte[] docx)
    {
        using var ms = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(ms, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void Letter_OpensAsDocx_WithStateHeader_AndTheDates()
    {
        // Due Monday 30/11/2026; today Wednesday 25/11: three working days remain.
        var dossier = Pending(new DateOnly(2026, 11, 30));
        Assert.Null(DossierApology.Reset(dossier, new DateOnly(2026, 11, 25), 3, "Chờ xác minh thông tin hộ tịch từ xã nơi sinh.", 7, Now, Calendar));

        var text = BodyText(DossierApology.Docx(DossierApology.LetterFor(dossier, "Xã Tiểu Cần", Calendar)));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN XÃ TIỂU CẦN", text, StringComparison.Ordinal);
        Assert.Contains("Số: 7/PXL-UBND", text, StringComparison.Ordinal);
        Assert.Contains("Tiểu Cần, ngày 25 tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("000.00.31.H59-261120-0007", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
        Assert.Contains("20/11/2026", text, StringComparison.Ordinal);
        Assert.Contains("30/11/2026", text, StringComparison.Ordinal);
        // Three working days after Monday 30/11 is Thursday 03/12.
        Assert.Contains("ngày 03/12/2026 (thêm 3 ngày làm việc)", text, StringComparison.Ordinal);
        Assert.Contains("Chờ xác minh thông tin hộ tịch", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Letter_IsTimesNewRomanOnA4()
    {
        var dossier = Pending(new DateOnly(2026, 11, 30));
        Assert.Null(DossierApology.Reset(dossier, new DateOnly(2026, 11, 25), 1, "Thiếu ý kiến của cơ quan phối hợp.", 1, Now, Calendar));
        using var ms = new MemoryStream(DossierApology.Docx(DossierApology.LetterFor(dossier, "Xã Tiểu Cần", Calendar)));
        using var doc = WordprocessingDocument.Open(ms, false);

        var size = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single();
        Assert.Equal(11906U, size.Width!.Value);
        Assert.Equal(16838U, size.Height!.Value);
        Assert.All(doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
    }

    [Theory]
    [InlineData(2026, 11, 27)] // Friday: the last working day before Monday's due date is allowed.
    [InlineData(2026, 11, 25)]
    public void Reset_OneWorkingDayOrMoreBeforeTheDueDate_IsAllowed(int y, int m, int d)
    {
        var dossier = Pending(new DateOnly(2026, 11, 30));

        Assert.Null(DossierApology.Reset(dossier, new DateOnly(y, m, d), 2, "Chờ kết quả xác minh.", 1, Now, Calendar));
        Assert.Equal(new DateOnly(2026, 11, 30), dossier.OriginalDueOn);
        Assert.Equal(new DateOnly(2026, 12, 2), dossier.DueOn);
    }

    [Theory]
    [InlineData(2026, 11, 28)] // Saturday: no working day is left before Monday's due date.
    [InlineData(2026, 11, 30)] // the due day itself
    [InlineData(2026, 12, 1)] // already late
    public void Reset_WithLessThanOneWorkingDayLeft_IsRefused(int y, int m, int d)
    {
        var dossier = Pending(new DateOnly(2026, 11, 30));

        var refusal = DossierApology.Reset(dossier, new DateOnly(y, m, d), 2, "Chờ kết quả xác minh.", 1, Now, Calendar);

        Assert.NotNull(refusal);
        Assert.Contains("một ngày làm việc trước hạn", refusal, StringComparison.Ordinal);
        Assert.False(dossier.WasReset);
        Assert.Equal(new DateOnly(2026, 11, 30), dossier.DueOn);
    }

    [Fact]
    public void Reset_ASecondTime_IsRefused_AndKeepsTheFirstNewDate()
    {
        var dossier = Pending(new DateOnly(2026, 12, 10));
        Assert.Null(DossierApology.Reset(dossier, new DateOnly(2026, 11, 25), 2, "Lần đầu.", 1, Now, Calendar));
        var firstNewDate = dossier.DueOn;

        var refusal = DossierApology.Reset(dossier, new DateOnly(2026, 11, 26), 5, "Lần hai.", 2, Now, Calendar);

        Assert.NotNull(refusal);
        Assert.Contains("một lần", refusal, StringComparison.Ordinal);
        Assert.Equal(firstNewDate, dossier.DueOn);
        Assert.Equal(new DateOnly(2026, 12, 10), dossier.OriginalDueOn);
        Assert.Equal("Lần đầu.", dossier.DelayReason);
    }

    [Fact]
    public async Task Staff_ResetsOnce_DownloadsTheLetter_AndASecondResetIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = await app.SignInAsync("vanphong.tieucan");
        var csv = "ma;thu tuc;ngay nhan;han tra;ngay tra;can bo\nL-0001;Cấp bản sao trích lục hộ tịch;23/11/2026;27/11/2026;;Công chức Tư pháp\n";
        var import = await staff.GetPageAsync("/staff/feedback/dossiers");
        await staff.SubmitFileAsync(import.Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        int id;
        await using (var scope = app.SystemScope(out var db))
        {
            id = (await db.Set<Dossier>().SingleAsync(d => d.Code == "L-0001", ct)).Id;
        }

        var url = $"/staff/feedback/dossiers/{id}/xin-loi";
        var page = await staff.GetPageAsync(url);
        var response = await staff.SubmitAsync(page.Form("main form[method=post]"), new Dictionary<string, string> { ["Reason"] = "Chờ trích lục từ sổ gốc lưu ở huyện cũ.", ["ExtraDays"] = "2" });
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, response.StatusCode.ToString());

        var docx = await staff.GetAsync(url + "?handler=Docx", ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = BodyText(await docx.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("27/11/2026", text, StringComparison.Ordinal);
        // Friday 27/11 plus two working days is Tuesday 01/12.
        Assert.Contains("01/12/2026", text, StringComparison.Ordinal);

        var again = await staff.GetPageAsync(url);
        Assert.Empty(again.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("một lần", again.Text(), StringComparison.Ordinal);

        // Re-importing the one-stop list with the old date keeps the reset date.
        await staff.SubmitFileAsync((await staff.GetPageAsync("/staff/feedback/dossiers")).Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        await using (var scope = app.SystemScope(out var db))
        {
            var d = await db.Set<Dossier>().SingleAsync(x => x.Id == id, ct);
            Assert.Equal(new DateOnly(2026, 12, 1), d.DueOn);
            Assert.Equal(new DateOnly(2026, 11, 27), d.OriginalDueOn);
        }
    }
}
