using System.Net;
using System.Text;
using CongVu.Features.Feedback;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class DossierImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ImportingTheSameListTwice_StoresEachDossierOnce_AndUpdatesIt()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var csv = "ma;thu tuc;ngay nhan;han tra;ngay tra;can bo\nT-0001;Chứng thực bản sao;02/11/2026;03/11/2026;02/11/2026;Công chức A\nT-0002;Đăng ký kết hôn;02/11/2026;05/11/2026;;Công chức B\n";
        for (var round = 0; round < 2; round++)
        {
            var page = await staff.GetPageAsync("/staff/feedback/dossiers");
            var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            csv = csv.Replace("05/11/2026;;", "05/11/2026;06/11/2026;", StringComparison.Ordinal);
        }

        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Dossier>().Where(d => d.Code == "T-0001" || d.Code == "T-0002").OrderBy(d => d.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2026, 11, 6), rows[1].ReturnedOn);
    }

    [Fact]
    public async Task ABrokenRow_StoresNothing()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var csv = "ma;thu tuc;ngay nhan;han tra;ngay tra;can bo\nX-0001;Chứng thực;02/11/2026;03/11/2026;;A\nX-0002;Khai sinh;32/13/2026;03/11/2026;;B\n";
        var page = await staff.GetPageAsync("/staff/feedback/dossiers");
        var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Contains("Dòng 3", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<Dossier>().AnyAsync(d => d.Code.StartsWith("X-"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheDemoYear_ShowsOnTimeRates()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/dossiers");
        Assert.Contains("%", page.Text(".figures"), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("table tbody tr"));
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook as the one-stop system exports it: a header row, shared-string text and dates as Excel serial numbers.</summary>
    private static byte[] Workbook(params object?[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            uint r = 1;
            foreach (var row in rows)
            {
                var xr = new Row { RowIndex = r };
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = (char)('A' + c) + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (row[c])
                    {
                        case DateOnly d:
                            xr.Append(new Cell { CellReference = reference, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case string text:
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                            xr.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.SharedStringTable.Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }

                data.Append(xr);
                r++;
            }

            sheetPart.Worksheet = new Worksheet(data);
            book.Workbook.AppendChild(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1U, Name = "Hồ sơ" }));
            book.Workbook.Save();
        }

        return ms.ToArray();
    }

    [Fact]
    public async Task ImportingTheSameWorkbookTwice_StoresEachDossierOnce_AndUpdatesIt()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        object?[] header = ["Mã hồ sơ", "Thủ tục", "Ngày nhận", "Hạn trả", "Ngày trả", "Cán bộ"];
        var first = Workbook(header,
            ["W-L001", "Chứng thực chữ ký", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 2), "Công chức A"],
            ["W-L002", "Đăng ký kết hôn", "02/11/2026", "05/11/2026", null, "Công chức B"]);
        var second = Workbook(header,
            ["W-L001", "Chứng thực chữ ký", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 2), "Công chức A"],
            ["W-L002", "Đăng ký kết hôn", "02/11/2026", "05/11/2026", new DateOnly(2026, 11, 6), "Công chức B"]);
        foreach (var bytes in new[] { first, second })
        {
            var page = await staff.GetPageAsync("/staff/feedback/dossiers");
            var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.xlsx", bytes, XlsxType);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Đã nhập", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        }

        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Dossier>().Where(d => d.Code == "W-L001" || d.Code == "W-L002").OrderBy(d => d.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2026, 11, 3), rows[0].DueOn);
        Assert.Equal(new DateOnly(2026, 11, 2), rows[0].ReturnedOn);
        Assert.Equal(new DateOnly(2026, 11, 6), rows[1].ReturnedOn);
        Assert.Equal("Công chức B", rows[1].Official);
    }

    [Fact]
    public async Task AFileNamedXlsxThatIsNotAWorkbook_StoresNothing()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/dossiers");
        var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.xlsx", Encoding.UTF8.GetBytes("ma;thu tuc\nY-0001;x"), XlsxType);
        Assert.Contains("Tệp Excel (XLSX) không đọc được.", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<Dossier>().AnyAsync(d => d.Code.StartsWith("Y-"), TestContext.Current.CancellationToken));
    }
}
