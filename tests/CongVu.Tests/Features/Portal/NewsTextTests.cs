using CongVu.Features.Portal;
using CongVu.Features.Portal.News;

namespace CongVu.Tests.Features.Portal;

public class NewsTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>Xin chào")]
    [InlineData("Xin chào <img src=x onerror=alert(1)>")]
    [InlineData("[bấm vào](javascript:alert(1))")]
    [InlineData("[bấm vào](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">x</a>")]
    [InlineData("![ảnh](javascript:alert(1))")]
    [InlineData("<div onmouseover=\"alert(1)\">di chuột</div>")]
    public void ToSafeHtml_StripsScriptsJavascriptLinksAndEventAttributes(string markdown)
    {
        var html = NewsText.ToSafeHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Raw HTML comes out as escaped text (harmless); no real tag may carry a javascript: URL.
        Assert.DoesNotContain(ExtractTags(html), t => t.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        // Raw HTML comes out as escaped text; no real tag may carry an event attribute.
        Assert.DoesNotContain(ExtractTags(html), t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Sanitize_RemovesEventAttributesFromRealTags()
    {
        var html = NewsText.Sanitize("<p onclick=\"alert(1)\">a</p><img src=\"/anh/1\" onerror=\"alert(2)\"><a href=\"https://example.vn\" onmouseover=\"x()\">b</a><script>alert(3)</script>");
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.vn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_KeepsOrdinaryMarkdown()
    {
        var html = NewsText.ToSafeHtml("Đoạn **đậm** và *nghiêng*.\n\n[Góp ý](/gop-y) · [Cổng](https://tieucan.vn)");
        Assert.Contains("<strong>đậm</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>nghiêng</em>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/gop-y\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tieucan.vn\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ấp Cây Gòn duy trì tuyến đường hoa", "ap-cay-gon-duy-tri-tuyen-duong-hoa")]
    [InlineData("Đảng bộ xã Tiểu Cần: Đại hội lần thứ I!", "dang-bo-xa-tieu-can-dai-hoi-lan-thu-i")]
    [InlineData("  “3 không, 3 đúng” — 2026  ", "3-khong-3-dung-2026")]
    [InlineData("!!!", "tin")]
    public void UniqueSlug_IsAsciiFromVietnamese(string title, string expected) =>
        Assert.Equal(expected, NewsText.UniqueSlug(title, []));

    [Fact]
    public void UniqueSlug_AddsASuffixWhenTakenInTheCommune() =>
        Assert.Equal("tin-moi-3", NewsText.UniqueSlug("Tin mới", ["tin-moi", "tin-moi-2"]));

    [Fact]
    public void PhotoType_ChecksMagicBytes_NotTheName()
    {
        Assert.Equal("image/png", NewsText.PhotoType(PortalNewsDemo.StripedPng(4, 4, (1, 2, 3))));
        Assert.Equal("image/jpeg", NewsText.PhotoType([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Null(NewsText.PhotoType("GIF89a"u8.ToArray()));
        Assert.Null(NewsText.PhotoType("<svg onload=alert(1)>"u8.ToArray()));
    }

    private static IEnumerable<string> ExtractTags(string html)
    {
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                yield break;
            }

            yield return html[i..(end + 1)];
            i = end + 1;
        }
    }
}
