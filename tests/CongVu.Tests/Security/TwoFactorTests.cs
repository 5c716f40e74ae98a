using System.Net;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>The demo app with the 2FA requirement switched on, as in production.</summary>
public sealed class TwoFactorAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorInDemo", "true");
        builder.UseSetting("Security:RequireTwoFactorForRoles", "admin,committee");
    }
}

public sealed class TwoFactorTests(TwoFactorAppFactory app) : IClassFixture<TwoFactorAppFactory>
{
    private const string Enrol = "/tai-khoan/xac-thuc-hai-buoc";

    [Fact]
    public async Task Admin_WithoutTwoFactor_ReachesOnlyTheEnrolmentPage()
    {
        var client = await app.SignInAsync("vanphong.tieucan");

        var staff = await client.GetAsync("/staff", TestContext.Current.CancellationToken);
        var people = await client.GetAsync("/staff/people", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith(Enrol, staff.Headers.Location?.OriginalString);
        Assert.StartsWith(Enrol, people.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync(Enrol + "?batbuoc=1");
        Assert.NotEmpty(page.QuerySelector("#shared-key")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("svg"));
    }

    [Fact]
    public async Task Member_IsNotForcedToEnrol()
    {
        var client = await app.SignInAsync("dangvien.caygon");

        var staff = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task Enrolment_WithCodeFromTheSharedKey_TurnsTwoFactorOnAndSignInAsksForACode()
    {
        var user = await NewUserAsync(Roles.Admin);
        var client = await app.SignInAsync(user, TestData.Password);

        var codes = await EnrolAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.True((await db.Users.SingleAsync(u => u.UserName == user, TestContext.Current.CancellationToken)).TwoFactorEnabled);
        }

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await PasswordStepAsync(user);
        var key = await KeyAsync(user);
        var done = await SubmitCodeAsync(second, TotpCodes.At(key, app.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/staff", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Enrolment_WithWrongCode_IsRefused()
    {
        var user = await NewUserAsync(Roles.Committee);
        var client = await app.SignInAsync(user, TestData.Password);
        var page = await client.GetPageAsync(Enrol);
        var right = TotpCodes.At(page.QuerySelector("#shared-key")!.TextContent, app.Time.GetUtcNow());
        var wrong = right == "123456" ? "654321" : "123456";

        var response = await client.SubmitAsync(page.Form("#enable-2fa"), new Dictionary<string, string> { ["Code"] = wrong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã không đúng", (await PageClient.ParseAsync(response)).Text());
        await using var scope = app.SystemScope(out var db);
        Assert.False((await db.Users.SingleAsync(u => u.UserName == user, TestContext.Current.CancellationToken)).TwoFactorEnabled);
    }

    [Fact]
    public async Task SecondStep_WithWrongCode_IsRefusedAndCounted()
    {
        var user = await NewUserAsync(Roles.Admin);
        await EnrolAsync(await app.SignInAsync(user, TestData.Password));
        var right = TotpCodes.At(await KeyAsync(user), app.Time.GetUtcNow());

        var response = await SubmitCodeAsync(await PasswordStepAsync(user), right == "000000" ? "111111" : "000000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.UserName == user, TestContext.Current.CancellationToken)).AccessFailedCount);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnlyOnce()
    {
        var user = await NewUserAsync(Roles.Admin);
        var codes = await EnrolAsync(await app.SignInAsync(user, TestData.Password));

        var first = await SubmitCodeAsync(await PasswordStepAsync(user), codes[0]);
        var again = await SubmitCodeAsync(await PasswordStepAsync(user), codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Mã không đúng", (await PageClient.ParseAsync(again)).Text());
    }

    [Fact]
    public async Task Disable_WithoutThePassword_IsRefused()
    {
        var user = await NewUserAsync(Roles.Admin);
        var client = await app.SignInAsync(user, TestData.Password);
        await EnrolAsync(client);
        var page = await client.GetPageAsync(Enrol);

        var response = await client.SubmitAsync(page.Form("#disable-2fa"), new Dictionary<string, string> { ["Password"] = "not-the-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        Assert.True((await db.Users.SingleAsync(u => u.UserName == user, TestContext.Current.CancellationToken)).TwoFactorEnabled);
    }

    private async Task<List<string>> EnrolAsync(HttpClient client)
    {
        var page = await client.GetPageAsync(Enrol);
        var code = TotpCodes.At(page.QuerySelector("#shared-key")!.TextContent, app.Time.GetUtcNow());
        var response = await client.SubmitAsync(page.Form("#enable-2fa"), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        return [.. doc.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim())];
    }

    private async Task<HttpClient> PasswordStepAsync(string user)
    {
        var client = app.CreateBrowserLikeClient();
        var login = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(login.Form(), new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap/ma-xac-thuc", response.Headers.Location?.OriginalString);
        return client;
    }

    private static async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetPageAsync("/tai-khoan/dang-nhap/ma-xac-thuc?ReturnUrl=%2Fstaff");
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Code"] = code });
    }

    private async Task<string> KeyAsync(string user)
    {
        await using var scope = app.SystemScope(out var db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(user))!))!;
    }

    private async Task<string> NewUserAsync(string role)
    {
        await using var scope = app.SystemScope(out var db);
        var unit = await db.Set<OrgUnit>().SingleAsync(u => u.Code == "dang-bo-xa-tieu-can", TestContext.Current.CancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "tfa" + Guid.NewGuid().ToString("N")[..8];
        var user = new AppUser { UserName = name, DisplayName = name, OrgUnitId = unit.Id, CreatedAt = app.Time.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return name;
    }
}
