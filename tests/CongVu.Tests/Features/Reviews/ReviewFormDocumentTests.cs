using CongVu.Features.Reviews;
using DocumentFormat.OpenXml.Packaging;

namespace CongVu.Tests.Features.Reviews;

public class ReviewFormDocumentTests
{
    [Theory]
    [InlineData(2026, 2, 5, "Tiểu Cần, ngày 05 tháng 02 năm 2026")]
    [InlineData(2025, 12, 20, "Tiểu Cần, ngày 20 tháng 12 năm 2025")]
    [InlineData(2025, 3, 9, "Tiểu Cần, ngày 09 tháng 3 năm 2025")]
    public void DateLine_PadsDaysBelowTenAndMonthsOneAndTwo(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ReviewFormDocument.DateLine("Tiểu Cần", new DateOnly(y, m, d)));

    [Fact]
    public void Build_OpensAsDocx_WithThePartyHeaderLines()
    {
        var bytes = ReviewFormDocument.Build(new ReviewFormData("Đảng bộ xã Tiểu Cần", "Chi bộ ấp Cây Gòn", "Tiểu Cần", new DateOnly(2026, 2, 5), 2025, "Nguyễn Văn A",
            "Mẫu 2B", [("3K-1", "Không gây phiền hà, sách nhiễu nhân dân", 2m, 2m, null)], "Hoàn thành tốt nhiệm vụ", null, null, null, "Hoàn thành tốt nhiệm vụ", "Kết quả: Hoàn thành tốt nhiệm vụ."));
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG BỘ XÃ TIỂU CẦN", text, StringComparison.Ordinal);
        Assert.Contains("CHI BỘ ẤP CÂY GÒN", text, StringComparison.Ordinal);
        Assert.Contains("Tiểu Cần, ngày 05 tháng 02 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("BẢN KIỂM ĐIỂM ĐẢNG VIÊN", text, StringComparison.Ordinal);
    }
}
