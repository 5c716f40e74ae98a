using System.Net;
using CongVu.Features.Organisation;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Organisation;

public class RegistryPageTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private static readonly DateOnly Admitted = new(2010, 5, 19);

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsVietnameseErrorAndStaysOut()
    {
        var c = await app.CreateCommuneAsync();
        var client = app.CreateBrowserLikeClient();
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string> { ["Input.UserName"] = c.AdminUser, ["Input.Password"] = "sai-mat-khau-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", page.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignIn_LocksTheAccountAfterFiveFailures()
    {
        var c = await app.CreateCommuneAsync();
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
            await client.SubmitAsync(doc.Form(), new Dictionary<string, string> { ["Input.UserName"] = c.AdminUser, ["Input.Password"] = "sai-mat-khau-" + i });
        }

        var last = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(last.Form(), new Dictionary<string, string> { ["Input.UserName"] = c.AdminUser, ["Input.Password"] = TestData.Password });
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("tạm bị khóa", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberList_FindsAMemberByDiacriticFreeSearch()
    {
        var c = await app.CreateCommuneAsync();
        var id = await app.AddMemberAsync(c.CellA, "Huỳnh Thị Ngọc Ánh", Admitted);
        await app.AddMemberAsync(c.CellA, "Trần Văn Bé", Admitted);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);

        var doc = await client.GetPageAsync("/staff/people?q=huynh+thi+ngoc+anh");
        var links = doc.QuerySelectorAll("main table a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Huỳnh Thị Ngọc Ánh"], links);
        Assert.Equal($"/staff/people/{id}", doc.QuerySelector("main table a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task MemberList_ShowsExemptMembersAsSuch()
    {
        var c = await app.CreateCommuneAsync();
        await app.AddMemberAsync(c.CellB, "Lâm Văn Miễn", Admitted, status: MemberStatus.ExemptFromActivities);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync("/staff/people?q=lam+van+mien");
        Assert.Contains("Miễn sinh hoạt", doc.QuerySelector("main table tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CellSecretary_SeesOnlyTheirCell()
    {
        var c = await app.CreateCommuneAsync();
        var mine = await app.AddMemberAsync(c.CellA, "Nguyễn Văn Trong", Admitted);
        var other = await app.AddMemberAsync(c.CellB, "Nguyễn Văn Ngoài", Admitted);
        var client = await app.SignInAsync(c.SecretaryUser, TestData.Password);

        var list = await client.GetPageAsync("/staff/people?q=nguyen+van");
        var names = list.QuerySelectorAll("main table a").Select(a => a.TextContent).ToList();
        Assert.Contains("Nguyễn Văn Trong", names);
        Assert.DoesNotContain("Nguyễn Văn Ngoài", names);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/staff/people/{mine}", TestContext.Current.CancellationToken)).StatusCode);
        // Changing the id in the URL never reaches another cell's member.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/people/{other}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/org/{c.CellB}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Admin_OfOneCommune_CannotReachAnotherCommunesPeople()
    {
        var mine = await app.CreateCommuneAsync();
        var theirs = await app.CreateCommuneAsync();
        var stranger = await app.AddMemberAsync(theirs.CellA, "Phạm Thị Xa", Admitted);
        var client = await app.SignInAsync(mine.AdminUser, TestData.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/people/{stranger}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/people/{stranger}/edit", TestContext.Current.CancellationToken)).StatusCode);
        var list = await client.GetPageAsync("/staff/people?q=pham+thi+xa");
        Assert.Empty(list.QuerySelectorAll("main table a"));
    }

    [Fact]
    public async Task Overseer_ReadsButCannotChangeTheRegistry()
    {
        var c = await app.CreateCommuneAsync();
        var id = await app.AddMemberAsync(c.CellA, "Võ Văn Xem", Admitted);
        var client = await app.SignInAsync(c.OverseerUser, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/staff/people/{id}", TestContext.Current.CancellationToken)).StatusCode);
        var denied = await client.GetAsync("/staff/people/new", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/loi/403", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_RecordsAnExemption_WithHistoryAndAudit()
    {
        var c = await app.CreateCommuneAsync();
        var id = await app.AddMemberAsync(c.CellA, "Đặng Văn Già", Admitted);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync($"/staff/people/{id}");
        var response = await client.SubmitAsync(doc.Form("form[action*='handler=Change']"), new Dictionary<string, string>
        {
            ["Input.Change"] = nameof(MembershipChange.Exempted),
            ["Input.Day"] = "01/10/2026",
            ["Input.Reason"] = "Tuổi cao, sức yếu",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The record page, read before the change (and kept by the read cache), shows the change at once.
        Assert.Null(doc.QuerySelector(".badge-exemptfromactivities"));
        Assert.NotNull((await client.GetPageAsync($"/staff/people/{id}")).QuerySelector(".badge-exemptfromactivities"));

        await using var scope = app.SystemScope(out var db);
        var m = await db.Memberships.Include(x => x.Periods).SingleAsync(x => x.PersonId == id, TestContext.Current.CancellationToken);
        Assert.Equal(MemberStatus.ExemptFromActivities, m.Status);
        Assert.Equal(new DateOnly(2026, 9, 30), m.Periods.Single(p => p.Status == MemberStatus.Active).To);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "membership.exempted" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "person.read" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Admin_ChangeWithoutReasonOrWithBadDate_GetsAMessage_AndNothingChanges()
    {
        var c = await app.CreateCommuneAsync();
        var id = await app.AddMemberAsync(c.CellA, "Bùi Văn Lỗi", Admitted);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync($"/staff/people/{id}");
        var noReason = await client.SubmitAsync(doc.Form("form[action*='handler=Change']"), new Dictionary<string, string>
        {
            ["Input.Change"] = nameof(MembershipChange.Suspended),
            ["Input.Day"] = "01/10/2026",
            ["Input.Reason"] = string.Empty,
        });
        Assert.Contains("Cần ghi lý do", (await PageClient.ParseAsync(noReason)).Text(), StringComparison.Ordinal);
        var badDate = await client.SubmitAsync(doc.Form("form[action*='handler=Change']"), new Dictionary<string, string>
        {
            ["Input.Change"] = nameof(MembershipChange.Deceased),
            ["Input.Day"] = "31/02/2026",
        });
        Assert.Contains("Ngày không hợp lệ", (await PageClient.ParseAsync(badDate)).Text(), StringComparison.Ordinal);

        await using var scope = app.SystemScope(out var db);
        var m = await db.Memberships.Include(x => x.Periods).SingleAsync(x => x.PersonId == id, TestContext.Current.CancellationToken);
        Assert.Equal(MemberStatus.Active, m.Status);
        Assert.Single(m.Periods);
    }

    [Fact]
    public async Task Admin_AddsAPerson_ThroughTheForm()
    {
        var c = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync("/staff/people/new");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string>
        {
            ["Person.FullName"] = "Thạch Thị Sa Rươl",
            ["Person.BirthDate"] = "05/02/1990",
            ["Person.Gender"] = "Female",
            ["CellId"] = c.CellB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CardNumber"] = c.Prefix + "01",
            ["AdmittedOn"] = "19/05/2015",
            ["OfficialOn"] = "19/05/2016",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Thạch Thị Sa Rươl", record.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("05/02/1990", record.Text(), StringComparison.Ordinal);

        // The same card number again is refused and nothing new is stored.
        var again = await client.GetPageAsync("/staff/people/new");
        var dup = await client.SubmitAsync(again.Form(), new Dictionary<string, string>
        {
            ["Person.FullName"] = "Người Trùng Thẻ",
            ["CellId"] = c.CellB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CardNumber"] = c.Prefix + "01",
            ["AdmittedOn"] = "19/05/2015",
        });
        Assert.Equal(HttpStatusCode.OK, dup.StatusCode);
        Assert.Contains("đã có trong hệ thống", (await PageClient.ParseAsync(dup)).Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.People.AnyAsync(p => p.FullName == "Người Trùng Thẻ", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MergingACell_MovesItsMembers_AndKeepsTheOldCellsHistory()
    {
        var c = await app.CreateCommuneAsync();
        var id = await app.AddMemberAsync(c.CellA, "Kim Văn Hợp", Admitted);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync($"/staff/org/{c.CellA}/end");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string>
        {
            ["Input.LastDay"] = "30/06/2026",
            ["Input.SuccessorId"] = c.CellB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Basis"] = "Nghị quyết hợp nhất chi bộ số 01-NQ/ĐU",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // On the old cell's last day the member is listed there; today, in the successor.
        var old = await client.GetPageAsync($"/staff/org/{c.CellA}?ngay=30/06/2026");
        Assert.Contains("Kim Văn Hợp", old.Text(), StringComparison.Ordinal);
        var now = await client.GetPageAsync($"/staff/org/{c.CellB}");
        Assert.Contains("Kim Văn Hợp", now.Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        var m = await db.Memberships.SingleAsync(x => x.PersonId == id, TestContext.Current.CancellationToken);
        Assert.Equal(c.CellB, m.OrgUnitId);
        Assert.Equal(new DateOnly(2026, 6, 30), (await db.OrgUnits.SingleAsync(u => u.Id == c.CellA, TestContext.Current.CancellationToken)).ValidTo);
    }
}
