using System.Net;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>A session outlives a change of password or a lock only until its next stamp check (every 30 minutes).</summary>
public class SessionRevocationTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task SignedInSession_AfterTheSecurityStampChanges_EndsAtTheNextCheck()
    {
        var commune = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(commune.AdminUser, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/people", TestContext.Current.CancellationToken)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(commune.AdminUser);
            Assert.True((await users.UpdateSecurityStampAsync(user!)).Succeeded);
        }

        // Within the interval the cookie is trusted without a database read ...
        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/people", TestContext.Current.CancellationToken)).StatusCode);

        // ... past it the stamp is checked, and the stale session is sent to sign in again.
        app.Time.Advance(TimeSpan.FromMinutes(25));
        var after = await client.GetAsync("/staff/people", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
