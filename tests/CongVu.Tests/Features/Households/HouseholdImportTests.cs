using System.Globalization;
using System.Net;
using System.Text;
using CongVu.Features.Households;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Households;

public class HouseholdImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    [Fact]
    public async Task Import_PreviewShowsRowProblems_CommitIsIdempotent()
    {
        var c = await app.CreateCommuneAsync();
        var hamlet = await app.AddHamletAsync(c, "Ấp Tân Lập");
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var file = Csv(
            HouseholdImport.TemplateHeader,
            "Tân Lập,TL-001,Nguyễn Văn Một,4,Tổ 1,01/01/2020",
            "Ấp Tân Lập,TL-002,Trần Thị Hai,3,,",
            "Ấp Không Có,TL-003,Lê Văn Ba,2,,",
            "Tân Lập,TL-004,,x,,");

        for (var round = 0; round < 2; round++)
        {
            var upload = await client.GetPageAsync("/staff/ho-gia-dinh/nhap");
            var preview = await client.SubmitFileAsync(upload.Form("form#upload"), "Upload", "ho.csv", file, "text/csv");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var doc = await PageClient.ParseAsync(preview);
            var problems = doc.Text("table.import-problems");
            Assert.Contains("Không có ấp/khóm “Ấp Không Có”", problems, StringComparison.Ordinal);
            Assert.Contains("Thiếu họ tên chủ hộ", problems, StringComparison.Ordinal);
            Assert.Contains("Số nhân khẩu “x” không hợp lệ", problems, StringComparison.Ordinal);
            var commit = await client.SubmitAsync(doc.Form("form#commit"));
            Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        }

        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Household>().Where(h => h.OrgUnitId == hamlet).OrderBy(h => h.Number).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["TL-001", "TL-002"], rows.Select(r => r.Number));
        Assert.Equal("nguyen van mot", rows[0].SearchName);
        Assert.Equal(new DateOnly(2020, 1, 1), rows[0].RegisteredOn);
        var audits = await db.AuditEntries.Where(e => e.Action == "household.import" && e.OrgUnitId == hamlet).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, audits.Count);
    }

    [Fact]
    public async Task Import_FileWithoutRequiredColumns_SaysWhichAreMissing()
    {
        var c = await app.CreateCommuneAsync();
        await app.AddHamletAsync(c, "Ấp Tân Lập");
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var upload = await client.GetPageAsync("/staff/ho-gia-dinh/nhap");
        var preview = await client.SubmitFileAsync(upload.Form("form#upload"), "Upload", "ho.csv", Csv("Họ tên,Ghi chú", "A,B"), "text/csv");
        var doc = await PageClient.ParseAsync(preview);
        Assert.Contains("thiếu cột bắt buộc: Ấp/Khóm, Số hộ, Chủ hộ", doc.Text(".errors"), StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("form#commit"));
    }

    [Fact]
    public async Task Register_SearchIsAccentInsensitive()
    {
        var c = await app.CreateCommuneAsync();
        var hamlet = await app.AddHamletAsync(c, "Ấp Tìm");
        await app.AddHouseholdAsync(hamlet, "T-1", "Huỳnh Thị Đào", 2024, 5_000_000, 0, true);
        await app.AddHouseholdAsync(hamlet, "T-2", "Lê Văn Bảy", 2024, 5_000_000, 0, true);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync("/staff/ho-gia-dinh?q=huynh+thi+dao");
        Assert.Contains("Huỳnh Thị Đào", doc.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Bảy", doc.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordYear_ClassifiesWithTheYearsStandard_AndIsAudited()
    {
        var c = await app.CreateCommuneAsync();
        var hamlet = await app.AddHamletAsync(c, "Ấp Năm");
        var id = await app.AddHouseholdAsync(hamlet, "N-1", "Võ Văn Năm", 2020, 5_000_000, 0, true);
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await client.GetPageAsync($"/staff/ho-gia-dinh/{id}");
        var response = await client.SubmitAsync(doc.Form("form[action*='handler=Year']"), new Dictionary<string, string>
        {
            ["FactYear"] = "2023", ["FactArea"] = "Rural", ["FactIncome"] = "1.500.000", ["FactDeprivations"] = "3", ["FactExclusion"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var year = await db.Set<HouseholdYear>().SingleAsync(y => y.HouseholdId == id && y.Year == 2023, TestContext.Current.CancellationToken);
        Assert.Equal(PovertyClass.Poor, year.Poverty);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "household-year.create" && e.EntityId == year.Id.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
    }
}
