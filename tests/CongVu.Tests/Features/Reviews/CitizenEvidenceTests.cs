using CongVu.Features.Feedback;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reviews;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Reviews;

/// <summary>The review screen shows what citizens and the one-stop desk say about the member, as counts only.</summary>
public class CitizenEvidenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ReviewScreen_ShowsPraiseUpheldComplaintsWithCriteria_AndDossierTimeliness()
    {
        var ct = TestContext.Current.CancellationToken;
        int yearId, person;
        await using (var scope = app.SystemScope(out var db))
        {
            var year = await db.Set<RatingYear>().FirstAsync(y => y.Year == 2025, ct);
            var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(ct);
            var secretary = await db.Users.Where(u => u.UserName == DemoCommune.Accounts[2].UserName).Select(u => u.PersonId).FirstAsync(ct);
            person = await db.Set<RatingDecision>().Where(d => d.RatingYearId == year.Id && d.IsCurrent && d.OrgUnitId == cayGon && d.PersonId != secretary)
                .Select(d => d.PersonId).FirstAsync(ct);
            var name = await db.People.Where(p => p.Id == person).Select(p => p.FullName).FirstAsync(ct);
            var commune = await db.OrgUnits.Where(u => u.Code == "tieu-can").Select(u => u.Id).FirstAsync(ct);
            yearId = year.Id;
            var n = 0;
            FeedbackItem Item(FeedbackKind kind, FeedbackOutcome? outcome, string? codes, bool apologised) => new()
            {
                TrackingCode = "EVID" + (++n).ToString("000000", System.Globalization.CultureInfo.InvariantCulture),
                Kind = kind,
                Text = "Phản ánh về cán bộ (dữ liệu kiểm thử)",
                CommuneId = commune,
                OrgUnitId = commune,
                SubjectKind = FeedbackSubjectKind.Official,
                SubjectPersonId = person,
                ReceivedOn = new DateOnly(2025, 9, 10),
                ReceivedAt = new DateTime(2025, 9, 10, 2, 0, 0, DateTimeKind.Utc),
                DueOn = new DateOnly(2025, 9, 17),
                Outcome = outcome,
                ConductCodes = codes,
                Apologised = apologised,
            };
            db.AddRange(
                Item(FeedbackKind.Khen, null, null, false),
                Item(FeedbackKind.Khen, null, null, false),
                Item(FeedbackKind.PhanAnh, FeedbackOutcome.Resolved, "3K-1, 3D-2", true),
                Item(FeedbackKind.KhieuNai, FeedbackOutcome.NotUpheld, null, false));
            db.AddRange(
                new Dossier { OrgUnitId = commune, Code = "EVID-1", Procedure = "Chứng thực bản sao", Official = name, ReceivedOn = new(2025, 10, 1), DueOn = new(2025, 10, 3), ReturnedOn = new(2025, 10, 2), ImportedAt = new DateTime(2025, 10, 5, 0, 0, 0, DateTimeKind.Utc) },
                new Dossier { OrgUnitId = commune, Code = "EVID-2", Procedure = "Đăng ký khai sinh", Official = name, ReceivedOn = new(2025, 10, 6), DueOn = new(2025, 10, 8), ReturnedOn = new(2025, 10, 10), ImportedAt = new DateTime(2025, 10, 12, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(ct);
        }

        // The cell secretary reviewing the member sees the evidence although feedback is routed to the commune.
        var secretaryClient = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var text = (await secretaryClient.GetPageAsync($"/staff/reviews/{yearId}/members/{person}")).Text();
        Assert.Contains("2 lời khen; 2 phản ánh, khiếu nại về đồng chí, 1 được xác định đúng; 1 lần cơ quan xin lỗi", text, StringComparison.Ordinal);
        Assert.Contains("3K-1", text, StringComparison.Ordinal);
        Assert.Contains("3D-2", text, StringComparison.Ordinal);
        Assert.Contains("2 hồ sơ một cửa đã trả: 1 đúng hạn, 1 trễ hạn.", text, StringComparison.Ordinal);
        // Counts only: nothing of the complainants reaches the review screen.
        Assert.DoesNotContain("EVID0000", text, StringComparison.Ordinal);
    }
}
