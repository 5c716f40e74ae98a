using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CongVu.Features.Organisation.Demo;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>
/// Every POST handler of every staff page, discovered from the compiled pages, × anonymous and each role, with ids no unit owns:
/// refused when the page's policy does not admit the role, never a server error, and nothing stored (no audit entry) unless admitted.
/// </summary>
public partial class PostAuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record PostTarget(string Url, bool HasIds, AuthorizationPolicy? Policy);

    [Fact]
    public async Task EveryStaffPostHandler_RefusesRolesItsPolicyDoesNotAdmit_AndStoresNothingForThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var targets = await DiscoverAsync();
        Assert.True(targets.Count >= 10, $"only {targets.Count} staff POST handlers found");
        var failures = targets.Where(t => t.Policy is null).Select(t => $"POST {t.Url}: the page declares no policy").ToList();
        var authz = app.Services.GetRequiredService<IAuthorizationService>();
        var checks = 0;

        // Anonymous: every handler sends to sign-in (antiforgery tokens of an anonymous page are valid for an anonymous POST).
        var anonymous = app.CreateBrowserLikeClient();
        var anonToken = await TokenAsync(anonymous, "/tai-khoan/dang-nhap");
        foreach (var t in targets)
        {
            var before = await AuditCountAsync();
            var response = await PostAsync(anonymous, t.Url, anonToken);
            checks++;
            var location = Location(response);
            if (!(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/tai-khoan/dang-nhap", StringComparison.Ordinal)))
            {
                failures.Add($"anonymous POST {t.Url}: expected redirect to sign-in, got {(int)response.StatusCode} {location}");
            }

            if (await AuditCountAsync() != before)
            {
                failures.Add($"anonymous POST {t.Url}: something was stored");
            }
        }

        foreach (var account in DemoCommune.Accounts)
        {
            var client = await app.SignInAsync(account.UserName);
            var token = await TokenAsync(client, "/tai-khoan/doi-mat-khau");
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role)], "matrix"));
            foreach (var t in targets.Where(t => t.Policy is not null))
            {
                var allowed = (await authz.AuthorizeAsync(principal, t.Policy!)).Succeeded;
                var before = await AuditCountAsync();
                var response = await PostAsync(client, t.Url, token);
                checks++;
                var location = Location(response);
                var denied = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/loi/403", StringComparison.Ordinal));
                var stored = await AuditCountAsync() != before;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{account.Role} POST {t.Url}: {(int)response.StatusCode}");
                }
                else if (!allowed && !denied)
                {
                    failures.Add($"{account.Role} POST {t.Url}: expected denied, got {(int)response.StatusCode} {location}");
                }

                // Outside every scope (ids no unit owns), an empty form must change nothing even for an admitted role.
                if (stored && (!allowed || t.HasIds))
                {
                    failures.Add($"{account.Role} POST {t.Url}: something was stored");
                }
            }
        }

        SuiteFigures.Report("authorization matrix (POST)", $"{targets.Count} staff POST handlers × (anonymous + {DemoCommune.Accounts.Length} roles) = {checks} checks, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Staff pages and their POST handlers as the app compiled them, so a new page or handler joins the matrix by itself.</summary>
    private async Task<List<PostTarget>> DiscoverAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var targets = new List<PostTarget>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("staff", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.RoutePattern.RawText!).Select(g => g.First());
        foreach (var endpoint in endpoints)
        {
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            var route = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "987654");
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)).Select(h => h.Name).Distinct())
            {
                targets.Add(new PostTarget(handler is null ? route : route + "?handler=" + handler, route.Contains("987654", StringComparison.Ordinal), policy));
            }
        }

        return targets;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var doc = await client.GetPageAsync(page);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(url, content);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = app.SystemScope(out var db);
        return await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : string.Empty;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
