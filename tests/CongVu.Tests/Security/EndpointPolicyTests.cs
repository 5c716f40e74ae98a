using System.Net;
using System.Text.RegularExpressions;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

public partial class EndpointPolicyTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private List<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void EveryPageAndEndpoint_DeclaresAPolicyOrAnonymousAccess()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 10, $"Expected the app's endpoints, found {endpoints.Count}.");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "These routes declare no authorization policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void StaffRoutes_NeverAllowAnonymous()
    {
        var open = Endpoints()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("staff", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(open);
    }

    [Fact]
    public async Task AnonymousUser_IsSentToSignIn_FromEveryStaffPage()
    {
        var client = app.CreateBrowserLikeClient();
        var staff = Endpoints()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.TrimStart('/').StartsWith("staff", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(staff);
        foreach (var route in staff)
        {
            var url = "/" + RouteParameter().Replace(route.TrimStart('/'), "1");
            var get = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)get.StatusCode} to an anonymous user.");
            Assert.StartsWith("/tai-khoan/dang-nhap", get.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            // A POST without a token or cookie must not reach a handler either.
            using var empty = new FormUrlEncodedContent([]);
            var post = await client.PostAsync(url, empty, TestContext.Current.CancellationToken);
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed,
                $"POST {url} answered {(int)post.StatusCode} to an anonymous user.");
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task UnknownPage_ShowsVietnameseNotFoundPage()
    {
        var response = await app.CreateClient().GetAsync("/khong-co-trang-nay", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains("Không tìm thấy trang", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
