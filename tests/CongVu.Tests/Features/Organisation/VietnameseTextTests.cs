using CongVu.Infrastructure.Text;

namespace CongVu.Tests.Features.Organisation;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Huỳnh Văn Lý", "huynh van ly")]
    [InlineData("ĐẢNG BỘ XÃ HIẾU TRUNG", "dang bo xa hieu trung")]
    [InlineData("  Chi bộ   ấp  Cây Gòn ", "chi bo ap cay gon")]
    [InlineData("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_StripsDiacriticsAndCase(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_TreatsDecomposedInputLikeComposed()
    {
        // Windows-1258 text arrives with combining tone marks; it must fold the same way.
        var decomposed = "Lý".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(VietnameseText.Fold("Lý"), VietnameseText.Fold(decomposed));
    }

    [Theory]
    [InlineData("Chi bộ ấp Phú Thọ 1", "chi-bo-ap-phu-tho-1")]
    [InlineData("Đường hoa Hương lộ 25!", "duong-hoa-huong-lo-25")]
    [InlineData("Xã Tiểu Cần — tỉnh Vĩnh Long", "xa-tieu-can-tinh-vinh-long")]
    [InlineData("---", "")]
    public void Slug_IsAsciiWithDashes(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Slug(input));

    [Fact]
    public void Slug_RespectsMaxLengthWithoutTrailingDash()
    {
        var slug = VietnameseText.Slug("Mô hình vận động nhân dân xây dựng ấp văn hóa nông thôn mới", 20);
        Assert.True(slug.Length <= 20);
        Assert.False(slug.EndsWith('-'));
    }
}
