using System.Net;
using System.Text;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Organisation.Import;

public class ImportPagesTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Preview_WithBrokenRows_ShowsEachProblemInVietnamese()
    {
        var commune = await TestCommune.ArrangeAsync(app);

        var (_, page) = await commune.UploadAndWaitAsync("danh-sach.csv", TestFiles.Utf8WithBom(commune.MixedCsv()));

        var text = page.Text();
        Assert.Contains("Nhập 3 dòng hợp lệ", text, StringComparison.Ordinal);
        Assert.Contains("thiếu họ và tên", text, StringComparison.Ordinal);
        Assert.Contains("“31/02/1970” không phải ngày hợp lệ (dd/mm/yyyy)", text, StringComparison.Ordinal);
        Assert.Contains("không tìm thấy chi bộ “Chi bộ ấp Cũ", text, StringComparison.Ordinal);
        Assert.Contains("trùng với dòng 2", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", page.Text("table.preview"));
        Assert.DoesNotContain("Võ Thị Hoa", page.Text("table.preview"));
        Assert.Equal(0, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Commit_AfterPreview_ImportsExactlyTheGoodRowsWithMemberships()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var (id, preview) = await commune.UploadAndWaitAsync("danh-sach.csv", TestFiles.Utf8WithBom(commune.MixedCsv()));

        var done = await commune.CommitAsync(id, preview);

        Assert.Contains("Đã nhập 3 người", done.Text(), StringComparison.Ordinal);
        Assert.NotNull(done.QuerySelector("a[href='/staff/people']"));
        await using var scope = app.SystemScope(out var db);
        int[] units = [commune.CellA, commune.CellB, commune.AgencyId];
        var people = await db.People.Include(p => p.Membership!).ThenInclude(m => m.Periods).Include(p => p.Posts)
            .Where(p => units.Contains(p.OrgUnitId)).OrderBy(p => p.FullName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"], people.Select(p => p.FullName).ToArray());
        var an = people.Single(p => p.FullName == "Nguyễn Văn An");
        Assert.Equal(commune.CellA, an.Membership!.OrgUnitId);
        Assert.Equal(MemberClass.Official, an.Membership.Class);
        Assert.Equal(commune.AgencyId, Assert.Single(an.Posts).OrgUnitId);
        var binh = people.Single(p => p.FullName == "Trần Thị Bình");
        Assert.Equal(MemberStatus.ExemptFromActivities, binh.Membership!.Status);
        Assert.Equal(new DateOnly(2020, 1, 1), binh.Membership.StatusSince);
        Assert.Equal("Tuổi cao sức yếu", binh.Membership.StatusReason);
        Assert.Contains(binh.Membership.Periods, p => p.Change == MembershipChange.Imported);
        var cuong = people.Single(p => p.FullName == "Lê Văn Cường");
        Assert.Null(cuong.Membership);
        Assert.Equal("Công chức địa chính", Assert.Single(cuong.Posts).Title);

        var batch = await db.ImportBatches.SingleAsync(b => b.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(ImportState.Imported, batch.State);
        Assert.Equal(3, batch.ImportedRows);
        Assert.Null(batch.Content);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.commit" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SecondImport_OfTheSameFile_ReportsDuplicatesAndOverwritesNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var bytes = TestFiles.Utf8WithBom(commune.MixedCsv());
        var (first, preview) = await commune.UploadAndWaitAsync("danh-sach.csv", bytes);
        await commune.CommitAsync(first, preview);

        var (_, again) = await commune.UploadAndWaitAsync("danh-sach.csv", bytes);

        var text = again.Text();
        Assert.Contains($"số thẻ “{commune.Suffix}-001” đã có trong hệ thống — không ghi đè", text, StringComparison.Ordinal);
        Assert.Contains("“Lê Văn Cường” sinh ngày 01/01/1985 đã có trong hệ thống", text, StringComparison.Ordinal);
        Assert.DoesNotContain(again.QuerySelectorAll("button"), b => b.TextContent.StartsWith("Nhập ", StringComparison.Ordinal));
        Assert.Equal(3, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Upload_TextFileNamedXlsx_ShowsNotExcelAndStoresNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var batches = await TestCommune.BatchCountAsync(app);

        var response = await commune.UploadAsync("danh-sach.xlsx", Encoding.UTF8.GetBytes("đây không phải Excel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Tệp không phải là tệp Excel (.xlsx) hợp lệ", page.Text(), StringComparison.Ordinal);
        Assert.Equal(batches, await TestCommune.BatchCountAsync(app));
        Assert.Equal(0, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Upload_EmptyFile_ShowsMessageNotAnError()
    {
        var commune = await TestCommune.ArrangeAsync(app);

        var response = await commune.UploadAsync("rong.csv", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hãy chọn tệp danh sách", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_HeaderOnly_SaysThereAreNoRowsAndStoresNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var batches = await TestCommune.BatchCountAsync(app);

        var response = await commune.UploadAsync("tieu-de.csv", Encoding.UTF8.GetBytes("Họ và tên,Chức vụ,Cơ quan\n"));

        Assert.Contains(RegistryFileReader.EmptyMessage, (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(batches, await TestCommune.BatchCountAsync(app));
    }

    [Fact]
    public async Task Upload_Windows1258Csv_PreviewsNfcNamesAndBadRowsWithoutWriting()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var cell = Encoding.ASCII.GetBytes("Chi bo ap Mot " + commune.Suffix);
        // Vietnamese ANSI: combining tones (0xCC grave, 0xEC acute), ă = 0xE3, as older Excel saves CSV.
        byte[] name = [.. "Hu"u8, (byte)'y', 0xCC, .. "nh V"u8, 0xE3, .. "n L"u8, (byte)'y', 0xEC];
        byte[] bytes =
        [
            .. "Ho va ten;Ngay sinh;Chi bo;So the dang vien;Ngay vao Dang\r\n"u8,
            .. name, .. ";05/02/1970;"u8, .. cell, .. ";"u8, .. Encoding.ASCII.GetBytes(commune.Suffix + "-w1"), .. ";19/05/1995\r\n"u8,
            .. "Nguyen Van Sai;01/01/1970;"u8, .. cell, .. ";"u8, .. Encoding.ASCII.GetBytes(commune.Suffix + "-w2"), .. ";32/13/1995\r\n"u8,
        ];

        var (_, page) = await commune.UploadAndWaitAsync("ansi.csv", bytes);

        Assert.Contains("Huỳnh Văn Lý".Normalize(NormalizationForm.FormC), page.Text("table.preview"), StringComparison.Ordinal);
        Assert.Contains("“32/13/1995” không phải ngày hợp lệ", page.Text("table.problems"), StringComparison.Ordinal);
        Assert.Equal(0, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Cancel_AfterPreview_DropsTheFileAndWritesNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var (id, preview) = await commune.UploadAndWaitAsync("danh-sach.csv", TestFiles.Utf8WithBom(commune.MixedCsv()));
        var cancel = preview.QuerySelectorAll("main form button").OfType<AngleSharp.Html.Dom.IHtmlButtonElement>().Single(b => b.TextContent == "Hủy");

        var response = await commune.Client.SubmitAsync(preview.Form("main form.actions"), submitter: cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(ImportState.Cancelled, batch.State);
        Assert.Null(batch.Content);
        Assert.Equal(0, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Restart_BatchesCutOffMidway_AreFailedAndTheirFilesDropped()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        int checking, importing;
        await using (var scope = app.SystemScope(out var db))
        {
            var a = new ImportBatch { OrgUnitId = commune.CommitteeId, FileName = "a.csv", Content = [1], State = ImportState.Checking, CreatedAt = AppFactory.Start.UtcDateTime };
            var b = new ImportBatch { OrgUnitId = commune.CommitteeId, FileName = "b.csv", Content = [1], State = ImportState.Importing, CreatedAt = AppFactory.Start.UtcDateTime };
            db.ImportBatches.AddRange(a, b);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            (checking, importing) = (a.Id, b.Id);
        }

        await using (var scope = app.SystemScope(out _))
        {
            await scope.ServiceProvider.GetRequiredService<ImportProcessor>().RecoverAsync(TestContext.Current.CancellationToken);
        }

        var page = await commune.Client.GetPageAsync($"/staff/import/{importing}");
        Assert.Contains(ImportProcessor.InterruptedMessage, page.Text(), StringComparison.Ordinal);
        await using var check = app.SystemScope(out var db2);
        var batches = await db2.ImportBatches.Where(x => x.Id == checking || x.Id == importing).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(batches, x => Assert.Equal(ImportState.Failed, x.State));
        Assert.All(batches, x => Assert.Null(x.Content));
    }

    [Fact]
    public async Task BatchPage_OfAnotherCommune_IsNotFound()
    {
        var mine = await TestCommune.ArrangeAsync(app);
        var other = await TestCommune.ArrangeAsync(app);
        var (id, _) = await other.UploadAndWaitAsync("danh-sach.csv", TestFiles.Utf8WithBom(other.MixedCsv()));

        await mine.Client.GetPageAsync($"/staff/import/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Xlsx_Upload_IsCheckedLikeCsv()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var bytes = TestFiles.Xlsx(
            ["Họ và tên", "Ngày sinh", "Chi bộ", "Số thẻ đảng viên", "Ngày vào Đảng"],
            ["Đặng Văn Xuân", 25569d, commune.CellAName, commune.Suffix + "-x1", 34838d]);

        var (_, page) = await commune.UploadAndWaitAsync("ds.xlsx", bytes);

        Assert.Contains("Nhập 1 dòng hợp lệ", page.Text(), StringComparison.Ordinal);
        Assert.Contains("01/01/1970", page.Text("table.preview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_IsAnXlsxTheImportReads()
    {
        var commune = await TestCommune.ArrangeAsync(app);

        var response = await commune.Client.GetAsync("/staff/import/mau", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var row = Assert.Single(RegistryFileReader.Open(bytes, "mau.xlsx", 10).Rows());
        Assert.Equal(commune.CellAName, row[RegistryColumn.Cell]);
    }

    [Fact]
    public async Task Export_AfterImport_IsAReadableXlsxWithTheImportedNames()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var (id, preview) = await commune.UploadAndWaitAsync("danh-sach.csv", TestFiles.Utf8WithBom(commune.MixedCsv()));
        await commune.CommitAsync(id, preview);

        var response = await commune.Client.GetAsync("/staff/export", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dang-vien-20261125.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var rows = RegistryFileReader.Open(bytes, "export.xlsx", 1000).Rows().ToList();
        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"], rows.Select(r => r[RegistryColumn.FullName]).Order(StringComparer.Ordinal).ToArray());
        var binh = rows.Single(r => r[RegistryColumn.FullName] == "Trần Thị Bình");
        Assert.Equal(commune.CellBName, binh[RegistryColumn.Cell]);
        Assert.Equal("Miễn sinh hoạt", binh[RegistryColumn.Status]);
        await using var scope = app.SystemScope(out var db);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "registry.export" && a.OrgUnitId == commune.CommitteeId, TestContext.Current.CancellationToken));
    }
}

/// <summary>The app with a 4 KB upload limit and a 20-row limit, to test both checks without building a 20 MB file.</summary>
public sealed class SmallLimitAppFactory : AppFactory
{
    protected override bool SeedDemo => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:MaxFileBytes", "4096");
        builder.UseSetting("Import:MaxRows", "20");
    }
}

public class ImportLimitTests(SmallLimitAppFactory app) : IClassFixture<SmallLimitAppFactory>
{
    [Fact]
    public async Task Upload_OverTheSizeLimit_ShowsMessageAndStoresNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var big = new StringBuilder("Họ và tên,Chức vụ,Cơ quan\n");
        while (big.Length < 8000)
        {
            big.Append("Nguyễn Văn Dài,Cán bộ,").Append(commune.AgencyName).Append('\n');
        }

        var response = await commune.UploadAsync("lon.csv", Encoding.UTF8.GetBytes(big.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp quá lớn", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await TestCommune.BatchCountAsync(app));
        Assert.Equal(0, await commune.PeopleCountAsync(app));
    }

    [Fact]
    public async Task Upload_AnnouncingMoreRowsThanTheLimit_IsRefusedAtOnceAndStoresNothing()
    {
        var commune = await TestCommune.ArrangeAsync(app);
        var csv = new StringBuilder("Họ và tên,Chức vụ,Cơ quan\n");
        for (var i = 0; i < 25; i++)
        {
            csv.Append("Người ").Append(i).Append(",Cán bộ,").Append(commune.AgencyName).Append('\n');
        }

        var response = await commune.UploadAsync("dai.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Contains("quá nhiều dòng", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await TestCommune.BatchCountAsync(app));
    }
}
