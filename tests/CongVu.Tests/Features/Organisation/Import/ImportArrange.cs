using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Organisation.Import;

/// <summary>A commune of its own for each test (unique names and codes), with an admin of its party committee signed in.</summary>
public sealed record TestCommune(string Suffix, int CommitteeId, int CellA, int CellB, int AgencyId, string CellAName, string CellBName, string AgencyName, HttpClient Client)
{
    public const string Password = "Nhap-thu-2026x";

    public static async Task<TestCommune> ArrangeAsync(AppFactory app)
    {
        var s = Guid.NewGuid().ToString("N")[..8];
        var from = new DateOnly(2000, 1, 1);
        int committeeId, cellA, cellB, agencyId;
        await using (var scope = app.SystemScope(out var db))
        {
            var commune = new OrgUnit { Kind = OrgUnitKind.Commune, Code = "xa-" + s, Name = "Xã Thử " + s, ValidFrom = from };
            db.OrgUnits.Add(commune);
            await db.SaveChangesAsync();
            var committee = new OrgUnit { Kind = OrgUnitKind.CommunePartyCommittee, Code = "db-" + s, Name = "Đảng bộ xã Thử " + s, AdminUnitId = commune.Id, ValidFrom = from };
            db.OrgUnits.Add(committee);
            await db.SaveChangesAsync();
            var a = new OrgUnit { Kind = OrgUnitKind.PartyCell, ParentId = committee.Id, Code = "cb-mot-" + s, Name = "Chi bộ ấp Một " + s, ValidFrom = from };
            var b = new OrgUnit { Kind = OrgUnitKind.PartyCell, ParentId = committee.Id, Code = "cb-hai-" + s, Name = "Chi bộ ấp Hai " + s, ValidFrom = from };
            var ended = new OrgUnit { Kind = OrgUnitKind.PartyCell, ParentId = committee.Id, Code = "cb-cu-" + s, Name = "Chi bộ ấp Cũ " + s, ValidFrom = from, ValidTo = new DateOnly(2025, 6, 30) };
            var agency = new OrgUnit { Kind = OrgUnitKind.Agency, ParentId = commune.Id, Code = "ubnd-" + s, Name = "UBND xã Thử " + s, ValidFrom = from };
            db.OrgUnits.AddRange(a, b, ended, agency);
            await db.SaveChangesAsync();
            (committeeId, cellA, cellB, agencyId) = (committee.Id, a.Id, b.Id, agency.Id);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "vanphong-" + s, DisplayName = "Văn phòng " + s, OrgUnitId = committee.Id };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
        }

        // The tree is cached; this test added units to it.
        app.Services.GetRequiredService<OrgTree>().Invalidate();
        var client = await app.SignInAsync("vanphong-" + s, Password);
        return new TestCommune(s, committeeId, cellA, cellB, agencyId, "Chi bộ ấp Một " + s, "Chi bộ ấp Hai " + s, "UBND xã Thử " + s, client);
    }

    /// <summary>Three good rows (two members, one official) and four broken ones, as CSV in UTF-8.</summary>
    public string MixedCsv() => TestFiles.Csv(
        ',',
        ["Họ và tên", "Ngày sinh", "Giới tính", "Chi bộ", "Số thẻ đảng viên", "Ngày vào Đảng", "Ngày chính thức", "Trạng thái", "Ngày miễn sinh hoạt", "Lý do", "Chức vụ", "Cơ quan"],
        ["Nguyễn Văn An", "05/02/1970", "Nam", CellAName, Suffix + "-001", "19/05/1995", "19/05/1996", "Đang sinh hoạt", "", "", "Phó Chủ tịch", AgencyName],
        ["Trần Thị Bình", "10/10/1950", "Nữ", CellBName, Suffix + "-002", "03/02/1975", "03/02/1976", "Miễn sinh hoạt", "01/01/2020", "Tuổi cao sức yếu", "", ""],
        ["Lê Văn Cường", "01/01/1985", "Nam", "", "", "", "", "", "", "", "Công chức địa chính", AgencyName],
        ["", "01/01/1990", "Nam", "", "", "", "", "", "", "", "Công chức", AgencyName],
        ["Phạm Văn Dũng", "31/02/1970", "Nam", CellAName, Suffix + "-003", "01/01/1995", "", "", "", "", "", ""],
        ["Hoàng Văn Em", "01/01/1980", "Nam", "Chi bộ ấp Cũ " + Suffix, Suffix + "-004", "01/01/2000", "", "", "", "", "", ""],
        ["Võ Thị Hoa", "01/01/1981", "Nữ", CellAName, Suffix + "-001", "01/01/2001", "", "", "", "", "", ""]);

    public async Task<int> PeopleCountAsync(AppFactory app)
    {
        await using var scope = app.SystemScope(out var db);
        int[] units = [CellA, CellB, AgencyId];
        return await db.People.CountAsync(p => units.Contains(p.OrgUnitId));
    }

    public static async Task<int> BatchCountAsync(AppFactory app)
    {
        await using var scope = app.SystemScope(out var db);
        return await db.ImportBatches.CountAsync();
    }

    /// <summary>Uploads through the page's own form; returns the response (a redirect to the batch when accepted).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] bytes)
    {
        var page = await Client.GetPageAsync("/staff/import");
        return await Client.SubmitFileAsync(page.Form("form[enctype='multipart/form-data']"), "Upload", fileName, bytes);
    }

    public async Task<(int Id, IDocument Page)> UploadAndWaitAsync(string fileName, byte[] bytes)
    {
        var response = await UploadAsync(fileName, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload was not accepted: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return (id, await WaitAsync(id));
    }

    /// <summary>The worker runs in the background: reads the batch page until it stops refreshing itself (at most 10 s).</summary>
    public async Task<IDocument> WaitAsync(int id)
    {
        for (var i = 0; i < 100; i++)
        {
            var doc = await Client.GetPageAsync($"/staff/import/{id}");
            if (doc.QuerySelector("meta[http-equiv='refresh']") is null)
            {
                return doc;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Import batch {id} did not finish within 10 s.");
        return null!;
    }

    public async Task<IDocument> CommitAsync(int id, IDocument page)
    {
        var button = page.QuerySelectorAll("main form button").OfType<IHtmlButtonElement>().Single(b => b.TextContent.StartsWith("Nhập ", StringComparison.Ordinal));
        var response = await Client.SubmitAsync(page.Form("main form.actions"), submitter: button);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await WaitAsync(id);
    }
}
