using CongVu.Features.Reports;
using CongVu.Features.Reviews;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongVu.Tests.Features.Reports;

public class ReportDocumentTests
{
    private static ReportContent Sample(PageMarginsMm margins, int? number) => new(
        "Đảng bộ tỉnh Vĩnh Long", "Đảng ủy xã Tiểu Cần", "Tiểu Cần", new DateOnly(2026, 2, 5), ReportDocument.NumberText(number, "BC"),
        "Kết quả thực hiện Chỉ thị 05-CT/TW năm 2025",
        [("I. TÌNH HÌNH TỔ CHỨC", "Dòng một\nDòng hai & <ký tự> đặc biệt")],
        ReportFigures.Party,
        [new YearFigures(2025, ReportFigures.All.Select(d => new FigureValue(d, d.Key == "partyCells" ? 19 : null, "test")).ToList(), null)],
        ["- Tỉnh ủy Vĩnh Long,", "- Lưu."], "Nguyễn Văn A", margins);

    [Theory]
    [InlineData(12, "Số 12-BC/ĐU")]
    [InlineData(null, "Số      -BC/ĐU")]
    public void NumberText_FollowsHd36(int? number, string expected) => Assert.Equal(expected, ReportDocument.NumberText(number, "BC"));

    [Fact]
    public void IssuingBody_IsTheCommitteeThatSigns() =>
        Assert.Equal("Đảng ủy xã Hiếu Trung", ReportDocument.IssuingBody("Đảng bộ xã Hiếu Trung"));

    [Fact]
    public void Margins_AreConfigurable_AndTheDocumentsValidate()
    {
        var docx = ReportDocument.Docx(Sample(new PageMarginsMm(25, 20, 35, 20), 3));
        using (var stream = new MemoryStream(docx))
        using (var doc = WordprocessingDocument.Open(stream, false))
        {
            var margin = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
            Assert.Equal((1417, 1134, 1984U, 1134U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
            Assert.Contains("Tiểu Cần, ngày 05 tháng 02 năm 2026", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
            Assert.Contains("Số 3-BC/ĐU", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }

        ReportTests.AssertValid(docx, isWord: true);
        ReportTests.AssertValid(ReportDocument.Xlsx(Sample(PageMarginsMm.Default, null)), isWord: false);
    }

    [Fact]
    public void MissingFigures_PrintAsNoData()
    {
        var c = Sample(PageMarginsMm.Default, null);
        Assert.Equal("19", c.Years[0].Get("partyCells").Text);
        Assert.Equal("chưa có số liệu", c.Years[0].Get("commendations").Text);
    }

    [Fact]
    public void CellReport_OnTheSharedPartyFormat_AlsoValidates()
    {
        var data = new CellReportData("Đảng bộ xã Tiểu Cần", "Chi bộ ấp Cây Gòn", "Tiểu Cần", new DateOnly(2026, 1, 9), 2025, 10, 9, [("Trần Văn B", "Miễn sinh hoạt")],
            [(RatingLevel.Excellent, 1), (RatingLevel.Good, 7), (RatingLevel.Completed, 1), (RatingLevel.NotCompleted, 0)], 0, 9, 9, [("Lê Thị C", 5)]);
        ReportTests.AssertValid(CellReportDocument.Build(data), isWord: true);
    }
}
