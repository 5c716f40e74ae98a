using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CongVu.Features.Initiatives;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CongVu.Tests.Features.Initiatives;

public class InitiativePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretary = "bithu.caygon";
    private const string Committee = "huynhvanly";
    private const string Overseer = "tinhuy.vinhlong";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Id, int TargetId)> ArrangeAsync(string cellCode, InitiativeStatus status, bool passedScreening = false, bool withPhoto = false)
    {
        await using var scope = app.SystemScope(out var db);
        var cell = await db.OrgUnits.SingleAsync(u => u.Code == cellCode, Ct);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var i = new Initiative
        {
            OrgUnitId = cell.Id, OwnerName = "Bí thư chi bộ", Title = "Mô hình thử " + Guid.NewGuid().ToString("N")[..8], Goal = "Trồng cây xanh dọc đường",
            StartOn = new DateOnly(2026, 1, 5), Status = status, ApprovedOn = status == InitiativeStatus.Proposed ? null : new DateOnly(2026, 1, 2), CreatedAt = now, UpdatedAt = now,
        };
        var target = new InitiativeTarget { Name = "Cây xanh", Unit = "cây", Target = 100, SortOrder = 1 };
        i.Targets.Add(target);
        if (passedScreening)
        {
            i.Screenings.Add(new InitiativeScreening { OnDate = new DateOnly(2026, 11, 1), Scores = "16,24,16,12,12", Total = 80, Passed = true, Reasons = "Đạt", At = now });
        }

        if (withPhoto)
        {
            var update = new InitiativeUpdate { OnDate = new DateOnly(2026, 6, 1), Text = "Đã trồng", At = now };
            i.Updates.Add(update);
            db.Add(i);
            await db.SaveChangesAsync(Ct);
            update.Photos.Add(new InitiativePhoto { InitiativeId = i.Id, OrgUnitId = i.OrgUnitId, Data = Jpeg(), Caption = "Ảnh" });
        }
        else
        {
            db.Add(i);
        }

        await db.SaveChangesAsync(Ct);
        return (i.Id, target.Id);
    }

    private static byte[] Jpeg()
    {
        using var bmp = new SKBitmap(40, 30);
        bmp.Erase(SKColors.Green);
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    /// <summary>A phone-like JPEG carrying EXIF and a comment with a GPS position.</summary>
    private static byte[] JpegWithExif()
    {
        var plain = Jpeg();
        byte[] exif = [.. "Exif\0\0"u8, .. "MM\0\x2A"u8, 0, 0, 0, 8, 0, 0];
        var comment = Encoding.ASCII.GetBytes("GPS 9.7,106.2 SECRET-SERIAL");
        return [.. plain[..2], .. Segment(0xE1, exif), .. Segment(0xFE, comment), .. plain[2..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    [Fact]
    public async Task Secretary_PostsProgressWithPhoto_StoresReencodedPhotoWithoutMetadata()
    {
        var (id, target) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var client = await app.SignInAsync(Secretary);
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");

        var response = await client.SubmitFileAsync(doc.Form("#progress-form"), "photo", "anh.jpg", JpegWithExif(), "image/jpeg", new Dictionary<string, string>
        {
            ["Update.Text"] = "Trồng thêm 40 cây sao dọc đường",
            [$"Update.Figures[{target}]"] = "40",
            ["Update.Caption"] = "Đảng viên trồng cây",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var update = await db.Set<InitiativeUpdate>().Include(u => u.Figures).Include(u => u.Photos).SingleAsync(u => u.InitiativeId == id, Ct);
        Assert.Equal(40m, Assert.Single(update.Figures).Value);
        var photo = Assert.Single(update.Photos);
        Assert.Equal([0xFF, 0xD8], photo.Data[..2]);
        var text = Encoding.Latin1.GetString(photo.Data);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-SERIAL", text, StringComparison.Ordinal);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "initiative.progress" && a.EntityId == id.ToString(CultureInfo.InvariantCulture), Ct));

        var image = await client.GetAsync($"/staff/initiatives/photo/{photo.Id}", Ct);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_NotAnImage_IsRefused_AndNothingStored()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var client = await app.SignInAsync(Secretary);
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");

        var response = await client.SubmitFileAsync(doc.Form("#progress-form"), "photo", "anh.jpg", "GIF89a not really a photo"u8.ToArray(), "image/jpeg",
            new Dictionary<string, string> { ["Update.Text"] = "Báo cáo", ["Update.Caption"] = "Ảnh" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ nhận ảnh JPEG hoặc PNG", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<InitiativeUpdate>().AnyAsync(u => u.InitiativeId == id, Ct));
    }

    [Fact]
    public async Task Upload_OverSizeLimit_IsRefused()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var client = await app.SignInAsync(Secretary);
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");
        var big = new byte[InitiativePhotos.MaxBytes + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;

        var response = await client.SubmitFileAsync(doc.Form("#progress-form"), "photo", "lon.jpg", big, "image/jpeg",
            new Dictionary<string, string> { ["Update.Text"] = "Báo cáo", ["Update.Caption"] = "Ảnh" });

        Assert.Contains("Ảnh quá lớn", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<InitiativeUpdate>().AnyAsync(u => u.InitiativeId == id, Ct));
    }

    [Fact]
    public async Task Secretary_OtherCellsInitiative_IsNotFound_ByUrlOrByForm()
    {
        var (own, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var (other, _) = await ArrangeAsync("tieu-can-cb-cong-an", InitiativeStatus.Running);
        var client = await app.SignInAsync(Secretary);

        await client.GetPageAsync($"/staff/initiatives/{other}", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/staff/initiatives/{other}/edit", HttpStatusCode.NotFound);
        var doc = await client.GetPageAsync($"/staff/initiatives/{own}");
        var form = doc.Form("#progress-form");
        form.SetAttribute("action", $"/staff/initiatives/{other}?handler=Update");
        var response = await client.SubmitFileAsync(form, "photo", "a.jpg", Jpeg(), "image/jpeg", new Dictionary<string, string> { ["Update.Text"] = "Lén báo cáo", ["Update.Caption"] = "Ảnh" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<InitiativeUpdate>().AnyAsync(u => u.InitiativeId == other, Ct));
    }

    [Fact]
    public async Task Secretary_ProposingForAnotherCell_IsRefused()
    {
        var client = await app.SignInAsync(Secretary);
        int otherCell;
        await using (var scope = app.SystemScope(out var db))
        {
            otherCell = await db.OrgUnits.Where(u => u.Code == "tieu-can-cb-cong-an").Select(u => u.Id).SingleAsync(Ct);
        }

        var title = "Mô hình giả mạo " + Guid.NewGuid().ToString("N")[..6];
        var doc = await client.GetPageAsync("/staff/initiatives/new");
        var response = await client.SubmitAsync(doc.Form("main form[method=post]"), new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Goal"] = "Mục tiêu", ["Input.OwnerName"] = "Bí thư", ["Input.OrgUnitId"] = otherCell.ToString(CultureInfo.InvariantCulture),
            ["Input.StartOn"] = "01/12/2026", ["Input.Targets[0].Name"] = "Cây", ["Input.Targets[0].Unit"] = "cây", ["Input.Targets[0].Target"] = "10",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("trong phạm vi của bạn", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
        await using var check = app.SystemScope(out var db2);
        Assert.False(await db2.Set<Initiative>().AnyAsync(i => i.Title == title, Ct));
    }

    [Fact]
    public async Task Secretary_ProposesForOwnCell_StartsAsProposedAndIsAudited()
    {
        var client = await app.SignInAsync(Secretary);
        var title = "Thắp sáng đường quê " + Guid.NewGuid().ToString("N")[..6];
        var doc = await client.GetPageAsync("/staff/initiatives/new");
        var response = await client.SubmitAsync(doc.Form("main form[method=post]"), new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Goal"] = "Lắp đèn năng lượng mặt trời", ["Input.OwnerName"] = "Bí thư Chi bộ ấp Cây Gòn",
            ["Input.StartOn"] = "01/12/2026", ["Input.Targets[0].Name"] = "Đèn lắp mới", ["Input.Targets[0].Unit"] = "bóng", ["Input.Targets[0].Target"] = "50",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var created = await db.Set<Initiative>().Include(i => i.Targets).Include(i => i.Events).SingleAsync(i => i.Title == title, Ct);
        Assert.Equal(InitiativeStatus.Proposed, created.Status);
        Assert.Equal(DemoPlanBuilder.CayGonCellCode, await db.OrgUnits.Where(u => u.Id == created.OrgUnitId).Select(u => u.Code).SingleAsync(Ct));
        Assert.Equal(50m, Assert.Single(created.Targets).Target);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "initiative.propose" && a.EntityId == created.Id.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Secretary_CannotMarkTypical_EvenByPostingTheTransition()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Evaluated, passedScreening: true);
        var client = await app.SignInAsync(Secretary);
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");
        Assert.Null(doc.QuerySelector("#move-form"));
        var form = doc.Form("#progress-form");
        form.SetAttribute("action", $"/staff/initiatives/{id}?handler=Transition");

        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["to"] = "Typical", ["reason"] = "Tự công nhận" });

        Assert.Contains("Chỉ Đảng ủy", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.Equal(InitiativeStatus.Evaluated, (await db.Set<Initiative>().SingleAsync(i => i.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Committee_ScreensRecognisesAndCommends_EachStepAudited()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var client = await app.SignInAsync(Committee);

        // No shortcut to typical from running: the move list does not offer it.
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");
        Assert.DoesNotContain(doc.QuerySelectorAll("#move-form option"), o => o.GetAttribute("value") == "Typical");

        var screened = await client.SubmitAsync(doc.Form("#screen-form"), new Dictionary<string, string>
        {
            ["Screen.Points[0]"] = "18", ["Screen.Points[1]"] = "26", ["Screen.Points[2]"] = "17", ["Screen.Points[3]"] = "13", ["Screen.Points[4]"] = "12",
            ["Screen.Reasons"] = "Kết quả rõ, nhân dân đồng tình",
        });
        Assert.Equal(HttpStatusCode.Redirect, screened.StatusCode);

        doc = await client.GetPageAsync($"/staff/initiatives/{id}");
        var moved = await client.SubmitAsync(doc.Form("#move-form"), new Dictionary<string, string> { ["to"] = "Typical", ["reason"] = "Quyết định 301-QĐ/ĐU" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        doc = await client.GetPageAsync($"/staff/commendations/new?initiative={id}");
        var commended = await client.SubmitAsync(doc.Form("main form[method=post]"), new Dictionary<string, string>
        {
            ["Input.Level"] = "Commune", ["Input.Form"] = "Certificate", ["Input.DecisionNumber"] = "45/QĐ-UBND", ["Input.DecidedOn"] = "20/11/2026",
            ["Input.IssuedBy"] = "Chủ tịch UBND xã Tiểu Cần", ["Input.Citation"] = "Mô hình tiêu biểu năm 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, commended.StatusCode);

        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<Initiative>().Include(i => i.Screenings).Include(i => i.Events).SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(InitiativeStatus.Typical, item.Status);
        Assert.NotNull(item.RecognisedOn);
        Assert.Equal(86, Assert.Single(item.Screenings).Total);
        Assert.Equal([InitiativeStatus.Evaluated, InitiativeStatus.Typical], item.Events.OrderBy(e => e.Id).Select(e => e.To));
        var actions = await db.Set<AuditEntry>().Where(a => a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.EntityType == "initiative").Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains("initiative.screen", actions);
        Assert.Equal(2, actions.Count(a => a == "initiative.status"));
        var commendation = await db.Set<Commendation>().SingleAsync(c => c.InitiativeId == id, Ct);
        Assert.Equal("45/QĐ-UBND", commendation.DecisionNumber);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "commendation.create" && a.EntityId == commendation.Id.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task Secretary_CannotOpenTheCommendationForm()
    {
        var client = await app.SignInAsync(Secretary);
        var response = await client.GetAsync("/staff/commendations/new", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Overseer_ReadsButCannotReport()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running);
        var client = await app.SignInAsync(Overseer);
        var doc = await client.GetPageAsync($"/staff/initiatives/{id}");
        Assert.Null(doc.QuerySelector("#progress-form"));
        Assert.Null(doc.QuerySelector("#move-form"));
        // Any form of the overseer's own carries a valid token: the sign-out page's, sent to the update handler instead.
        var form = (await client.GetPageAsync("/tai-khoan/dang-xuat")).Form();
        form.SetAttribute("action", $"/staff/initiatives/{id}?handler=Update");

        var response = await client.SubmitFileAsync(form, "photo", "a.jpg", Jpeg(), "image/jpeg", new Dictionary<string, string> { ["Update.Text"] = "x", ["Update.Caption"] = "y" });

        // Forbidden: the sign-in cookie handler sends the browser to the 403 page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/loi/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<InitiativeUpdate>().AnyAsync(u => u.InitiativeId == id, Ct));
    }

    [Fact]
    public async Task Secretary_SeesOwnCellsModels_IncludingThePredecessorCellsTypicalOne()
    {
        var client = await app.SignInAsync(Secretary);
        var doc = await client.GetPageAsync("/staff/initiatives");
        var text = doc.Text();
        Assert.Contains("Tuyến đường hoa trên Hương lộ 25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Giúp đỡ người lầm lỗi tái hòa nhập cộng đồng", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicModelsPage_HieuTrung_ShowsTwelveTypicalModelsWithPhotos()
    {
        var client = app.CreateClient();
        var doc = await client.GetPageAsync("/xa/hieu-trung/mo-hinh");
        var cards = doc.QuerySelectorAll("li.card");
        Assert.Equal(12, cards.Length);
        Assert.Contains("Kế hoạch nhỏ", doc.Text(), StringComparison.Ordinal);
        var src = doc.QuerySelector("li.card img")?.GetAttribute("src");
        Assert.NotNull(src);
        var image = await client.GetAsync(src, Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PublicPhoto_OfAModelNotTypical_IsNotFound()
    {
        var (id, _) = await ArrangeAsync(DemoPlanBuilder.CayGonCellCode, InitiativeStatus.Running, withPhoto: true);
        int photo;
        await using (var scope = app.SystemScope(out var db))
        {
            photo = await db.Set<InitiativePhoto>().Where(p => p.InitiativeId == id).Select(p => p.Id).SingleAsync(Ct);
        }

        var response = await app.CreateClient().GetAsync($"/mo-hinh/anh/{photo}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicWorksPage_NamesDonorsOnlyWithConsent()
    {
        var doc = await app.CreateClient().GetPageAsync("/xa/hieu-trung/cong-trinh");
        var text = doc.Text();
        Assert.Contains("Nạo vét kênh 9A", text, StringComparison.Ordinal);
        Assert.Contains("Nạo vét kênh Ô Na", text, StringComparison.Ordinal);
        Assert.Contains("Một hộ ở ấp", text, StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Contribution>().Where(c => c.PublicWorkId != null).ToListAsync(Ct);
        var named = rows.Where(c => c.PublicConsent).Select(c => c.DonorName).ToHashSet();
        var hidden = rows.Where(c => !c.PublicConsent && !named.Contains(c.DonorName)).Select(c => c.DonorName).Distinct().ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        Assert.All(named, name => Assert.Contains(name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffWorks_ShowTotalsPerWork_ForTheCommittee()
    {
        var client = await app.SignInAsync(Committee);
        var doc = await client.GetPageAsync("/staff/works");
        Assert.Contains("Nạo vét kênh Vàm Đình – Đại Trường – Cây Gòn", doc.Text(), StringComparison.Ordinal);
        var link = doc.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().First(a => a.TextContent.Contains("kênh 9A", StringComparison.Ordinal));
        var details = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("Tổng theo ấp", details.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_RecordsAContribution_TotalsIncludeIt()
    {
        var client = await app.SignInAsync(Committee);
        int workId;
        await using (var scope = app.SystemScope(out var db))
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            var commune = await db.OrgUnits.SingleAsync(u => u.Code == DemoPlanBuilder.NewCommuneCode, Ct);
            var work = new PublicWork { OrgUnitId = commune.Id, Name = "Cầu thử " + Guid.NewGuid().ToString("N")[..6], Kind = PublicWorkKind.Bridge, CreatedAt = now, UpdatedAt = now };
            db.Add(work);
            await db.SaveChangesAsync(Ct);
            workId = work.Id;
        }

        var doc = await client.GetPageAsync($"/staff/works/{workId}");
        var response = await client.SubmitAsync(doc.Form("#contribution-form"), new Dictionary<string, string>
        {
            ["Input.DonorName"] = "Lê Văn Mười", ["Input.Kind"] = "Land", ["Input.Quantity"] = "150", ["Input.Value"] = "30.000.000", ["Input.OnDate"] = "20/11/2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.SystemScope(out var db2);
        var row = await db2.Set<Contribution>().SingleAsync(c => c.PublicWorkId == workId, Ct);
        Assert.Equal(150m, row.Quantity);
        Assert.Equal(30_000_000m, row.EstimatedValueVnd);
        Assert.True(await db2.Set<AuditEntry>().AnyAsync(a => a.Action == "contribution.create" && a.EntityId == row.Id.ToString(CultureInfo.InvariantCulture), Ct));
    }

    [Fact]
    public async Task PersonRecord_ShowsTheirCommendations()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        int person;
        await using (var scope = app.SystemScope(out var db))
        {
            person = await db.Users.Where(u => u.UserName == Secretary).Select(u => u.PersonId!.Value).SingleAsync(Ct);
        }

        var doc = await client.GetPageAsync($"/staff/people/{person}");
        Assert.Contains("2870/QĐ-UBND", doc.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewEvidence_ListsTheMembersCommendationsOfTheYear()
    {
        int year, person;
        await using (var scope = app.SystemScope(out var db))
        {
            var committee = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.OldCommitteeCode).Select(u => u.Id).SingleAsync(Ct);
            year = await db.Set<CongVu.Features.Reviews.RatingYear>().Where(y => y.CommitteeId == committee && y.Year == 2020).Select(y => y.Id).SingleAsync(Ct);
            person = await db.Users.Where(u => u.UserName == Secretary).Select(u => u.PersonId!.Value).SingleAsync(Ct);
        }

        var client = await app.SignInAsync(Committee);
        var doc = await client.GetPageAsync($"/staff/reviews/{year}/members/{person}");
        Assert.Contains("2870/QĐ-UBND", doc.Text(), StringComparison.Ordinal);
    }
}
