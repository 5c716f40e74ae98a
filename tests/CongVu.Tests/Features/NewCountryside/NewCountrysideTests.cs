using System.Globalization;
using System.Net;
using CongVu.Features.NewCountryside;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Tests.Features.Reports;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.NewCountryside;

public class NewCountrysideTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Sets_AreVersionedData_With19CommuneCriteriaPerPeriod()
    {
        await using var scope = app.SystemScope(out var db);
        var sets = await db.Set<CriteriaSet>().Include(s => s.Criteria).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(19, sets.Single(s => s.Code == NtmSeed.Commune2016).Criteria.Count);
        Assert.Equal(19, sets.Single(s => s.Code == NtmSeed.Commune2021).Criteria.Count);
        var advanced = sets.Single(s => s.Code == NtmSeed.Advanced2021);
        Assert.Equal((19, CriteriaLevel.CommuneAdvanced), (advanced.Criteria.Count, advanced.Level));
        Assert.Contains("318/QĐ-TTg", advanced.LegalBasis, StringComparison.Ordinal);
        Assert.Equal("tra-vinh", sets.Single(s => s.Code == NtmSeed.ModelHamletTraVinh).ProvinceCode);
    }

    [Fact]
    public async Task Progress_CountsMetCriteria_PerUnitAndYear()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out _);
        var ntm = scope.ServiceProvider.GetRequiredService<NtmQueries>();
        var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(ct);
        var commune = snap.FindByCode(DemoPlanBuilder.OldCommuneCode)!.Id;
        var sets = (await ntm.SetsAsync(ct)).ToDictionary(s => s.Code);

        var recognised = await ntm.ProgressAsync(sets[NtmSeed.Commune2016], [commune], ct);
        Assert.Equal([(2019, 19, 19), (2020, 19, 19)], recognised.Select(p => (p.Year, p.Met, p.Total)));
        var advanced = await ntm.ProgressAsync(sets[NtmSeed.Advanced2021], [commune], ct);
        Assert.Equal([(2021, 9), (2022, 12), (2023, 15), (2024, 17)], advanced.Select(p => (p.Year, p.Met)));
        Assert.Equal(2, advanced.Single(p => p.Year == 2024).InProgress);

        var cayGon = snap.FindByCode("hieu-trung-ap-cay-gon")!.Id;
        var hamlet = await ntm.ProgressAsync(sets[NtmSeed.ModelHamletTraVinh], [cayGon], ct);
        Assert.Equal([(2023, 7, 10), (2024, 10, 10)], hamlet.Select(p => (p.Year, p.Met, p.Total)));
        Assert.Equal(2, (await ntm.InspectionsAsync(sets[NtmSeed.ModelHamletTraVinh].Id, cayGon, ct)).Count);
    }

    [Fact]
    public async Task Committee_EditsAStatusWithEvidence_AndRecordsAnInspection_BothAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        int setId, unitId, criterionId;
        await using (var scope = app.SystemScope(out var db))
        {
            var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(ct);
            var set = await db.Set<CriteriaSet>().Include(s => s.Criteria).SingleAsync(s => s.Code == NtmSeed.ModelHamletTraVinh, ct);
            (setId, unitId, criterionId) = (set.Id, snap.FindByCode("hieu-trung-ap-tan-trung-kinh")!.Id, set.Criteria.Single(c => c.Number == 9).Id);
        }

        var client = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var index = await client.GetPageAsync("/staff/new-countryside");
        Assert.NotNull(index.QuerySelector($"a[href='/staff/new-countryside/{setId}/{unitId}']"));
        var page = await client.GetPageAsync($"/staff/new-countryside/{setId}/{unitId}?year=2024&criterion={criterionId}");
        Assert.Contains("7/10", page.Text(".figures"), StringComparison.Ordinal);

        var form = page.Form("form[action*='handler=Status']");
        var missing = await client.SubmitAsync(form, new Dictionary<string, string> { ["Status.State"] = "Met", ["Status.Evidence"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("cần ghi căn cứ", await missing.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Status.Year"] = "2024", ["Status.State"] = "Met", ["Status.Evidence"] = "Tuyến đường hoa hoàn thành 12/2024", ["Status.DocumentRef"] = "Biên bản kiểm tra ngày 20/12/2024" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("8/10", (await client.GetPageAsync($"/staff/new-countryside/{setId}/{unitId}")).Text(".figures"), StringComparison.Ordinal);

        var visit = await client.SubmitAsync(page.Form("form[action*='handler=Inspect']"), new Dictionary<string, string>
        {
            ["Visit.Date"] = "20/12/2024",
            ["Visit.Team"] = "Ban Chỉ đạo huyện Tiểu Cần",
            ["Visit.Findings"] = "Ấp đạt 8/10 tiêu chí.",
            [$"Visit.Notes[{criterionId}]"] = "Đường hoa đạt.",
        });
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        var after = (await client.GetPageAsync($"/staff/new-countryside/{setId}/{unitId}")).Text();
        Assert.Contains("Ấp đạt 8/10 tiêu chí.", after, StringComparison.Ordinal);
        Assert.Contains("Đường hoa đạt.", after, StringComparison.Ordinal);

        await using (var scope = app.SystemScope(out var db))
        {
            var row = await db.Set<CriterionStatus>().SingleAsync(s => s.OrgUnitId == unitId && s.CriterionId == criterionId && s.Year == 2024, ct);
            Assert.Equal((CriterionState.Met, "Biên bản kiểm tra ngày 20/12/2024"), (row.State, row.DocumentRef));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ntm.status" && a.EntityId == row.Id.ToString(CultureInfo.InvariantCulture), ct));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ntm.inspection" && a.OrgUnitId == unitId, ct));
        }
    }

    [Fact]
    public async Task CellSecretary_CannotEdit_AndAnotherCommuneGets404()
    {
        int setId, unitId;
        await using (var scope = app.SystemScope(out var db))
        {
            var snap = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(TestContext.Current.CancellationToken);
            setId = (await db.Set<CriteriaSet>().SingleAsync(s => s.Code == NtmSeed.Advanced2021, TestContext.Current.CancellationToken)).Id;
            unitId = snap.FindByCode(DemoPlanBuilder.OldCommuneCode)!.Id;
        }

        var committee = await app.SignInAsync(DemoCommune.Accounts[1].UserName);
        var form = (await committee.GetPageAsync($"/staff/new-countryside/{setId}/{unitId}")).Form("form[action*='handler=Status']");
        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        await secretary.GetPageAsync("/staff/new-countryside");
        var token = await secretary.AntiforgeryTokenAsync();
        var post = await secretary.PostAsync($"/staff/new-countryside/{setId}/{unitId}?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Status.Year"] = "2024", ["Status.Criterion"] = "1", ["Status.State"] = "Met", ["Status.Evidence"] = "x" }), TestContext.Current.CancellationToken);
        ReportTests.AssertRefused(post);

        var other = await app.CreateCommuneAsync();
        var stranger = await app.SignInAsync(other.AdminUser, TestData.Password);
        await stranger.GetPageAsync($"/staff/new-countryside/{setId}/{unitId}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Hiếu Trung", (await stranger.GetPageAsync("/staff/new-countryside")).Text(), StringComparison.Ordinal);
        Assert.NotNull(form);
    }
}
