using System.Net;
using System.Text;
using CongVu.Features.Feedback;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class DossierImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ImportingTheSameListTwice_StoresEachDossierOnce_AndUpdatesIt()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var csv = "ma;thu tuc;ngay nhan;han tra;ngay tra;can bo\nT-0001;Chứng thực bản sao;02/11/2026;03/11/2026;02/11/2026;Công chức A\nT-0002;Đăng ký kết hôn;02/11/2026;05/11/2026;;Công chức B\n";
        for (var round = 0; round < 2; round++)
        {
            var page = await staff.GetPageAsync("/staff/feedback/dossiers");
            var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            csv = csv.Replace("05/11/2026;;", "05/11/2026;06/11/2026;", StringComparison.Ordinal);
        }

        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Dossier>().Where(d => d.Code == "T-0001" || d.Code == "T-0002").OrderBy(d => d.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2026, 11, 6), rows[1].ReturnedOn);
    }

    [Fact]
    public async Task ABrokenRow_StoresNothing()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var csv = "ma;thu tuc;ngay nhan;han tra;ngay tra;can bo\nX-0001;Chứng thực;02/11/2026;03/11/2026;;A\nX-0002;Khai sinh;32/13/2026;03/11/2026;;B\n";
        var page = await staff.GetPageAsync("/staff/feedback/dossiers");
        var response = await staff.SubmitFileAsync(page.Form("form[enctype]"), "Upload", "hoso.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Contains("Dòng 3", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<Dossier>().AnyAsync(d => d.Code.StartsWith("X-"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheDemoYear_ShowsOnTimeRates()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/dossiers");
        Assert.Contains("%", page.Text(".figures"), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("table tbody tr"));
    }
}
