using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CongVu.Features.Organisation.Demo;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>Every staff route × every role, from the app's own endpoint list: the declared policy is what the pipeline enforces.</summary>
public partial class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryStaffRoute_AdmitsExactlyTheRolesItsPolicyAllows()
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authz = app.Services.GetRequiredService<IAuthorizationService>();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("staff", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .GroupBy(e => e.RoutePattern.RawText!)
            .Select(g => g.First())
            .ToList();
        Assert.True(routes.Count >= 10, $"only {routes.Count} staff routes found");

        var checks = 0;
        var failures = new List<string>();
        foreach (var account in DemoCommune.Accounts)
        {
            var client = await app.SignInAsync(account.UserName);
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role)], "matrix"));
            foreach (var route in routes)
            {
                var policy = await AuthorizationPolicy.CombineAsync(policies, route.Metadata.GetOrderedMetadata<IAuthorizeData>());
                var allowed = policy is not null && (await authz.AuthorizeAsync(principal, policy)).Succeeded;
                // Ids no unit owns: a route must deny or say "not found", never fail.
                var url = "/" + RouteParameter().Replace(route.RoutePattern.RawText!.TrimStart('/'), "987654");
                var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : string.Empty;
                var denied = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/loi/403", StringComparison.Ordinal);
                checks++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{account.Role} GET {url}: {(int)response.StatusCode}");
                }
                else if (allowed == denied)
                {
                    failures.Add($"{account.Role} GET {url}: expected {(allowed ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        SuiteFigures.Report("authorization matrix", $"{routes.Count} staff routes × {DemoCommune.Accounts.Length} roles = {checks} checks, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
