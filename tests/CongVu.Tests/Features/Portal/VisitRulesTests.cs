using CongVu.Features.Portal.Visits;
using Microsoft.AspNetCore.Http;

namespace CongVu.Tests.Features.Portal;

public class VisitRulesTests
{
    private const string Chrome = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Go-http-client/2.0")]
    [InlineData("")]
    [InlineData("   ")]
    public void IsBrowser_RobotsAndLibraries_AreNot(string ua) => Assert.False(VisitRules.IsBrowser(ua));

    [Theory]
    [InlineData(Chrome)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0")]
    public void IsBrowser_CommonBrowsers_Are(string ua) => Assert.True(VisitRules.IsBrowser(ua));

    [Theory]
    [InlineData("GET", "/", true)]
    [InlineData("GET", "/tin-tuc/le-ra-mat", true)]
    [InlineData("GET", "/xa/tieu-can/minh-bach", true)]
    [InlineData("POST", "/gop-y", false)]
    [InlineData("HEAD", "/", false)]
    [InlineData("GET", "/staff", false)]
    [InlineData("GET", "/staff/news", false)]
    [InlineData("GET", "/api/v1/public/visits", false)]
    [InlineData("GET", "/css/site.css", false)]
    [InlineData("GET", "/rss.xml", false)]
    [InlineData("GET", "/tai-khoan/dang-nhap", false)]
    public void MayCount_ByMethodAndPath(string method, string path, bool expected)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = method;
        ctx.Request.Path = path;
        ctx.Request.Headers.UserAgent = Chrome;
        Assert.Equal(expected, VisitRules.MayCount(ctx.Request));
    }

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Purpose", "prefetch")]
    [InlineData("X-Moz", "prefetch")]
    public void MayCount_Prefetch_IsNotAView(string header, string value)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = "GET";
        ctx.Request.Path = "/";
        ctx.Request.Headers.UserAgent = Chrome;
        ctx.Request.Headers[header] = value;
        Assert.False(VisitRules.MayCount(ctx.Request));
    }

    [Theory]
    [InlineData(200, "text/html; charset=utf-8", true)]
    [InlineData(404, "text/html; charset=utf-8", false)]
    [InlineData(302, null, false)]
    [InlineData(200, "application/json", false)]
    public void Counts_OnlyHtmlPagesSentWith200(int status, string? type, bool expected)
    {
        var ctx = new DefaultHttpContext();
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = type;
        Assert.Equal(expected, VisitRules.Counts(ctx.Response));
    }
}
